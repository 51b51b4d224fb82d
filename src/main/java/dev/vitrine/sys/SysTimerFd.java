package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;
import dev.vitrine.proc.TimerFd;

import static dev.vitrine.abi.Fcntl.*;
import static dev.vitrine.sys.Arg.*;

/** timerfd_create, timerfd_settime and timerfd_gettime; struct itimerspec is interval then value, two timespecs. */
final class SysTimerFd {
    private SysTimerFd() {}

    static final int TFD_TIMER_ABSTIME = 1, TFD_TIMER_CANCEL_ON_SET = 2;
    private static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_BOOTTIME = 7, CLOCK_REALTIME_ALARM = 8, CLOCK_BOOTTIME_ALARM = 9;

    static void register(SyscallTable t, Services s) {
        t.add(85, "timerfd_create", (k, task, clk, fl, a2, a3, a4, a5) -> create(k, s, task, (int) clk, (int) fl), INT, FLAGS);
        t.add(86, "timerfd_settime", (k, task, fd, fl, nw, old, a4, a5) -> settime(task, (int) fd, (int) fl, nw, old), FD, FLAGS, PTR, PTR);
        t.add(87, "timerfd_gettime", (k, task, fd, cur, a2, a3, a4, a5) -> gettime(task, (int) fd, cur), FD, PTR);
    }

    static long create(Kernel k, Services s, Task t, int clock, int flags) {
        if ((flags & ~(O_CLOEXEC | O_NONBLOCK)) != 0) return -Errno.EINVAL;
        if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME
                && clock != CLOCK_REALTIME_ALARM && clock != CLOCK_BOOTTIME_ALARM) return -Errno.EINVAL;
        if (clock == CLOCK_REALTIME_ALARM || clock == CLOCK_BOOTTIME_ALARM) return -Errno.EPERM;   // CAP_WAKE_ALARM
        TimerFd tf = new TimerFd(k, s.vfs().wakeup(), clock == CLOCK_REALTIME);
        FileDescription f = new FileDescription(tf, O_RDWR | (flags & O_NONBLOCK)).withPath("anon_inode:[timerfd]");
        int fd = t.fds().allocate(f, 0, (flags & O_CLOEXEC) != 0);
        if (fd < 0) f.release();
        return fd;
    }

    private static TimerFd timer(Task t, int fd) {
        FileDescription f = t.fds().get(fd);
        if (f == null) throw new dev.vitrine.fs.FsException(Errno.EBADF);
        if (!(f.file() instanceof TimerFd tf)) throw new dev.vitrine.fs.FsException(Errno.EINVAL);
        return tf;
    }

    /** An itimerspec's {interval, value} in ns; null for EFAULT, {-1, -1} for a bad timespec. */
    private static long[] itimerspec(Task t, long va) {
        long[] w = new long[4];
        for (int i = 0; i < 4; i++) {
            Long x = t.memory().readLong(va + 8L * i);
            if (x == null) return null;
            w[i] = x;
        }
        for (int i = 0; i < 4; i += 2)
            if (w[i] < 0 || w[i + 1] < 0 || w[i + 1] >= 1_000_000_000L) return new long[] {-1, -1};
        return new long[] {ns(w[0], w[1]), ns(w[2], w[3])};
    }

    private static long ns(long sec, long nsec) {
        return sec > (Long.MAX_VALUE - nsec) / 1_000_000_000L ? Long.MAX_VALUE : sec * 1_000_000_000L + nsec;
    }

    private static byte[] put(long[] leftInterval) {
        var b = Abi.buffer(32);
        Abi.timespec(b, leftInterval[1]);
        Abi.timespec(b, leftInterval[0]);
        return b.array();
    }

    static long settime(Task t, int fd, int flags, long nw, long old) {
        long[] spec = itimerspec(t, nw);
        if (spec == null) return -Errno.EFAULT;
        if (spec[0] < 0 || (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET)) != 0) return -Errno.EINVAL;
        TimerFd tf = timer(t, fd);
        long[] before = tf.set(spec[1], spec[0], (flags & TFD_TIMER_ABSTIME) != 0);
        if (old != 0 && !t.memory().write(old, put(before))) return -Errno.EFAULT;
        return 0;
    }

    static long gettime(Task t, int fd, long cur) {
        TimerFd tf = timer(t, fd);
        return t.memory().write(cur, put(tf.get())) ? 0 : -Errno.EFAULT;
    }
}
