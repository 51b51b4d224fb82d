package dev.vitrine.proc;

import dev.vitrine.trace.Category;
import dev.vitrine.trace.Event;
import dev.vitrine.trace.Tracer;

import dev.vitrine.abi.Rlimit;
import dev.vitrine.cpu.Hart;

import static dev.vitrine.abi.Errno.*;

/**
 * Sending and delivering signals (Linux's send_signal/complete_signal and get_signal/
 * handle_signal). Sending marks a signal pending on a thread or on the process and wakes
 * a thread that can take it; delivery happens when that thread is next put on the hart:
 * a default action, or a frame on its stack that makes it run the handler.
 */
public final class SignalDelivery {
    private SignalDelivery() {}


    // ---- sending

    /** kill(2) and the kernel's process-directed signals (SIGCHLD, SIGALRM, ^C); 0, or -EAGAIN past RLIMIT_SIGPENDING. */
    public static long sendProcess(Kernel k, Process p, SigInfo info) {
        return p.alive() && !p.threads.isEmpty() ? sendProcess(k, p, p.threads.get(0), info) : 0;
    }

    /** A process-directed signal whose sender named thread {@code first} (kill of a tid): it gets first crack. */
    public static long sendProcess(Kernel k, Process p, Task first, SigInfo info) {
        int sig = info.signo();
        if (!p.alive() || p.threads.isEmpty()) return 0;
        generated(k, p.pid, 0, info);
        Task leader = p.threads.get(0);
        if (!prepare(k, p, leader, sig)) return 0;
        if (sig < Signals.SIGRTMIN && p.shared.has(sig)) return 0;
        long r = enqueue(k, p, p.shared, info);
        if (r < 0) return r;
        // Linux's complete_signal: the named thread if it does not block it, else the first that does not, the leader first.
        if (first.state != Task.State.DEAD && (first.blocked & ~first.waitSet & Signals.bit(sig)) == 0) {
            wakeFor(k, first, sig);
            return 0;
        }
        for (Task t : p.threads) {
            if (t.state == Task.State.DEAD || (t.blocked & ~t.waitSet & Signals.bit(sig)) != 0) continue;
            wakeFor(k, t, sig);
            break;
        }
        return 0;
    }

    /** tgkill(2), faults and SIGPIPE: a signal for one thread; 0, or -EAGAIN past RLIMIT_SIGPENDING. */
    public static long sendThread(Kernel k, Task t, SigInfo info) {
        int sig = info.signo();
        Process p = t.proc;
        if (!p.alive() || t.state == Task.State.DEAD) return 0;
        generated(k, p.pid, t.tid, info);
        if (!prepare(k, p, t, sig)) return 0;
        if (sig < Signals.SIGRTMIN && t.pending.has(sig)) return 0;
        long r = enqueue(k, p, t.pending, info);
        if (r < 0) return r;
        if ((t.blocked & ~t.waitSet & Signals.bit(sig)) == 0) wakeFor(k, t, sig);
        return 0;
    }

    /**
     * Linux's __send_signal_locked: queue the siginfo while the user's queued signals stay
     * within the target's RLIMIT_SIGPENDING. Standard signals from kill and the kernel
     * (si_code >= 0) pass the limit; past it, a real-time signal sent by anything but kill
     * fails with EAGAIN, and the others are still delivered without their siginfo.
     */
    private static long enqueue(Kernel k, Process target, SigPending q, SigInfo info) {
        int sig = info.signo();
        boolean rt = sig >= Signals.SIGRTMIN;
        UserCounts u = k.users();
        // A POSIX timer's siginfo is preallocated: it is queued whatever the limit.
        if (!rt && info.code() >= 0 || info.kind() == SigInfo.Kind.TIMER || u.maySigqueue(target.rlimCur[Rlimit.SIGPENDING])) q.add(sig, info, u);
        else if (rt && info.code() != SigInfo.SI_USER) return -EAGAIN;
        else q.add(sig, null, u);
        k.signalfdWakeup(target);
        return 0;
    }

    /**
     * Linux's prepare_signal: SIGCONT resumes a stopped process and cancels pending stops
     * (even when blocked or ignored), a stop signal cancels a pending SIGCONT; SIGKILL
     * resumes too. Returns false when the signal is ignored and can be dropped now.
     */
    private static boolean prepare(Kernel k, Process p, Task target, int sig) {
        if (sig == Signals.SIGCONT || sig == Signals.SIGKILL) {
            p.shared.discard(Signals.STOP_SET, k.users());
            for (Task t : p.threads) t.pending.discard(Signals.STOP_SET, k.users());
            if (sig == Signals.SIGCONT) k.continueProcess(p);
            else if (p.stopped) {
                // SIGKILL ends a stopped process too: it must run to die.
                p.stopped = false;
                for (Task t : p.threads) k.makeReady(t);
            }
        } else if ((Signals.bit(sig) & Signals.STOP_SET) != 0) {
            p.shared.discard(Signals.bit(Signals.SIGCONT), k.users());
            for (Task t : p.threads) t.pending.discard(Signals.bit(Signals.SIGCONT), k.users());
        }
        if (sig == Signals.SIGKILL) {
            for (Task t : p.threads) if (t.state == Task.State.SLEEPING) k.wake(t);
            return true;
        }
        if ((target.blocked & Signals.bit(sig)) != 0) return true;
        return !ignored(p, sig);
    }

    static boolean ignored(Process p, int sig) {
        SigAction a = p.actions[sig];
        return a.isIgnore() || a.isDefault() && Signals.defaultAction(sig) == Signals.Default.IGNORE;
    }

    /** Wakes a thread sleeping interruptibly so it can take the signal. */
    private static void wakeFor(Kernel k, Task t, int sig) {
        if (t.state == Task.State.SLEEPING && (t.inSyscall || sig == Signals.SIGKILL)) k.wake(t);
    }

    /** True when {@code t} has a signal it would take now (for syscalls that must not sleep through one). */
    public static boolean hasDeliverable(Task t) {
        return ((t.pending.set() | t.proc.shared.set()) & ~t.blocked) != 0;
    }

    /** A signal generated for process {@code pid} (thread {@code tid}, 0: any), stamped with the sender (pid 0: the kernel). */
    private static void generated(Kernel k, int pid, int tid, SigInfo info) {
        Tracer tr = k.tracer();
        if (tr.on(Category.SIGNAL))
            tr.emit(new Event.Signal(k.now(), tr.pid(), tr.tid(), "generated", info.signo(), Signals.name(info.signo()), pid, tid, info.code(), null));
    }

    /** The target acted on a signal: handler, ignore, term, core, stop, cont. */
    private static void delivered(Kernel k, Task t, int sig, SigInfo info, String action) {
        Tracer tr = k.tracer();
        if (tr.on(Category.SIGNAL))
            tr.emit(new Event.Signal(k.now(), t.proc.pid, t.tid, "delivered", sig, Signals.name(sig), t.proc.pid, t.tid,
                    info == null ? 0 : info.code(), action));
    }

    // ---- delivery

    /** Delivers what is pending and unblocked for the current task {@code t}, before it runs again. */
    static void deliver(Kernel k, Task t) {
        Process p = t.proc;
        Hart h = k.hart();
        for (int guard = 0; guard < 2 * Signals.NSIG; guard++) {
            if (!p.alive() || t.state == Task.State.DEAD || p.stopped) return;
            int sig = next(t);
            if (sig == 0) {
                // a call that ended with EINTR but whose signal ran no handler: its temporary mask goes now
                if (t.restoreMask && !t.inSyscall) { t.blocked = t.savedMask; t.restoreMask = false; }
                return;
            }
            SigInfo info = take(k, t, sig);
            if (info == null) continue;
            SigAction act = p.actions[sig];
            if (sig == Signals.SIGKILL) { delivered(k, t, sig, info, "term"); Exit.killProcess(k, p, sig, false, info); return; }
            traced(k, t, info, act);
            if (act.isIgnore()) { delivered(k, t, sig, info, "ignore"); continue; }
            if (act.isDefault()) {
                switch (Signals.defaultAction(sig)) {
                    case IGNORE -> { delivered(k, t, sig, info, "ignore"); continue; }
                    case CONTINUE -> { delivered(k, t, sig, info, "cont"); continue; }
                    case STOP -> {
                        delivered(k, t, sig, info, "stop");
                        if (k.traceHook() != null) k.traceHook().stopped(k, t, sig);
                        k.stopProcess(p, sig);
                        return;
                    }
                    case TERMINATE -> { delivered(k, t, sig, info, "term"); Exit.killProcess(k, p, sig, false, info); return; }
                    case CORE -> { delivered(k, t, sig, info, "core"); Exit.killProcess(k, p, sig, p.rlimCur[Rlimit.CORE] != 0, info); return; }
                }
            }
            delivered(k, t, sig, info, "handler");
            if (t.inSyscall) {
                boolean eintr = t.restart.eintr(act);
                long r = t.abandonSyscall(k, eintr ? Continuation.Abandon.EINTR : Continuation.Abandon.RESTART);
                if (eintr) {
                    h.x[10] = r;
                    h.pc += 4;
                }
            }
            long mask = t.restoreMask ? t.savedMask : t.blocked;
            t.restoreMask = false;
            if (!setupFrame(k, t, sig, act, info, mask)) {
                Exit.killProcess(k, p, Signals.SIGSEGV, p.rlimCur[Rlimit.CORE] != 0);
                return;
            }
        }
    }

    /** Tells a tracer about the signal taken, and whether it ends the syscall the task sleeps in (a handler or death). */
    private static void traced(Kernel k, Task t, SigInfo info, SigAction act) {
        if (k.traceHook() == null) return;
        boolean fatal = act.isDefault() && switch (Signals.defaultAction(info.signo())) {
            case TERMINATE, CORE -> true;
            default -> false;
        };
        k.traceHook().signal(k, t, info, t.inSyscall && (fatal || !act.isIgnore() && !act.isDefault()));
    }

    /** The signal to deliver next: SIGKILL, then faults, then the lowest number. 0 if none. */
    private static int next(Task t) {
        long ready = (t.pending.set() | t.proc.shared.set()) & ~(t.blocked & ~Signals.UNBLOCKABLE);
        if (ready == 0) return 0;
        if ((ready & Signals.bit(Signals.SIGKILL)) != 0) return Signals.SIGKILL;
        // do_sigtimedwait dequeues a signal of its set before the return to user mode could
        // deliver it: the restarted rt_sigtimedwait takes it, its handler (if any) does not run
        if (t.inSyscall && t.continuation instanceof Continuation.SigWait && (ready & t.waitSet) != 0) return 0;
        long sync = ready & Signals.SYNCHRONOUS;
        return Long.numberOfTrailingZeros(sync != 0 ? sync : ready) + 1;
    }

    /** Removes one pending instance of {@code sig}, thread-directed first, and returns its siginfo; null for a POSIX timer's stale signal, which is dropped. */
    static SigInfo take(Kernel k, Task t, int sig) {
        SigInfo info = (t.pending.has(sig) ? t.pending : t.proc.shared).take(sig, k.users());
        return info.kind() == SigInfo.Kind.TIMER ? PosixTimers.delivered(k, t.proc, info) : info;
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
        // sa_handler alone goes back to SIG_DFL (signal_delivered): the flags and mask stay, as sigaction then shows
        if (act.has(SigAction.SA_RESETHAND)) t.proc.actions[sig] = new SigAction(SigAction.SIG_DFL, act.flags(), act.mask());
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
}
