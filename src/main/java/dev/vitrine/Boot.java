package dev.vitrine;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.abi.Cred;
import dev.vitrine.cpu.Hart;
import dev.vitrine.fs.Console;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.HostInput;
import dev.vitrine.fs.HostOutput;
import dev.vitrine.fs.Dir;
import dev.vitrine.fs.Mount;
import dev.vitrine.fs.Namei;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.fs.Rootfs;
import dev.vitrine.fs.Terminal;
import dev.vitrine.fs.HostTermios;
import dev.vitrine.fs.TerminalInput;
import dev.vitrine.fs.Vfs;
import dev.vitrine.proc.ProcFiles;
import dev.vitrine.fs.FdTable;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.loader.ElfFile;
import dev.vitrine.loader.Exec;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.FrameAllocator;
import dev.vitrine.mm.MemStats;
import dev.vitrine.mmu.FaultCause;
import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.MmuStats;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;
import dev.vitrine.sys.Dispatcher;
import dev.vitrine.sys.Strace;
import dev.vitrine.sys.Services;
import dev.vitrine.sys.SyscallTable;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts a machine together from its configuration, loads the first program and runs it. */
final class Boot {
    private Boot() {}

    /** The run's status when Vitrine met a bug of its own (sysexits.h's EX_SOFTWARE); it wins over every other. */
    static final int INTERNAL_ERROR = 70;

    static Machine.Result run(Machine.Config c, Path program, byte[] image, List<String> argv) {
        return run(c, program, image, argv, Map.of(), null);
    }

    /** {@code replaced}: syscall handlers swapped in by tests (a handler that throws on purpose). */
    static Machine.Result run(Machine.Config c, Path program, byte[] image, List<String> argv,
                              Map<Integer, dev.vitrine.sys.Syscall.Handler> replaced, dev.vitrine.proc.Watch watch) {
        ElfFile elf = new ElfFile(image);
        PhysicalMemory memory = new PhysicalMemory(c.memoryBytes(), c.paging().pageBits());
        Mmu mmu = new Mmu(c.paging(), memory, c.tlb());
        Hart hart = new Hart(mmu);
        hart.setTranslation(c.translate());
        memory.setBulkWriteListener(hart::invalidatePhysical);
        FrameAllocator frames = new FrameAllocator(memory);
        frames.pager().configure(c.policy(), c.seed(), c.swapBytes());
        Kernel kernel = new Kernel(hart, frames);
        dev.vitrine.trace.Tracer tracer = observe(c.observe(), watch, kernel, mmu);
        frames.pager().setOomKiller((space, va) -> dev.vitrine.proc.OomKiller.duringCopy(kernel, space, va));
        if (watch != null) kernel.setWatch(watch);
        kernel.setMaxInstructions(c.maxInstructions());
        kernel.setMaxTime(c.maxTimeNs());
        kernel.setQuantum(c.quantum());
        kernel.setPolicy(dev.vitrine.proc.sched.Policy.of(c.sched(), c.seed()));
        kernel.setMaxProcesses(c.maxProcesses());
        Services services = new Services(c.seed());
        SyscallTable table = new SyscallTable(services);
        replaced.forEach(table::replace);

        AddressSpace space = AddressSpace.create(c.paging(), frames);
        if (space == null) return new Machine.Result(137, 0, "not enough physical memory for a page table", Map.of());
        // argv[0] names the program (the CLI runs a cached build of x.c as "x").
        String name = argv.isEmpty() ? program.getFileName().toString() : Path.of(argv.get(0)).getFileName().toString();
        Vfs vfs = new Vfs(() -> kernel.clock().realtime(), kernel);
        vfs.setTracer(tracer);
        vfs.setPager(frames.pager());
        // Linux's tmpfs: size= defaults to half of RAM.
        vfs.setTmpfs(c.tmpfsBytes() < 0 ? c.memoryBytes() / 2 : c.tmpfsBytes() == 0 ? Long.MAX_VALUE : c.tmpfsBytes());
        services.setVfs(vfs);
        FdTable fds = new FdTable(1024);
        Terminal term = new Terminal();
        // A host terminal the kernel can cook for: raw input, N_TTY in fs.Terminal (entered just before the run).
        boolean hostTerminal = tty(c, 0) && (c.hostFds() || c.stdin() == System.in);
        HostTermios raw = hostTerminal && c.stdin() != null ? HostTermios.open() : null;
        HostInput stdin = stdin(c, vfs, kernel);
        HostOutput[] stdout = stdout(c, vfs, kernel, raw != null ? term : stdin);
        kernel.setHostInputAwaited(() -> stdin != null && stdin.awaited() || stdout[1].awaited() || stdout[2].awaited()
                || term.awaited());
        PrintStream straceLog = kernelLog(c, c.strace(), stdout[2]), diagnostics = kernelLog(c, c.diagnostics(), stdout[2]);
        Strace strace = straceLog == null ? null : new Strace(straceLog, c.straceFilter(), c.straceTimestamps());
        kernel.setTraceHook(strace);
        Dispatcher dispatcher = new Dispatcher(table, strace, diagnostics);
        kernel.oops().setDiagnostics(diagnostics);
        if (c.hostFds() && c.diagnostics() == System.err) kernel.setLiveNotes(diagnostics);
        kernel.setSyscallHandler(dispatcher);
        Console[] console = console(c, vfs, fds, stdin, stdout, term);
        Console out = console[1];
        List<Mount> mounts = new java.util.ArrayList<>();
        for (String m : c.mounts()) mounts.add(Mount.parse(m));
        boolean anyTty = console[0].isTerminal() || out.isTerminal();
        try {
            Rootfs.build(vfs, c.seed(), anyTty ? () -> new Console(stdin, stdout[1], 1, true, 0, console[0].terminal())
                    .ownedBy(c.root() ? 0 : Cred.UID, c.root() ? 0 : Cred.GID) : null,
                    new ProcFiles(kernel), mounts);
        } catch (FsException e) {
            if (c.mounts().isEmpty()) throw e;
            // A --mount the tree cannot take (over a read-only directory, on a file): the caller's mistake.
            throw new IllegalArgumentException("--mount " + String.join(" --mount ", c.mounts()) + ": cannot mount: "
                    + Errno.text(e.errno()) + " (" + Errno.name(e.errno()) + ")");
        }
        kernel.setDevpts(vfs.devpts());
        // The image lives in the in-memory tree, never in a mounted host directory.
        RegularFile exe = Rootfs.placeProgram(vfs, dev.vitrine.fs.Names.fromHost(name), image);
        String exePath = exe.name();
        fds.setCwd((Dir) Namei.walk(new Namei.From(vfs.root(), vfs.root(), 0), vfs.root(), c.cwd(), true).inode());
        fds.setWakeup(vfs.wakeup());
        Task task = kernel.newTask(name, space, fds, Kernel.INIT_PID);
        task.execCred(c.root() ? Cred.root() : Cred.user(), false);   // init exec'd it as this user
        tracer.running(task.pid(), task.tid());
        kernel.traceProc(task, "exec", task.pid(), exePath);
        task.setExePath(exePath);
        // ^C/^Z on the terminal: SIGINT/SIGTSTP to the kernel's foreground group (the first process's, at first).
        console[0].terminal().setOnSignal(kernel::signalForeground);
        byte[] random = new byte[16];
        services.randomBytes(random);
        // The host's arguments and environment as the guest's bytes, one char per byte (fs.Names).
        List<String> args = fromHost(argv.isEmpty() ? List.of(name) : argv), env = fromHost(c.env());
        Exec.Lookup lookup = path -> {
            try {
                return Namei.walk(new Namei.From(vfs.root(), vfs.root(), 0), vfs.root(), path, true).inode() instanceof RegularFile r ? r : null;
            } catch (FsException e) {
                return null;
            }
        };
        Exec.Image img = Exec.load(space, elf, exe, exePath, args, env, random, Exec.Creds.of(task.cred()), lookup);
        kernel.setEntry(task, img.entry(), img.sp());
        task.setImage(args, img);
        // sp holds argc, then argv's pointers and a NULL, then envp.
        if (strace != null) strace.firstExec(kernel, task, exePath, args, env.size(), img.sp() + 8L * (args.size() + 2));

        console[0].terminal().setOnSignal(kernel::interruptFromHost);
        HostInterrupt ctrlC = hostTerminal ? HostInterrupt.install(term, raw == null ? () -> {} : raw::restore) : null;
        kernel.setHostTerminal(ctrlC != null || raw != null);
        if (ctrlC != null) kernel.setHostJobStop(() -> {
            // The host's shell gets its terminal as it left it, and we take it raw again once continued.
            if (raw != null) raw.restore();
            ctrlC.stopHostJob();
            if (raw != null) raw.enter();
        });
        if (raw != null) cook(c, kernel, vfs, term, raw, stdout, ctrlC);
        Kernel.Stop stop;
        try {
            tracer.running(task.pid(), task.tid());
            stop = kernel.run();
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // Outside a syscall or a page fault (signal delivery, the scheduler) there is no
            // process to blame alone: the run stops, but still reports and counts (status 70).
            dev.vitrine.proc.Oops.stop(kernel, e);
            stop = Kernel.Stop.ALL_EXITED;
        } finally {
            if (ctrlC != null) ctrlC.restore();
            if (raw != null) {
                stdout[1].flush();
                stdout[2].flush();
                raw.restore();
            }
        }
        if (strace != null) strace.flush(); // a call still asleep when the run stopped (a deadlock, a limit)
        stdout[1].flush();
        stdout[2].flush();
        c.observe().close();

        int status, signal = task.termSignal();
        if (stop == Kernel.Stop.INSTRUCTION_LIMIT) status = 124;
        else if (stop == Kernel.Stop.DEADLOCK) status = 125;
        else if (stop == Kernel.Stop.TIME_LIMIT) status = 124;
        else status = signal != 0 ? 128 + signal : (task.waitStatus() >> 8) & 0xff;
        if (kernel.oops().count() > 0) status = INTERNAL_ERROR;
        Map<String, Object> stats = stats(kernel, task, dispatcher, frames, status);
        return new Machine.Result(status, signal, String.join("\n", kernel.report()), stats);
    }

    /** Host strings as the guest's bytes, one char per byte (a loop: streams cost start-up their classes and lambdas). */
    private static List<String> fromHost(List<String> host) {
        List<String> out = new java.util.ArrayList<>(host.size());
        for (String s : host) out.add(dev.vitrine.fs.Names.fromHost(s));
        return List.copyOf(out);
    }

    /** The event stream and the cost model wired to this machine; the MMU hears only what some sink wants. */
    private static dev.vitrine.trace.Tracer observe(dev.vitrine.trace.Observe o, dev.vitrine.proc.Watch watch, Kernel kernel, Mmu mmu) {
        java.util.List<dev.vitrine.trace.Sink> sinks = new java.util.ArrayList<>(o.sinks());
        // --show-at EVENT hears the stream as one more sink, for its one category only.
        if (watch instanceof dev.vitrine.trace.Sink s && !s.wants().isEmpty()) sinks.add(s);
        dev.vitrine.trace.Tracer tracer = sinks.isEmpty() ? dev.vitrine.trace.Tracer.OFF : new dev.vitrine.trace.Tracer(sinks);
        kernel.setTracer(tracer);
        kernel.setCosts(o.costs());
        dev.vitrine.trace.MmuEvents hw = new dev.vitrine.trace.MmuEvents(tracer, o.memory());
        if (hw.needed()) mmu.setListener(hw, o.memory() != null);
        return tracer;
    }

    /**
     * fds 0-2 on the host's streams, one terminal between them; a non-terminal side shows
     * as a pipe (what a shell's redirection would give), so each gets a pipe inode number.
     * A null stream (a host fd that was closed) leaves the guest's fd closed: EBADF.
     */
    private static Console[] console(Machine.Config c, Vfs vfs, FdTable fds, HostInput in, HostOutput[] out, Terminal term) {
        if (in != null) in.setOnInterrupt(term::interrupt);
        int owner = c.root() ? 0 : Cred.UID;      // the first program's user (uid and gid alike)
        Console[] con = {
            new Console(in, null, 0, tty(c, 0), 0, term).ownedBy(owner, owner),
            new Console(null, out[1], 1, tty(c, 1), 0, term).ownedBy(owner, owner),
            new Console(null, out[2], 2, tty(c, 2), 0, term).ownedBy(owner, owner)};
        int[] modes = {Fcntl.O_RDONLY, Fcntl.O_WRONLY, Fcntl.O_WRONLY};
        boolean[] open = {in != null, c.stdout() != null, c.stderr() != null};
        for (int fd = 0; fd < 3; fd++) {
            if (!open[fd]) continue;
            boolean t = con[fd].isTerminal();
            String path = t ? "/dev/pts/0" : "pipe:[" + vfs.nextIno() + "]";
            fds.allocate(new FileDescription(con[fd], t ? Fcntl.O_RDWR : modes[fd]).withPath(path), fd, false);
        }
        return con;
    }

    /**
     * The kernel cooks for the host terminal: raw mode, its keys through a reader thread into
     * the line discipline, echo to the first of stdout and stderr that is the terminal (in
     * order with what guests write there; none: no echo), the host's window size and its
     * SIGWINCH.
     */
    private static void cook(Machine.Config c, Kernel kernel, Vfs vfs, Terminal term, HostTermios raw, HostOutput[] out,
                             HostInterrupt ctrlC) {
        if (!raw.enter()) return;
        int echoFd = tty(c, 1) ? 1 : tty(c, 2) ? 2 : 0;
        int[] size = HostTermios.windowSize();
        term.attachHost(new Terminal.Host() {
            @Override public void echo(byte[] b, int off, int len) {
                if (echoFd == 0) return;
                out[echoFd].write(echoFd, b, off, len);
                term.wrote(b, off, len);
            }
            @Override public void outputFlags(int oflag) { raw.outputFlags(oflag); }
        }, vfs.wakeup(), size[0], size[1]);
        raw.outputFlags(java.nio.ByteBuffer.wrap(term.termios(), 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        if (ctrlC != null) ctrlC.onResize(() -> kernel.postFromHost(() -> {
            int[] now = HostTermios.windowSize();
            if (now[0] > 0 && now[1] > 0) term.resize(now[0], now[1]);
        }));
        TerminalInput.start(c.stdin(), term, kernel::postFromHost);
    }

    /** The machine's own lines to the host's stderr go in order with the guests' (see HostOutput). */
    private static PrintStream kernelLog(Machine.Config c, PrintStream log, HostOutput out) {
        if (log == null || log != System.err || !c.hostFds()) return log;
        return new PrintStream(out.kernelStream(2), true, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The host's stdin as a device: live (its own reader thread) when it can make a reader wait. */
    private static HostInput stdin(Machine.Config c, Vfs vfs, Kernel kernel) {
        if (c.stdin() == null) return null;
        boolean terminal = tty(c, 0);
        if (!c.stdinLive()) return HostInput.direct(c.stdin(), terminal);
        return HostInput.live(c.stdin(), terminal, kernel::postFromHost, vfs.wakeup());
    }

    /**
     * The host's stdout and stderr as devices, indexed by fd: this process's own fds that can
     * make a writer wait (a pipe, a socket, a terminal) go through a writer thread; fds 1 and 2
     * on the same host file (2>&1) share one, so their bytes stay in the order written, and
     * on different ones each has its own, so a reader that stalls one does not stall the other.
     */
    private static HostOutput[] stdout(Machine.Config c, Vfs vfs, Kernel kernel, Object in) {
        OutputStream[] streams = {null, c.stdout(), c.stderr()};
        boolean[] live = new boolean[3], terminal = new boolean[3];
        for (int fd = 1; fd < 3; fd++) {
            live[fd] = c.hostFds() && streams[fd] != null && HostFds.canWait(fd);
            terminal[fd] = tty(c, fd);
        }
        if (!live[1] || !live[2] || HostFds.same(1, 2)) {
            HostOutput both = new HostOutput(streams, live, terminal, kernel::postFromHost, vfs.wakeup(), in);
            return new HostOutput[] {null, both, both};
        }
        return new HostOutput[] {null,
                new HostOutput(new OutputStream[] {null, streams[1], null}, live, terminal, kernel::postFromHost, vfs.wakeup(), in),
                new HostOutput(new OutputStream[] {null, null, streams[2]}, live, terminal, kernel::postFromHost, vfs.wakeup(), in)};
    }

    private static boolean tty(Machine.Config c, int fd) {
        if (c.ttyOverride() != null) return c.ttyOverride();
        if (c.hostFds()) return HostFds.isTerminal(fd);
        OutputStream host = fd == 1 ? System.out : fd == 2 ? System.err : null;
        boolean isHostStream = fd == 0 ? c.stdin() == System.in : (fd == 1 ? c.stdout() : c.stderr()) == host;
        return isHostStream && HostFds.isTerminal(fd);
    }

    /**
     * The cost model's account: its figures, where the charged time went, and the effective
     * memory access time: one reference per access plus the walks and misses spread over them.
     */
    private static void costs(Kernel k, Map<String, Object> s) {
        dev.vitrine.trace.Costs c = k.costs();
        s.put("cost.model", c.off() ? "off" : "on");
        Map<String, Object> fig = new LinkedHashMap<>(c.named());
        s.put("cost.figures_ns", fig);
        s.put("time.instructions_ns", k.retired());
        for (var e : k.chargedBy().entrySet()) s.put("time." + e.getKey() + "_ns", e.getValue());
        MmuStats m = k.mmu().stats();
        long accesses = m.hits() + m.misses();
        // One memory reference per access at walk_ref's price would double-count the caches; EMAT here
        // is the translation's share: what walks and misses add to each access, on top of the access itself.
        double emat = accesses == 0 ? 0 : (double) (m.pteReads * c.of(dev.vitrine.trace.Cost.WALK_REF) + m.misses() * c.of(dev.vitrine.trace.Cost.TLB_MISS)) / accesses;
        s.put("emat_translation_ns", emat);
        Map<String, Long> by = k.chargedBy();
        long memory = by.getOrDefault("walks", 0L) + by.getOrDefault("tlb_misses", 0L) + by.getOrDefault("minor_faults", 0L)
                + by.getOrDefault("major_faults", 0L) + by.getOrDefault("swap_out", 0L);
        s.put("emat_ns", accesses == 0 ? 0.0 : (double) memory / accesses);
    }

    private static Map<String, Object> stats(Kernel k, Task t, Dispatcher d, FrameAllocator frames, int status) {
        MmuStats m = k.mmu().stats();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("exit_status", status);
        s.put("instructions", k.retired());
        s.put("virtual_time_ns", k.clock().now());
        s.put("syscalls", t.syscalls());
        s.put("tlb.fetch.hits", m.fetchHits);
        s.put("tlb.fetch.misses", m.fetchMisses);
        s.put("tlb.data.hits", m.dataHits);
        s.put("tlb.data.misses", m.dataMisses);
        s.put("tlb.hit_rate", m.hitRate());
        s.put("walks", m.walks);
        s.put("pte_reads", m.pteReads);
        s.put("pte_writes", m.pteWrites);
        for (FaultCause cause : FaultCause.values())
            s.put("hw_faults." + cause.name().toLowerCase(), m.faults[cause.ordinal()]);
        // Machine-wide figures: the pager's counts over every process, and sums over every address space.
        s.put("swap_outs", frames.pager().swapOuts());
        s.put("swap_ins", frames.pager().swapIns());
        s.put("dirty_writebacks", frames.pager().writebacks());
        s.put("policy", frames.pager().policy().kind().label());
        s.put("swap.slots", frames.pager().swap().slots());
        s.put("evictions", frames.pager().evictions());
        s.put("swap.peak_used", frames.pager().swap().peak());
        s.put("frames.shared_peak", frames.pager().sharedPeak());
        s.put("page_table_frames.peak", frames.totals().tableFramesPeak());
        s.put("page_table_bytes.peak", frames.totals().tableFramesPeak() * k.mmu().geometry().pageSize());
        s.put("mapped_pages.peak", frames.totals().mappedPagesPeak());
        s.put("frames.total", frames.total());
        s.put("frames.peak", frames.peak());
        s.put("enosys", new LinkedHashMap<>(d.missing()));
        s.put("internal_errors", k.oops().count());
        costs(k, s);
        dev.vitrine.proc.RunStats.put(k, s);
        return s;
    }
}
