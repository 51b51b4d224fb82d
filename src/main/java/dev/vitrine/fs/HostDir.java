package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory of a mounted host tree (--mount HOST:GUEST[:rw]). It holds a {@link HostHandle}
 * on its own host directory and asks the host about one entry at a time relative to that
 * handle's fd (fstatat, openat, mkdirat, unlinkat, renameat2, linkat, symlinkat, mknodat),
 * never with a path and never following a host symlink: Namei walks the guest's tree, a host
 * symlink is a guest symlink resolved there, and ".." is the guest's parent. A rename moves
 * the handle with the directory, so nothing outside the mounted directory is reachable.
 * Inodes are made on first sight and kept (one per host inode, so hard links share one).
 */
public final class HostDir extends Dir {
    /**
     * What every directory of one mount shares. Inodes are held weakly, as Linux's dentry and
     * inode caches are reclaimable: one the guest no longer uses (no fd, cwd, mapping or child
     * in use) is dropped and made again, with the same number, when it is next looked up.
     */
    private static final class Tree {
        final Vfs vfs;
        final boolean writable;
        final long rootDev;
        /** Who every file of the mount belongs to in the guest (the host's owners mean nothing there). */
        final int owner;
        final HostFdCache fds = new HostFdCache();
        final Map<Key, Held> inodes = new HashMap<>();
        final ReferenceQueue<Inode> dropped = new ReferenceQueue<>();

        Tree(Vfs vfs, boolean writable, long rootDev, int owner) {
            this.vfs = vfs;
            this.writable = writable;
            this.rootDev = rootDev;
            this.owner = owner;
        }

        <I extends Inode> I own(I i) {
            if (i != null) i.setOwner(owner, owner);
            return i;
        }

        Inode get(Key k) {
            Held h = inodes.get(k);
            return h == null ? null : h.get();
        }

        void put(Key k, Inode i) { inodes.put(k, new Held(i, dropped, null, null, k)); }

        /** Forgets the names and numbers of inodes the GC took. */
        void purge() {
            for (Reference<? extends Inode> r; (r = dropped.poll()) != null; ) {
                Held h = (Held) r;
                if (h.dir == null) inodes.remove(h.key, h);
                else h.dir.seen.remove(h.name, h);
            }
        }

        /** The guest's inode number for a host one: the host's, mixed with its device if that is not the mount's. */
        long ino(HostCalls.HostStat st) {
            return st.dev() == rootDev ? st.ino() : st.ino() ^ (st.dev() * 0x9E3779B97F4A7C15L) | 1L << 63;
        }
    }

    private record Key(long dev, long ino) {
        static Key of(HostCalls.HostStat st) { return new Key(st.dev(), st.ino()); }
    }

    /** A weak hold on an inode: in the tree's numbers ({@code dir} null) or under a name of a directory. */
    private static final class Held extends WeakReference<Inode> {
        final HostDir dir;
        final String name;
        final Key key;

        Held(Inode i, ReferenceQueue<Inode> q, HostDir dir, String name, Key key) {
            super(i, q);
            this.dir = dir;
            this.name = name;
            this.key = key;
        }
    }

    private final Tree tree;
    private final HostHandle handle;
    private final TreeMap<String, Held> seen = new TreeMap<>();
    /** Mounts nested under this directory (a --mount whose spot is one of its subdirectories). */
    private final TreeMap<String, Dir> covered = new TreeMap<>();

    private HostDir(Tree tree, long dev, long ino, int perm, HostHandle handle, Dir parent) {
        super(tree.vfs, dev, ino, perm, parent);
        this.tree = tree;
        this.handle = handle;
    }

    @Override public boolean readOnly() { return !tree.writable; }

    private void checkWritable() { if (!tree.writable) throw new FsException(Errno.EROFS); }

    private int fd() { return handle.fd(); }

    private void done() { tree.fds.trim(); }

    /** chmod(2) reaches the host directory (a rw mount); a removed one keeps only the guest's mode. */
    @Override public void chmod(int perm, long now) {
        if (tree.writable && handle.anchored()) {
            try {
                handle.chmod(perm);
            } finally {
                done();
            }
        }
        super.chmod(perm, now);
    }

    /**
     * The host's size and link count (its subdirectories are links whether the guest looked
     * at them or not; fts and find trust st_nlink), without listing the directory.
     */
    @Override public Stat stat() {
        Stat s = super.stat();
        HostCalls.HostStat h = hostStat();
        return h == null ? s : h.over(s);
    }

    /** utimensat(2) reaches the host directory (a rw mount). */
    @Override public void setTimes(long a, long m, long now) {
        if (tree.writable && handle.anchored()) {
            try {
                handle.setTimes(a, m);
            } finally {
                done();
            }
        }
        super.setTimes(a, m, now);
    }

    @Override public long size() {
        HostCalls.HostStat h = hostStat();
        return h == null ? 0 : h.size();
    }

    private HostCalls.HostStat hostStat() {
        if (!handle.anchored()) return null;
        try {
            return HostCalls.fstat(fd());
        } catch (FsException e) {
            return null;
        } finally {
            done();
        }
    }

    @Override public Inode lookup(String name) {
        try {
            return find(name);
        } finally {
            done();
        }
    }

    private Inode find(String name) {
        Dir c = covered.get(name);
        if (c != null) return c;
        byte[] hn = HostCalls.name(name);
        int dfd = fd();
        HostCalls.HostStat st = HostCalls.statAt(dfd, hn);
        tree.purge();
        Held old = seen.get(name);
        Inode was = old == null ? null : old.get();
        if (st == null) {
            if (old != null) forget(name, was);
            return null;
        }
        Key key = Key.of(st);
        if (was != null && old.key.equals(key) && sameKind(was, st)) {
            if (was instanceof RegularFile r && r.store() instanceof HostStore s && !s.handle().anchored())
                s.handle().moveTo(handle, hn);      // another name of it went; this one still holds it
            return was;
        }
        if (old != null) forget(name, was);
        Inode i = tree.get(key);
        if (i != null && sameKind(i, st)) {
            // a hard link, or moved on the host: the same inode, now found here
            if (i instanceof HostDir d) { d.handle.moveTo(handle, hn); d.setParent(this); }
            else if (i instanceof RegularFile r && r.store() instanceof HostStore s) s.handle().moveTo(handle, hn);
        } else {
            i = make(dfd, hn, name, st);
            if (i == null) return null;             // host devices and sockets stay invisible
            tree.put(key, i);
        }
        i.link();
        hold(name, key, i);
        return i;
    }

    private void hold(String name, Key key, Inode i) { seen.put(name, new Held(i, tree.dropped, this, name, key)); }

    private static boolean sameKind(Inode i, HostCalls.HostStat st) { return i.type() == st.type(); }

    private Inode make(int dfd, byte[] hn, String name, HostCalls.HostStat st) {
        int perm = st.mode() & 07777;
        long ino = tree.ino(st);
        return tree.own(switch (st.type()) {
            case Stat.S_IFDIR -> new HostDir(tree, dev(), ino, perm, handle.child(hn, st, false), this);
            case Stat.S_IFREG -> {
                RegularFile f = new RegularFile(tree.vfs, dev(), ino, perm,
                        new HostStore(handle.child(hn, st, tree.writable), tree.writable), !tree.writable);
                f.setName("/" + name);
                yield f;
            }
            case Stat.S_IFLNK -> {
                String target = HostCalls.text(HostCalls.readlinkAt(dfd, hn));
                yield times(new Symlink(tree.vfs, dev(), ino, pid -> target), st);
            }
            // A host FIFO is a guest FIFO: guest readers and writers meet; it is no channel to the host.
            case Stat.S_IFIFO -> times(new Fifo(tree.vfs, dev(), ino, perm), st);
            default -> null;
        });
    }

    /** A symlink or FIFO shows the host's times, the same each time it is made again. */
    private static Inode times(Inode i, HostCalls.HostStat st) {
        i.setTimes(st.atimeNs(), st.mtimeNs(), st.ctimeNs());
        return i;
    }

    /** The name no longer shows {@code old} (null: the GC took it): the guest's view of the host changed under it. */
    private void forget(String name, Inode old) {
        seen.remove(name);
        if (old != null) old.unlink();
    }

    @Override public List<Entry> entries() {
        try {
            TreeMap<String, Inode> out = new TreeMap<>();
            for (byte[] n : HostCalls.list(fd())) {
                String name = Names.of(n);
                Inode i = find(name);
                if (i != null) out.put(name, i);
            }
            out.putAll(covered);
            List<Entry> list = new ArrayList<>(out.size());
            out.forEach((n, i) -> list.add(new Entry(n, i)));
            return list;
        } finally {
            done();
        }
    }

    /** link(2) by an open file's own handle (linkat with AT_EMPTY_PATH): a new host name made by linkat. */
    @Override public void add(String name, Inode inode) {
        checkWritable();
        try {
            if (!(inode instanceof RegularFile r && r.store() instanceof HostStore s && s.handle().anchored()))
                throw new FsException(Errno.EPERM);
            if (!s.handle().of(tree.fds)) throw new FsException(Errno.EXDEV);
            int dfd = fd();
            s.handle().linkInto(dfd, HostCalls.name(name));
            find(name);
            touch(tree.vfs.now());
        } finally {
            done();
        }
    }

    /** link(2) of {@code inode}, found as {@code fromName} in {@code from} (any kind but a directory). */
    public void linkFrom(HostDir from, String fromName, Inode inode, String name) {
        checkWritable();
        try {
            if (from.tree != tree) throw new FsException(Errno.EXDEV);   // host fds of two mounts never meet
            if (from.find(fromName) != inode) throw new FsException(Errno.ENOENT);
            HostCalls.linkAt(from.fd(), HostCalls.name(fromName), fd(), HostCalls.name(name));
            find(name);
            touch(tree.vfs.now());
        } finally {
            done();
        }
    }

    @Override public void remove(String name) {
        checkWritable();
        try {
            if (covered.containsKey(name)) throw new FsException(Errno.EBUSY);
            Inode i = find(name);
            if (i == null) throw new FsException(Errno.ENOENT);
            byte[] hn = HostCalls.name(name);
            if (i instanceof RegularFile r && r.store() instanceof HostStore s) s.prepareToLose();
            HostCalls.unlinkAt(fd(), hn, i instanceof Dir);
            dropped(name, i, false);
            touch(tree.vfs.now());
        } finally {
            done();
        }
    }

    /**
     * {@code name} no longer names {@code i} on the host (unlinked, or renamed over); {@code dot}:
     * drop a removed directory's own "." link too (rmdir's caller does that itself).
     */
    private void dropped(String name, Inode i, boolean dot) {
        Held s = seen.remove(name);
        i.unlink();
        i.changed(tree.vfs.now());
        if (s != null && i.nlink() <= 0) tree.inodes.remove(s.key);
        if (i instanceof HostDir d) {
            unlink();                           // its ".." no longer points here
            if (dot) d.unlink();
            d.handle.lost(false);
        } else if (i instanceof RegularFile r && r.store() instanceof HostStore hs && hs.handle().isAt(handle, HostCalls.name(name))) {
            hs.lost(r);
        }
    }

    /**
     * renameat2 within this mount: the host checks and does it in one step (NOREPLACE,
     * EXCHANGE included), then the guest's view follows: the moved inodes keep their identity
     * and their handles now name them where they went.
     */
    public void rename(String from, HostDir to, String toName, int flags, boolean exchange) {
        checkWritable();
        try {
            if (to.tree != tree) throw new FsException(Errno.EXDEV);       // host fds of two mounts never meet
            if (covered.containsKey(from) || to.covered.containsKey(toName)) throw new FsException(Errno.EBUSY);
            Inode src = find(from);
            if (src == null) throw new FsException(Errno.ENOENT);
            Inode victim = to.find(toName);
            byte[] a = HostCalls.name(from), b = HostCalls.name(toName);
            if (!exchange && victim != null && victim != src && victim instanceof RegularFile r && r.store() instanceof HostStore s)
                s.prepareToLose();
            int sfd = fd(), dfd = to.fd();
            HostCalls.renameAt(sfd, a, dfd, b, flags);
            long now = tree.vfs.now();
            if (victim == src) return;              // two names of one inode: nothing moves
            Held ss = seen.remove(from), vs = to.seen.remove(toName);
            if (exchange) {
                if (vs != null) { hold(from, vs.key, victim); moved(victim, this, a); }
                victim.changed(now);
            } else if (victim != null) {
                if (vs != null) to.hold(toName, vs.key, victim);
                to.dropped(toName, victim, true);
            }
            if (ss != null) to.hold(toName, ss.key, src);
            moved(src, to, b);
            if (src instanceof Dir && (victim == null || !exchange || !(victim instanceof Dir)) && this != to) {
                unlink();
                to.link();
            }
            if (exchange && victim instanceof Dir && !(src instanceof Dir) && this != to) {
                to.unlink();
                link();
            }
            src.changed(now);
            touch(now);
            to.touch(now);
        } finally {
            done();
        }
    }

    private static void moved(Inode i, HostDir to, byte[] name) {
        if (i instanceof HostDir d) {
            d.handle.moveTo(to.handle, name);
            d.setParent(to);
        } else if (i instanceof RegularFile r && r.store() instanceof HostStore s) {
            s.handle().moveTo(to.handle, name);
        }
    }

    @Override public RegularFile createFile(String name, int perm) {
        checkWritable();
        try {
            byte[] hn = HostCalls.name(name);
            int f = HostCalls.openAt(fd(), hn, HostCalls.O_CREAT | HostCalls.O_EXCL | HostCalls.O_RDWR, perm & 07777);
            HostCalls.HostStat st;
            try {
                HostCalls.chmod(f, perm);           // the guest's umask, not the JVM's
                st = HostCalls.fstat(f);
            } catch (FsException e) {
                HostCalls.closeFd(f);
                throw e;
            }
            RegularFile r = tree.own(new RegularFile(tree.vfs, dev(), tree.ino(st), perm, new HostStore(handle.childWithFd(hn, st, f), true), false));
            r.setName("/" + name);
            tree.put(Key.of(st), r);
            r.link();
            hold(name, Key.of(st), r);
            touch(tree.vfs.now());
            return r;
        } finally {
            done();
        }
    }

    @Override public Dir createDir(String name, int perm) {
        checkWritable();
        try {
            HostCalls.mkdirAt(fd(), HostCalls.name(name), perm & 07777);
            Inode i = find(name);
            if (!(i instanceof HostDir d)) throw new FsException(Errno.EIO);
            d.chmod(perm, tree.vfs.now());
            link();                                 // the new directory's ".."
            touch(tree.vfs.now());
            return d;
        } finally {
            done();
        }
    }

    /** symlink(2): made on the host by symlinkat, shown back as a guest symlink. */
    public Inode createSymlink(String name, String target) {
        checkWritable();
        try {
            HostCalls.symlinkAt(Names.bytes(target), fd(), HostCalls.name(name));
            touch(tree.vfs.now());
            return find(name);
        } finally {
            done();
        }
    }

    /** mkfifo(3): a host FIFO, which the guest sees as its own FIFO. */
    public Inode createFifo(String name, int perm) {
        checkWritable();
        try {
            HostCalls.mkfifoAt(fd(), HostCalls.name(name), perm);
            touch(tree.vfs.now());
            return find(name);
        } finally {
            done();
        }
    }

    /**
     * stat(2) of a mount's root through the JDK, which needs no JNA (the root's fd is opened on
     * first use, see HostHandle.root): only a directory can be mounted (ENOTDIR otherwise). The
     * device number as statx gives it, major and minor apart, as in every other HostStat; the
     * rest of the root's attributes are read from its fd when asked for.
     */
    private static HostCalls.HostStat statRoot(java.nio.file.Path host) {
        Map<String, Object> a;
        try {
            a = java.nio.file.Files.readAttributes(host, "unix:dev,ino,mode");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new FsException(Errno.ENOENT);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new FsException(Errno.EACCES);
        } catch (java.nio.file.FileSystemException e) {   // ENOTDIR, ELOOP, ENAMETOOLONG...: the JDK gives only strerror's text
            throw new FsException(underFile(host) ? Errno.ENOTDIR : Errno.EIO);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            throw new FsException(Errno.EIO);
        }
        int mode = (Integer) a.get("mode");
        if ((mode & Stat.S_IFMT) != Stat.S_IFDIR) throw new FsException(Errno.ENOTDIR);
        long dev = (Long) a.get("dev");
        // glibc's makedev encoding of st_dev, taken apart (sys/sysmacros.h).
        long major = (dev >>> 32 & 0xfffff000L) | (dev >>> 8 & 0xfffL), minor = (dev >>> 12 & 0xffffff00L) | (dev & 0xffL);
        return new HostCalls.HostStat(major << 32 | minor, (Long) a.get("ino"), mode, 0, 0, 0, 0, 0);
    }

    /** Whether a path's nearest existing ancestor is not a directory (ENOTDIR), told without the locale's strerror text. */
    private static boolean underFile(java.nio.file.Path host) {
        for (java.nio.file.Path p = host.toAbsolutePath().getParent(); p != null; p = p.getParent())
            if (java.nio.file.Files.exists(p)) return !java.nio.file.Files.isDirectory(p);
        return false;
    }

    /**
     * Mounts host directory {@code host} at {@code dir/name}; the mount root's ".." is {@code dir}.
     * Nothing on the host changes: under a host directory the spot must be an existing
     * directory, which the mount covers (as Linux's mount does) instead of replacing it.
     */
    public static HostDir mount(Vfs vfs, Dir dir, String name, java.nio.file.Path host, boolean writable) {
        return mount(vfs, dir, name, host, writable, dev.vitrine.abi.Cred.UID);
    }

    /** As above, every file belonging to uid and gid {@code owner} (0 for the system's own trees, such as the sysroot). */
    public static HostDir mount(Vfs vfs, Dir dir, String name, java.nio.file.Path host, boolean writable, int owner) {
        java.nio.file.Path path = host.toAbsolutePath().normalize();
        HostCalls.HostStat st = statRoot(path);
        Tree tree = new Tree(vfs, writable, st.dev(), owner);
        HostHandle root = HostHandle.root(tree.fds, path, st);
        HostDir d = tree.own(new HostDir(tree, vfs.nextHostDev(), st.ino(), st.mode() & 07777, root, dir));
        tree.fds.closeAllWhenGone(d, root);
        vfs.addHostMount(d.dev(), root, writable);
        if (dir instanceof HostDir hd) {
            if (!(hd.lookup(name) instanceof Dir)) throw new FsException(Errno.ENOENT);
            hd.covered.put(name, d);
            d.link();
        } else {
            if (dir.lookup(name) != null) dir.remove(name);
            dir.add(name, d);
        }
        return d;
    }

    /** How many inodes of this mount the machine holds now (for tests). */
    int heldInodes() {
        tree.purge();
        return tree.inodes.size();
    }

    /** How many host fds this mount holds open now, beyond its root (for tests). */
    int openFds() { return tree.fds.size(); }
}
