package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.TlbConfig;
import dev.vitrine.trace.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `vitrine run PROGRAM [ARGS...]`: one program on a fresh machine, its exit status ours. */
@Command(name = "run", description = "Run a riscv64 ELF (or a .c file, compiled static) on the machine.",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROGRAM", description = "riscv64 ELF executable or C source file")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the program")
    List<String> args = new ArrayList<>();

    @Option(names = "--paging", paramLabel = "PRESET", description = "page-table geometry: sv39 (default), sv48, sv57, x86-32, flat32")
    String paging = "sv39";

    @Option(names = "--tlb", paramLabel = "ENTRIES[:WAYS[:POLICY]]", description = "TLB per side (default 64, fully associative, lru); 0 = no TLB")
    String tlb = "64";

    @Option(names = "--tlb-unified", description = "one TLB for fetches and data instead of split I/D")
    boolean tlbUnified;

    @Option(names = "--tlb-asid", description = "tag TLB entries with the address space instead of flushing on a switch")
    boolean tlbAsid;

    @Option(names = "--mem", paramLabel = "SIZE", description = "physical memory, e.g. 64M (default 256M)")
    String mem = "256M";

    @Option(names = "--swap", paramLabel = "SIZE", description = "swap device size, e.g. 64M (default), 0 for none")
    String swap = "64M";

    @Option(names = "--tmpfs-size", paramLabel = "SIZE", description = "size limit of the in-memory file tree (/tmp, /home), e.g. 16M; 0 for no limit but memory (default half of --mem)")
    String tmpfsSize;

    @Option(names = "--policy", paramLabel = "NAME", description = "page replacement when memory is full: fifo, clock (default), lru, random")
    String policy = "clock";

    @Option(names = "--seed", description = "seed for getrandom, AT_RANDOM and random policies (default 0)")
    long seed;

    @Option(names = "--max-instructions", paramLabel = "N", description = "stop the run after N instructions (0 = no limit)")
    long maxInstructions;

    @Option(names = "--sched", paramLabel = "POLICY", description = "scheduling policy: rr (default), fifo, priority, random (seeded by --seed)")
    String sched = "rr";

    @Option(names = "--quantum", paramLabel = "N", description = "time slice in instructions (default 100000)")
    long quantum = 100_000;

    @Option(names = "--max-time", paramLabel = "SECONDS", description = "stop the run after this much virtual time (0 = no limit)")
    double maxTime;

    @Option(names = "--max-procs", paramLabel = "N", description = "most processes at once; fork past it fails with EAGAIN (default 1024)")
    int maxProcs = 1024;

    @Option(names = "--stats", description = "print the machine's figures to stderr after the run")
    boolean stats;

    @Option(names = "--stats-json", paramLabel = "FILE", description = "write the figures as one JSON object")
    Path statsJson;

    @Option(names = "--strace", description = "log each syscall to stderr, strace-style")
    boolean strace;

    @Option(names = "--tty", negatable = true, description = "make fds 0-2 look like a terminal (--tty) or not (--no-tty); default: as the host's")
    Boolean tty;

    private static dev.vitrine.mm.replace.PolicyKind runnablePolicy(String name) {
        var kind = dev.vitrine.mm.replace.PolicyKind.parse(name);
        if (kind == dev.vitrine.mm.replace.PolicyKind.OPT)
            throw new IllegalArgumentException("--policy opt needs the future: only `vitrine sim replace` can run it");
        return kind;
    }

    @Option(names = "--mount", paramLabel = "HOST:GUEST[:rw]", description = "show a host directory in the guest, read-only unless :rw (repeatable)")
    List<String> mounts = new ArrayList<>();

    @Override public Integer call() throws Exception {
        Path exe = program;
        if (!Files.exists(program)) throw new IllegalArgumentException(program + ": no such file");
        if (program.toString().endsWith(".c")) exe = GuestCompiler.compile(program);
        boolean split = !tlbUnified;
        Machine.Builder b = Machine.builder()
                .paging(Geometry.preset(paging))
                .tlb(TlbConfig.parse(tlb, split, tlbAsid, seed))
                .memory(Sizes.parse(mem))
                .swap(Sizes.parse(swap))
                .tmpfsSize(tmpfsSize == null ? -1 : Sizes.parse(tmpfsSize))
                .policy(runnablePolicy(policy))
                .seed(seed)
                .maxInstructions(maxInstructions)
                .sched(sched).quantum(quantum).maxTime((long) (maxTime * 1e9)).maxProcesses(maxProcs)
                .stdin(System.in).stdout(System.out).stderr(System.err)
                .strace(strace ? System.err : null)
                .tty(tty);
        for (String spec : mounts) b.mount(spec);
        Machine m = b.build();
        List<String> argv = new ArrayList<>();
        argv.add(program.getFileName().toString().replaceFirst("\\.c$", ""));
        argv.addAll(args);
        Machine.Result r = m.run(exe, argv);
        System.out.flush();
        if (!r.report().isEmpty()) for (String line : r.report().split("\n")) System.err.println(line);
        if (stats) StatsReport.print(System.err, r.stats(), Geometry.preset(paging));
        if (statsJson != null) {
            try (PrintStream p = new PrintStream(new FileOutputStream(statsJson.toFile()), true, StandardCharsets.UTF_8)) {
                p.println(Json.write(r.stats()));
            }
        }
        return r.exitStatus();
    }
}
