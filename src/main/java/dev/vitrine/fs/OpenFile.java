package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/** An open regular file: reads and writes at the description's offset through the inode's page cache (mm.FilePages). */
public final class OpenFile implements File {
    private final RegularFile inode;
    private final boolean writer;

    /** A file that takes no write access (memfd_create's, as alloc_file_pseudo: fexecve of it works). */
    public OpenFile(RegularFile inode) { this(inode, false); }

    /** {@code writer}: opened for writing, so the file cannot be exec'd while this is open. */
    public OpenFile(RegularFile inode, boolean writer) {
        this.inode = inode;
        this.writer = writer;
        inode.opened();
        if (writer) inode.writerOpened(1);
        if (inode.store() instanceof HostStore h) h.opened();
    }

    /** A file unlinked while open keeps its data until its last open is closed (a mounted host file its host fd). */
    @Override public void close() {
        if (inode.store() instanceof HostStore h) h.closed();
        if (writer) inode.writerOpened(-1);
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
