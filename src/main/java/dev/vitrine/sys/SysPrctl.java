package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/**
 * prctl (kernel/sys.c), the options programs ask at start-up: PR_SET_NAME and PR_GET_NAME (the
 * name /proc/PID/comm shows; Vitrine keeps one per process, Linux one per thread), and the
 * capability bounding set's PR_CAPBSET_READ and PR_CAPBSET_DROP (cap_task_prctl). Every other
 * option is EINVAL, Linux's answer for an option it does not know: partial.
 */
final class SysPrctl {
    private SysPrctl() {}

    private static final int PR_SET_NAME = 15, PR_GET_NAME = 16, PR_CAPBSET_READ = 23, PR_CAPBSET_DROP = 24, TASK_COMM_LEN = 16;

    static void register(SyscallTable t, Services s) {
        t.add(167, "prctl", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, option, a2, a3, a4, a5, a6) -> prctl(task, (int) option, a2), INT, HEX, HEX, HEX, HEX);
    }

    static long prctl(Task t, int option, long arg2) {
        return switch (option) {
            case PR_SET_NAME -> {
                // strncpy_from_user of TASK_COMM_LEN - 1 bytes: the name ends at a NUL or there.
                StringBuilder name = new StringBuilder();
                byte[] b = new byte[1];
                for (int i = 0; i < TASK_COMM_LEN - 1; i++) {
                    if (!t.memory().read(arg2 + i, b, 0, 1)) yield -Errno.EFAULT;
                    if (b[0] == 0) break;
                    name.append((char) (b[0] & 0xff));
                }
                t.setComm(name.toString());
                yield 0;
            }
            case PR_GET_NAME -> {
                byte[] out = new byte[TASK_COMM_LEN];
                String c = t.comm();
                for (int i = 0; i < c.length() && i < TASK_COMM_LEN - 1; i++) out[i] = (byte) c.charAt(i);
                yield t.memory().write(arg2, out) ? 0 : -Errno.EFAULT;
            }
            // cap_valid: 0 to CAP_LAST_CAP; arg2 is an unsigned long
            case PR_CAPBSET_READ -> Long.compareUnsigned(arg2, Cred.CAP_LAST_CAP) > 0 ? -Errno.EINVAL
                    : (t.cred().capBounding() & Cred.bit((int) arg2)) != 0 ? 1 : 0;
            case PR_CAPBSET_DROP -> {
                // cap_prctl_drop: CAP_SETPCAP first, then the number
                if (!t.cred().capable(Cred.CAP_SETPCAP)) yield -Errno.EPERM;
                if (Long.compareUnsigned(arg2, Cred.CAP_LAST_CAP) > 0) yield -Errno.EINVAL;
                t.setCred(t.cred().withoutBounding((int) arg2));
                yield 0;
            }
            default -> -Errno.EINVAL;
        };
    }
}
