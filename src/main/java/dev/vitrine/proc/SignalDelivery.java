package dev.vitrine.proc;

import dev.vitrine.cpu.Hart;

/**
 * Sending and delivering signals (Linux's send_signal/complete_signal and get_signal/
 * handle_signal). Sending marks a signal pending on a thread or on the process and wakes
 * a thread that can take it; delivery happens when that thread is next put on the hart:
 * a default action, or a frame on its stack that makes it run the handler.
 */
public final class SignalDelivery {
    private SignalDelivery() {}

    static final int EINTR = 4;
    /** rt_sigsuspend, nanosleep, clock_nanosleep, ppoll, pselect6, epoll_pwait, rt_sigtimedwait: never restarted after a handler (ERESTARTNOHAND / restart_block). */
    private static boolean alwaysEintr(long nr) {
        return nr == 133 || nr == 101 || nr == 115 || nr == 73 || nr == 72 || nr == 22 || nr == 137 || nr == 441;
    }

    // ---- sending

    /** kill(2) and the kernel's process-directed signals (SIGCHLD, SIGALRM, ^C). */
    public static void sendProcess(Kernel k, Process p, SigInfo info) {
        int sig = info.signo();
        if (!p.alive() || p.threads.isEmpty()) return;
        Task leader = p.threads.get(0);
        if (!prepare(k, p, leader, sig)) return;
        if ((p.sharedPending & Signals.bit(sig)) != 0 && sig < Signals.SIGRTMIN) return;
        p.sharedPending |= Signals.bit(sig);
        p.sharedInfo[sig] = info;
        // Linux's complete_signal: the first thread that does not block it, the leader first.
        for (Task t : p.threads) {
            if (t.state == Task.State.DEAD || (t.blocked & ~t.waitSet & Signals.bit(sig)) != 0) continue;
            wakeFor(k, t, sig);
            return;
        }
    }

    /** tgkill(2), faults and SIGPIPE: a signal for one thread. */
    public static void sendThread(Kernel k, Task t, SigInfo info) {
        int sig = info.signo();
        Process p = t.proc;
        if (!p.alive() || t.state == Task.State.DEAD) return;
        if (!prepare(k, p, t, sig)) return;
        if ((t.pending & Signals.bit(sig)) != 0 && sig < Signals.SIGRTMIN) return;
        t.pending |= Signals.bit(sig);
        t.pendingInfo[sig] = info;
        if ((t.blocked & ~t.waitSet & Signals.bit(sig)) == 0) wakeFor(k, t, sig);
    }

    /**
     * Linux's prepare_signal: SIGCONT resumes a stopped process and cancels pending stops
     * (even when blocked or ignored), a stop signal cancels a pending SIGCONT; SIGKILL
     * resumes too. Returns false when the signal is ignored and can be dropped now.
     */
    private static boolean prepare(Kernel k, Process p, Task target, int sig) {
        if (sig == Signals.SIGCONT || sig == Signals.SIGKILL) {
            long drop = Signals.STOP_SET;
            p.sharedPending &= ~drop;
            for (Task t : p.threads) t.pending &= ~drop;
            if (sig == Signals.SIGCONT) k.continueProcess(p);
            else p.stopped = false;
        } else if ((Signals.bit(sig) & Signals.STOP_SET) != 0) {
            p.sharedPending &= ~Signals.bit(Signals.SIGCONT);
            for (Task t : p.threads) t.pending &= ~Signals.bit(Signals.SIGCONT);
        }
        if (sig == Signals.SIGKILL) {
            for (Task t : p.threads) if (t.state == Task.State.SLEEPING) k.wake(t);
            return true;
        }
        if ((target.blocked & Signals.bit(sig)) != 0) return true;
        return !ignored(p, sig);
    }

    private static boolean ignored(Process p, int sig) {
        SigAction a = p.actions[sig];
        return a.isIgnore() || a.isDefault() && Signals.defaultAction(sig) == Signals.Default.IGNORE;
    }

    /** Wakes a thread sleeping interruptibly so it can take the signal. */
    private static void wakeFor(Kernel k, Task t, int sig) {
        if (t.state == Task.State.SLEEPING && (t.inSyscall || sig == Signals.SIGKILL)) k.wake(t);
    }

    /** True when {@code t} has a signal it would take now (for syscalls that must not sleep through one). */
    public static boolean hasDeliverable(Task t) {
        return ((t.pending | t.proc.sharedPending) & ~t.blocked) != 0;
    }

    // ---- delivery

    /** Delivers what is pending and unblocked for the current task {@code t}, before it runs again. */
    static void deliver(Kernel k, Task t) {
        Process p = t.proc;
        Hart h = k.hart();
        for (int guard = 0; guard < 2 * Signals.NSIG; guard++) {
            if (!p.alive() || t.state == Task.State.DEAD || p.stopped) return;
            int sig = next(t);
            if (sig == 0) return;
            SigInfo info = take(t, sig);
            SigAction act = p.actions[sig];
            if (sig == Signals.SIGKILL) { Exit.killProcess(k, p, sig, false); return; }
            if (act.isIgnore()) continue;
            if (act.isDefault()) {
                switch (Signals.defaultAction(sig)) {
                    case IGNORE, CONTINUE -> { continue; }
                    case STOP -> { k.stopProcess(p, sig); return; }
                    case TERMINATE -> { Exit.killProcess(k, p, sig, false); return; }
                    case CORE -> { Exit.killProcess(k, p, sig, p.rlimCur[4] != 0); return; }
                }
            }
            if (t.inSyscall) {
                boolean eintr = alwaysEintr(t.syscallNr) || !act.has(SigAction.SA_RESTART);
                if (t.onAbandon != null) t.onAbandon.accept(eintr);
                if (eintr) {
                    h.x[10] = -EINTR;
                    h.pc += 4;
                }
                t.syscallDone();
            }
            long mask = t.restoreMask ? t.savedMask : t.blocked;
            t.restoreMask = false;
            if (!setupFrame(k, t, sig, act, info, mask)) {
                Exit.killProcess(k, p, Signals.SIGSEGV, p.rlimCur[4] != 0);
                return;
            }
        }
    }

    /** The signal to deliver next: SIGKILL, then faults, then the lowest number. 0 if none. */
    private static int next(Task t) {
        long ready = (t.pending | t.proc.sharedPending) & ~(t.blocked & ~Signals.UNBLOCKABLE);
        if (ready == 0) return 0;
        if ((ready & Signals.bit(Signals.SIGKILL)) != 0) return Signals.SIGKILL;
        long sync = ready & Signals.SYNCHRONOUS;
        return Long.numberOfTrailingZeros(sync != 0 ? sync : ready) + 1;
    }

    /** Removes a pending signal, thread-directed first, and returns its siginfo. */
    static SigInfo take(Task t, int sig) {
        long bit = Signals.bit(sig);
        SigInfo info;
        if ((t.pending & bit) != 0) {
            t.pending &= ~bit;
            info = t.pendingInfo[sig];
            t.pendingInfo[sig] = null;
        } else {
            t.proc.sharedPending &= ~bit;
            info = t.proc.sharedInfo[sig];
            t.proc.sharedInfo[sig] = null;
        }
        return info != null ? info : SigInfo.kill(sig, SigInfo.SI_KERNEL, 0, 0);
    }

    /** Linux's setup_rt_frame plus signal_delivered: the frame, the handler's registers, the new mask. */
    private static boolean setupFrame(Kernel k, Task t, int sig, SigAction act, SigInfo info, long mask) {
        Hart h = k.hart();
        long frame = SigFrame.place(t, h.x[2], act.has(SigAction.SA_ONSTACK));
        if (!t.memory().write(frame, SigFrame.build(t, h, info, mask))) return false;
        h.x[1] = Trampoline.address(t.space());
        h.x[2] = frame;
        h.x[10] = sig;
        h.x[11] = frame;
        h.x[12] = frame + SigFrame.SIGINFO_SIZE;
        h.pc = act.handler();
        h.clearReservation();
        t.blocked |= act.mask() | (act.has(SigAction.SA_NODEFER) ? 0 : Signals.bit(sig));
        t.blocked &= ~Signals.UNBLOCKABLE;
        if (act.has(SigAction.SA_RESETHAND)) t.proc.actions[sig] = SigAction.DEFAULT;
        return true;
    }

    /** rt_sigreturn: the registers, mask and alternate stack saved in the frame at sp. */
    public static boolean sigreturn(Kernel k, Task t) {
        Hart h = k.hart();
        SigFrame.Saved s = SigFrame.read(t.memory(), h.x[2]);
        if (s == null) return false;
        System.arraycopy(s.x(), 1, h.x, 1, 31);
        System.arraycopy(s.f(), 0, h.f, 0, 32);
        h.writeFcsr(s.fcsr());
        h.pc = s.pc();
        h.clearReservation();
        t.blocked = s.mask() & ~Signals.UNBLOCKABLE;
        if (!SigFrame.onAltStack(t, h.x[2])) {
            boolean disable = (s.altFlags() & SigFrame.SS_DISABLE) != 0;
            if (disable || s.altSize() >= SigFrame.MINSIGSTKSZ) {
                t.altSp = disable ? 0 : s.altSp();
                t.altSize = disable ? 0 : s.altSize();
                t.altFlags = disable ? SigFrame.SS_DISABLE : 0;
            }
        }
        return true;
    }

    // ---- what the signal syscalls change

    public static final int ESRCH = 3, EINVAL = 22, EPERM = 1;

    /**
     * rt_sigaction's change: SIGKILL/SIGSTOP refuse; a signal newly ignored (SIG_IGN, or
     * SIG_DFL whose default is to ignore) loses its pending instances, as Linux does.
     */
    public static long setAction(Kernel k, Task t, int sig, SigAction act) {
        if (sig < 1 || sig > Signals.NSIG) return -EINVAL;
        if (sig == Signals.SIGKILL || sig == Signals.SIGSTOP) return -EINVAL;
        Process p = t.proc;
        p.actions[sig] = new SigAction(act.handler(), act.flags(), act.mask() & ~Signals.UNBLOCKABLE);
        if (ignored(p, sig)) {
            long bit = Signals.bit(sig);
            p.sharedPending &= ~bit;
            p.sharedInfo[sig] = null;
            for (Task x : p.threads) { x.pending &= ~bit; x.pendingInfo[sig] = null; }
        }
        return 0;
    }

    /** rt_sigprocmask's new mask; unblocking may make a signal deliverable at once. */
    public static void setBlocked(Task t, long mask) {
        t.blocked = mask & ~Signals.UNBLOCKABLE;
    }

    /** Pending signals of the thread and its process that are blocked (what rt_sigpending reports). */
    public static long pendingSet(Task t) { return (t.pending | t.proc.sharedPending) & t.blocked; }

    /** kill(2): pid > 0 one process, 0 the caller's group, -1 everyone but init and the caller, < -1 a group. */
    public static long kill(Kernel k, Task sender, int pid, int sig) {
        if (sig < 0 || sig > Signals.NSIG) return -EINVAL;
        SigInfo info = SigInfo.kill(sig, SigInfo.SI_USER, sender.pid(), 1000);
        if (pid > 0) {
            Process p = k.process(pid);
            if (p == null) return -ESRCH;
            if (sig != 0) sendProcess(k, p, info);
            return 0;
        }
        int found = 0;
        for (Process p : k.processes()) {
            if (p.state == Process.State.REAPED) continue;
            boolean hit = pid == -1 ? p.pid > 1 && p != sender.proc
                    : p.pgid == (pid == 0 ? sender.proc.pgid : -pid);
            if (!hit) continue;
            found++;
            if (sig != 0) sendProcess(k, p, info);
        }
        return found > 0 ? 0 : -ESRCH;
    }

    /** tgkill(2) (tgid > 0) and tkill(2) (tgid = -1). */
    public static long tgkill(Kernel k, Task sender, int tgid, int tid, int sig) {
        if (sig < 0 || sig > Signals.NSIG || tid <= 0 || tgid == 0 || tgid < -1) return -EINVAL;
        Task t = k.thread(tid);
        if (t == null || (tgid > 0 && t.pid() != tgid) || !t.proc.alive()) return -ESRCH;
        if (sig != 0) sendThread(k, t, SigInfo.kill(sig, SigInfo.SI_TKILL, sender.pid(), 1000));
        return 0;
    }

    /** rt_sigqueueinfo/rt_tgsigqueueinfo with the caller's siginfo (si_code must be negative, as Linux demands of others). */
    public static long queue(Kernel k, Task sender, int tgid, int tid, int sig, SigInfo info) {
        if (sig < 1 || sig > Signals.NSIG) return -EINVAL;
        if (info.code() >= 0 || info.code() == SigInfo.SI_TKILL) return -EPERM;
        if (tid > 0) {
            Task t = k.thread(tid);
            if (t == null || t.pid() != tgid) return -ESRCH;
            sendThread(k, t, info);
            return 0;
        }
        Process p = k.process(tgid);
        if (p == null) return -ESRCH;
        sendProcess(k, p, info);
        return 0;
    }

    /**
     * rt_sigsuspend: the mask is swapped for {@code mask} until a handler runs (its frame
     * saves the old one, so sigreturn restores it). Returns true when the caller should
     * sleep (restart), false when a signal is already deliverable (the call ends with EINTR).
     */
    public static boolean suspend(Kernel k, Task t, long mask) {
        if (t.syscallState == null) {
            t.savedMask = t.blocked;
            t.restoreMask = true;
            t.blocked = mask & ~Signals.UNBLOCKABLE;
            t.syscallState = Boolean.TRUE;
            t.onAbandon = eintr -> { };
        }
        if (hasDeliverable(t)) return false;
        k.sleep(t, t, "pause/sigsuspend: waiting for a signal");
        return true;
    }

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
        if (in[2] < SigFrame.MINSIGSTKSZ) return -12; // ENOMEM
        t.altSp = in[0];
        t.altSize = in[2];
        t.altFlags = 0;
        return 0;
    }
}
