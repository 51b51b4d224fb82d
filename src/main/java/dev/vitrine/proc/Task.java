package dev.vitrine.proc;

import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.UserMemory;

/**
 * A thread: registers, signal mask and pending set, what it sleeps on. Everything a
 * process shares (memory, descriptors, actions) is reached through {@link #process()};
 * the delegating getters keep syscall code short (task.space(), task.fds()).
 */
public final class Task {
    public enum State { RUNNABLE, SLEEPING, DEAD }

    final Context context = new Context();
    final int tid;
    final Process proc;
    State state = State.RUNNABLE;

    /** Blocked and pending signals, bit sig-1; siginfo of each pending standard signal. */
    long blocked, pending;
    final SigInfo[] pendingInfo = new SigInfo[Signals.NSIG + 1];
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
    String waitReason;
    /** A timed sleep's deadline on the monotonic clock, or -1. */
    long wakeAt = -1;
    Timers.Entry timer;
    /** The task's pc is at an ecall that went to sleep and will run again (Syscall.RESTART). */
    boolean inSyscall;
    /** Which syscall that is (a7), for the restart rules. */
    long syscallNr;
    /** Scratch a sleeping syscall keeps across its restarts (a deadline); dropped when it completes. */
    Object syscallState;
    /** Called when a signal handler cuts the sleeping syscall short: true for EINTR, false for a restart. */
    java.util.function.Consumer<Boolean> onAbandon;
    /** A vfork child's parent sleeps on this until the child execs or exits. */
    boolean vforkDone;
    Task vforkParent;

    long instructions, syscalls;
    long readySince = -1;

    Task(int tid, Process proc) {
        this.tid = tid;
        this.proc = proc;
    }

    public Process process() { return proc; }
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
    public long[] rlimCur() { return proc.rlimCur; }
    public long[] rlimMax() { return proc.rlimMax; }
    public State state() { return state; }
    public long instructions() { return instructions; }
    public long syscalls() { return syscalls; }
    public long blocked() { return blocked; }
    public long pending() { return pending; }
    public long clearChildTid() { return clearChildTid; }
    public void setClearChildTid(long addr) { clearChildTid = addr; }
    public void setRobustList(long head) { robustList = head; }
    public long rseq() { return rseq; }
    public void setRseq(long addr) { rseq = addr; }
    public String waitReason() { return waitReason; }
    public Object syscallState() { return syscallState; }
    public void setSyscallState(Object o) { syscallState = o; }
    /**
     * A sleeping syscall's clean-up for when a signal handler runs before it completes:
     * called with true when the call then returns EINTR, false when it will run again.
     */
    public void setOnAbandon(java.util.function.Consumer<Boolean> c) { onAbandon = c; }

    /** The syscall {@code nr} went to sleep and will run again from its ecall (Syscall.RESTART). */
    public void syscallSleeps(long nr) {
        inSyscall = true;
        syscallNr = nr;
    }

    /** The syscall finished (or was abandoned): its restart scratch goes. */
    public void syscallDone() {
        syscallState = null;
        onAbandon = null;
        inSyscall = false;
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

    @Override public String toString() { return "task " + tid + " (" + proc.comm + ")"; }
}
