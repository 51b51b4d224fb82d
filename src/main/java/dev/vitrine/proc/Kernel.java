package dev.vitrine.proc;

import dev.vitrine.mmu.MmuStats;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Rlimit;
import dev.vitrine.cpu.Hart;
import dev.vitrine.cpu.Trap;
import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.FrameAllocator;
import dev.vitrine.mmu.Mmu;
import dev.vitrine.proc.sched.Policy;
import dev.vitrine.proc.sched.RoundRobin;
import dev.vitrine.proc.sched.RunQueue;
import dev.vitrine.trace.Category;
import dev.vitrine.trace.Event;
import dev.vitrine.trace.Tracer;

import java.util.ArrayList;
import java.util.List;

/**
 * The one kernel loop: pick a runnable task, put it on the hart, deliver its signals, run it
 * for a slice and handle whatever trap brought it back. The whole machine is this one
 * Java thread. While a trap is handled the current task's registers are in the hart;
 * every other task's are in its {@link Context}.
 */
public final class Kernel implements dev.vitrine.fs.Wakeup {
    private final dev.vitrine.mm.MappedFile vdso = Trampoline.file();
    /** Runs a syscall for the task on the hart; implemented by the sys layer. */
    public interface SyscallHandler {
        void syscall(Kernel kernel, Task task);
    }

    /** How a run ended. */
    public enum Stop { ALL_EXITED, INSTRUCTION_LIMIT, TIME_LIMIT, DEADLOCK }

    private final Hart hart;
    private final Mmu mmu;
    private final FrameAllocator frames;
    private final VirtualClock clock = new VirtualClock();
    private final Timers timers = new Timers();
    private final UserCounts users = new UserCounts();
    private final Pids pids = new Pids(users);
    private final LoadAverage loadAverage = new LoadAverage();
    private final RunQueue<Task> runQueue = new RunQueue<>(new RoundRobin(), 100_000);
    private final Sharing sharing = new Sharing();
    private final WaitQueues waits = new WaitQueues();
    private final List<String> report = new ArrayList<>();
    final Futexes futexes = new Futexes(this);
    private final Oops oops = new Oops();
    private SyscallHandler syscalls;
    private TraceHook traceHook;
    private long maxInstructions, maxTimeNs;
    private int maxProcesses = 1024;
    private long retired;
    private long switches;
    /** The task whose registers are in the hart, and the last one that ran there (for counting switches). */
    private Task current, lastRan;
    private int foregroundPgid = 0;
    /** pid 1, see {@link #init()}; and the user's program, the first process that runs. */
    private final Process init;
    /**
     * init's one thread as /proc and ps show it: asleep in wait, root's. It never runs: the
     * kernel does init's work (reaping orphans) itself, so it is in no run queue, pid table or count.
     */
    private final Task initThread;
    private Process first;
    private int idleJumps;
    private static final int MAX_IDLE_JUMPS = 100_000;
    /** The event stream; {@link Tracer#OFF} unless a sink is attached. */
    private Tracer tracer = Tracer.OFF;
    /** hart.instret when the running slice began, or -1 between slices: events inside a slice are stamped at their instruction. */
    private long sliceStart = -1;
    /** The cost model's meter; off charges nothing (one instruction, one ns). */
    private CostMeter costs;
    /** Syscalls made, machine-wide, for the cost model. */
    private long syscallCount;
    /** Why the last slice ended while its task could still run: "quantum" (budget spent) or "preempted". */
    private String lastSliceEnd = "preempted";
    /** The supplementary group lists threads hold, charged to kernel memory. */
    final GroupLists groupLists;

    public Kernel(Hart hart, FrameAllocator frames) {
        this.hart = hart;
        this.mmu = hart.mmu();
        this.frames = frames;
        groupLists = new GroupLists(() -> frames.pager().kernelMemory());
        init = new Process(pids.alloc(), null, "init", null, null, 0);
        init.pgid = init.sid = INIT_PID;
        pids.add(init);
        initThread = new Task(INIT_PID, init);
        initThread.state = Task.State.SLEEPING;
        initThread.cred = dev.vitrine.abi.Cred.root();
        initThread.channel = init;   // wchan do_wait: what an init does between orphans
        initThread.waitReason = "wait: init reaps orphans";
    }

    /** commit_creds for set*id: {@code t} is {@code c} from now on (the group list it held may go). */
    public void commitCred(Task t, dev.vitrine.abi.Cred c) {
        groupLists.ref(c);
        groupLists.unref(t.cred);
        t.setCred(c);
    }

    /** setgroups: {@code c} holds a new list, charged to kernel memory; false when there is none left. */
    public boolean setGroups(Task t, dev.vitrine.abi.Cred c) {
        if (!groupLists.charge(c)) return false;
        commitCred(t, c);
        return true;
    }

    /** The pid of init, the parent of the first program, and the first program's, the next one. */
    public static final int INIT_PID = 1, FIRST_PID = 2;

    public void setSyscallHandler(SyscallHandler h) { syscalls = h; }

    /** Attaches the event stream: it reads this machine's clock; the MMU reports to it when a sink wants tlb or walk events. */
    public void setTracer(Tracer t) {
        tracer = t;
        t.setClock(this::now);
        frames.pager().setTracer(t);
    }

    public Tracer tracer() { return tracer; }

    /** The cost model: what virtual time charges beside instructions (Costs.OFF: nothing). */
    public void setCosts(dev.vitrine.trace.Costs c) { costs = new CostMeter(c, mmu.stats(), frames.pager()); }

    /** The cost model's figures in use. */
    public dev.vitrine.trace.Costs costs() { return costs == null ? dev.vitrine.trace.Costs.OFF : costs.costs(); }

    /** ns the cost model charged so far (beyond instructions and idle time). */
    public long charged() { return costs == null ? 0 : costs.total(); }

    /** Where the charged ns went, by cause. */
    public java.util.Map<String, Long> chargedBy() { return costs == null ? java.util.Map.of() : costs.breakdown(); }

    /** Charges what happened since the last charge to the clock and to {@code t} and its process. */
    private void charge(Task t) {
        long ns = charge(t == null ? null : t.proc);
        if (t != null) t.cpu += ns;
    }

    /** The same for a process about to end, so that its exit time includes what it cost; the ns charged. */
    long charge(Process p) {
        if (costs == null || costs.off()) return 0;
        long ns = costs.charge(syscallCount, switches);
        if (ns == 0) return 0;
        clock.advance(ns);
        if (p != null) p.cpu += ns;
        return ns;
    }

    /** Virtual time now, also in the middle of a slice (the clock itself advances when the slice ends). */
    public long now() { return sliceStart < 0 ? clock.now() : clock.now() + (hart.instret - sliceStart); }

    /** A tracer for signals, stops and exits (strace); null for none. */
    public void setTraceHook(TraceHook h) { traceHook = h; }
    TraceHook traceHook() { return traceHook; }

    private Watch watch = Watch.NONE;
    /** Who hears of the run's moments (the views' --show-at). */
    public void setWatch(Watch w) {
        watch = w;
        w.attach(this);
    }
    /** A moment for the watch: {@code name} happened in {@code p}. */
    void moment(String name, Process p) { watch.event(this, name, p); }
    public void setMaxInstructions(long n) { maxInstructions = n; }
    /** A limit on virtual time for the whole run, in ns; 0 = none. */
    public void setMaxTime(long ns) { maxTimeNs = ns; }
    public void setQuantum(long n) { if (n < 1) throw new IllegalArgumentException("quantum must be at least 1 instruction"); runQueue.setQuantum(n); }
    public void setPolicy(Policy p) { runQueue.setPolicy(p); }
    /** The most processes (live and zombie) that may exist at once; fork past it is EAGAIN. */
    public void setMaxProcesses(int n) { maxProcesses = n; }

    public Hart hart() { return hart; }
    public Mmu mmu() { return mmu; }
    public FrameAllocator frames() { return frames; }
    public VirtualClock clock() { return clock; }
    public Policy policy() { return runQueue.policy(); }
    public long quantum() { return runQueue.quantum(); }
    public int maxProcesses() { return maxProcesses; }
    /** The live threads, in creation order. */
    public List<Task> tasks() { return List.copyOf(pids.threads()); }
    /** How many threads this machine has ever made (strace shows pids once there were two). */
    public long threadsCreated() { return pids.threadsCreated(); }
    /** How many threads are alive now (strace -f prefixes its lines with the pid while there are two). */
    public int liveThreads() { return pids.threads().size(); }
    /** Linux's nr_threads: the live threads and init's, which never runs but is a thread all the same. */
    public int nrThreads() { return liveThreads() + 1; }
    /** Linux's total_forks: every thread ever made, init's (the first copy_process) included. */
    public long totalForks() { return threadsCreated() + 1; }
    /** The three load averages in FIXED_1 (2048) fixed point, brought up to now (see {@link LoadAverage}). */
    public long[] loadAverages() {
        int running = 0;
        for (Task t : pids.threads()) if (t.runnable()) running++;
        return loadAverage.at(clock.now(), running);
    }

    /** The machine's devpts, whose ptys can be a session's controlling terminal (null: none). */
    private dev.vitrine.fs.Devpts devpts;
    public dev.vitrine.fs.Devpts devpts() { return devpts; }
    public void setDevpts(dev.vitrine.fs.Devpts d) {
        devpts = d;
        if (d != null) d.setSignals(Ctty.signals(this));
    }

    /** The pid handed out last (/proc/loadavg's last field). */
    public int lastPid() { return pids.lastPid(); }

    /** The live and zombie processes, in pid order, init aside. */
    public List<Process> processes() {
        List<Process> out = new ArrayList<>(pids.processes());
        out.remove(init);
        return out;
    }
    RunStats.Reaped reaped() { return pids.reaped(); }
    UserCounts users() { return users; }
    public long retired() { return retired; }
    public long contextSwitches() { return switches; }
    public Task current() { return current; }
    public Futexes futexes() { return futexes; }
    /** The internal errors (Vitrine bugs) met while serving tasks. */
    public Oops oops() { return oops; }
    private java.io.PrintStream liveNotes;

    /**
     * Notes go out as they happen instead of waiting for the report: at a terminal, "Interrupt
     * (pid 13, cat)" shows when cat dies, not when the shell exits. The stream is the kernel's
     * log on the host's fd 2, which keeps them in order with what the guest wrote there.
     */
    public void setLiveNotes(java.io.PrintStream s) { liveNotes = s; }

    public void note(String line) {
        if (liveNotes == null) report.add(line);
        else {
            liveNotes.println(line);
            liveNotes.flush();
        }
    }

    private static final int MAX_DEATH_NOTES = 20;
    private int deathNotes;

    /** A death by signal for the report; past a score of them only their number is kept (a fork bomb's cleanup). */
    void noteDeath(String line) {
        if (++deathNotes <= MAX_DEATH_NOTES) note(line);
    }

    /** The report, with a count of the deaths it did not list. */
    public List<String> report() {
        List<String> out = new ArrayList<>(report);
        if (deathNotes > MAX_DEATH_NOTES) out.add("... and " + (deathNotes - MAX_DEATH_NOTES) + " more processes killed by signals");
        return out;
    }

    public Process process(int pid) { return pids.process(pid); }

    public Task thread(int tid) { return pids.thread(tid); }

    int allocPid() { return pids.alloc(); }


    /**
     * Linux's fork_init: max_threads is RAM over 8 kernel stacks (16 KiB each on riscv64),
     * and init's RLIMIT_NPROC and RLIMIT_SIGPENDING are half of it: RAM / 256 KiB, so 1024
     * for the default 256 MiB machine (96367 on a 24 GiB x86-64 host, as `ulimit -u -i` shows).
     */
    long defaultTaskLimit() {
        long ram = frames.total() * mmu.geometry().pageSize();
        long maxThreads = Math.max(20, Math.min(ram / (16 * 1024 * 8), 0x3fffffff));
        return maxThreads / 2;
    }

    /** Processes that count against the limit: alive or zombie, init aside. */
    int processCount() { return pids.processCount() - 1; }

    /** release_task: a process whose status was collected (or that no one will wait for) leaves the kernel. */
    void reap(Process p) {
        pids.reap(p);
        pidfdWakeup(p);
    }

    /** A new process with an empty context; the loader fills its memory and registers. Its parent is init if {@code ppid} names none. */
    public Task newTask(String comm, AddressSpace space, FdTable fds, int ppid) {
        Process parent = process(ppid);
        Process p = new Process(allocPid(), parent != null ? parent : init, comm, space, fds, clock.now());
        p.comm = comm.length() > 15 ? comm.substring(0, 15) : comm;
        // The first program is not a group or session leader, as a program started by a shell or a
        // test harness is not: its group and session are 0, a login that is not modelled.
        if (first == null) {
            first = p;
            p.execed = true;   // init forked and exec'd it
        } else p.pgid = p.sid = p.pid;
        p.rlimCur[Rlimit.NPROC] = p.rlimMax[Rlimit.NPROC] = p.rlimCur[Rlimit.SIGPENDING] = p.rlimMax[Rlimit.SIGPENDING] = defaultTaskLimit();
        return addProcess(p, p.pid);
    }

    Task addProcess(Process p, int tid) {
        pids.add(p);
        if (p.parent != null) p.parent.children.add(p);
        sharing.nameSpace(p.space, p.pid);
        space(p.space);
        sharing.useSpace(p.space);
        sharing.useFds(p.fds);
        return addThread(p, tid);
    }

    Task addThread(Process p, int tid) {
        Task t = new Task(tid, p);
        p.threads.add(t);
        pids.add(t);
        makeReady(t);
        return t;
    }

    /** Wires an address space to this machine: TLB shootdowns and the signal trampoline page. */
    void space(AddressSpace space) {
        if (space == null) return;
        space.setShootdown(shootdownFor(space));
        Trampoline.map(space, vdso);
    }

    /** Sets where a task starts: pc and stack pointer. */
    public void setEntry(Task t, long pc, long sp) {
        t.context.pc = pc;
        t.context.x[2] = sp;
    }

    private AddressSpace.Shootdown shootdownFor(AddressSpace space) {
        return new AddressSpace.Shootdown() {
            // An ASID-tagged TLB may hold this space's entries even while another runs.
            public void page(long va) { int a = sharing.asidOf(space); if (a >= 0) mmu.invalidatePage(va, a); }
            public void all() { int a = sharing.asidOf(space); if (a >= 0) mmu.invalidateAsid(a); }
        };
    }

    Sharing sharing() { return sharing; }

    // ---- the loop

    /** Until every task has exited or a limit stops the run: idle, limits, a slice, its trap. */
    public Stop run() {
        while (true) {
            // The host's events and the timers are the kernel's own doing: pid 0 in the trace.
            tracer.running(0, 0);
            takeHostSignals();
            timers.fire(clock.now());
            Task t = pickNext();
            if (t == null) {
                Stop idle = idle();
                if (idle != null) return idle;
                continue;
            }
            Stop limit = limitReached();
            if (limit != null) return limit;
            idleJumps = 0;
            SignalDelivery.deliver(this, t);
            if (current != t || !eligible(t)) continue;
            watch.beforeSlice(this, t);
            int trap = slice(t);
            charge(t);
            trap(t, trap);
            charge(t);
        }
    }

    /**
     * No one can run: jump to the next timer, unless timers keep firing without waking anyone
     * (an ignored interval alarm while everyone is blocked: a deadlock too); wait for the host
     * if it can still wake someone. Null to go on, or why the run ends.
     */
    private Stop idle() {
        if (host.inputAwaited() && liveTasks() && !Thread.currentThread().isInterrupted()) {
            // Everyone blocked, one of them on host input: the machine waits for the outside
            // world and keeps its time meanwhile, up to the next timer or the time limit (so
            // `sleep 5 &` at a shell prompt takes 5 s, and --max-time stops a wait that lasts).
            long now = clock.now(), until = Math.min(timers.next(), maxTimeNs > 0 ? maxTimeNs : Long.MAX_VALUE);
            long waited = host.await(until == Long.MAX_VALUE ? -1 : until - now);
            clock.advanceTo(Math.min(until, now + waited));
            if (maxTimeNs > 0 && clock.now() >= maxTimeNs) return timeLimit();
            return null;
        }
        if (!timers.isEmpty() && liveTasks() && idleJumps < MAX_IDLE_JUMPS) {
            long next = timers.next();
            if (maxTimeNs > 0 && next > maxTimeNs) return timeLimit();
            clock.advanceTo(next);
            idleJumps++;
            return null;
        }
        if (!liveTasks()) return Stop.ALL_EXITED;
        if (host.attached() && !Thread.currentThread().isInterrupted()) {
            host.await();
            return null;
        }
        return deadlock();
    }

    /** The run's instruction and virtual-time limits: null while within both. */
    private Stop limitReached() {
        if (maxInstructions > 0 && retired >= maxInstructions) {
            note("instruction limit reached: " + maxInstructions + " instructions retired; the run was stopped");
            return Stop.INSTRUCTION_LIMIT;
        }
        if (maxTimeNs > 0 && clock.now() >= maxTimeNs) return timeLimit();
        return null;
    }

    /** Runs {@code t} on the hart for the rest of its slice, cut at the next timer and the limits; returns the trap. */
    private int slice(Task t) {
        long budget = runQueue.sliceLeft();
        if (maxInstructions > 0) budget = Math.min(budget, maxInstructions - retired);
        if (maxTimeNs > 0) budget = Math.min(budget, maxTimeNs - clock.now());
        long next = timers.next();
        if (next != Long.MAX_VALUE) budget = Math.max(1, Math.min(budget, next - clock.now()));
        // A watch waiting for an instruction count: the slice stops there (as at a timer), so it sees that moment.
        long watched = watch.nextInstret();
        if (watched > retired) budget = Math.min(budget, watched - retired);
        long before = hart.instret;
        hart.timeBase = clock.now() - before;
        // The MMU counts only the hart's accesses: what it counted in this slice is this process's.
        MmuStats m = mmu.stats();
        long fh = m.fetchHits, fm = m.fetchMisses, dh = m.dataHits, dm = m.dataMisses, w = m.walks;
        sliceStart = before;
        int trap = hart.run(budget);
        sliceStart = -1;
        t.proc.measures.ran(m, fh, fm, dh, dm, w);
        long ran = hart.instret - before;
        lastSliceEnd = trap == Trap.LIMIT && runQueue.sliceLeft() <= ran ? "quantum" : "preempted";
        t.instructions += ran;
        t.cpu += ran;
        t.proc.cpu += ran;
        CpuTimers.ran(this, t.proc, ran);
        PosixTimers.ran(this, t.proc);
        retired += ran;
        runQueue.ran(ran);
        clock.advance(ran);
        if (retired == watched) watch.instret(this);
        return trap;
    }

    /** What brought {@code t} back from the hart: a syscall, a fault, or the end of its budget. */
    private void trap(Task t, int trap) {
        switch (trap) {
            case Trap.ECALL -> {
                syscallCount++;
                t.syscalls++;
                t.proc.syscalls++;
                syscalls.syscall(this, t);
                if (runQueue.policy().switchesAtSyscalls()) runQueue.preempt();
            }
            case Trap.PAGE_FAULT -> Faults.pageFault(this, t);
            case Trap.ILLEGAL -> Faults.force(this, t, SigInfo.fault(Signals.SIGILL, Signals.ILL_ILLOPC, hart.pc));
            case Trap.BREAKPOINT -> Faults.force(this, t, SigInfo.fault(Signals.SIGTRAP, 1 /* TRAP_BRKPT */, hart.pc));
            case Trap.MISALIGNED -> Faults.force(this, t, SigInfo.fault(Signals.SIGBUS, 1 /* BUS_ADRALN */, hart.trapValue));
            default -> { }
        }
    }

    private Stop timeLimit() {
        note("virtual time limit reached: " + String.format("%.6f", maxTimeNs / 1e9) + " s of machine time; the run was stopped");
        return Stop.TIME_LIMIT;
    }

    private boolean liveTasks() { return pids.anyLive(); }

    private Stop deadlock() {
        note("deadlock: every process is waiting and nothing can wake any of them");
        for (Task x : pids.threads()) {
            String who = x.tid == x.proc.pid ? "pid " + x.proc.pid : "pid " + x.proc.pid + " thread " + x.tid;
            String why = x.proc.stopped ? "stopped by " + Signals.name(x.proc.stopSignal) + " (nothing will send SIGCONT)"
                    : "blocked in " + x.waitReason;
            note("  " + who + " (" + x.proc.comm + ") " + why);
        }
        return Stop.DEADLOCK;
    }

    // ---- scheduling (the policy and ready list are the RunQueue's; the hart's registers are ours)

    boolean eligible(Task t) { return t.runnable(); }

    void makeReady(Task t) { runQueue.add(t, clock.now()); }

    /** The run queue's pick, loaded on the hart. */
    private Task pickNext() {
        Task t = runQueue.pick(clock.now());
        if (t == null) return null;
        switchTo(t);
        if (t.proc.firstRun < 0) t.proc.firstRun = clock.now();
        return t;
    }

    /** Gives up the rest of the slice at the next scheduling point (sched_yield). */
    public void yield(Task t) { runQueue.yield(t); }

    private void switchTo(Task t) {
        tracer.running(t.proc.pid, t.tid);
        if (t == current) return;
        if (current != null && current.state != Task.State.DEAD) current.context.saveFrom(hart);
        if (lastRan != null && lastRan != t) {
            switches++;
            if (tracer.any()) traceSwitch(lastRan, t);
        }
        lastRan = t;
        current = t;
        t.context.loadInto(hart);
        mmu.setRoot(t.space().pageTable().rootPa(), sharing.asidOf(t.space()));
    }

    /** The switch from {@code from} to {@code to} and why, then the gauges as they are now. */
    private void traceSwitch(Task from, Task to) {
        long now = now();
        if (tracer.on(Category.SWITCH)) {
            String reason, detail = null;
            if (from.state == Task.State.DEAD) reason = "exit";
            else if (from.state == Task.State.SLEEPING) { reason = "blocked"; detail = from.waitReason; }
            else if (from.proc.stopped) { reason = "stopped"; detail = Signals.name(from.proc.stopSignal); }
            else reason = lastSliceEnd;
            tracer.emit(new Event.Switch(now, from.proc.pid, from.tid, to.proc.pid, to.tid, reason, detail));
        }
        if (tracer.on(Category.COUNTER)) {
            var m = mmu.stats();
            tracer.emit(new Event.Counters(now, to.proc.pid, to.tid, to.space() == null ? 0 : to.space().residentNow(),
                    frames.free(), m.hits(), m.misses()));
        }
    }

    /** A process's life for the trace: fork, clone, vfork, exec, exit, wait (Boot reports the first program's exec). */
    public void traceProc(Task by, String op, int other, String detail) {
        if (tracer.on(Category.PROC)) tracer.emit(new Event.Proc(now(), by.proc.pid, by.tid, op, other, detail));
    }

    void traceProc(int pid, String op, int other, String detail) {
        if (tracer.on(Category.PROC)) tracer.emit(new Event.Proc(now(), pid, pid, op, other, detail));
    }

    /** Copies the hart's registers into the current task's context (before fork copies them). */
    void syncContext(Task t) { if (t == current) t.context.saveFrom(hart); }

    /** Makes a task's context the hart's again after the kernel edited it (exec, sigreturn). */
    void reloadContext(Task t) {
        if (t == current) {
            t.context.loadInto(hart);
        }
    }

    // ---- sleep and wakeup

    /**
     * xv6's sleep: the task waits on {@code channel} until someone calls {@link #wakeup};
     * {@code why} says, in words, what it waits for ("read from a pipe no one writes").
     * The syscall that calls this returns Syscall.RESTART and runs again once woken.
     */
    public void sleep(Task t, Object channel, String why) {
        t.waitSeq = ++waitSeqs;
        sleepQueued(t, channel, why, false);
    }

    /**
     * The same for a task that was woken but found nothing (its restarted call got no byte):
     * it goes back where it waited, ahead of those who began waiting after it. Wakeups wake
     * every sleeper, so this is what keeps Linux's order where Linux wakes one waiter at a time
     * (a pipe's exclusive waits): two writers on a full pipe take turns, as on Linux.
     */
    public void sleepInPlace(Task t, Object channel, String why) {
        if (t.waitSeq == 0) t.waitSeq = ++waitSeqs;
        sleepQueued(t, channel, why, true);
    }

    private long waitSeqs;

    private void sleepQueued(Task t, Object channel, String why, boolean inPlace) {
        if (t.channel != null) waits.remove(t, t.channel);
        t.channel = channel;
        if (inPlace) waits.enqueueInPlace(t, channel);
        else waits.enqueue(t, channel);
        t.waitReason = why;
        t.state = Task.State.SLEEPING;
        runQueue.remove(t);
        if (tracer.on(Category.BLOCK)) tracer.emit(new Event.Block(now(), t.proc.pid, t.tid, why));
    }

    /** Sleeps on {@code channel} until woken, or until {@code deadline} on the monotonic clock passes (none if negative). */
    public void sleepTimed(Task t, Object channel, long deadline, String why) {
        sleep(t, channel, why);
        if (deadline < 0) return;
        t.wakeAt = deadline;
        timers.cancel(t.timer);
        t.timer = timers.add(deadline, why, () -> { t.timer = null; wake(t); });
    }

    /** xv6's wakeup: every task asleep on {@code channel}, in the order they went to sleep. */
    @Override public void wakeup(Object channel) { waits.wakeAll(channel, wakeDequeued); }

    @Override public boolean waiting(Object channel) { return waits.has(channel); }

    /** wake() for a task its channel's queue already let go of. */
    private final java.util.function.Consumer<Task> wakeDequeued = t -> {
        t.channel = null;
        wake(t);
    };

    /** Wakes one task whatever it sleeps on (a signal, a timer). */
    void wake(Task t) {
        if (t.state != Task.State.SLEEPING) return;
        if (tracer.on(Category.WAKE)) tracer.emit(new Event.Wake(now(), tracer.pid(), tracer.tid(), t.proc.pid, t.tid, t.waitReason));
        if (t.channel != null) waits.remove(t, t.channel);
        t.channel = null;
        t.waitReason = null;
        timers.cancel(t.timer);
        t.timer = null;
        t.wakeAt = -1;
        t.state = Task.State.RUNNABLE;
        makeReady(t);
    }

    Timers timers() { return timers; }

    // ---- job control, signals (the public API other layers call)

    /** Sends {@code sig} to one thread, as Linux's send_sig does for SIGPIPE: si_code SI_USER from the thread's own pid. */
    public void signal(Task t, int sig) {
        SignalDelivery.sendThread(this, t, SigInfo.kill(sig, SigInfo.SI_USER, t.pid(), t.cred().uid()));
    }

    /** Sends {@code sig} to a whole process (kill(pid, sig) from the kernel). */
    public void signal(Process p, int sig) {
        SignalDelivery.sendProcess(this, p, SigInfo.kill(sig, SigInfo.SI_KERNEL, 0, 0));
    }

    /** The terminal's ^C/^Z/^\: {@code sig} to every process of the foreground process group. */
    public void signalForeground(int sig) {
        for (Process p : processes())
            if (p.alive() && p.pgid == foregroundPgid) SignalDelivery.sendProcess(this, p, SigInfo.kill(sig, SigInfo.SI_KERNEL, 0, 0));
    }

    /** The host terminal's ^C and friends, posted from another Java thread. */
    private final HostSignals host = new HostSignals();

    /** Thread-safe: the host's ^C (SIGINT), ^\\ (SIGQUIT) or ^Z (SIGTSTP) for the foreground group, delivered by the loop. */
    public void interruptFromHost(int sig) { host.post(sig); }

    /** The guest's terminal is the host's: a ^C can still come when every task is blocked, so that is no deadlock. */
    public void setHostTerminal(boolean on) { host.setAttached(on); }

    /**
     * Thread-safe: runs {@code event} on the machine's thread at the loop's next turn (a host
     * device's reader thread saying its bytes arrived); wakes a loop that waits for the host.
     */
    public void postFromHost(Runnable event) { host.post(event); }

    /**
     * Host I/O someone waits for (a read of the host's stdin, room in its stdout) can still
     * wake a guest: while it says so, an all-blocked machine waits for the host, keeping host
     * time, instead of reporting a deadlock. Called from any thread.
     */
    public void setHostInputAwaited(java.util.function.BooleanSupplier awaited) { host.setInputAwaited(awaited); }

    /** What stops the machine itself as the host shell's job ({@link #setHostJobStop}); null: nothing. */
    private Runnable hostJobStop;
    private boolean hostJobStopped;

    /**
     * With a host terminal and no guest shell to take it back: when the first process's group
     * stops (^Z at `vitrine run`), {@code stop} stops the JVM as the host shell's job and returns
     * once the host continues it; the group then gets SIGCONT, as `fg` sends it. Machine's thread.
     */
    public void setHostJobStop(Runnable stop) { hostJobStop = stop; }

    private void takeHostSignals() {
        if (hostJobStopped) {
            hostJobStopped = false;
            hostJobStop.run();
            for (Process p : processes())
                if (p.alive() && p.pgid == first.pgid) SignalDelivery.sendProcess(this, p, SigInfo.kill(Signals.SIGCONT, SigInfo.SI_KERNEL, 0, 0));
        }
        host.runEvents();
        long bits = host.take();
        for (int s = 1; bits != 0; s++, bits >>>= 1) if ((bits & 1) != 0) signalForeground(s);
    }

    public int foregroundPgid() { return foregroundPgid; }
    public void setForegroundPgid(int pgid) { foregroundPgid = pgid; }

    void stopProcess(Process p, int sig) {
        if (p.stopped) return;
        p.stopped = true;
        p.stopSignal = sig;
        p.stopReport = true;
        p.continueReport = false;
        for (Task x : p.threads) runQueue.remove(x);
        Exit.notifyParent(this, p, SigInfo.CLD_STOPPED, sig);
        if (hostJobStop != null && p == first && groupStopped(p.pgid)) hostJobStopped = true;
    }

    private boolean groupStopped(int pgid) {
        for (Process q : processes()) if (q.alive() && q.pgid == pgid && !q.stopped) return false;
        return true;
    }

    void continueProcess(Process p) {
        if (!p.stopped) return;
        p.stopped = false;
        p.stopReport = false;
        p.continueReport = true;
        for (Task x : p.threads) makeReady(x);
        Exit.notifyParent(this, p, SigInfo.CLD_CONTINUED, Signals.SIGCONT);
    }

    /** Default action of a fatal signal: the whole process dies and the run's report says why. */
    public void kill(Task t, int sig) { Exit.killProcess(this, t.proc, sig, false); }

    /** exit_group(2). */
    private dev.vitrine.fs.Wakeup fileWakeup;

    /**
     * The file tree's wakeup, which also pings pollers: set once a signalfd or pidfd exists,
     * so signal sends wake signalfd readers and exits wake pidfd pollers.
     */
    public void setFileWakeup(dev.vitrine.fs.Wakeup w) { fileWakeup = w; }

    /** signalfd_notify: a signal was queued for {@code p}, or a signalfd's mask changed. */
    void signalfdWakeup(Process p) { if (fileWakeup != null) fileWakeup.wakeup(p.signalfdChannel); }

    /** do_notify_pidfd: {@code p} exited or was reaped. */
    void pidfdWakeup(Process p) { if (fileWakeup != null) fileWakeup.wakeup(p.pidfdChannel); }

    private final List<java.util.function.Consumer<Process>> exitHooks = new java.util.ArrayList<>();

    /** What a layer above releases when a process ends (System V semaphore undo): run as it dies, before its files and memory go. */
    public void onProcessExit(java.util.function.Consumer<Process> hook) { exitHooks.add(hook); }

    void processExiting(Process p) { for (var h : exitHooks) h.accept(p); }

    public void exit(Task t, int code) { Exit.exitGroup(this, t, code); }

    /** exit(2): just this thread. */
    public void exitThread(Task t, int code) { Exit.exitThread(this, t, code); }

    /**
     * pid 1: a kernel-internal init with no address space and no thread, as a kernel thread
     * is. It is the first program's parent, adopts orphans and reaps every child of its own
     * at once (an init's SIGCHLD loop); it has no handler, so no signal reaches it (Linux's
     * SIGNAL_UNKILLABLE: only signals init installed a handler for are delivered from inside).
     * It runs nothing, so it costs no instruction, fault or TLB access and the run ends when
     * the last real process does; --stats leave it out.
     */
    /** pid 1 (kernel-internal: no thread, no address space); {@link #processes()} leaves it out. */
    public Process init() { return init; }

    Task initThread() { return initThread; }

    /** The user's program: the first process that runs (pid 2). */
    Process first() { return first; }

    int spaceUsers(AddressSpace s) { return sharing.spaceUsers(s); }

    /** Whether a live process runs the program in {@code file}: writing to it is ETXTBSY. */
    public boolean runsProgram(Object file) { return sharing.runsProgram(file); }

    /**
     * After exec: the task's context is its new image. Its pid (our ASID) now names another
     * address space, so the TLB forgets the old one's entries.
     */
    void newImage(Task t) {
        mmu.invalidateAsid(t.proc.pid);
        sharing.nameSpace(t.space(), t.proc.pid);
        if (t == current) {
            t.context.loadInto(hart);
            mmu.setRoot(t.space().pageTable().rootPa(), sharing.asidOf(t.space()));
        }
    }

    /** Drops one user of a descriptor table; the last one closes its files. */
    void releaseFds(FdTable f) {
        if (sharing.dropFds(f)) f.closeAll();
    }

    /** Drops one user of an address space; the last one frees its frames and tables. */
    void releaseSpace(AddressSpace s) {
        if (!sharing.dropSpace(s)) return;
        if (current != null && current.space() == s) mmu.setRoot(-1, 0);
        s.destroy();
    }

    void forget(Task t) {
        t.abandonSyscall(this, Continuation.Abandon.EXIT);
        if (t.channel != null) waits.remove(t, t.channel);
        t.channel = null;
        t.pending.discard(-1L, users);
        pids.release(t);
        runQueue.forget(t);
        timers.cancel(t.timer);
        t.timer = null;
        if (t == current) {
            current = null;
            mmu.setRoot(-1, 0);
        }
    }
}
