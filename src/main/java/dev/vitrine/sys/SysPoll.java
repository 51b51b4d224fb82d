package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.Poll;
import dev.vitrine.proc.Continuation;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.RestartPolicy;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/**
 * ppoll (with descriptors) and pselect6; the signal mask argument is not applied yet. Readiness comes from each file's poll(); with nothing ready the task
 * sleeps on the tree's poll channel, which every file wakeup also pings, and looks again.
 */
final class SysPoll {
    private SysPoll() {}

    private static final int POLLIN_SET = Poll.POLLIN | Poll.POLLRDNORM | Poll.POLLRDBAND | Poll.POLLHUP | Poll.POLLERR,
            POLLOUT_SET = Poll.POLLOUT | Poll.POLLWRNORM | Poll.POLLWRBAND | Poll.POLLERR,
            POLLEX_SET = Poll.POLLPRI;

    static void register(SyscallTable t, Services s) {
        // ppoll (73) is registered by SysSignal, whose handler passes calls with descriptors here.
        t.add(72, "pselect6", Syscall.Result.DEC, Syscall.Status.PARTIAL, RestartPolicy.RESTARTNOHAND,
                (k, task, n, in, out, ex, tmo, mask) -> pselect6(k, s, task, (int) n, in, out, ex, tmo), INT, PTR, PTR, PTR, PTR, PTR);
    }

    /**
     * The deadline on the monotonic clock: -1 for none (wait forever); Long.MIN_VALUE for
     * EFAULT, Long.MIN_VALUE + 1 for EINVAL. A restarted call keeps the first one it computed.
     */
    private static long deadline(Kernel k, Task t, long va, boolean timeval) {
        if (va == 0) return -1;
        if (t.continuation() instanceof Continuation.Deadline d) return d.at();
        Long sec = t.memory().readLong(va), frac = t.memory().readLong(va + 8);
        if (sec == null || frac == null) return Long.MIN_VALUE;
        long nsec = timeval ? frac * 1000 : frac;
        if (sec < 0 || frac < 0 || nsec >= 1_000_000_000L) return Long.MIN_VALUE + 1;
        long d = k.clock().now() + Math.min(sec, Long.MAX_VALUE / 2_000_000_000L) * 1_000_000_000L + nsec;
        t.setContinuation(new Continuation.Deadline(d));
        return d;
    }

    /** Nothing ready: 0 once the deadline has passed, else sleep on the poll channel until it or a wakeup. */
    private static long wait(Kernel k, Services s, Task t, long deadline, String why) {
        if (deadline >= 0 && k.clock().now() >= deadline) return 0;
        k.sleepTimed(t, s.vfs().pollChannel(), deadline, why);
        return Syscall.RESTART;
    }

    /** do_sys_ppoll's order: the timeout, then the signal mask's size and readability (the mask is not applied yet), then nfds. */
    static long ppoll(Kernel k, Services s, Task t, long fds, long n, long tmoVa, long maskVa, long maskSize) {
        long tmo = deadline(k, t, tmoVa, false);
        if (tmo == Long.MIN_VALUE) return -Errno.EFAULT;
        if (tmo == Long.MIN_VALUE + 1) return -Errno.EINVAL;
        if (maskVa != 0 && maskSize != 8) return -Errno.EINVAL;
        if (maskVa != 0 && t.memory().readLong(maskVa) == null) return -Errno.EFAULT;
        if (n < 0 || n > t.fds().limit()) return -Errno.EINVAL;
        int ready = 0;
        short[] revents = new short[(int) n];
        for (int i = 0; i < n; i++) {
            Long word = t.memory().readLong(fds + 8L * i);
            if (word == null) return -Errno.EFAULT;
            int fd = (int) (long) word;
            int events = (int) ((word >>> 32) & 0xffff);
            if (fd < 0) continue;
            FileDescription f = t.fds().get(fd);
            int mask = f == null ? Poll.POLLNVAL : f.file().poll() & (events | Poll.POLLERR | Poll.POLLHUP);
            revents[i] = (short) mask;
            if (mask != 0) ready++;
        }
        if (ready == 0) {
            long r = wait(k, s, t, tmo, "ppoll on " + n + " descriptor" + (n == 1 ? "" : "s") + " none of which is ready");
            if (r != 0) return r;
        }
        for (int i = 0; i < n; i++)
            if (!t.memory().write(fds + 8L * i + 6, new byte[] {(byte) revents[i], (byte) (revents[i] >> 8)})) return -Errno.EFAULT;
        return ready;
    }

    static long pselect6(Kernel k, Services s, Task t, int n, long in, long out, long ex, long tmoVa) {
        if (n < 0 || n > t.fds().limit()) return -Errno.EINVAL;
        long tmo = deadline(k, t, tmoVa, false);
        if (tmo == Long.MIN_VALUE) return -Errno.EFAULT;
        if (tmo == Long.MIN_VALUE + 1) return -Errno.EINVAL;
        int words = (n + 63) / 64;
        long[] rin = bits(t, in, words), rout = bits(t, out, words), rex = bits(t, ex, words);
        if (rin == null || rout == null || rex == null) return -Errno.EFAULT;
        long[] oin = new long[words], oout = new long[words], oex = new long[words];
        int ready = 0;
        for (int fd = 0; fd < n; fd++) {
            long bit = 1L << (fd & 63);
            int w = fd >> 6;
            if (((rin[w] | rout[w] | rex[w]) & bit) == 0) continue;
            FileDescription f = t.fds().get(fd);
            if (f == null) return -Errno.EBADF;
            int mask = f.file().poll();
            if ((rin[w] & bit) != 0 && (mask & POLLIN_SET) != 0) { oin[w] |= bit; ready++; }
            if ((rout[w] & bit) != 0 && (mask & POLLOUT_SET) != 0) { oout[w] |= bit; ready++; }
            if ((rex[w] & bit) != 0 && (mask & POLLEX_SET) != 0) { oex[w] |= bit; ready++; }
        }
        if (ready == 0) {
            long r = wait(k, s, t, tmo, "pselect6 on " + n + " descriptors none of which is ready");
            if (r != 0) return r;
        }
        if (!put(t, in, oin) || !put(t, out, oout) || !put(t, ex, oex)) return -Errno.EFAULT;
        return ready;
    }

    private static long[] bits(Task t, long va, int words) {
        long[] b = new long[words];
        if (va == 0) return b;
        for (int i = 0; i < words; i++) {
            Long w = t.memory().readLong(va + 8L * i);
            if (w == null) return null;
            b[i] = w;
        }
        return b;
    }

    private static boolean put(Task t, long va, long[] b) {
        if (va == 0) return true;
        for (int i = 0; i < b.length; i++) if (!t.memory().writeLong(va + 8L * i, b[i])) return false;
        return true;
    }
}
