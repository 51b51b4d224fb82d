package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * An open /proc file: its text is made once at open (as seq_file does per read) and then read
 * like a file. A text past {@link #FREE_PAGES} pages (smaps of a process with thousands of
 * areas) is charged page by page to the machine's kernel memory while it is open, as the
 * buffers of its seq_file would be, so that opening it many times is ENOMEM, not the host's
 * heap; every ordinary /proc file is smaller and costs nothing, as before.
 */
public final class Snapshot implements File {
    static final int FREE_PAGES = 16;
    private final RegularFile inode;
    private final byte[] text;
    private final dev.vitrine.mm.KernelMemory memory;
    private long charged;

    public Snapshot(RegularFile inode, byte[] text) { this(inode, text, null); }

    /** Throws ENOMEM when a large text finds no room in {@code memory} (null: charge nothing). */
    public Snapshot(RegularFile inode, byte[] text, dev.vitrine.mm.KernelMemory memory) {
        this.inode = inode;
        this.text = text;
        if (inode.store() instanceof ProcStore p && p.pollable()) seen = p.events();
        this.memory = memory;
        long pages = (text.length + dev.vitrine.mm.KernelPages.PAGE - 1) / dev.vitrine.mm.KernelPages.PAGE - FREE_PAGES;
        for (; memory != null && charged < pages; charged++) {
            if (!memory.charge()) {
                memory.uncharge(charged);
                throw new FsException(dev.vitrine.abi.Errno.ENOMEM);
            }
        }
    }

    @Override public void close() {
        if (memory != null && charged > 0) memory.uncharge(charged);
        charged = 0;
    }

    /** Pages the machine holds for this open text. */
    long charged() { return charged; }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (offset >= text.length) return 0;
        int n = (int) Math.min(len, text.length - offset);
        System.arraycopy(text, (int) offset, dst, off, n);
        return n;
    }

    /** A sysctl's write goes to its handler; other /proc files take none. */
    @Override public long write(byte[] src, int off, int len, long offset) {
        return inode.store() instanceof ProcStore p ? p.write(src, off, len, offset) : -Errno.EACCES;
    }
    /** mounts_poll: always readable, and EPOLLERR|EPOLLPRI once after each change of the table since the last look. */
    @Override public boolean pollable() { return inode.store() instanceof ProcStore p && p.pollable(); }

    /** The table's change count this open file saw last (mounts_open's p->event). */
    private long seen;

    @Override public int poll() {
        if (!(inode.store() instanceof ProcStore p) || !p.pollable()) return Poll.ALWAYS;
        int r = Poll.POLLIN | Poll.POLLRDNORM;
        long now = p.events();
        if (now != seen) {
            seen = now;
            r |= Poll.POLLERR | Poll.POLLPRI;
        }
        return r;
    }

    @Override public Object channel() { return inode.store() instanceof ProcStore p ? p.channel() : null; }

    @Override public Stat stat() { return inode.stat(); }
    @Override public boolean seekable() { return true; }
    @Override public Inode inode() { return inode; }
}
