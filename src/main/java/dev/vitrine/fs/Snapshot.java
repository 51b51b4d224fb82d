package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/** An open /proc file: its text is made once at open (as seq_file does per read) and then read like a file. */
public final class Snapshot implements File {
    private final RegularFile inode;
    private final byte[] text;

    public Snapshot(RegularFile inode, byte[] text) {
        this.inode = inode;
        this.text = text;
    }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (offset >= text.length) return 0;
        int n = (int) Math.min(len, text.length - offset);
        System.arraycopy(text, (int) offset, dst, off, n);
        return n;
    }

    @Override public long write(byte[] src, int off, int len, long offset) { return -Errno.EACCES; }
    @Override public Stat stat() { return inode.stat(); }
    @Override public boolean seekable() { return true; }
    @Override public Inode inode() { return inode; }
}
