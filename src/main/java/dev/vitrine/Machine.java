package dev.vitrine;

import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.TlbConfig;

import dev.vitrine.loader.BadElfException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The public face of Vitrine, shared by the CLI, the tests and teachers' graders:
 * configure the hardware, run a program, read the figures.
 *
 * <pre>
 * Machine.Result r = Machine.builder().paging(Geometry.X86_32).stdout(out).build()
 *         .run(Path.of("hello"), List.of("hello"));
 * r.exitStatus(); r.stats().get("tlb.hits");
 * </pre>
 */
public final class Machine {
    private final Config config;

    /** Tests only: handlers that replace syscalls' own (one that throws on purpose). */
    private final Map<Integer, dev.vitrine.sys.Syscall.Handler> replaced = new java.util.HashMap<>();

    /** The views to take at a moment of the run (--show, --show-at): null for none. */
    private final String showViews, showAt;

    /** The gdb stub that holds the first process (--gdb): null for none. */
    private final dev.vitrine.gdb.GdbStub gdb;

    /** An observer above the kernel (vitrine serve's session): null for none. */
    private final dev.vitrine.proc.Watch watch;

    private Machine(Config config, String showViews, String showAt, dev.vitrine.gdb.GdbStub gdb, dev.vitrine.proc.Watch watch) {
        this.config = config;
        this.showViews = showViews;
        this.showAt = showAt;
        this.gdb = gdb;
        this.watch = watch;
    }

    /** The largest program file a machine loads: its image is held whole while it runs. */
    public static final long MAX_PROGRAM = 256L << 20;

    public static Builder builder() { return new Builder(); }

    /** Whether this process's host fd is a terminal (the CLI colours what it writes there). */
    public static boolean hostTerminal(int fd) { return HostFds.isTerminal(fd); }
    public Config config() { return config; }

    /** Loads the ELF at {@code program} and runs it to the end; argv[0] is {@code argv.get(0)}. */
    public Result run(Path program, List<String> argv) {
        byte[] image;
        try {
            // execve's checks before reading: a directory or device is EACCES, not an image to read to its end.
            if (Files.exists(program) && !Files.isRegularFile(program)) return failure(126, program + ": not a regular file");
            if (Files.size(program) > MAX_PROGRAM) return failure(126, program + ": too big (the largest program is " + (MAX_PROGRAM >> 20) + " MiB)");
            image = Files.readAllBytes(program);
        } catch (IOException e) {
            return failure(127, program + ": cannot read: " + e.getMessage());
        }
        try {
            if (watch != null) return Boot.run(config, program, image, argv, Map.copyOf(replaced), watch);
            if (showViews == null) return Boot.run(config, program, image, argv, Map.copyOf(replaced), gdb);
            dev.vitrine.view.Show show = dev.vitrine.view.Show.parse(showViews, showAt);
            Result r = Boot.run(config, program, image, argv, Map.copyOf(replaced), show);
            return new Result(r.exitStatus(), r.signal(), r.report(), r.stats(), show.taken());
        } catch (BadElfException e) {
            return failure(126, program + ": " + e.getMessage());
        } catch (dev.vitrine.loader.NoMemoryException e) {
            return failure(137, program + ": out of memory: " + e.getMessage() + " (see --mem and --swap)");
        }
    }

    /** Tests only: syscall {@code nr} runs {@code h} instead of its own handler. */
    Machine replaceSyscall(int nr, dev.vitrine.sys.Syscall.Handler h) {
        replaced.put(nr, h);
        return this;
    }

    private static Result failure(int status, String message) {
        return new Result(status, 0, message, Map.of("exit_status", status));
    }

    /** What a run ended with; {@code shown}: the views --show took (null when none were asked for or the moment never came). */
    public record Result(int exitStatus, int signal, String report, Map<String, Object> stats, dev.vitrine.view.Snapshot shown) {
        public Result(int exitStatus, int signal, String report, Map<String, Object> stats) {
            this(exitStatus, signal, report, stats, null);
        }
        public boolean killedBySignal() { return signal != 0; }
    }

    public record Config(Geometry paging, TlbConfig tlb, long memoryBytes, long seed, long maxInstructions,
                         InputStream stdin, OutputStream stdout, OutputStream stderr, PrintStream strace,
                         Boolean ttyOverride, List<String> env, PrintStream diagnostics, String sched, long quantum,
                         long maxTimeNs, int maxProcesses, List<String> mounts,
                         long swapBytes, dev.vitrine.mm.replace.PolicyKind policy, boolean stdinLive, boolean hostFds,
                         long tmpfsBytes, String cwd, dev.vitrine.sys.StraceFilter straceFilter, boolean straceTimestamps,
                         boolean translate, dev.vitrine.trace.Observe observe, boolean root) {}

    public static final class Builder {
        private Geometry paging = Geometry.SV39;
        private TlbConfig tlb = TlbConfig.DEFAULT;
        private long memoryBytes = 256L << 20;
        private long swapBytes = 64L << 20;
        private dev.vitrine.mm.replace.PolicyKind policy = dev.vitrine.mm.replace.PolicyKind.CLOCK;
        private long seed = 0;
        private long maxInstructions = 0;
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = System.out;
        private OutputStream stderr = System.err;
        private PrintStream strace;
        private Boolean tty;
        private List<String> env = List.of("PATH=/bin:/usr/bin", "HOME=/home/user", "LANG=C");
        private PrintStream diagnostics = System.err;
        private final List<String> mounts = new java.util.ArrayList<>();
        private String sched = "rr";
        private long quantum = 100_000;
        private long maxTimeNs = 0;
        private int maxProcesses = 1024;
        private boolean stdinLive, hostFds;
        private long tmpfsBytes = -1;
        private dev.vitrine.sys.StraceFilter straceFilter = dev.vitrine.sys.StraceFilter.all();
        private boolean straceTimestamps;
        private String show, showAt;
        private dev.vitrine.gdb.GdbStub gdb;
        private dev.vitrine.proc.Watch watch;
        private String cwd = dev.vitrine.fs.Rootfs.HOME;
        private boolean translate = !"off".equals(System.getProperty("vitrine.jit"));
        private dev.vitrine.trace.Observe observe = dev.vitrine.trace.Observe.NONE;
        private boolean root;

        public Builder paging(Geometry g) { paging = g; return this; }
        public Builder tlb(TlbConfig t) { tlb = t; return this; }
        public Builder memory(long bytes) { memoryBytes = bytes; return this; }
        /** The swap device's size; 0 for none (default 64 MiB). */
        public Builder swap(long bytes) { swapBytes = bytes; return this; }
        /** Page replacement when memory is full: fifo, clock (default), lru or random (seeded by {@link #seed}). */
        public Builder policy(dev.vitrine.mm.replace.PolicyKind p) { policy = p; return this; }
        public Builder seed(long s) { seed = s; return this; }
        /** 0 means no limit. */
        public Builder maxInstructions(long n) { maxInstructions = n; return this; }
        /** fd 0, read on the machine's thread like a file (a byte array, a file); null leaves fd 0 closed. */
        public Builder stdin(InputStream in) { stdin = in; stdinLive = false; hostFds = false; return this; }
        /**
         * fd 0 from a stream that can make a reader wait (a pipe, a socket, a terminal): its own
         * thread reads it, so a guest waiting for it never stops the machine (see fs.HostInput).
         */
        public Builder liveStdin(InputStream in) { stdin = in; stdinLive = true; hostFds = false; return this; }
        /** fd 1; null leaves it closed. */
        public Builder stdout(OutputStream out) { stdout = out; hostFds = false; return this; }
        /** fd 2; null leaves it closed. */
        public Builder stderr(OutputStream err) { stderr = err; hostFds = false; return this; }
        /**
         * fds 0-2 are this process's own: a write to a host reader that left is EPIPE and
         * SIGPIPE, stdin is live when the host's fd 0 can make a reader wait (a pipe, a socket, a
         * terminal), and the fds in {@code closed} (closed on the host) stay closed in the guest.
         */
        public Builder hostStdio(java.util.Set<Integer> closed) {
            stdin = closed.contains(0) ? null : new java.io.FileInputStream(java.io.FileDescriptor.in);
            stdout = closed.contains(1) ? null : new java.io.FileOutputStream(java.io.FileDescriptor.out);
            stderr = closed.contains(2) ? null : new java.io.FileOutputStream(java.io.FileDescriptor.err);
            stdinLive = stdin != null && HostFds.canWait(0);
            hostFds = true;
            return this;
        }
        /** strace-style lines go here; null for none. */
        public Builder strace(PrintStream s) { strace = s; return this; }
        /** Which calls get strace lines (strace's -e trace=), and whether they start with -tt's virtual time of day. */
        public Builder straceOptions(dev.vitrine.sys.StraceFilter filter, boolean timestamps) {
            straceFilter = filter;
            straceTimestamps = timestamps;
            return this;
        }
        /** Force fds 0-2 to look like a terminal (true) or not (false); null follows the host. */
        public Builder tty(Boolean t) { tty = t; return this; }
        public Builder env(List<String> e) { env = List.copyOf(e); return this; }
        /** The machine's own remarks (a missing syscall, reported once by name) go here, not into the guest's stderr; null for none. */
        public Builder diagnostics(PrintStream d) { diagnostics = d; return this; }
        /** Shows a host directory in the guest: HOST:GUEST[:rw], read-only unless rw. */
        public Builder mount(String spec) { mounts.add(spec); return this; }
        /** Scheduling policy: rr (default), fifo, priority, random (seeded by {@link #seed}). */
        public Builder sched(String policy) { sched = policy; return this; }
        /** Instructions per time slice (default 100000). */
        public Builder quantum(long n) { quantum = n; return this; }
        /** Stop the run after this much virtual time, in ns (0 = no limit). */
        public Builder maxTime(long ns) { maxTimeNs = ns; return this; }
        /** Processes (live and zombie) the machine allows; fork past it is EAGAIN. */
        public Builder maxProcesses(int n) { maxProcesses = n; return this; }
        /** The in-memory file tree's size limit (tmpfs size=): negative for Linux's default, half of RAM; 0 for none but memory itself. */
        public Builder tmpfsSize(long bytes) { tmpfsBytes = bytes; return this; }
        /**
         * Views of the machine to take at one moment: {@code views} is "pagetable,frames,tlb"
         * (each with an optional :PID), {@code at} "exit" (null), "instret:N" or an event such as
         * "cow:1" (see view.Show); the run's {@link Result#shown()} holds them.
         */
        public Builder show(String views, String at) {
            if (gdb != null) throw new IllegalArgumentException("--gdb and --show cannot watch one run together");
            dev.vitrine.view.Show.parse(views, at);
            show = views;
            showAt = at;
            return this;
        }
        /**
         * A gdb stub on 127.0.0.1:{@code port} (0: any free port; see its port()) that holds
         * the first process before its first instruction until gdb connects. Listening starts
         * here, so a port in use is an IllegalArgumentException before anything runs.
         */
        public Builder gdb(int port, java.io.PrintStream log) {
            if (show != null) throw new IllegalArgumentException("--gdb and --show cannot watch one run together");
            gdb = dev.vitrine.gdb.GdbStub.listen(port, log);
            return this;
        }
        public dev.vitrine.gdb.GdbStub gdbStub() { return gdb; }
        /**
         * An observer that holds and steps the machine from above (vitrine serve): told the
         * kernel's moments as a {@link dev.vitrine.proc.Watch}, and the event stream too when it
         * is a {@link dev.vitrine.trace.Sink} that wants some category. It only looks.
         */
        public Builder watch(dev.vitrine.proc.Watch w) {
            if (gdb != null || show != null) throw new IllegalArgumentException("--gdb and --show cannot watch a served run");
            watch = w;
            return this;
        }
        /** The first program's working directory, a guest path (default /home/user). */
        public Builder cwd(String guestDir) { cwd = guestDir; return this; }
        /** Sends the run's events to {@code s} (closed when the run ends). */
        public Builder trace(dev.vitrine.trace.Sink s) { observe = observe.withSink(s); return this; }
        /** Writes every TLB lookup, Lackey-style, to {@code out} (closed when the run ends); the MMU's fast paths are off meanwhile. */
        public Builder traceMemory(OutputStream out) { observe = observe.withMemory(new dev.vitrine.trace.LackeyTrace(out)); return this; }
        /** The cost model (default {@link dev.vitrine.trace.Costs#DEFAULT}; {@link dev.vitrine.trace.Costs#OFF}: one instruction, one ns). */
        public Builder costs(dev.vitrine.trace.Costs c) { observe = observe.withCosts(c); return this; }
        /** Translate hot guest code to JVM bytecode (default; -Dvitrine.jit=off says no): every figure is the same either way. */
        public Builder translate(boolean on) { translate = on; return this; }
        /** Run the first program as root (uid and gid 0, every capability) instead of the machine's user, uid and gid 1000. */
        public Builder root(boolean asRoot) { root = asRoot; return this; }
        public Machine build() {
            return new Machine(new Config(paging, tlb, memoryBytes, seed, maxInstructions, stdin, stdout, stderr, strace, tty, env,
                    diagnostics, sched, quantum, maxTimeNs, maxProcesses, List.copyOf(mounts), swapBytes, policy, stdinLive, hostFds,
                    tmpfsBytes, cwd, straceFilter, straceTimestamps, translate, observe, root), show, showAt, gdb, watch);
        }
    }
}
