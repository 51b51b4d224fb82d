package dev.vitrine.fs;

import dev.vitrine.abi.Cred;

/**
 * What a name in the tree points at: xv6's inode. The kind (directory, regular file, FIFO,
 * symlink, device) is the subclass; the mode's S_IFMT bits always agree with it.
 */
public abstract sealed class Inode permits Dir, RegularFile, Fifo, Symlink, Device, SocketNode {
    private final long dev;
    private final long ino;
    private int mode;
    private int nlink;
    private int uid = Cred.UID, gid = Cred.GID;
    private long atime, mtime, ctime;
    private Locks locks;

    protected Inode(Vfs vfs, long dev, int mode) { this(vfs, dev, vfs.nextIno(), mode); }

    /** With a given inode number (a mounted host file keeps the host's). */
    protected Inode(Vfs vfs, long dev, long ino, int mode) {
        this.dev = dev;
        this.ino = ino;
        this.mode = mode;
        vfs.inodeMade(dev);
        long now = vfs.now();
        atime = mtime = ctime = now;
    }

    private Xattrs xattrs;

    /**
     * Its extended attributes when the inode lives in memory (tmpfs, devtmpfs), made on first
     * use; null for others (procfs, a --mount's host files), whose file systems have none here.
     */
    public Xattrs xattrs() {
        if (dev != Vfs.TMPFS_DEV && dev != Vfs.DEVTMPFS_DEV) return null;
        if (this instanceof HostDir || this instanceof RegularFile r && !(r.store() instanceof MemStore)) return null;
        if (xattrs == null) xattrs = new Xattrs();
        return xattrs;
    }

    /** The attributes' bytes go back when the inode's data does. */
    protected void releaseXattrs(Vfs v) { if (xattrs != null) xattrs.release(v.xattrSpace()); }

    public long dev() { return dev; }
    public long ino() { return ino; }
    public int mode() { return mode; }
    public int type() { return mode & Stat.S_IFMT; }
    public int perm() { return mode & 07777; }
    public void chmod(int perm, long now) { mode = (mode & Stat.S_IFMT) | (perm & 07777); ctime = now; }
    public int nlink() { return nlink; }
    public void link() { nlink++; }
    public void unlink() { nlink--; }
    public int uid() { return uid; }
    public int gid() { return gid; }
    public void setOwner(int u, int g) { uid = u; gid = g; }
    public void touch(long now) { mtime = ctime = now; }
    public void changed(long now) { ctime = now; }
    public void accessed(long now) { atime = now; }
    public void setTimes(long a, long m, long now) { atime = a; mtime = m; ctime = now; }
    public long atime() { return atime; }
    public long mtime() { return mtime; }

    public abstract long size();

    /** fcntl record locks, made on first use. */
    public Locks locks() { return locks == null ? locks = new Locks() : locks; }
    public boolean hasLocks() { return locks != null && !locks.isEmpty(); }

    /** A host-backed or generated tree refuses changes with EROFS. */
    public boolean readOnly() { return false; }

    protected long rdev() { return 0; }

    protected long blocks() { return (size() + 4095) / 4096 * 8; }

    public Stat stat() {
        long size = size();
        // tmpfs allocates whole pages: st_blocks counts 512-byte units of them.
        return new Stat(dev, ino, mode, nlink, uid, gid, rdev(), size, 4096, blocks(), atime, mtime, ctime);
    }
}
