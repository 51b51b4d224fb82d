package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * eventfd: a 64-bit counter. A read takes it all (or 1 with EFD_SEMAPHORE) and waits while it
 * is 0; a write adds and waits while the sum would pass 2^64-2. Reads and writes are exactly 8
 * bytes (shorter is EINVAL, longer moves 8).
 */
public final class EventFd implements File {
    public static final int EFD_SEMAPHORE = 1;
    private static final long MAX = 0xffff_ffff_ffff_fffeL;   // ULLONG_MAX - 1, unsigned

    private final Wakeup wakeup;
    private final boolean semaphore;
    private long count;

    public EventFd(Wakeup wakeup, long initial, boolean semaphore) {
        this.wakeup = wakeup;
        this.count = initial;
        this.semaphore = semaphore;
    }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (len < 8) return -Errno.EINVAL;
        if (count == 0) return -Errno.EAGAIN;
        long v = semaphore ? 1 : count;
        count -= v;
        java.nio.ByteBuffer.wrap(dst, off, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(v);
        wakeup.wakeup(this, Poll.POLLOUT);
        return 8;
    }

    @Override public long write(byte[] src, int off, int len, long offset) {
        if (len < 8) return -Errno.EINVAL;
        long v = java.nio.ByteBuffer.wrap(src, off, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        if (v == -1L) return -Errno.EINVAL;
        if (Long.compareUnsigned(v, MAX - count) > 0) return -Errno.EAGAIN;
        count += v;
        wakeup.wakeup(this, Poll.POLLIN);   // eventfd_write wakes even for 0
        return 8;
    }

    @Override public boolean messages() { return true; }

    @Override public boolean pollable() { return true; }

    @Override public int poll() {
        int mask = 0;
        if (count != 0) mask |= Poll.POLLIN | Poll.POLLRDNORM;
        if (Long.compareUnsigned(count, MAX) < 0) mask |= Poll.POLLOUT | Poll.POLLWRNORM;
        return mask;
    }

    @Override public Stat stat() { return AnonInode.stat(); }
    @Override public Object channel() { return this; }
    @Override public String describe() { return "an eventfd"; }

    /** /proc/PID/fdinfo's eventfd-count. */
    public long count() { return count; }
}
