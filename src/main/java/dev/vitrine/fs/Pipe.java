package dev.vitrine.fs;

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

    /** One pipe_buffer: a page holding bytes [off, off+len). */
    private static final class Slot {
        final byte[] page = new byte[PAGE];
        int off, len;
    }

    private final Wakeup wakeup;
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    private int maxSlots = DEFAULT_SLOTS;
    private long queued;
    int readers, writers;
    /** Opens so far of each side: a FIFO open waiting for the other side watches these change. */
    long readOpens, writeOpens;

    public Pipe(Wakeup wakeup) { this.wakeup = wakeup; }

    /** Sleepers on either side wait here. */
    public Object channel() { return this; }

    public int readers() { return readers; }
    public int writers() { return writers; }
    public long queued() { return queued; }
    public int capacity() { return maxSlots * PAGE; }
    public boolean empty() { return slots.isEmpty(); }
    public boolean full() { return slots.size() >= maxSlots; }

    /**
     * Writes what fits of src[off, off+len); returns the count, -EAGAIN if nothing fit, or
     * -EPIPE without readers. {@code resumed}: the rest of a blocked write, which Linux
     * does not merge into the last slot again.
     */
    public long pipewrite(byte[] src, int off, int len, boolean resumed) {
        if (readers == 0) return -Errno.EPIPE;
        if (len == 0) return 0;
        int done = 0;
        int chars = len & (PAGE - 1);
        if (!resumed && chars != 0 && !slots.isEmpty()) {
            Slot last = slots.peekLast();
            int at = last.off + last.len;
            if (at + chars <= PAGE) {
                System.arraycopy(src, off, last.page, at, chars);
                last.len += chars;
                done = chars;
            }
        }
        while (done < len && !full()) {
            Slot s = new Slot();
            int n = Math.min(PAGE, len - done);
            System.arraycopy(src, off + done, s.page, 0, n);
            s.len = n;
            slots.addLast(s);
            done += n;
        }
        queued += done;
        if (done > 0) wakeup.wakeup(channel());
        return done > 0 ? done : -Errno.EAGAIN;
    }

    /** Reads what is queued up to len; 0 at end of file (no writers), -EAGAIN if empty with writers. */
    public long piperead(byte[] dst, int off, int len) {
        if (slots.isEmpty()) return writers == 0 ? 0 : -Errno.EAGAIN;
        if (len == 0) return 0;
        int done = 0;
        while (done < len && !slots.isEmpty()) {
            Slot s = slots.peekFirst();
            int n = Math.min(len - done, s.len);
            System.arraycopy(s.page, s.off, dst, off + done, n);
            s.off += n;
            s.len -= n;
            done += n;
            if (s.len == 0) slots.pollFirst();
        }
        queued -= done;
        wakeup.wakeup(channel());
        return done;
    }

    /** F_SETPIPE_SZ: rounds up to a power of two pages; EBUSY if the queued slots would not fit. */
    public long resize(long arg) {
        long size = arg & 0xffff_ffffL;
        if (size > (1L << 31)) return -Errno.EINVAL;
        size = size < PAGE ? PAGE : Long.highestOneBit(size - 1) << 1;
        if (size > MAX_SIZE) return -Errno.EPERM;
        int n = (int) (size / PAGE);
        if (n < slots.size()) return -Errno.EBUSY;
        maxSlots = n;
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
        wakeup.wakeup(channel());
    }

    /** A FIFO's last close throws away what was left. */
    void discard() {
        slots.clear();
        queued = 0;
    }
}
