package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import dev.vitrine.mm.KernelPages;

/**
 * A tmpfs mounted at run time (mount(2) as root): its own device number and {@link Tmpfs}, its
 * root directory in the place of the directory it covers, which comes back when it goes.
 * Only a directory of the in-memory tree can be covered, once.
 */
public final class TmpfsMount {
    private final Vfs vfs;
    private final long dev;
    private final MemDir root;
    private final Dir parent;
    private final String name;
    private final Inode covered;
    private final Tmpfs fs;
    private boolean gone;

    private TmpfsMount(Vfs vfs, long dev, MemDir root, Dir parent, String name, Inode covered, Tmpfs fs) {
        this.vfs = vfs;
        this.dev = dev;
        this.root = root;
        this.parent = parent;
        this.name = name;
        this.covered = covered;
        this.fs = fs;
    }

    /**
     * Mounts a new tmpfs of at most {@code maxBytes} on directory {@code name} of {@code parent}
     * (both of the in-memory tree), its root of mode {@code mode} and owner {@code uid}/{@code gid};
     * {@code point} is the path /proc/mounts shows, {@code source} the device name given.
     */
    public static TmpfsMount mount(Vfs v, MemDir parent, String name, String point, String source, long maxBytes,
                                   int mode, int uid, int gid) {
        Inode covered = parent.lookup(name);
        if (!(covered instanceof MemDir)) throw new FsException(Errno.ENOTDIR);
        Tmpfs fs = new Tmpfs(maxBytes, v.pager() == null ? KernelPages.heap() : v.pager().kernelMemory());
        long dev = v.nextHostDev();
        MemDir root = new MemDir(v, dev, mode & 07777, parent, fs);
        root.setOwner(uid, gid);
        root.link();                   // its name in the parent, as a directory's
        parent.cover(name, root);
        TmpfsMount m = new TmpfsMount(v, dev, root, parent, name, covered, fs);
        v.addTmpfsMount(m);
        v.mounts().add(point, source, "tmpfs", dev, m::options);
        v.wakeup().wakeup(v.mounts().channel(), Poll.POLLPRI | Poll.POLLERR);
        return m;
    }

    public long dev() { return dev; }
    public MemDir root() { return root; }
    Tmpfs fs() { return fs; }

    /** shmem_show_options: the size, the root's mode unless 1777, its owner unless root. */
    private String options() {
        StringBuilder b = new StringBuilder(",size=").append(fs.maxPages() * 4).append('k');
        int mode = root.perm() & 07777;
        if (mode != 01777) b.append(",mode=").append(String.format("%03o", mode));
        if (root.uid() != 0) b.append(",uid=").append(root.uid());
        if (root.gid() != 0) b.append(",gid=").append(root.gid());
        return b.toString();
    }

    /**
     * umount: the covered directory is back, and the tmpfs's files lose their names (kill_litter_super),
     * so their pages go back to the machine now, or when the last descriptor or mapping of one goes
     * (a lazy unmount's open files).
     */
    public void unmount() {
        if (gone) return;
        gone = true;
        ((MemDir) parent).uncover(name, covered);
        clear(root);
        vfs.tmpfs().reap();
        v().removeTmpfsMount(this);
        v().mounts().remove(dev);
        v().wakeup().wakeup(v().mounts().channel(), Poll.POLLPRI | Poll.POLLERR);
    }

    private Vfs v() { return vfs; }

    /** Unlinks every name in the tree under {@code top}, deepest first, without recursion (a guest's tree may be deep). */
    private static void clear(MemDir top) {
        java.util.ArrayDeque<MemDir> todo = new java.util.ArrayDeque<>();
        todo.push(top);
        while (!todo.isEmpty()) {
            MemDir d = todo.peek();
            MemDir sub = null;
            for (Dir.Entry e : d.entries()) if (e.inode() instanceof MemDir m && !m.entries().isEmpty()) { sub = m; break; }
            if (sub != null) { todo.push(sub); continue; }
            for (Dir.Entry e : d.entries()) d.remove(e.name());
            todo.pop();
        }
    }
}
