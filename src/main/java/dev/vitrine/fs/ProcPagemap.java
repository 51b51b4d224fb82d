package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * /proc/PID/pagemap's inode content: not text made at open but 8 bytes per virtual page,
 * read at the position asked (the file spans the whole user address space). Opening it
 * gives a {@link PagemapFile} that remembers whether the opener may see frame numbers.
 */
public final class ProcPagemap implements Store {
    private final ProcSource source;
    private final int pid;

    ProcPagemap(ProcSource source, int pid) {
        this.source = source;
        this.pid = pid;
    }

    /** pagemap_open's proc_mem_open: ptrace read access to the process (EACCES otherwise). */
    public boolean mayOpen(dev.vitrine.abi.Cred c, int callerPid) { return source.mayTrace(pid, c, callerPid); }

    /** pagemap_open: the opener's privilege is fixed here, as Linux's show_pfn checks the file's credentials. */
    public File open(RegularFile inode, boolean showPfn) { return new PagemapFile(inode, source, pid, showPfn); }

    @Override public long size() { return 0; }
    @Override public int read(long pos, byte[] dst, int off, int len) { return 0; }
    @Override public void write(long pos, byte[] src, int off, int len) { throw new FsException(Errno.EACCES); }
    @Override public void truncate(long size) { throw new FsException(Errno.EACCES); }
}
