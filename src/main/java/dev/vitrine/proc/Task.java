package dev.vitrine.proc;

import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.UserMemory;

/** A process (one thread for now): its registers, memory, descriptors and accounting. */
public final class Task {
    public enum State { RUNNABLE, SLEEPING, ZOMBIE }

    final Context context = new Context();
    private final int pid;
    private int ppid;
    private String comm;
    private String exePath = "";
    private AddressSpace space;
    private UserMemory memory;
    private FdTable fds;
    private State state = State.RUNNABLE;
    private int waitStatus;
    private int termSignal;
    private String deathNote = "";
    final int asid;

    long instructions;
    long syscalls;
    long clearChildTid;
    /** What a sleeping task waits on, and why in words for the deadlock report. */
    Object channel;
    String waitReason;
    long robustList;
    long rseq;
    /** getrlimit/setrlimit values, Linux's defaults for a login shell's child. */
    public final long[] rlimCur = new long[16], rlimMax = new long[16];
    /** Figures kept from the address space when it is torn down at exit. */
    long tableFrames, residentPages;
    dev.vitrine.mm.MemStats memStats;

    Task(int pid, int ppid, String comm, AddressSpace space, FdTable fds) {
        this.pid = pid;
        this.asid = pid;
        this.ppid = ppid;
        this.comm = comm;
        this.fds = fds;
        setSpace(space);
        java.util.Arrays.fill(rlimCur, -1);
        java.util.Arrays.fill(rlimMax, -1);
        rlimCur[3] = 8L << 20;           // RLIMIT_STACK
        rlimCur[4] = 0;                  // RLIMIT_CORE
        rlimCur[7] = 1024; rlimMax[7] = 4096;  // RLIMIT_NOFILE
        rlimCur[8] = rlimMax[8] = 8L << 20;    // RLIMIT_MEMLOCK
        rlimCur[6] = rlimMax[6] = 4096;  // RLIMIT_NPROC
        rlimCur[11] = rlimMax[11] = 4096; // RLIMIT_SIGPENDING
        rlimCur[12] = rlimMax[12] = 819200; // RLIMIT_MSGQUEUE
        rlimCur[13] = rlimMax[13] = 0;   // RLIMIT_NICE
        rlimCur[14] = rlimMax[14] = 0;   // RLIMIT_RTPRIO
    }

    public int pid() { return pid; }
    public int tid() { return pid; }
    public int ppid() { return ppid; }
    public String comm() { return comm; }
    public void setComm(String c) { comm = c.length() > 15 ? c.substring(0, 15) : c; }
    public AddressSpace space() { return space; }
    /** The executable's path, as /proc/self/exe shows it. */
    public String exePath() { return exePath; }
    public void setExePath(String p) { exePath = p; }
    public UserMemory memory() { return memory; }
    public FdTable fds() { return fds; }
    public State state() { return state; }
    public long instructions() { return instructions; }
    public long syscalls() { return syscalls; }
    public long tableFrames() { return space != null ? space.pageTable().tableFrames() : tableFrames; }
    public dev.vitrine.mm.MemStats memStats() { return space != null ? space.stats() : memStats; }
    public long residentPages() { return space != null ? space.residentPages() : residentPages; }
    public void setClearChildTid(long addr) { clearChildTid = addr; }
    public void setRobustList(long head) { robustList = head; }
    public long rseq() { return rseq; }
    public void setRseq(long addr) { rseq = addr; }

    void dropSpace() {
        space = null;
        memory = null;
    }

    public void setSpace(AddressSpace s) {
        space = s;
        memory = new UserMemory(s);
    }

    /** The Linux wait status: exit code in bits 8-15, or the killing signal in bits 0-6. */
    public int waitStatus() { return waitStatus; }
    public int termSignal() { return termSignal; }
    /** Why it died, in a shell's words ("Segmentation fault"), or "". */
    public String deathNote() { return deathNote; }

    public String waitReason() { return waitReason; }
    void setState(State s) { state = s; }

    void exit(int code) {
        waitStatus = (code & 0xff) << 8;
        state = State.ZOMBIE;
    }

    void killedBy(int sig, String note) {
        termSignal = sig;
        waitStatus = sig & 0x7f;
        deathNote = note;
        state = State.ZOMBIE;
    }
}
