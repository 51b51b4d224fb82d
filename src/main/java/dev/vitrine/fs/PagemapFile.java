package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * An open /proc/PID/pagemap (pagemap_read): the position is a page number times 8; a read
 * that is not whole entries at an entry boundary is EINVAL, past the end of the user address
 * space it is end of file. Frame numbers (and swap offsets) read as 0 unless the opener
 * had CAP_SYS_ADMIN.
 */
final class PagemapFile implements File {
    private static final int ENTRY = 8;
    private final RegularFile inode;
    private final ProcSource source;
    private final int pid;
    private final boolean showPfn;

    PagemapFile(RegularFile inode, ProcSource source, int pid, boolean showPfn) {
        this.inode = inode;
        this.source = source;
        this.pid = pid;
        this.showPfn = showPfn;
    }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (offset % ENTRY != 0 || len % ENTRY != 0) return -Errno.EINVAL;
        long[] entries = new long[len / ENTRY];
        int n = source.pagemap(pid, offset / ENTRY, entries, showPfn);
        for (int i = 0; i < n; i++)
            for (int b = 0; b < ENTRY; b++) dst[off + i * ENTRY + b] = (byte) (entries[i] >>> (8 * b));
        return (long) n * ENTRY;
    }

    @Override public long write(byte[] src, int off, int len, long offset) { return -Errno.EBADF; }
    @Override public Stat stat() { return inode.stat(); }
    @Override public boolean seekable() { return true; }
    @Override public Inode inode() { return inode; }
}
