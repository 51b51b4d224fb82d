package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

import java.util.List;

/**
 * A directory: names to inodes. Subclasses keep the names in memory, on the host, or make
 * them up (/proc). Entries come back sorted by name so getdents64 order is stable.
 */
public abstract sealed class Dir extends Inode permits MemDir, HostDir, ProcDir {
    /** One name in a directory listing. */
    public record Entry(String name, Inode inode) {}

    private Dir parent;

    protected Dir(Vfs vfs, long dev, int perm, Dir parent) { this(vfs, dev, vfs.nextIno(), perm, parent); }

    protected Dir(Vfs vfs, long dev, long ino, int perm, Dir parent) {
        super(vfs, dev, ino, Stat.S_IFDIR | (perm & 07777));
        this.parent = parent == null ? this : parent;
        link();                      // "." (the parent's entry adds the other link)
    }

    /** ".." : the root is its own parent; a mount's root points at the mountpoint's parent. */
    public Dir parent() { return parent; }
    public void setParent(Dir p) { parent = p; }

    /** The inode called {@code name} here, or null. */
    public abstract Inode lookup(String name);

    public abstract List<Entry> entries();

    /** Puts an existing inode under a new name (link, rename, mknod). */
    public abstract void add(String name, Inode inode);

    /** Drops a name; the inode lives on while it is open or linked elsewhere. */
    public abstract void remove(String name);

    public abstract RegularFile createFile(String name, int perm);

    public abstract Dir createDir(String name, int perm);

    /** O_TMPFILE: a regular file in this directory's file system under no name; EOPNOTSUPP where it has no ->tmpfile. */
    public RegularFile createTmpFile(int perm) { throw new FsException(Errno.ENOTSUP); }

    public boolean isEmpty() { return entries().isEmpty(); }

    /** tmpfs reports 20 bytes per entry plus two for "." and "..". */
    @Override public long size() { return 20L * (entries().size() + 2); }

    @Override protected long blocks() { return 0; }

    /** The name this directory has in its parent, or null if it was removed. */
    public String nameIn(Dir p) {
        for (Entry e : p.entries()) if (e.inode() == this) return e.name();
        return null;
    }
}
