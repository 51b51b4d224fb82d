package dev.vitrine.proc;

import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.UserMemory;

/**
 * A thread: registers, signal mask and pending set, what it sleeps on. Everything a
 * process shares (memory, descriptors, actions) is reached through {@link #process()};
 * the delegating getters keep syscall code short (task.space(), task.fds()).
 */
public final class Task implements dev.vitrine.proc.sched.RunQueue.Entity {
    public enum State { RUNNABLE, SLEEPING, DEAD }

    final Context context = new Context();
    final int tid;
    final Process proc;
    State state = State.RUNNABLE;

    /** Blocked signals, bit sig-1. */
    long blocked;
    /** Signals sent to this thread (tgkill, faults), with their queued siginfo. */
    final SigPending pending = new SigPending();
    /** rt_sigsuspend/pselect: the mask to restore once a handler has run. */
    long savedMask;
    /** rt_sigtimedwait's set: these wake the task although blocked, and it takes them itself. */
    long waitSet;
    boolean restoreMask;
    /** sigaltstack. */
    long altSp, altSize;
    int altFlags = SigFrame.SS_DISABLE;

    long clearChildTid;
    long robustList;
    long rseq;
    /** What a sleeping task waits on, and why in words for the deadlock report. */
    Object channel;
    /** Its neighbours on that channel's wait queue. */
    Task waitPrev, waitNext;
    /** When this task began the wait it is in: its place in its channel's queue (see {@link Kernel#sleepInPlace}). */
    long waitSeq;
    String waitReason;
    /** A timed sleep's deadline on the monotonic clock, or -1. */
    long wakeAt = -1;
    Timers.Entry timer;
    /** The task's pc is at an ecall that went to sleep and will run again (Syscall.RESTART). */
    boolean inSyscall;
    /** The last page fault the kernel refused this thread, for the report line if it dies of it. */
    DeathNote.FaultSite faultSite;
    /** What a handler running before that syscall completes makes of it. */
    RestartPolicy restart = RestartPolicy.RESTARTSYS;
    /** What the sleeping syscall keeps across its restarts; dropped when it completes. */
    Continuation continuation;
    /** A vfork child's parent sleeps on this until the child execs or exits. */
    boolean vforkDone;
    Task vforkParent;

    long instructions, syscalls;
    /** This thread's CPU time in virtual ns: its instructions and what the cost model charged while it ran (task/TID/stat's utime). */
    long cpu;
    long readySince;
    /** Who this thread is (Linux keeps creds per thread; clone and fork share the parent's). */
    dev.vitrine.abi.Cred cred = dev.vitrine.abi.Cred.user();

    Task(int tid, Process proc) {
        this.tid = tid;
        this.proc = proc;
    }

    public Process process() { return proc; }
    public dev.vitrine.abi.Cred cred() { return cred; }
    /**
     * commit_creds: the new ids take effect at once for this thread; a change of effective or
     * file-system id makes the process undumpable (fs.suid_dumpable 0), so its /proc entries
     * become root's.
     */
    public void setCred(dev.vitrine.abi.Cred c) {
        if (c.euid() != cred.euid() || c.egid() != cred.egid() || c.fsuid() != cred.fsuid() || c.fsgid() != cred.fsgid())
            proc.dumpable = false;
        cred = c;
    }

    /** begin_new_exec: dumpable again unless the program runs with ids it was not started with (or {@code unreadable}). */
    public void execCred(dev.vitrine.abi.Cred c, boolean unreadable) {
        cred = c;
        proc.dumpable = !unreadable && c.euid() == c.uid() && c.egid() == c.gid();
    }
    public int tid() { return tid; }
    public int pid() { return proc.pid; }
    public int ppid() { return proc.ppid(); }
    public String comm() { return proc.comm; }
    public void setComm(String c) { proc.comm = c.length() > 15 ? c.substring(0, 15) : c; }
    public AddressSpace space() { return proc.space; }
    public UserMemory memory() { return proc.memory; }
    public FdTable fds() { return proc.fds; }
    public String exePath() { return proc.exePath; }
    public void setExePath(String p) { proc.exePath = p; }
    /** What a fresh image leaves for /proc: its argv, where the loader laid it out, its first stack pointer. */
    public void setImage(java.util.List<String> argv, dev.vitrine.loader.Exec.Image img) {
        proc.argv = java.util.List.copyOf(argv);
        proc.bounds = img.bounds();
        proc.startStack = img.sp();
    }
    public long[] rlimCur() { return proc.rlimCur; }
    public long[] rlimMax() { return proc.rlimMax; }
    public State state() { return state; }
    /** Whether it is asleep on {@code c} (xv6's chan), not woken since it went to sleep there. */
    public boolean sleepsOn(Object c) { return state == State.SLEEPING && channel == c; }
    public long instructions() { return instructions; }
    public long syscalls() { return syscalls; }
    public long blocked() { return blocked; }
    public long pending() { return pending.set(); }
    public long clearChildTid() { return clearChildTid; }
    public void setClearChildTid(long addr) { clearChildTid = addr; }
    public void setRobustList(long head) { robustList = head; }
    public long rseq() { return rseq; }
    public void setRseq(long addr) { rseq = addr; }
    public String waitReason() { return waitReason; }
    /** The channel a sleeping task waits on (a pipe, a child list, ...), null while it runs: for the views. */
    public Object sleepsOn() { return channel; }
    /** What the sleeping syscall kept from its last run, or null on its first. */
    public Continuation continuation() { return continuation; }
    public void setContinuation(Continuation c) { continuation = c; }

    /** The syscall {@code nr} went to sleep and will run again from its ecall (Syscall.RESTART); {@code p} is its table row's policy. */
    public void syscallSleeps(long nr, RestartPolicy p) {
        inSyscall = true;
        restart = p;
    }

    /** The syscall finished: its continuation goes. */
    /** Whether the syscall now running is one that slept and runs again (Syscall.RESTART), not a new call. */
    public boolean restarted() { return inSyscall; }

    public void syscallDone() {
        continuation = null;
        inSyscall = false;
    }

    /**
     * The sleeping syscall is cut short ({@code how}): its continuation undoes what it holds,
     * then goes. Returns what an EINTR ending makes the call return (-EINTR, or its own word).
     */
    long abandonSyscall(Kernel k, Continuation.Abandon how) {
        Continuation c = continuation;
        syscallDone();
        if (c == null) return -dev.vitrine.abi.Errno.EINTR;
        long r = how == Continuation.Abandon.EINTR ? c.interrupted(k, this) : -dev.vitrine.abi.Errno.EINTR;
        c.abandon(k, this, how);
        return r;
    }

    /** The wait status of the process (exit code in bits 8-15, or the killing signal in bits 0-6). */
    public int waitStatus() { return proc.waitStatus; }
    public int termSignal() { return proc.termSignal; }
    public String deathNote() { return proc.deathNote; }

    public long tableFrames() { return proc.tableFrames(); }
    public dev.vitrine.mm.MemStats memStats() { return proc.memStats(); }
    public long residentPages() { return proc.residentPages(); }

    /** Registers for code outside proc that must read a task's saved state (tests, the lab). */
    public long reg(int i) { return context.x[i]; }
    public long pc() { return context.pc; }

    // What the run queue needs: scheduling is per thread, its measures per process.
    @Override public int nice() { return proc.nice; }
    @Override public boolean runnable() { return state == State.RUNNABLE && !proc.stopped; }
    @Override public boolean dead() { return state == State.DEAD; }
    @Override public long readySince() { return readySince; }
    @Override public void setReadySince(long now) { readySince = now; }
    @Override public void waited(long ns) { proc.waiting += ns; }
    @Override public void switchedOut(boolean involuntary) { if (involuntary) proc.involuntary++; else proc.voluntary++; }

    @Override public String toString() { return "task " + tid + " (" + proc.comm + ")"; }
}
