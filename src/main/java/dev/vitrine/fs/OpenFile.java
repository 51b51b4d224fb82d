package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/** An open regular file: reads and writes at the description's offset through the inode's page cache (mm.FilePages). */
public final class OpenFile implements File {
    private final RegularFile inode;

    public OpenFile(RegularFile inode) {
        this.inode = inode;
        if (inode.store() instanceof HostStore h) h.opened();
    }

    /** A mounted host file unlinked while open keeps its host fd until its last open is closed. */
    @Override public void close() { if (inode.store() instanceof HostStore h) h.closed(); }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        return inode.pages().read(offset, dst, off, len);
    }

    @Override public long write(byte[] src, int off, int len, long offset) {
        if (offset + len > Long.MAX_VALUE - 4096 || offset < 0) return -Errno.EFBIG;
        inode.pages().write(offset, src, off, len);
        return len;
    }

    @Override public Stat stat() { return inode.stat(); }
    @Override public boolean seekable() { return true; }
    @Override public Inode inode() { return inode; }
}
