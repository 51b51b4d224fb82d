package dev.vitrine.cli;

import dev.vitrine.Machine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `vitrine demo`: the chapter's pipeline, {@code ls -1 | cut -d. -f1 | sort | uniq | tee dirents},
 * run by the userland's shell on the machine in a sample directory; its output, then what happened
 * inside: the processes and their parents, each pipe with the bytes that went through it, context
 * switches, page faults by kind, the TLB's hit rate, copy-on-write copies and shared frames.
 */
@Command(name = "demo", description = "Run the chapter's pipeline in the shell and show what happened inside.", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    static final String PIPELINE = "ls -1 | cut -d. -f1 | sort | uniq | tee dirents";
    static final List<String> SAMPLE = List.of("Makefile", "README", "hello.c", "hello.h", "hello.o", "notes.txt", "pipes.c", "pipes.o");

    @Option(names = "--strace", description = "also print the syscalls the six processes made")
    boolean strace;

    @Mixin MachineOptions machine;

    @Override public Integer call() throws Exception {
        machine.builder();   // every option checked before the userland build
        Path bin = ShCommand.buildUserland(home());
        Path sample = Files.createTempDirectory("vitrine-demo-");
        try {
            for (String f : SAMPLE) Files.writeString(sample.resolve(f), "");
            return run(bin, sample, System.out);
        } finally {
            try (var s = Files.walk(sample)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int run(Path bin, Path sample, PrintStream out) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), trace = new ByteArrayOutputStream();
        Machine m = machine.builder(List.of(bin + ":/bin", sample + ":/home/user/sample:rw"))
                .stdin(InputStream.nullInputStream()).stdout(stdout).stderr(System.err).tty(false)
                .strace(new PrintStream(trace, true, StandardCharsets.UTF_8))
                .env(List.of("PATH=/bin", "HOME=/home/user", "LANG=C"))
                .build();
        out.println("/home/user/sample holds " + String.join(" ", SAMPLE) + "; the shell runs:");
        out.println();
        out.println("$ " + PIPELINE);
        Machine.Result r = m.run(bin.resolve("sh"), List.of("sh", "-c", "cd sample && " + PIPELINE));
        out.print(stdout.toString(StandardCharsets.UTF_8));
        if (r.exitStatus() != 0 || r.signal() != 0) {
            out.println("the pipeline failed: status " + r.exitStatus() + (r.report().isEmpty() ? "" : "; " + r.report()));
            if (!trace.toString(StandardCharsets.UTF_8).isEmpty()) out.print(tail(trace.toString(StandardCharsets.UTF_8), 20));
            return 1;
        }
        out.println("$ cat dirents        # tee's copy, " + Files.size(sample.resolve("dirents")) + " bytes");
        out.print(Files.readString(sample.resolve("dirents")));
        out.println();
        report(out, r.stats(), trace.toString(StandardCharsets.UTF_8), machine.geometry().levels());
        if (strace) {
            out.println();
            out.println("The syscalls, process by process (--strace):");
            out.print(trace.toString(StandardCharsets.UTF_8));
        }
        return 0;
    }

    /** The report: everything from the machine's figures and the syscall log of the run. */
    static void report(PrintStream out, Map<String, Object> s, String strace, int levels) {
        Trace t = Trace.parse(strace);
        out.println("What happened inside:");
        out.println();
        out.println("Processes. The shell (pid " + Trace.SHELL + ", a child of init) made " + t.pipes + " pipes with pipe2, then forked one child per command;");
        out.println("each child moved its pipe ends onto fds 0 and 1 with dup3, closed the rest and exec'd its program.");
        out.printf("  %5s %5s  %-6s %-8s %9s %7s%n", "pid", "ppid", "comm", "status", "cpu (us)", "cow");
        if (s.get("processes") instanceof List<?> rows) {
            for (Object o : rows) {
                if (!(o instanceof Map<?, ?> p)) continue;
                out.printf("  %5s %5s  %-6s %-8s %9.1f %7s%n", p.get("pid"), p.get("ppid"), p.get("comm"), p.get("status"),
                        num(p.get("cpu_ns")) / 1000.0, p.get("cow_copies"));
            }
        }
        out.println();
        out.println("Pipes. Each carried the previous command's output to the next one's input:");
        List<Integer> pids = new ArrayList<>(t.comm.keySet());
        for (int i = 0; i + 1 < pids.size(); i++) {
            int from = pids.get(i), to = pids.get(i + 1);
            out.printf("  %-5s -> %-5s %6d bytes written, %6d read%n", t.comm.get(from), t.comm.get(to),
                    t.written.getOrDefault(from, 0L), t.read.getOrDefault(to, 0L));
        }
        if (!pids.isEmpty()) {
            int last = pids.get(pids.size() - 1);
            out.printf("  %-5s -> the terminal and the file dirents (%d bytes written in all)%n", t.comm.get(last),
                    t.written.getOrDefault(last, 0L) + t.fileWrites.getOrDefault(last, 0L));
        }
        out.println();
        long ctx = num(s.get("sched.context_switches"));
        out.println("Scheduling. " + ctx + " context switches (" + s.get("sched.policy") + ", quantum " + s.get("sched.quantum")
                + " instructions); a reader with an empty pipe sleeps until its writer writes or exits.");
        out.println("Page faults. minor " + num(s.get("faults.minor")) + " (zero-filled or already-cached pages), major "
                + num(s.get("faults.major")) + " (file pages read in: the programs' code and data), invalid "
                + num(s.get("faults.invalid")) + ".");
        long fh = num(s.get("tlb.fetch.hits")), fm = num(s.get("tlb.fetch.misses")), dh = num(s.get("tlb.data.hits")),
                dm = num(s.get("tlb.data.misses"));
        out.printf("TLB. %.2f%% of %d translations hit (fetch %d/%d, data %d/%d); each miss cost a %d-level walk (%d walks).%n",
                100.0 * (fh + dh) / Math.max(1, fh + fm + dh + dm), fh + fm + dh + dm, fh, fh + fm, dh, dh + dm,
                levels, num(s.get("walks")));
        out.println("Copy-on-write. " + num(s.get("cow_copies")) + " pages copied on a store to a page mapped read-only because it was shared:");
        out.println("  after fork, parent and child share every page until one of them writes to it; and a program's");
        out.println("  initialised data starts as the page cache's copy of its file (a few pages per program, fork or not).");
        out.println("Sharing. At most " + num(s.get("frames.shared_peak")) + " frames were mapped by more than one process at once: each child");
        out.println("  shares all of the shell's pages until its exec replaces them (the programs are static: no shared libc).");
        out.println("  (" + num(s.get("instructions")) + " instructions, " + num(s.get("syscalls")) + " syscalls in all.)");
    }

    /** What the syscall log says: each pid's program and the bytes it moved through fds 0 and 1. */
    static final class Trace {
        final Map<Integer, String> comm = new LinkedHashMap<>();
        final Map<Integer, Long> written = new LinkedHashMap<>(), read = new LinkedHashMap<>(), fileWrites = new LinkedHashMap<>();
        int pipes;

        /** The shell: the machine's first program, init's child (strace's lines carry no pid before a second task exists). */
        private static final int SHELL = dev.vitrine.proc.Kernel.FIRST_PID;
        private static final Pattern LINE = Pattern.compile("^(?:\\[pid (\\d+)\\] )?(\\w+)\\((.*)\\) +=( -?\\d+| \\?)");
        private static final Pattern UNFINISHED = Pattern.compile("^(\\[pid \\d+\\] )?(.*) <unfinished \\.\\.\\.>$");
        private static final Pattern RESUMED = Pattern.compile("^(\\[pid \\d+\\] )?<\\.\\.\\. \\w+ resumed>(.*)$");

        static Trace parse(String text) {
            Trace t = new Trace();
            // A call that slept while others ran is two lines, "read(0,  <unfinished ...>" and
            // "<... read resumed>"..."; joined, it is one call again.
            Map<String, String> open = new LinkedHashMap<>();
            for (String raw : text.split("\n")) {
                Matcher u = UNFINISHED.matcher(raw), r = RESUMED.matcher(raw);
                if (u.matches()) { open.put(String.valueOf(u.group(1)), u.group(2)); continue; }
                String line = raw;
                if (r.matches() && open.containsKey(String.valueOf(r.group(1))))
                    line = (r.group(1) == null ? "" : r.group(1)) + open.remove(String.valueOf(r.group(1))) + r.group(2);
                Matcher m = LINE.matcher(line);
                if (!m.find()) continue;
                int pid = m.group(1) == null ? SHELL : Integer.parseInt(m.group(1));
                String call = m.group(2), args = m.group(3), ret = m.group(4).trim();
                long n = ret.equals("?") ? 0 : Long.parseLong(ret);
                switch (call) {
                    case "pipe2" -> { if (pid == SHELL) t.pipes++; }
                    case "execve" -> {
                        if (pid == SHELL) break; // the shell itself, started by the machine: not one of the pipeline's commands
                        Matcher e = Pattern.compile("\"(?:.*/)?([^\"/]+)\"").matcher(args);
                        if (e.find()) t.comm.put(pid, e.group(1));
                    }
                    case "write" -> {
                        if (n <= 0 || !t.comm.containsKey(pid)) break;
                        if (args.startsWith("1,")) t.written.merge(pid, n, Long::sum);
                        else t.fileWrites.merge(pid, n, Long::sum);
                    }
                    case "read" -> { if (n > 0 && args.startsWith("0,") && t.comm.containsKey(pid)) t.read.merge(pid, n, Long::sum); }
                    default -> { }
                }
            }
            return t;
        }
    }

    private static String tail(String s, int lines) {
        String[] l = s.split("\n");
        return String.join("\n", java.util.Arrays.asList(l).subList(Math.max(0, l.length - lines), l.length)) + "\n";
    }

    private static long num(Object o) { return o instanceof Number n ? n.longValue() : 0; }

    static Path home() {
        String h = System.getProperty("vitrine.home");
        return h != null ? Path.of(h) : Path.of("").toAbsolutePath();
    }
}
