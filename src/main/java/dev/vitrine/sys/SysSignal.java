package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.RestartPolicy;
import dev.vitrine.proc.SigAction;
import dev.vitrine.proc.SigInfo;
import dev.vitrine.proc.SignalCalls;
import dev.vitrine.proc.SignalDelivery;
import dev.vitrine.proc.Signals;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** The signal syscalls: actions, masks, sending, waiting for one, the alternate stack and sigreturn. */
final class SysSignal {
    private SysSignal() {}

    /** The kernel's sigset_t on riscv64: 64 bits. */
    private static final long SIGSETSIZE = 8;
    private static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;

    static void register(SyscallTable t, Services s) {
        t.add(134, "rt_sigaction", (k, task, sig, act, old, size, a4, a5) -> sigaction(k, task, (int) sig, act, old, size), SIG, SIGACTION_IN, SIGACTION_OUT, SIZE);
        t.add(135, "rt_sigprocmask", (k, task, how, set, old, size, a4, a5) -> sigprocmask(task, (int) how, set, old, size), SIG_HOW, SIGSET_IN, SIGSET_OUT, SIZE);
        t.add(136, "rt_sigpending", (k, task, set, size, a2, a3, a4, a5) -> {
            if (size != SIGSETSIZE) return -Errno.EINVAL;
            return task.memory().writeLong(set, SignalCalls.pendingSet(task)) ? 0 : -Errno.EFAULT;
        }, SIGSET_OUT, SIZE);
        t.add(133, "rt_sigsuspend", RestartPolicy.RESTARTNOHAND, (k, task, set, size, a2, a3, a4, a5) -> sigsuspend(k, task, set, size), SIGSET_IN, SIZE);
        t.add(139, "rt_sigreturn", Syscall.Result.NONE, Syscall.Status.IMPLEMENTED, (k, task, a0, a1, a2, a3, a4, a5) -> {
            if (!SignalDelivery.sigreturn(k, task)) k.kill(task, Signals.SIGSEGV);
            return Syscall.NO_RETURN;
        });
        t.add(132, "sigaltstack", (k, task, ss, old, a2, a3, a4, a5) -> sigaltstack(k, task, ss, old), PTR, PTR);
        t.add(129, "kill", (k, task, pid, sig, a2, a3, a4, a5) -> SignalCalls.kill(k, task, (int) pid, (int) sig), PID, SIG);
        t.add(130, "tkill", (k, task, tid, sig, a2, a3, a4, a5) -> SignalCalls.tgkill(k, task, -1, (int) tid, (int) sig), PID, SIG);
        t.add(131, "tgkill", (k, task, tg, tid, sig, a3, a4, a5) -> SignalCalls.tgkill(k, task, (int) tg, (int) tid, (int) sig), PID, PID, SIG);
        t.add(138, "rt_sigqueueinfo", (k, task, tg, sig, info, a3, a4, a5) -> sigqueue(k, task, (int) tg, 0, (int) sig, info), PID, SIG, PTR);
        t.add(240, "rt_tgsigqueueinfo", (k, task, tg, tid, sig, info, a4, a5) -> sigqueue(k, task, (int) tg, (int) tid, (int) sig, info), PID, PID, SIG, PTR);
        t.add(137, "rt_sigtimedwait", RestartPolicy.RESTARTNOHAND, (k, task, set, info, ts, size, a4, a5) -> SysSignalWait.sigtimedwait(k, task, set, info, ts, size), SIGSET_IN, PTR, TIMESPEC_IN, SIZE);
        t.add(73, "ppoll", Syscall.Result.DEC, Syscall.Status.PARTIAL, RestartPolicy.RESTARTNOHAND,
                (k, task, fds, n, ts, mask, size, a5) -> SysSignalWait.ppoll(k, s, task, fds, n, ts, mask, size), PTR, UINT, PTR, PTR, SIZE);
    }

    private static long sigaction(Kernel k, Task t, int sig, long actVa, long oldVa, long size) {
        if (size != SIGSETSIZE || sig < 1 || sig > Signals.NSIG) return -Errno.EINVAL;
        SigAction old = t.process().action(sig);
        SigAction nw = null;
        if (actVa != 0) {
            Long h = t.memory().readLong(actVa), f = t.memory().readLong(actVa + 8), m = t.memory().readLong(actVa + 16);
            if (h == null || f == null || m == null) return -Errno.EFAULT;
            nw = new SigAction(h, f, m);
            if (sig == Signals.SIGKILL || sig == Signals.SIGSTOP) return -Errno.EINVAL;
        }
        if (oldVa != 0 && !t.memory().write(oldVa, Abi.longs(old.handler(), old.flags(), old.mask()))) return -Errno.EFAULT;
        return nw == null ? 0 : SignalCalls.setAction(k, t, sig, nw);
    }

    private static long sigprocmask(Task t, int how, long setVa, long oldVa, long size) {
        if (size != SIGSETSIZE) return -Errno.EINVAL;
        long cur = t.blocked();
        Long set = null;
        if (setVa != 0) {
            set = t.memory().readLong(setVa);
            if (set == null) return -Errno.EFAULT;
            if (how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK) return -Errno.EINVAL;
        }
        if (oldVa != 0 && !t.memory().writeLong(oldVa, cur)) return -Errno.EFAULT;
        if (set != null) {
            long nw = switch (how) {
                case SIG_BLOCK -> cur | set;
                case SIG_UNBLOCK -> cur & ~set;
                default -> set;
            };
            SignalCalls.setBlocked(t, nw);
        }
        return 0;
    }

    private static long sigsuspend(Kernel k, Task t, long setVa, long size) {
        if (size != SIGSETSIZE) return -Errno.EINVAL;
        Long set = t.memory().readLong(setVa);
        if (set == null) return -Errno.EFAULT;
        return SignalCalls.suspend(k, t, set) ? Syscall.RESTART : -Errno.EINTR;
    }

    private static long sigaltstack(Kernel k, Task t, long ssVa, long oldVa) {
        long[] in = null;
        if (ssVa != 0) {
            Long sp = t.memory().readLong(ssVa), fl = t.memory().readLong(ssVa + 8), sz = t.memory().readLong(ssVa + 16);
            if (sp == null || fl == null || sz == null) return -Errno.EFAULT;
            in = new long[] {sp, (int) (long) fl, sz};
        }
        long[] old = new long[3];
        long r = SignalCalls.altStack(t, k.hart().x[2], in, oldVa != 0 ? old : null);
        if (oldVa != 0 && r == 0) {
            var b = Abi.buffer(24).putLong(old[0]).putInt((int) old[1]).putInt(0).putLong(old[2]);
            if (!t.memory().write(oldVa, b.array())) return -Errno.EFAULT;
        }
        return r;
    }

    private static long sigqueue(Kernel k, Task t, int tgid, int tid, int sig, long infoVa) {
        byte[] b = new byte[128];
        if (!t.memory().read(infoVa, b, 0, 128)) return -Errno.EFAULT;
        var buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        SigInfo info = SigInfo.queue(sig, buf.getInt(8), buf.getInt(16), buf.getInt(20), buf.getLong(24));
        return SignalCalls.queue(k, t, tgid, tid, sig, info);
    }
}
