package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/** An O_PATH descriptor: names an inode for *at() calls, fstat and fchdir; reads and writes are EBADF. */
public final class PathFile implements File {
    private final Inode inode;

    public PathFile(Inode inode) { this.inode = inode; }

    @Override public long read(byte[] dst, int off, int len, long offset) { return -Errno.EBADF; }
    @Override public long write(byte[] src, int off, int len, long offset) { return -Errno.EBADF; }
    @Override public Stat stat() { return inode.stat(); }
    @Override public Inode inode() { return inode; }
}
