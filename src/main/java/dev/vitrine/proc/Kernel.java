package dev.vitrine.proc;

import dev.vitrine.cpu.Hart;
import dev.vitrine.cpu.Trap;
import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.Fault;
import dev.vitrine.mm.FrameAllocator;
import dev.vitrine.mmu.Mmu;

import java.util.ArrayList;
import java.util.List;

/**
 * The one kernel loop: pick a runnable task, put it on the hart, run it for a quantum and
 * handle whatever trap brought it back. The whole machine is this one Java thread.
 */
public final class Kernel implements dev.vitrine.fs.Wakeup {
    /** Runs a syscall for the task on the hart; implemented by the sys layer. */
    public interface SyscallHandler {
        void syscall(Kernel kernel, Task task);
    }

    /** How a run ended. */
    public enum Stop { ALL_EXITED, INSTRUCTION_LIMIT, DEADLOCK }

    private final Hart hart;
    private final Mmu mmu;
    private final FrameAllocator frames;
    private final VirtualClock clock = new VirtualClock();
    private final List<Task> tasks = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private SyscallHandler syscalls;
    private long maxInstructions;
    private long quantum = 1_000_000;
    private long retired;
    private int nextPid = 1;
    private Task current;

    public Kernel(Hart hart, FrameAllocator frames) {
        this.hart = hart;
        this.mmu = hart.mmu();
        this.frames = frames;
    }

    public void setSyscallHandler(SyscallHandler h) { syscalls = h; }
    public void setMaxInstructions(long n) { maxInstructions = n; }
    public void setQuantum(long n) { quantum = n; }

    public Hart hart() { return hart; }
    public Mmu mmu() { return mmu; }
    public FrameAllocator frames() { return frames; }
    public VirtualClock clock() { return clock; }
    public List<Task> tasks() { return List.copyOf(tasks); }
    public long retired() { return retired; }
    /** Lines for the run's report: deaths by signal, limits, OOM kills. */
    public List<String> report() { return List.copyOf(report); }
    public void note(String line) { report.add(line); }

    /** A new process with an empty context; the loader fills its memory and registers. */
    public Task newTask(String comm, AddressSpace space, FdTable fds, int ppid) {
        Task t = new Task(nextPid++, ppid, comm, space, fds);
        t.setComm(comm);
        space.setShootdown(shootdownFor(space));
        tasks.add(t);
        return t;
    }

    /** Sets where a task starts: pc and stack pointer. */
    public void setEntry(Task t, long pc, long sp) {
        t.context.pc = pc;
        t.context.x[2] = sp;
    }

    private AddressSpace.Shootdown shootdownFor(AddressSpace space) {
        return new AddressSpace.Shootdown() {
            // An ASID-tagged TLB may hold this space's entries even while another runs.
            public void page(long va) { int a = asidOf(space); if (a >= 0) mmu.invalidatePage(va, a); }
            public void all() { int a = asidOf(space); if (a >= 0) mmu.invalidateAsid(a); }
        };
    }

    private int asidOf(AddressSpace space) {
        for (Task t : tasks) if (t.space() == space) return t.asid;
        return -1;
    }

    public Stop run() {
        while (true) {
            Task t = pickNext();
            if (t == null) {
                List<Task> asleep = tasks.stream().filter(x -> x.state() == Task.State.SLEEPING).toList();
                if (asleep.isEmpty()) return Stop.ALL_EXITED;
                note("deadlock: every process is waiting and nothing can wake any of them");
                for (Task x : asleep) note("  pid " + x.pid() + " (" + x.comm() + ") blocked in " + x.waitReason());
                return Stop.DEADLOCK;
            }
            long budget = quantum;
            if (maxInstructions > 0) {
                if (retired >= maxInstructions) {
                    note("instruction limit reached: " + maxInstructions + " instructions retired; the run was stopped");
                    return Stop.INSTRUCTION_LIMIT;
                }
                budget = Math.min(budget, maxInstructions - retired);
            }
            switchTo(t);
            long before = hart.instret;
            hart.timeBase = clock.now() - before;
            int trap = hart.run(budget);
            long ran = hart.instret - before;
            t.instructions += ran;
            retired += ran;
            clock.advance(ran);
            switch (trap) {
                case Trap.ECALL -> { t.syscalls++; syscalls.syscall(this, t); }
                case Trap.PAGE_FAULT -> pageFault(t);
                case Trap.ILLEGAL -> kill(t, Signals.SIGILL);
                case Trap.BREAKPOINT -> kill(t, Signals.SIGTRAP);
                default -> { }
            }
        }
    }

    /**
     * xv6's sleep: the task waits on {@code channel} until someone calls {@link #wakeup};
     * {@code why} says, in words, what it waits for ("read from a pipe no one writes").
     * The syscall that calls this returns Syscall.RESTART and runs again once woken.
     */
    public void sleep(Task t, Object channel, String why) {
        t.channel = channel;
        t.waitReason = why;
        t.setState(Task.State.SLEEPING);
    }

    @Override public void wakeup(Object channel) {
        for (Task t : tasks)
            if (t.state() == Task.State.SLEEPING && t.channel == channel) {
                t.channel = null;
                t.waitReason = null;
                t.setState(Task.State.RUNNABLE);
            }
    }

    private Task pickNext() {
        if (current != null && current.state() == Task.State.RUNNABLE) return current;
        for (Task t : tasks) if (t.state() == Task.State.RUNNABLE) return t;
        return null;
    }

    private void switchTo(Task t) {
        if (t == current) return;
        if (current != null && current.state() == Task.State.RUNNABLE) current.context.saveFrom(hart);
        current = t;
        t.context.loadInto(hart);
        mmu.setRoot(t.space().pageTable().rootPa(), t.asid);
    }

    private void pageFault(Task t) {
        long va = hart.trapValue;
        Fault f = t.space().fault(va, mmu.faultAccess());
        switch (f) {
            case HANDLED -> { }
            case MAPERR, ACCERR -> { t.space().stats().invalidFaults++; kill(t, Signals.SIGSEGV); }
            case BUS -> kill(t, Signals.SIGBUS);
            case OOM -> {
                note("Out of memory: killed process " + t.pid() + " (" + t.comm() + "), no free frame for a page at "
                        + String.format("0x%x", va));
                kill(t, Signals.SIGKILL);
            }
        }
    }

    /** Default action of a fatal signal: the process dies and the run's report says why. */
    public void kill(Task t, int sig) {
        String text = Signals.text(sig);
        note(text + " (pid " + t.pid() + ", " + t.comm() + ", pc " + String.format("0x%x", hart.pc) + ")");
        t.killedBy(sig, text);
        release(t);
    }

    public void exit(Task t, int code) {
        t.exit(code);
        release(t);
    }

    private void release(Task t) {
        t.fds().closeAll();
        if (t == current) mmu.setRoot(-1, 0);
        t.tableFrames = t.space().pageTable().tableFrames();
        t.residentPages = t.space().residentPages();
        t.memStats = t.space().stats();
        t.space().destroy();
        t.dropSpace();
        if (t == current) current = null;
    }
}
