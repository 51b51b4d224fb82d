package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/** An open regular file: reads and writes at the description's offset through the inode's page cache (mm.FilePages). */
public final class OpenFile implements File {
    private final RegularFile inode;

    public OpenFile(RegularFile inode) {
        this.inode = inode;
        inode.opened();
        if (inode.store() instanceof HostStore h) h.opened();
    }

    /** A file unlinked while open keeps its data until its last open is closed (a mounted host file its host fd). */
    @Override public void close() {
        if (inode.store() instanceof HostStore h) h.closed();
        inode.closed();
    }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        return inode.pages().read(offset, dst, off, len);
    }

    @Override public long write(byte[] src, int off, int len, long offset) {
        try {
            int n = inode.room(offset, len);
            inode.pages().write(offset, src, off, n);
            return n;
        } catch (FsException e) {
            return -e.errno();
        }
    }

    @Override public Stat stat() { return inode.stat(); }
    @Override public boolean seekable() { return true; }
    @Override public Inode inode() { return inode; }
}
