package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.fs.Mount;
import dev.vitrine.mm.replace.PolicyKind;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.TlbConfig;
import dev.vitrine.proc.sched.Policy;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The one option set of the commands that run the machine (run, sh, demo): the hardware,
 * memory, scheduling, limits and mounts. Every value is checked here, before anything runs,
 * and a bad one is an IllegalArgumentException whose message is the one line the user sees
 * (status 2); {@link #builder()} then builds the machine they describe.
 */
final class MachineOptions {
    /**
     * Physical memory is allocated as the guest touches it, but the kernel's per-frame tables
     * are made at boot (tens of bytes per 4 KiB frame): 1 TiB keeps them within a heap that can hold it.
     */
    static final long MAX_MEM = 1L << 40;
    /** The most TLB entries per side: far past any real TLB, still a small table to scan. */
    static final int MAX_TLB = 1 << 16;
    /** Linux's PID_MAX_LIMIT on 64-bit. */
    static final int MAX_PROCS = 4 << 20;
    /** The virtual clock counts nanoseconds in a long: 292 years. */
    static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L;
    /** What the JVM keeps for itself beside the machine's memory and swap. */
    static final long HEAP_RESERVE = 128L << 20;

    @Option(names = "--paging", paramLabel = "PRESET", description = "page-table geometry: sv39 (default), sv48, sv57, x86-32, flat32")
    String paging = "sv39";

    @Option(names = "--tlb", paramLabel = "ENTRIES[:WAYS[:POLICY]]", description = "TLB per side (default 64, fully associative, lru); 0 = no TLB")
    String tlb = "64";

    @Option(names = "--tlb-unified", description = "one TLB for fetches and data instead of split I/D")
    boolean tlbUnified;

    @Option(names = "--tlb-asid", description = "tag TLB entries with the address space instead of flushing on a switch")
    boolean tlbAsid;

    @Option(names = "--mem", paramLabel = "SIZE", description = "physical memory, e.g. 64M or 16G (default 256M, at most 1T and within the JVM's heap)")
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

    @Option(names = "--tty", negatable = true, description = "make fds 0-2 look like a terminal (--tty) or not (--no-tty); default: as the host's")
    Boolean tty;

    @Option(names = "--cost", paramLabel = "NAME=NS,...|off", description = "the cost model: change figures (walk_ref, tlb_miss, minor_fault, major_fault, swap_out, switch, syscall) or off (one instruction = one ns); see docs/cost-model.md")
    String cost = "default";

    @Option(names = "--no-jit", description = "interpret every instruction, never translating hot code to JVM bytecode (slower; every figure is the same)")
    boolean noJit;

    @Option(names = "--mount", paramLabel = "HOST:GUEST[:rw]", description = "show a host directory in the guest, read-only unless :rw (repeatable)")
    List<String> mounts = new ArrayList<>();

    @Option(names = "--rw", description = "let the guest write to the host's current directory (shown at " + HostDir.GUEST + ", read-only by default)")
    boolean rw;

    @Option(names = "--no-host-dir", description = "do not show the host's current directory at " + HostDir.GUEST)
    boolean noHostDir;

    @Option(names = "--root", description = "run the first program as root (uid and gid 0, every capability) instead of the user uid 1000")
    boolean root;

    Geometry geometry() { return Geometry.preset(paging); }

    /** The host's current directory in the guest, unless the user asked not to or mounts something there. */
    HostDir hostDir() { return noHostDir ? HostDir.NONE : HostDir.current(rw, mounts); }

    /** The machine these options describe, every value checked; stdio is the caller's. */
    Machine.Builder builder() { return builder(List.of()); }

    /** The same, with the command's own mounts ({@code first}, e.g. sh's /bin) before the user's. */
    Machine.Builder builder(List<String> first) {
        Geometry g = geometry();
        TlbConfig t = TlbConfig.parse(tlb, !tlbUnified, tlbAsid, seed);
        if (t.entries() > MAX_TLB) throw bad("--tlb", tlb, "at most " + MAX_TLB + " entries per side");
        long memBytes = Sizes.parse(mem, "--mem"), swapBytes = Sizes.parse(swap, "--swap");
        long page = g.pageSize();
        if (memBytes < page) throw bad("--mem", mem, "at least one page (" + page + " bytes)");
        if (memBytes > MAX_MEM) throw bad("--mem", mem, "at most 1T");
        long heap = Runtime.getRuntime().maxMemory() - HEAP_RESERVE;
        if (memBytes > heap)
            throw bad("--mem", mem, "the JVM's heap holds at most " + Sizes.format(Math.max(heap, 0) >> 20 << 20)
                    + " beside its own needs (java -Xmx raises it)");
        if (swapBytes > heap - memBytes)
            throw bad("--swap", swap, "memory and swap live in the JVM's heap: with --mem " + mem + " at most "
                    + Sizes.format((heap - memBytes) >> 20 << 20) + " (java -Xmx raises it)");
        long tmpfsBytes = tmpfsSize == null ? -1 : Sizes.parse(tmpfsSize, "--tmpfs-size");
        PolicyKind replace = PolicyKind.parse(policy);
        if (replace == PolicyKind.OPT)
            throw new IllegalArgumentException("--policy opt needs the future: only `vitrine sim replace` can run it");
        Policy.of(sched, seed);
        if (maxInstructions < 0) throw bad("--max-instructions", Long.toString(maxInstructions), "expected a count >= 0 (0 = no limit)");
        if (quantum < 1) throw bad("--quantum", Long.toString(quantum), "expected at least 1 instruction");
        if (!(maxTime >= 0) || maxTime > MAX_SECONDS)
            throw bad("--max-time", Double.toString(maxTime), "expected seconds from 0 to " + MAX_SECONDS + " (0 = no limit)");
        if (maxProcs < 1 || maxProcs > MAX_PROCS) throw bad("--max-procs", Integer.toString(maxProcs), "expected 1 to " + MAX_PROCS);
        for (String m : mounts) Mount.parse(m);
        dev.vitrine.trace.Costs costs = dev.vitrine.trace.Costs.parse(cost);
        Machine.Builder b = Machine.builder()
                .paging(g).tlb(t)
                .memory(memBytes).swap(swapBytes).tmpfsSize(tmpfsBytes).policy(replace)
                .seed(seed)
                .maxInstructions(maxInstructions)
                .sched(sched).quantum(quantum).maxTime((long) (maxTime * 1e9)).maxProcesses(maxProcs)
                .tty(tty)
                .costs(costs)
                .translate(!noJit)
                .root(root);
        for (String m : first) b.mount(m);
        if (hostDir().shown()) b.mount(hostDir().spec());
        for (String m : mounts) b.mount(m);
        return b;
    }

    static IllegalArgumentException bad(String option, String value, String why) {
        return new IllegalArgumentException(option + " " + value + ": " + why);
    }
}
