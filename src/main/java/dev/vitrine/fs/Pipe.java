package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.util.ArrayDeque;

/**
 * Linux's pipe_inode_info: a ring of page-sized slots (16 by default), so capacity is
 * counted in slots, not bytes. A write first tops up the last slot with its remainder
 * (len mod 4096) if that fits, then fills fresh slots a page at a time; so a write of at
 * most PIPE_BUF bytes lands in one slot and is atomic. pipewrite/piperead never sleep:
 * they return -EAGAIN and the syscall decides to wait on {@link #channel()}.
 */
public final class Pipe {
    public static final int PAGE = 4096, PIPE_BUF = 4096, DEFAULT_SLOTS = 16, MAX_SIZE = 1 << 20;

    /** One pipe_buffer: a page of the machine's memory (a kernel page, by number) holding bytes [off, off+len). */
    private static final class Slot {
        final int page;
        int off, len;
        /** A packet-mode write's slot takes no later bytes (PIPE_BUF_FLAG_CAN_MERGE unset). */
        boolean mergeable = true;
        Slot(int page) { this.page = page; }
    }



    /** Linux's PIPE_MIN_DEF_BUFFERS: a new pipe's slots once the user's pipes are past the soft limit. */
    private static final int MIN_SLOTS = 2;

    private final Wakeup wakeup;
    private final PipeBudget budget;
    private final dev.vitrine.mm.KernelPages memory;
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    /** Emptied slots kept for reuse, as Linux keeps one spare page (tmp_page), but a ring's worth. */
    private final ArrayDeque<Slot> spare = new ArrayDeque<>();
    private int maxSlots = DEFAULT_SLOTS;
    private long queued;
    int readers, writers;
    /** Opens so far of each side: a FIFO open waiting for the other side watches these change. */
    long readOpens, writeOpens;

    public Pipe(Wakeup wakeup) { this(wakeup, PipeBudget.unlimited()); }

    public Pipe(Wakeup wakeup, PipeBudget budget) {
        this.wakeup = wakeup;
        this.budget = budget;
        this.memory = budget.pages();
        if (budget.tooMany()) maxSlots = MIN_SLOTS;
        budget.account(maxSlots);
    }

    /** The event stream and this pipe's id in it (its inode number); set by whoever makes the pipe. */
    private dev.vitrine.trace.Tracer tracer = dev.vitrine.trace.Tracer.OFF;
    private long id;

    public void trace(dev.vitrine.trace.Tracer t, long id) { tracer = t; this.id = id; }

    private void trace(String op, long bytes) {
        if (tracer.on(dev.vitrine.trace.Category.PIPE))
            tracer.emit(new dev.vitrine.trace.Event.Pipe(tracer.ns(), tracer.pid(), tracer.tid(), op, id, bytes, queued, capacity()));
    }

    /** Sleepers on either side wait here. */
    public Object channel() { return this; }

    /** The descriptions signalled when data comes (readers) and when room comes (writers): pipe_fasync's two lists. */
    private final Fasync readersAsync = new Fasync(), writersAsync = new Fasync();
    public Fasync readersAsync() { return readersAsync; }
    public Fasync writersAsync() { return writersAsync; }

    public int readers() { return readers; }
    public int writers() { return writers; }
    public long queued() { return queued; }
    public int capacity() { return maxSlots * PAGE; }
    public boolean empty() { return slots.isEmpty(); }
    public boolean full() { return slots.size() >= maxSlots; }

    /** Copies len bytes of the caller's data, from position {@code at} of it, into dst; false on a bad address. */
    @FunctionalInterface
    public interface Source { boolean copy(long at, byte[] dst, int dstOff, int len); }

    /** Takes len bytes from src[srcOff..]; false on a bad address. */
    @FunctionalInterface
    public interface Sink { boolean copy(long at, byte[] src, int srcOff, int len); }

    /**
     * Writes what fits of src[off, off+len); returns the count, -EAGAIN if nothing fit, or
     * -EPIPE without readers. {@code resumed}: the rest of a blocked write, which Linux
     * does not merge into the last slot again.
     */
    public long pipewrite(byte[] src, int off, int len, boolean resumed) {
        return pipewrite((at, dst, dstOff, n) -> {
            System.arraycopy(src, off + (int) at, dst, dstOff, n);
            return true;
        }, len, resumed);
    }

    /** pipewrite straight from the source (user memory) into the slots' pages; -EFAULT if nothing could be read. */
    public long pipewrite(Source src, int len, boolean resumed) { return pipewrite(src, len, resumed, false); }

    /** {@code packet}: the writer's description is O_DIRECT (packet mode): no merging into the last slot, each slot a packet. */
    public long pipewrite(Source src, int len, boolean resumed, boolean packet) {
        if (len == 0) return 0;                 // a null write succeeds even without readers
        if (readers == 0) return -Errno.EPIPE;
        int done = 0;
        int chars = len & (PAGE - 1);
        if (!resumed && !packet && chars != 0 && !slots.isEmpty() && slots.peekLast().mergeable) {
            Slot last = slots.peekLast();
            int at = last.off + last.len;
            if (at + chars <= PAGE) {
                if (!copyIn(src, 0, last.page, at, chars)) return -Errno.EFAULT;
                last.len += chars;
                done = chars;
            }
        }
        boolean fault = false, noMemory = false;
        while (done < len && !full()) {
            if (spare.isEmpty()) {
                // alloc_page in pipe_write: no page, -ENOMEM (or what was written so far).
                int page = memory.alloc();
                if (page < 0) { noMemory = true; break; }
                spare.push(new Slot(page));
            }
            Slot s = spare.pop();
            s.off = 0;
            int n = Math.min(PAGE, len - done);
            if (!copyIn(src, done, s.page, 0, n)) { spare.push(s); fault = true; break; }
            s.len = n;
            s.mergeable = !packet;
            slots.addLast(s);
            done += n;
        }
        queued += done;
        if (done > 0) trace("write", done);
        if (done > 0) { wakeup.wakeup(channel(), Poll.POLLIN | Poll.POLLRDNORM); readersAsync.kill(Fasync.POLL_IN); }
        return done > 0 ? done : fault ? -Errno.EFAULT : noMemory ? -Errno.ENOMEM : -Errno.EAGAIN;
    }

    /** The caller's bytes straight into a page, wherever the machine keeps it. */
    private boolean copyIn(Source src, long at, int page, int off, int n) {
        byte[] a = memory.hold(page);
        try {
            return src.copy(at, a, memory.offset(page) + off, n);
        } finally {
            memory.release(page);
        }
    }

    private boolean copyOut(Sink dst, long at, int page, int off, int n) {
        byte[] a = memory.hold(page);
        try {
            return dst.copy(at, a, memory.offset(page) + off, n);
        } finally {
            memory.release(page);
        }
    }

    /** Reads what is queued up to len; 0 at end of file (no writers), -EAGAIN if empty with writers. */
    public long piperead(byte[] dst, int off, int len) {
        return piperead((at, src, srcOff, n) -> {
            System.arraycopy(src, srcOff, dst, off + (int) at, n);
            return true;
        }, len);
    }

    /** piperead straight into the sink (user memory); bytes the sink refuses stay queued. */
    /** A packet (a slot an O_DIRECT writer filled) is read alone, and what the read leaves of it is dropped. */
    public long piperead(Sink dst, int len) {
        if (slots.isEmpty()) return writers == 0 ? 0 : -Errno.EAGAIN;
        if (len == 0) return 0;
        int done = 0;
        boolean packet = false, wasFull = full();
        while (done < len && !slots.isEmpty() && !packet) {
            Slot s = slots.peekFirst();
            int n = Math.min(len - done, s.len);
            if (!copyOut(dst, done, s.page, s.off, n)) {
                if (done == 0) return -Errno.EFAULT;
                break;
            }
            s.off += n;
            s.len -= n;
            done += n;
            packet = !s.mergeable;
            if (packet) s.len = 0;
            if (s.len == 0) {
                slots.pollFirst();
                // Linux keeps one spare page (tmp_page); a few more save allocations, each still charged.
                if (spare.size() < Math.min(maxSlots, DEFAULT_SLOTS)) spare.push(s);
                else memory.free(s.page);
            }
        }
        queued -= done;
        trace("read", done);
        // pipe_read wakes the writers' side only if the pipe was full: room that was already
        // there is no news, and an edge-triggered watcher of the write end is not told again.
        if (wasFull) wakeup.wakeup(channel(), Poll.POLLOUT | Poll.POLLWRNORM);
        writersAsync.kill(Fasync.POLL_OUT);
        return done;
    }

    /** F_SETPIPE_SZ: rounds up to a power of two pages; EBUSY if the queued slots would not fit. */
    public long resize(long arg) {
        long size = arg & 0xffff_ffffL;
        if (size > (1L << 31)) return -Errno.EINVAL;
        size = size < PAGE ? PAGE : Long.highestOneBit(size - 1) << 1;
        if (size > MAX_SIZE) return -Errno.EPERM;
        int n = (int) (size / PAGE);
        // pipe_resize: growing past the user's soft limit is EPERM for an unprivileged user.
        if (n > maxSlots && budget.slots() - maxSlots + n > PipeBudget.USER_PAGES_SOFT) return -Errno.EPERM;
        if (n < slots.size()) return -Errno.EBUSY;
        budget.account(n - maxSlots);
        maxSlots = n;
        while (spare.size() > maxSlots) memory.free(spare.pop().page);
        wakeup.wakeup(channel());
        return size;
    }

    public void openEnd(boolean read, boolean write) {
        if (read) { readers++; readOpens++; }
        if (write) { writers++; writeOpens++; }
        wakeup.wakeup(channel());
    }

    public void closeEnd(boolean read, boolean write) {
        if (read) readers--;
        if (write) writers--;
        if (readers == 0 && writers == 0) release();
        wakeup.wakeup(channel());
        // pipe_release: the other side learns of the hang-up as of new data or room
        readersAsync.kill(Fasync.POLL_IN);
        writersAsync.kill(Fasync.POLL_OUT);
    }

    /** Both ends are gone: the pages and the slots go back (free_pipe_info). */
    private void release() {
        for (Slot s : slots) memory.free(s.page);
        for (Slot s : spare) memory.free(s.page);
        slots.clear();
        spare.clear();
        queued = 0;
        budget.account(-maxSlots);
        maxSlots = 0;
    }

    /** A FIFO's last close throws away what was left. */
    void discard() {
        if (maxSlots > 0) release();
    }
}
