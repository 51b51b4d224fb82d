package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.SigInfo;
import dev.vitrine.proc.SignalWait;
import dev.vitrine.proc.Task;

/** rt_sigtimedwait, and ppoll without descriptors (what glibc's pause() calls). */
final class SysSignalWait {
    private SysSignalWait() {}

    /** A deadline below -1 is an error: BAD minus the errno (EFAULT: unreadable timespec, EINVAL: malformed). */
    private static final long BAD = -2;

    /** The absolute deadline of a relative timespec on the monotonic clock, -1 for none, or an error (see BAD). */
    static long deadline(Kernel k, Task t, long tsVa) {
        if (tsVa == 0) return -1;
        Long d0 = SignalWait.deadline(t);
        if (d0 != null) return d0;
        Long sec = t.memory().readLong(tsVa), nsec = t.memory().readLong(tsVa + 8);
        if (sec == null || nsec == null) return BAD - Errno.EFAULT;
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) return BAD - Errno.EINVAL;
        long d = k.clock().now() + Math.min(sec, Long.MAX_VALUE / 2_000_000_000L) * 1_000_000_000L + nsec;
        return d;
    }

    static long sigtimedwait(Kernel k, Task t, long setVa, long infoVa, long tsVa, long size) {
        if (size != 8) return -Errno.EINVAL;
        Long set = t.memory().readLong(setVa);
        if (set == null) return -Errno.EFAULT;
        long deadline = deadline(k, t, tsVa);
        if (deadline < -1) return deadline - BAD;
        SigInfo[] out = new SigInfo[1];
        long r = SignalWait.timedwait(k, t, set, deadline, out);
        if (r == SignalWait.SLEEPING) return Syscall.RESTART;
        if (r > 0 && infoVa != 0 && !t.memory().write(infoVa, out[0].encode())) return -Errno.EFAULT;
        return r;
    }

    static long ppoll(Kernel k, Services s, Task t, long fds, long n, long tsVa, long maskVa, long size) {
        if (n != 0) return SysPoll.ppoll(k, s, t, fds, n, tsVa, maskVa, size);   // descriptors: the fs side
        Long mask = null;
        if (maskVa != 0) {
            if (size != 8) return -Errno.EINVAL;
            mask = t.memory().readLong(maskVa);
            if (mask == null) return -Errno.EFAULT;
        }
        long deadline = deadline(k, t, tsVa);
        if (deadline < -1) return deadline - BAD;
        long r = SignalWait.pause(k, t, deadline, mask);
        if (r == SignalWait.SLEEPING) return Syscall.RESTART;
        return r;
    }
}
