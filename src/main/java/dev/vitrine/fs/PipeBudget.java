package dev.vitrine.fs;

import dev.vitrine.mm.KernelPages;

/**
 * What every pipe of the machine may hold, as Linux bounds it for an unprivileged user: the
 * slots of all pipes together (user->pipe_bufs) past /proc/sys/fs/pipe-user-pages-soft make
 * new pipes small and F_SETPIPE_SZ growth EPERM; each page actually filled is a page of the
 * machine's memory (a frame or a swap slot), and a write that gets no page is ENOMEM.
 */
public final class PipeBudget {
    /** /proc/sys/fs/pipe-user-pages-soft: 16384 pages. */
    public static final long USER_PAGES_SOFT = 16384;

    private final KernelPages pages;
    private long slots;

    public PipeBudget(KernelPages pages) { this.pages = pages; }

    /** Pages in Java arrays, with no machine behind them (tests). */
    public static PipeBudget unlimited() { return new PipeBudget(KernelPages.heap()); }

    KernelPages pages() { return pages; }

    /** too_many_pipe_buffers_soft: the user's slots are at or past the soft limit. */
    boolean tooMany() { return slots >= USER_PAGES_SOFT; }
    long slots() { return slots; }
    void account(long delta) { slots += delta; }

}
