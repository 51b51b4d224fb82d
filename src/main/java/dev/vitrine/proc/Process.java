package dev.vitrine.proc;

import dev.vitrine.abi.Rlimit;
import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.MemStats;
import dev.vitrine.mm.UserMemory;

import java.util.ArrayList;
import java.util.List;

/**
 * A process: Linux's thread group with its signal_struct. What its threads share lives
 * here (memory, descriptors, signal actions, the process-wide pending set, the exit
 * status); what each thread owns (registers, mask) lives in {@link Task}.
 */
public final class Process {
    public enum State { ALIVE, ZOMBIE, REAPED }

    final int pid;
    /** The signal the parent gets when this process exits (clone's low byte: SIGCHLD for fork). */
    int exitSignal = Signals.SIGCHLD;
    Process parent;
    final List<Process> children = new ArrayList<>();
    final List<Task> threads = new ArrayList<>();
    int pgid, sid;
    /**
     * proc_clear_tty: TIOCNOTTY from a member that is not its session's leader drops this
     * process's controlling terminal only (Linux clears its signal->tty); fork passes that on,
     * setsid starts afresh.
     */
    boolean ttyDropped;
    String comm;
    String exePath = "";
    /** The image's argv (/proc/PID/cmdline), where it was laid out, and the stack pointer it started with. */
    List<String> argv = List.of();
    dev.vitrine.loader.Exec.Bounds bounds = dev.vitrine.loader.Exec.Bounds.NONE;
    long startStack;
    AddressSpace space;
    UserMemory memory;
    FdTable fds;
    State state = State.ALIVE;
    /** The Linux wait status once a zombie. */
    int waitStatus;
    int termSignal;
    String deathNote = "";
    /** exit_group in progress: the remaining threads die at their next chance. */
    boolean exiting;
    /** Chosen by the OOM killer already: its other threads' faults until it dies report nothing new (Linux's task_will_free_mem). */
    boolean oomVictim;
    int groupExitStatus;

    final SigAction[] actions = new SigAction[Signals.NSIG + 1];
    /** Signals sent to the process (kill), not to one thread (tgkill), with their queued siginfo. */
    final SigPending shared = new SigPending();

    /** Job control: stopped by SIGSTOP and friends; reports wait4 has yet to collect. */
    boolean stopped;
    int stopSignal;
    boolean stopReport, continueReport;

    /** An alarm/ITIMER_REAL: when it fires (0 = disarmed), and its interval. */
    long alarmAt, alarmInterval;
    Timers.Entry alarm;

    /** getrlimit/setrlimit values, Linux's defaults for a login shell's child. */
    public final long[] rlimCur = new long[16], rlimMax = new long[16];
    int nice;
    boolean forkLimitNoted;
    /** mm's dumpable flag (SUID_DUMP_USER): false after a change of identity, until an exec as oneself. */
    boolean dumpable = true;
    /** Has called execve since fork (setpgid on it from the parent is then EACCES). */
    boolean execed;

    /** Accounting, in virtual ns (1 instruction = 1 ns). */
    final long created;
    long firstRun = -1, ended = -1;
    long cpu, syscalls, voluntary, involuntary;
    /** setitimer's ITIMER_VIRTUAL and ITIMER_PROF. */
    final CpuTimers cpuTimers = new CpuTimers();
    /** What signalfd readers of this process sleep on (sighand->signalfd_wqh): every signal sent to it wakes them. */
    final Object signalfdChannel = new Object();
    /** What pidfd pollers of this process sleep on: woken at its exit and at its reaping. */
    final Object pidfdChannel = new Object();
    /** timer_create's timers. */
    final PosixTimers posixTimers = new PosixTimers();
    long waitingSince = -1, waiting;
    long childCpu;
    /** Faults of reaped children and theirs (Linux's cmin_flt, cmaj_flt). */
    long childMinFlt, childMajFlt;
    /** Figures kept from the address space when it is torn down at exit. */
    long tableFrames, residentPages;
    MemStats memStats;
    /** TLB and walk counts, memory peaks, what the space showed at exit. */
    final Measures measures = new Measures();

    Process(int pid, Process parent, String comm, AddressSpace space, FdTable fds, long now) {
        this.pid = pid;
        this.parent = parent;
        this.comm = comm;
        this.fds = fds;
        this.created = now;
        setSpace(space);
        for (int s = 1; s <= Signals.NSIG; s++) actions[s] = SigAction.DEFAULT;
        java.util.Arrays.fill(rlimCur, -1);
        java.util.Arrays.fill(rlimMax, -1);
        rlimCur[Rlimit.STACK] = 8L << 20;
        rlimCur[Rlimit.CORE] = 0;
        rlimCur[Rlimit.NOFILE] = 1024; rlimMax[Rlimit.NOFILE] = 4096;
        rlimCur[Rlimit.MEMLOCK] = rlimMax[Rlimit.MEMLOCK] = 8L << 20;
        rlimCur[Rlimit.NPROC] = rlimMax[Rlimit.NPROC] = 4096;
        rlimCur[Rlimit.SIGPENDING] = rlimMax[Rlimit.SIGPENDING] = 4096;
        rlimCur[Rlimit.MSGQUEUE] = rlimMax[Rlimit.MSGQUEUE] = 819200;
        rlimCur[Rlimit.NICE] = rlimMax[Rlimit.NICE] = 0;
        rlimCur[Rlimit.RTPRIO] = rlimMax[Rlimit.RTPRIO] = 0;
    }

    public int pid() { return pid; }
    public int ppid() { return parent == null ? 0 : parent.pid; }
    public Process parent() { return parent; }
    public int pgid() { return pgid; }
    public int sid() { return sid; }
    public String comm() { return comm; }
    public String exePath() { return exePath; }
    public List<String> argv() { return argv; }
    public dev.vitrine.loader.Exec.Bounds bounds() { return bounds; }
    public long startStack() { return startStack; }
    public boolean execed() { return execed; }
    public boolean dumpable() { return dumpable; }
    public boolean stopped() { return stopped; }
    public long pendingShared() { return shared.set(); }
    public int exitSignal() { return exitSignal; }
    public AddressSpace space() { return space; }
    public UserMemory memory() { return memory; }
    public FdTable fds() { return fds; }
    public State state() { return state; }
    public List<Task> threads() { return List.copyOf(threads); }
    public List<Process> children() { return List.copyOf(children); }
    public int waitStatus() { return waitStatus; }
    /** The status the process is ending with (a wait status: code << 8, or the signal), from its exit on. */
    public int groupExitStatus() { return groupExitStatus; }
    public int termSignal() { return termSignal; }
    public String deathNote() { return deathNote; }
    public int nice() { return nice; }
    public SigAction action(int sig) { return actions[sig]; }

    /** Measures for --stats, in virtual ns. */
    public long created() { return created; }
    public long firstRun() { return firstRun; }
    public long ended() { return ended; }
    public long cpu() { return cpu; }
    /** CPU time of reaped children and theirs (RUSAGE_CHILDREN). */
    public long childCpu() { return childCpu; }
    public long syscalls() { return syscalls; }
    public long childMinorFaults() { return childMinFlt; }
    public long childMajorFaults() { return childMajFlt; }
    public long waiting() { return waiting; }
    public long voluntarySwitches() { return voluntary; }
    public long involuntarySwitches() { return involuntary; }
    public long tableFrames() { return space != null ? space.pageTable().tableFrames() : tableFrames; }
    public MemStats memStats() { return space != null ? space.stats() : memStats; }
    public long residentPages() { return space != null ? space.residentPages() : residentPages; }
    public Measures measures() { return measures; }
    /** Pages shared with another address space: now, or at exit. */
    public long sharedPages() { return space != null ? space.sharedPages() : measures.sharedAtExit; }
    /** Pages on swap: now, or at exit. */
    public long swappedPages() { return space != null ? space.swappedPages() : measures.swappedAtExit; }
    public long peakResident() { return space != null ? Math.max(measures.peakResident, space.peakResident()) : measures.peakResident; }
    public long peakShared() { return space != null ? Math.max(measures.peakShared, space.peakShared()) : measures.peakShared; }
    public long peakSwapped() { return space != null ? Math.max(measures.peakSwapped, space.peakSwapped()) : measures.peakSwapped; }
    public long peakTableFrames() {
        return space != null ? Math.max(measures.peakTableFrames, space.pageTable().peakTableFrames()) : measures.peakTableFrames;
    }

    void setSpace(AddressSpace s) {
        space = s;
        memory = s == null ? null : new UserMemory(s);
        // The space obeys this process's rlimits (stack growth, RLIMIT_AS/DATA/MEMLOCK), read when they matter.
        if (s != null) s.setLimits(r -> rlimCur[r]);
        if (s != null) s.setLockExempt(() -> cred().capable(dev.vitrine.abi.Cred.CAP_IPC_LOCK));
    }

    boolean alive() { return state == State.ALIVE; }

    /** The process's credentials as others see them (kill's check, /proc/PID/status): its first live thread's, else its leader's. */
    public dev.vitrine.abi.Cred cred() {
        for (Task t : threads) if (t.state != Task.State.DEAD) return t.cred;
        return threads.isEmpty() ? dev.vitrine.abi.Cred.root() : threads.get(0).cred;   // init has no thread: root
    }

    boolean hasOtherLiveThreads(Task t) {
        for (Task x : threads) if (x != t && x.state != Task.State.DEAD) return true;
        return false;
    }

    boolean hasLiveThreads() {
        for (Task t : threads) if (t.state != Task.State.DEAD) return true;
        return false;
    }
}
