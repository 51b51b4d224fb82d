package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A directory of the in-memory tree (tmpfs). */
public final class MemDir extends Dir {
    private final Vfs vfs;
    private final TreeMap<String, Inode> names = new TreeMap<>();
    /** The tmpfs its files' pages count against: a mount(2)ed one's own, else null for the tree's. */
    private final Tmpfs fs;

    public MemDir(Vfs vfs, long dev, int perm, Dir parent) { this(vfs, dev, perm, parent, null); }

    /** A directory of the tmpfs {@code fs} (null: the in-memory tree's). */
    public MemDir(Vfs vfs, long dev, int perm, Dir parent, Tmpfs fs) {
        super(vfs, dev, perm, parent);
        this.vfs = vfs;
        this.fs = fs;
    }

    private Tmpfs fs() { return fs != null ? fs : vfs.tmpfs(); }

    @Override public Inode lookup(String name) { return names.get(name); }

    @Override public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(names.size());
        names.forEach((n, i) -> out.add(new Entry(n, i)));
        return out;
    }

    @Override public void add(String name, Inode inode) {
        if (names.containsKey(name)) throw new FsException(Errno.EEXIST);
        names.put(name, inode);
        inode.link();
        if (inode instanceof Dir d) { d.setParent(this); link(); }
        touch(vfs.now());
    }

    /** mount: {@code root} shows at {@code name} in place of the directory there, which the mount keeps. */
    void cover(String name, Dir root) {
        names.put(name, root);
        root.setParent(this);
    }

    /** umount: the covered directory is back at {@code name}. */
    void uncover(String name, Inode covered) { names.put(name, covered); }

    @Override public void remove(String name) {
        Inode m = names.get(name);
        if (m instanceof Dir d && vfs.tmpfsMountOf(d) != null) throw new FsException(Errno.EBUSY);   // a mount point
        Inode i = names.remove(name);
        if (i == null) throw new FsException(Errno.ENOENT);
        i.unlink();
        if (i instanceof Dir) unlink();      // its ".." no longer points here
        i.changed(vfs.now());
        touch(vfs.now());
    }

    @Override public RegularFile createFile(String name, int perm) {
        RegularFile f = new RegularFile(vfs, dev(), perm, new MemStore(fs()));
        add(name, f);
        return f;
    }

    /** shmem_tmpfile: no name, no link; the caller decides whether linkat may give it one. */
    @Override public RegularFile createTmpFile(int perm) { return new RegularFile(vfs, dev(), perm, new MemStore(fs())); }

    @Override public Dir createDir(String name, int perm) {
        MemDir d = new MemDir(vfs, dev(), perm, this, fs);
        add(name, d);
        return d;
    }
}
