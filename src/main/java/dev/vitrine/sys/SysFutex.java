package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Futexes;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;
import dev.vitrine.proc.VirtualClock;

import static dev.vitrine.sys.Arg.*;

/** futex(2): the operations glibc's mutexes, condition variables, joins and barriers use. */
final class SysFutex {
    private SysFutex() {}

    static final int WAIT = 0, WAKE = 1, REQUEUE = 3, CMP_REQUEUE = 4, WAIT_BITSET = 9, WAKE_BITSET = 10;
    static final int PRIVATE = 128, CLOCK_REALTIME = 256;

    static void register(SyscallTable t, Services s) {
        t.add(98, "futex", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, uaddr, op, val, ts, uaddr2, val3) -> futex(k, task, uaddr, (int) op, (int) val, ts, uaddr2, (int) val3), PTR, FUTEX_OP, INT, PTR, PTR, FLAGS);
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
                    else deadline = realtime ? ns - VirtualClock.EPOCH_NS : ns;
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
            default -> -Errno.ENOSYS;
        };
    }
}
