package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Futexes;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** futex(2): the operations glibc's mutexes, condition variables, joins and barriers use. */
final class SysFutex {
    private SysFutex() {}

    static final int WAIT = 0, WAKE = 1, REQUEUE = 3, CMP_REQUEUE = 4, WAKE_OP = 5, WAIT_BITSET = 9, WAKE_BITSET = 10;
    static final int PRIVATE = 128, CLOCK_REALTIME = 256;

    static void register(SyscallTable t, Services s) {
        t.add(98, "futex", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, uaddr, op, val, ts, uaddr2, val3) -> futex(k, task, uaddr, (int) op, (int) val, ts, uaddr2, (int) val3), PTR, FUTEX_OP, INT, PTR, PTR, FLAGS);
        t.add(449, "futex_waitv", (k, task, w, n, flags, ts, clk, a5) -> waitv(k, task, w, n, (int) flags, ts, (int) clk), PTR, UINT, FLAGS, PTR, CLOCK);
    }

    static final int FUTEX2_SIZE_U32 = 2, FUTEX2_PRIVATE = 128, FUTEX_WAITV_MAX = 128;

    /** futex_waitv: struct futex_waitv {u64 val; u64 uaddr; u32 flags; u32 reserved}[n], an absolute timeout on a monotonic or realtime clock. */
    private static long waitv(Kernel k, Task t, long va, long n, int flags, long ts, int clk) {
        Futexes f = k.futexes();
        if (f.waitingMany(t)) {
            long r = f.waitv(t, null, null, null, -1);   // woken, timed out or asleep again: the list was read on the first run
            return r == Futexes.SLEEPING ? Syscall.RESTART : r;
        }
        if (flags != 0) return -Errno.EINVAL;
        if (va == 0 || n == 0 || n > FUTEX_WAITV_MAX) return -Errno.EINVAL;
        long deadline = -1;
        if (ts != 0) {
            if (clk != 0 && clk != 1) return -Errno.EINVAL;
            Long sec = t.memory().readLong(ts), nsec = t.memory().readLong(ts + 8);
            if (sec == null || nsec == null) return -Errno.EFAULT;
            if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) return -Errno.EINVAL;
            long ns = Math.min(sec, Long.MAX_VALUE / 4_000_000_000L) * 1_000_000_000L + nsec;
            deadline = Math.max(0, clk == 0 ? ns - k.clock().realtimeAtBoot() : ns);
        }
        int count = (int) n;
        long[] uaddr = new long[count];
        int[] val = new int[count];
        boolean[] priv = new boolean[count];
        byte[] raw = new byte[24 * count];
        if (!t.memory().read(va, raw, 0, raw.length)) return -Errno.EFAULT;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            long v = b.getLong(24 * i);
            int fl = b.getInt(24 * i + 16), reserved = b.getInt(24 * i + 20);
            if ((fl & ~(3 | FUTEX2_PRIVATE)) != 0 || reserved != 0) return -Errno.EINVAL;
            if ((fl & 3) != FUTEX2_SIZE_U32 || (v >>> 32) != 0) return -Errno.EINVAL;
            uaddr[i] = b.getLong(24 * i + 8);
            val[i] = (int) v;
            priv[i] = (fl & FUTEX2_PRIVATE) != 0;
        }
        for (long a : uaddr) if ((a & 3) != 0) return -Errno.EINVAL;
        long r = f.waitv(t, uaddr, val, priv, deadline);
        return r == Futexes.SLEEPING ? Syscall.RESTART : r;
    }

    /**
     * get_futex_key for a shared futex finds the word's page (get_user_pages_fast): unmapped,
     * PROT_NONE or past a file's end is EFAULT. A private futex's key is its address alone.
     */
    private static boolean mapped(Task t, long uaddr) {
        return (uaddr & 3) != 0 || t.memory().read(uaddr, new byte[4], 0, 4);
    }

    private static long futex(Kernel k, Task t, long uaddr, int op, int val, long ts, long uaddr2, int val3) {
        boolean priv = (op & PRIVATE) != 0;
        boolean realtime = (op & CLOCK_REALTIME) != 0;
        int cmd = op & ~(PRIVATE | CLOCK_REALTIME);
        if (realtime && cmd != WAIT_BITSET && cmd != WAIT) return -Errno.ENOSYS;
        Futexes f = k.futexes();
        return switch (cmd) {
            case WAIT, WAIT_BITSET -> {
                long deadline = -1;
                if (ts != 0 && t.continuation() == null) {
                    Long sec = t.memory().readLong(ts), nsec = t.memory().readLong(ts + 8);
                    if (sec == null || nsec == null) yield -Errno.EFAULT;
                    if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) yield -Errno.EINVAL;
                    long ns = Math.min(sec, Long.MAX_VALUE / 4_000_000_000L) * 1_000_000_000L + nsec;
                    // FUTEX_WAIT takes a relative time; FUTEX_WAIT_BITSET an absolute one on its clock.
                    if (cmd == WAIT) deadline = k.clock().now() + ns;
                    else deadline = realtime ? ns - k.clock().realtimeAtBoot() : ns;
                    deadline = Math.max(0, deadline);
                }
                long r = f.wait(t, uaddr, val, deadline, cmd == WAIT ? -1 : val3, priv);
                yield r == Futexes.SLEEPING ? Syscall.RESTART : r;
            }
            case WAKE, WAKE_BITSET -> {
                if (cmd == WAKE_BITSET && val3 == 0) yield -Errno.EINVAL;
                if (!priv && !mapped(t, uaddr)) yield -Errno.EFAULT;
                yield f.wake(t, uaddr, Math.max(0, val), cmd == WAKE ? -1 : val3, priv);
            }
            case REQUEUE, CMP_REQUEUE -> {
                // val2 travels in the timeout slot.
                int n2 = (int) ts;
                if (val < 0 || n2 < 0) yield -Errno.EINVAL;
                if (!priv && (!mapped(t, uaddr) || !mapped(t, uaddr2))) yield -Errno.EFAULT;
                yield f.requeue(t, uaddr, val, uaddr2, n2, cmd == CMP_REQUEUE ? val3 : null, priv);
            }
            case WAKE_OP -> {
                // val2 travels in the timeout slot.
                if (!priv && (!mapped(t, uaddr) || !mapped(t, uaddr2))) yield -Errno.EFAULT;
                yield f.wakeOp(t, uaddr, Math.max(0, val), uaddr2, Math.max(0, (int) ts), val3, priv);
            }
            default -> -Errno.ENOSYS;
        };
    }
}
