package dev.vitrine.proc;


import static dev.vitrine.abi.Errno.*;

/**
 * What the signal syscalls change: actions (rt_sigaction), the mask (rt_sigprocmask), who
 * gets a signal (kill, tgkill, sigqueue), rt_sigsuspend's temporary mask and sigaltstack.
 * Sending and delivering live in {@link SignalDelivery}.
 */
public final class SignalCalls {
    private SignalCalls() {}

    /**
     * rt_sigaction's change: SIGKILL/SIGSTOP refuse; a signal newly ignored (SIG_IGN, or
     * SIG_DFL whose default is to ignore) loses its pending instances, as Linux does.
     */
    public static long setAction(Kernel k, Task t, int sig, SigAction act) {
        if (sig < 1 || sig > Signals.NSIG) return -EINVAL;
        if (sig == Signals.SIGKILL || sig == Signals.SIGSTOP) return -EINVAL;
        Process p = t.proc;
        p.actions[sig] = new SigAction(act.handler(), act.flags(), act.mask() & ~Signals.UNBLOCKABLE);
        if (SignalDelivery.ignored(p, sig)) {
            long bit = Signals.bit(sig);
            p.shared.discard(bit, k.users());
            for (Task x : p.threads) x.pending.discard(bit, k.users());
        }
        return 0;
    }

    /** rt_sigprocmask's new mask; unblocking may make a signal deliverable at once. */
    public static void setBlocked(Task t, long mask) {
        t.blocked = mask & ~Signals.UNBLOCKABLE;
    }

    /** Pending signals of the thread and its process that are blocked (what rt_sigpending reports). */
    public static long pendingSet(Task t) { return (t.pending.set() | t.proc.shared.set()) & t.blocked; }

    /** kill(2): pid > 0 one process, 0 the caller's group, -1 everyone but init and the caller, < -1 a group. */
    public static long kill(Kernel k, Task sender, int pid, int sig) {
        if (sig < 0 || sig > Signals.NSIG) return -EINVAL;
        SigInfo info = SigInfo.kill(sig, SigInfo.SI_USER, sender.pid(), sender.cred.uid());
        if (pid > 0) {
            Process p = k.process(pid);
            Task thread = p == null ? thread(k, pid) : null;
            if (p == null && thread == null) return -ESRCH;
            if (p == null) p = thread.proc;
            if (!mayKill(sender, p, sig)) return -EPERM;
            if (isInit(k, pid)) return 0;          // SIGNAL_UNKILLABLE: init has no handler, so the signal is dropped
            if (sig == 0) return 0;
            return thread == null ? SignalDelivery.sendProcess(k, p, info) : SignalDelivery.sendProcess(k, p, thread, info);
        }
        // kill(-1): EPERM from some is no failure; a group: success if any got it (__kill_pgrp_info).
        int found = 0, sent = 0;
        for (Process p : k.processes()) {
            boolean hit = pid == -1 ? p.pid > 1 && p != sender.proc
                    : p.pgid == (pid == 0 ? sender.proc.pgid : -pid);
            if (!hit) continue;
            found++;
            if (!mayKill(sender, p, sig)) continue;
            sent++;
            if (sig != 0) SignalDelivery.sendProcess(k, p, info);
        }
        if (found == 0) return -ESRCH;
        return sent > 0 || pid == -1 ? 0 : -EPERM;
    }

    /**
     * check_kill_permission: the sender's real or effective uid is the target's real or saved
     * uid, or the sender has CAP_KILL; SIGCONT within one session always passes.
     */
    static boolean mayKill(Task sender, Process p, int sig) {
        if (p == sender.proc) return true;
        dev.vitrine.abi.Cred c = sender.cred, tc = p.cred();
        if (c.euid() == tc.suid() || c.euid() == tc.uid() || c.uid() == tc.suid() || c.uid() == tc.uid()) return true;
        if (c.capable(dev.vitrine.abi.Cred.CAP_KILL)) return true;
        return sig == Signals.SIGCONT && p.sid == sender.proc.sid;
    }

    /**
     * Whether pid is init, which runs as root: another user's signal (signal 0 too) is EPERM by
     * check_kill_permission; root's passes and is dropped, init having no handler. (Its thread
     * is kernel-internal: tkill/tgkill of tid 1 answer the same.)
     */
    private static boolean isInit(Kernel k, int pid) { return pid == Kernel.INIT_PID && k.process(pid) == k.init(); }

    /** tgkill(2) (tgid > 0) and tkill(2) (tgid = -1). */
    public static long tgkill(Kernel k, Task sender, int tgid, int tid, int sig) {
        if (sig < 0 || sig > Signals.NSIG || tid <= 0 || tgid == 0 || tgid < -1) return -EINVAL;
        if (isInit(k, tid) && (tgid == -1 || tgid == tid)) return mayKill(sender, k.init(), sig) ? 0 : -EPERM;
        Task t = k.thread(tid);
        if (t == null || (tgid > 0 && t.pid() != tgid) || !t.proc.alive()) return -ESRCH;
        if (!mayKill(sender, t.proc, sig)) return -EPERM;
        return sig != 0 ? SignalDelivery.sendThread(k, t, SigInfo.kill(sig, SigInfo.SI_TKILL, sender.pid(), sender.cred.uid())) : 0;
    }

    /** rt_sigqueueinfo/rt_tgsigqueueinfo with the caller's siginfo (si_code must be negative, as Linux demands of others). */
    public static long queue(Kernel k, Task sender, int tgid, int tid, int sig, SigInfo info) {
        if (sig < 1 || sig > Signals.NSIG) return -EINVAL;
        if (info.code() >= 0 || info.code() == SigInfo.SI_TKILL) return -EPERM;
        if (isInit(k, tgid) && (tid <= 0 || tid == tgid)) return mayKill(sender, k.init(), sig) ? 0 : -EPERM;
        if (tid > 0) {
            Task t = k.thread(tid);
            if (t == null || t.pid() != tgid) return -ESRCH;
            if (!mayKill(sender, t.proc, sig)) return -EPERM;
            return SignalDelivery.sendThread(k, t, info);
        }
        Process p = k.process(tgid);
        Task thread = p == null ? thread(k, tgid) : null;
        if (p == null && thread == null) return -ESRCH;
        if (p == null) p = thread.proc;
        if (!mayKill(sender, p, sig)) return -EPERM;
        return thread == null ? SignalDelivery.sendProcess(k, p, info) : SignalDelivery.sendProcess(k, p, thread, info);
    }

    /**
     * kill_pid_info's find_vpid: a positive pid names any task, a thread that is not its
     * process's leader too; the signal goes to its process, that thread first in line to take it.
     */
    private static Task thread(Kernel k, int tid) {
        Task t = k.thread(tid);
        return t == null || t.state == Task.State.DEAD || !t.proc.alive() ? null : t;
    }

    /**
     * rt_sigsuspend: the mask is swapped for {@code mask} until a handler runs (its frame
     * saves the old one, so sigreturn restores it). Returns true when the caller should
     * sleep (restart), false when a signal is already deliverable (the call ends with EINTR).
     */
    public static boolean suspend(Kernel k, Task t, long mask) {
        if (!(t.continuation instanceof Continuation.SignalSleep)) {
            t.savedMask = t.blocked;
            t.restoreMask = true;
            t.blocked = mask & ~Signals.UNBLOCKABLE;
            t.continuation = new Continuation.SignalSleep(-1);
        }
        if (SignalDelivery.hasDeliverable(t)) return false;
        k.sleep(t, t, "pause/sigsuspend: waiting for a signal");
        return true;
    }

    /**
     * set_user_sigmask (epoll_pwait and friends): the call runs with {@code mask}; the old one
     * is kept once, across the call's restarts, for restoreSigmask or a handler's frame.
     */
    public static void setUserSigmask(Task t, long mask) {
        if (!t.restoreMask) {
            t.savedMask = t.blocked;
            t.restoreMask = true;
        }
        t.blocked = mask & ~Signals.UNBLOCKABLE;
    }

    /** restore_saved_sigmask_unless(ret == -EINTR): a call that ends otherwise puts the old mask back at once. */
    public static void restoreSigmask(Task t, long ret) {
        if (!t.restoreMask || ret == -EINTR) return;
        t.blocked = t.savedMask;
        t.restoreMask = false;
    }

    /** Whether a signal the task would take now is pending (signal_pending after set_user_sigmask). */
    public static boolean signalPending(Task t) { return SignalDelivery.hasDeliverable(t); }

    /** sigaltstack: the current setting into old (sp, flags, size), then the new one. */
    public static long altStack(Task t, long sp, long[] in, long[] old) {
        if (old != null) {
            old[0] = t.altSp;
            old[1] = t.altFlags == SigFrame.SS_DISABLE ? SigFrame.SS_DISABLE : SigFrame.onAltStack(t, sp) ? SigFrame.SS_ONSTACK : 0;
            old[2] = t.altSize;
        }
        if (in == null) return 0;
        if (SigFrame.onAltStack(t, sp)) return -EPERM;
        int flags = (int) in[1];
        int mode = flags & ~SigFrame.SS_AUTODISARM;
        if (mode != 0 && mode != SigFrame.SS_DISABLE && mode != SigFrame.SS_ONSTACK) return -EINVAL;
        if (mode == SigFrame.SS_DISABLE) {
            t.altSp = 0;
            t.altSize = 0;
            t.altFlags = SigFrame.SS_DISABLE;
            return 0;
        }
        if (Long.compareUnsigned(in[2], SigFrame.MINSIGSTKSZ) < 0) return -ENOMEM;   // ss_size is a size_t
        t.altSp = in[0];
        t.altSize = in[2];
        t.altFlags = 0;
        return 0;
    }
}
