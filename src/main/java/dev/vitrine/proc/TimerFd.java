package dev.vitrine.proc;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.AnonInode;
import dev.vitrine.fs.File;
import dev.vitrine.fs.Poll;
import dev.vitrine.fs.Stat;
import dev.vitrine.fs.Wakeup;

/**
 * timerfd (fs/timerfd.c): a timer on the virtual clock whose expirations a read collects as
 * an 8-byte count (waiting while there are none). A periodic timer that fell behind (idle time
 * jumps) counts every period it missed, as hrtimer_forward does. Realtime timers keep their
 * absolute time on the wall clock, which here never jumps, so they fire at the same instant.
 */
public final class TimerFd implements File {
    private final Kernel k;
    private final Wakeup wakeup;
    private final boolean realtime;
    private Timers.Entry timer;
    /** Next expiry on the monotonic clock, and the period (0: one-shot). */
    private long at, interval;
    private long ticks;

    public TimerFd(Kernel k, Wakeup wakeup, boolean realtime) {
        this.k = k;
        this.wakeup = wakeup;
        this.realtime = realtime;
    }

    /** The monotonic instant of an absolute time on this timer's clock. */
    private long monotonic(long abs) { return realtime ? abs - (k.clock().realtime() - k.clock().now()) : abs; }

    /** {time left, interval} in ns, as timerfd_gettime shows them (0, 0 when disarmed). */
    public long[] get() {
        if (timer == null) return new long[] {0, interval};
        return new long[] {Math.max(1, at - k.clock().now()), interval};
    }

    /** timerfd_settime: value 0 disarms; {@code absolute} takes value as a time on the timer's clock. */
    public long[] set(long value, long interval, boolean absolute) {
        long[] old = get();
        k.timers().cancel(timer);
        timer = null;
        ticks = 0;
        this.interval = interval;
        if (value > 0) {
            long when = absolute ? monotonic(value) : k.clock().now() + value;
            arm(Math.max(when, k.clock().now()));
        }
        return old;
    }

    private void arm(long when) {
        at = when;
        timer = k.timers().add(when, "timerfd expiry", () -> {
            timer = null;
            long now = k.clock().now();
            if (interval > 0) {
                long missed = (now - at) / interval;
                ticks += 1 + missed;
                arm(at + (missed + 1) * interval);
            } else ticks++;
            wakeup.wakeup(this);
        });
    }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (len < 8) return -Errno.EINVAL;
        if (ticks == 0) return -Errno.EAGAIN;
        java.nio.ByteBuffer.wrap(dst, off, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(ticks);
        ticks = 0;
        return 8;
    }

    @Override public long write(byte[] src, int off, int len, long offset) { return -Errno.EINVAL; }
    @Override public boolean messages() { return true; }
    @Override public boolean pollable() { return true; }
    @Override public int poll() { return ticks > 0 ? Poll.POLLIN | Poll.POLLRDNORM : 0; }
    @Override public Object channel() { return this; }
    @Override public Stat stat() { return AnonInode.stat(); }
    @Override public String describe() { return "a timerfd"; }

    @Override public void close() {
        k.timers().cancel(timer);
        timer = null;
    }
}
