package dev.vitrine.proc;

import dev.vitrine.abi.Cred;
import java.util.List;

/**
 * Linux's do_exit and do_group_exit: a thread dies (clearing and futex-waking its
 * clear_child_tid), the last one out turns the process into a zombie, hands its children
 * to init and tells its parent with SIGCHLD.
 */
final class Exit {
    private Exit() {}

    /** exit(2): only the calling thread ends; the process ends with the last one. */
    static void exitThread(Kernel k, Task t, int code) {
        Process p = t.proc;
        if (!p.exiting) p.groupExitStatus = (code & 0xff) << 8;
        if (!p.hasOtherLiveThreads(t)) k.moment("exit", p);
        endThread(k, t);
        if (!p.hasLiveThreads()) endProcess(k, p, p.groupExitStatus, "");
        else if (k.traceHook() != null) k.traceHook().exited(k, t.tid, (code & 0xff) << 8); // strace -f shows each thread's end
    }

    /** exit_group(2): every thread of the process ends with this status. */
    static void exitGroup(Kernel k, Task t, int code) {
        endAll(k, t.proc, (code & 0xff) << 8, "");
    }

    /** A fatal signal's default action. */
    static void killProcess(Kernel k, Process p, int sig, boolean core) { killProcess(k, p, sig, core, null); }

    /** A fatal signal's default action; {@code info} (or null) says what raised it, for the report's line. */
    static void killProcess(Kernel k, Process p, int sig, boolean core, SigInfo info) {
        if (!p.alive()) return;
        String text = Signals.text(sig) + (core ? " (core dumped)" : "");
        Task on = k.current() != null && k.current().proc == p ? k.current() : null;
        k.noteDeath(DeathNote.line(k, p, on, text, info));
        p.termSignal = sig;
        endAll(k, p, (sig & 0x7f) | (core ? 0x80 : 0), text);
    }

    private static void endAll(Kernel k, Process p, int status, String note) {
        if (!p.alive()) return;
        // The watch sees the process whole: its threads, its memory and the TLB's entries for it, and its status.
        p.groupExitStatus = status;
        k.moment("exit", p);
        p.exiting = true;
        for (Task x : List.copyOf(p.threads)) endThread(k, x);
        endProcess(k, p, status, note);
    }

    private static void endThread(Kernel k, Task t) {
        if (t.state == Task.State.DEAD) return;
        Process p = t.proc;
        // CLONE_CHILD_CLEARTID: zero the tid word and wake a joiner, if the memory lives on.
        if (t.clearChildTid != 0 && p.memory != null && (k.spaceUsers(p.space) > 1 || p.hasOtherLiveThreads(t))) {
            if (p.memory.writeInt(t.clearChildTid, 0)) k.futexes.wake(t, t.clearChildTid, 1, -1, false);
        }
        Robust.release(k, t);
        t.state = Task.State.DEAD;
        k.groupLists.unref(t.cred);
        k.forget(t);
        if (t.vforkParent != null) vforkRelease(k, t);
    }

    /** exec's de_thread: the other threads of the process end, without an exit status of their own. */
    static void endThreadForExec(Kernel k, Task t) { endThread(k, t); }

    /** A vfork child execs or exits: its parent may run again. */
    static void vforkRelease(Kernel k, Task child) {
        Task parent = child.vforkParent;
        child.vforkParent = null;
        if (parent != null) k.wake(parent);
    }

    private static void endProcess(Kernel k, Process p, int status, String note) {
        if (!p.alive()) return;
        p.waitStatus = status;
        if (k.traceHook() != null) k.traceHook().exited(k, p.pid, status);
        if (!note.isEmpty()) p.deathNote = note;
        k.processExiting(p);
        k.releaseFds(p.fds);
        Ctty.exited(k, p);
        p.measures.exit(p.space);
        p.tableFrames = p.space.pageTable().tableFrames();
        p.residentPages = p.space.residentNow();
        p.memStats = p.space.stats();
        k.releaseSpace(p.space);
        p.space.reportRss(k.tracer(), p.pid, p.pid);
        p.setSpace(null);
        // What the exit itself cost (closing files, writing back a shared mapping's dirty pages) is the
        // process's and comes before its end: charged later, it made cpu exceed turnaround.
        k.charge(k.current() == null ? p : k.current().proc);
        p.ended = k.clock().now();
        if (p.alarm != null) { k.timers().cancel(p.alarm); p.alarm = null; }
        PosixTimers.deleteAll(k, p);
        p.shared.discard(-1L, k.users());
        p.state = Process.State.ZOMBIE;
        p.stopped = false;
        k.pidfdWakeup(p);
        k.traceProc(p.pid, "exit", p.pid, (status & 0x7f) == 0 ? "exited " + ((status >> 8) & 0xff) : "killed by " + Signals.name(status & 0x7f));
        reparentChildren(k, p);
        int code = (status & 0x7f) == 0 ? SigInfo.CLD_EXITED : (status & 0x80) != 0 ? SigInfo.CLD_DUMPED : SigInfo.CLD_KILLED;
        int value = (status & 0x7f) == 0 ? (status >> 8) & 0xff : status & 0x7f;
        notifyParent(k, p, code, value);
    }

    /** Orphans go to init (pid 1), which reaps those already dead at once. */
    private static void reparentChildren(Kernel k, Process p) {
        Process init = k.init();
        for (Process c : List.copyOf(p.children)) {
            c.parent = init;
            if (c.state == Process.State.ZOMBIE) k.reap(c);
            else init.children.add(c);
        }
        p.children.clear();
    }

    /**
     * Tells the parent about a child's exit, stop or continue: SIGCHLD (unless the child's
     * exit signal is another, or SA_NOCLDSTOP for stops) and a wakeup for wait. An exit
     * into SIG_IGN or SA_NOCLDWAIT is reaped at once, as Linux does.
     */
    static void notifyParent(Kernel k, Process child, int code, int value) {
        Process parent = child.parent;
        boolean exit = code == SigInfo.CLD_EXITED || code == SigInfo.CLD_KILLED || code == SigInfo.CLD_DUMPED;
        if (parent == k.init()) {
            // init waits for every child as soon as it dies, and ignores their stops.
            if (exit) {
                parent.children.remove(child);
                k.reap(child);
            }
            return;
        }
        SigAction act = parent.actions[Signals.SIGCHLD];
        int sig = exit ? child.exitSignal : Signals.SIGCHLD;
        boolean quiet = !exit && act.has(SigAction.SA_NOCLDSTOP);
        if (sig != 0 && !quiet && parent.alive())
            SignalDelivery.sendProcess(k, parent, SigInfo.child(code, child.pid, child.cred().uid(), value).withSigno(sig));
        if (exit && (act.isIgnore() || act.has(SigAction.SA_NOCLDWAIT)) && sig == Signals.SIGCHLD) {
            parent.children.remove(child);
            k.reap(child);
        }
        k.wakeup(parent);
    }
}
