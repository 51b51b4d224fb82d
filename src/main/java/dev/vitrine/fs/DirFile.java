package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/** An open directory: read(2) is EISDIR; getdents64 walks "." , ".." and then the sorted names. */
public final class DirFile implements File {
    private final Dir dir;

    public DirFile(Dir dir) { this.dir = dir; }

    public Dir dir() { return dir; }

    @Override public long read(byte[] dst, int off, int len, long offset) { return -Errno.EISDIR; }
    @Override public long write(byte[] src, int off, int len, long offset) { return -Errno.EBADF; }
    @Override public Stat stat() { return dir.stat(); }
    @Override public boolean seekable() { return true; }
    @Override public Inode inode() { return dir; }
}
