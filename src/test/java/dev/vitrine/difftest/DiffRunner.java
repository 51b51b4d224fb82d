package dev.vitrine.difftest;

import dev.vitrine.Machine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds generated programs (cached by content), runs them on qemu-riscv64 (the oracle) and on a
 * target (Vitrine), and turns differences into reports a developer can act on: seed, case,
 * listing, initial state, differing registers — and a minimized listing.
 */
final class DiffRunner {
    static final int CASES_PER_BINARY = 1000;

    /** What a program printed and how it ended. */
    record Output(byte[] stdout, String status, boolean clean) {}

    /** Something that runs a riscv64 static ELF. */
    interface Target {
        String name();
        Output run(Path elf) throws Exception;
    }

    /** Thrown when the target cannot run programs at all yet (the kernel or cpu is unwritten). */
    static final class NotImplemented extends RuntimeException {
        NotImplemented(String msg, Throwable cause) { super(msg, cause); }
    }

    record Batch(long seed, List<DiffCase> cases, Path asm, Path elf, byte[] expected) {}

    record Mismatch(long seed, int index, String summary, String report) {}

    private final Toolchain tc;
    private final Path cache;

    DiffRunner(Toolchain tc, Path cache) {
        this.tc = tc;
        this.cache = cache;
    }

    static Path defaultCache() { return Path.of("target", "difftest"); }

    Path cacheDir() { return cache; }

    // ---- targets --------------------------------------------------------------------------

    static Target vitrine() { return vitrine("vitrine", b -> b); }

    /** Vitrine with a configuration applied to the builder (paging geometry, TLB, memory size). */
    static Target vitrine(String name, java.util.function.UnaryOperator<Machine.Builder> config) {
        return new Target() {
            public String name() { return name; }
            public Output run(Path elf) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                ByteArrayOutputStream diag = new ByteArrayOutputStream();
                Machine m = config.apply(Machine.builder().stdout(out).stderr(err)
                        .diagnostics(new java.io.PrintStream(diag, true, StandardCharsets.UTF_8))
                        .maxInstructions(20_000_000L)).build();
                try {
                    Machine.Result r = m.run(elf.toAbsolutePath(), List.of(elf.getFileName().toString()));
                    String status = r.killedBySignal() ? "killed by signal " + r.signal() : "exit status " + r.exitStatus();
                    if (r.report() != null && !r.report().isBlank()) status += "; report: " + r.report().strip();
                    if (err.size() > 0) status += "; stderr: " + err.toString(StandardCharsets.UTF_8).strip();
                    if (diag.size() > 0) status += "; diagnostics: " + diag.toString(StandardCharsets.UTF_8).strip();
                    return new Output(out.toByteArray(), status, !r.killedBySignal() && r.exitStatus() == 0);
                } catch (UnsupportedOperationException e) {
                    throw new NotImplemented("Vitrine cannot run programs yet: " + e, e);
                } catch (Throwable e) {
                    StringWriter sw = new StringWriter();
                    e.printStackTrace(new PrintWriter(sw));
                    String[] lines = sw.toString().split("\n");
                    StringBuilder trace = new StringBuilder();
                    for (int i = 0; i < Math.min(12, lines.length); i++) trace.append("\n      ").append(lines[i].strip());
                    return new Output(out.toByteArray(), "Vitrine threw " + e + trace, false);
                }
            }
        };
    }

    /** The cpu and FPU alone, on a bare hart (no kernel): see {@link BareHart}. */
    static Target bareHart() {
        BareHart h = new BareHart();
        return new Target() {
            public String name() { return h.name(); }
            public Output run(Path elf) throws Exception {
                try {
                    return h.run(elf);
                } catch (UnsupportedOperationException e) {
                    throw new NotImplemented("the hart cannot run programs yet: " + e, e);
                } catch (Exception | Error e) {
                    return new Output(new byte[0], "the bare hart threw " + e, false);
                }
            }
        };
    }

    Target qemu() {
        return new Target() {
            public String name() { return "qemu"; }
            public Output run(Path elf) throws Exception {
                Path out = Files.createTempFile(elf.getParent(), "qemu", ".out");
                try {
                    Toolchain.Proc p = tc.runQemu(elf, out);
                    String status = p.status() == 0 ? "exit status 0" : "qemu exit " + p.status() + " " + p.stderr().strip();
                    return new Output(Files.readAllBytes(out), status, p.status() == 0);
                } finally {
                    Files.deleteIfExists(out);
                }
            }
        };
    }

    // ---- building -------------------------------------------------------------------------

    /** Generates, builds (or reuses from the cache) and runs on qemu the program for {@code seed}. */
    Batch prepare(long seed, int cases) throws Exception {
        String key = cache.toAbsolutePath() + "|" + seed + "|" + cases;
        Batch known = PREPARED.get(key);
        if (known != null && Files.exists(known.elf())) return known;
        Batch b = build(seed, cases);
        if (PREPARED.size() > 64) PREPARED.clear();
        PREPARED.put(key, b);
        return b;
    }

    /** Batches already generated in this JVM (the CI seeds run on several targets). */
    private static final java.util.Map<String, Batch> PREPARED = new java.util.concurrent.ConcurrentHashMap<>();

    private Batch build(long seed, int cases) throws Exception {
        List<DiffCase> list = Generator.program(seed, cases);
        String asm = AsmWriter.program(list);
        String stem = "seed" + seed + "-n" + cases + "-" + sha(asm);
        Files.createDirectories(cache);
        Path s = cache.resolve(stem + ".s"), elf = cache.resolve(stem + ".elf"), exp = cache.resolve(stem + ".qemu");
        if (!Files.exists(elf)) {
            // older generator versions' files for this seed are stale now
            String prefix = "seed" + seed + "-n" + cases + "-";
            try (var old = Files.list(cache)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    String n = p.getFileName().toString();
                    if (n.startsWith(prefix) && !n.startsWith(stem)) Files.deleteIfExists(p);
                }
            }
            Files.writeString(s, asm);
            tc.build(s, elf);
        }
        if (!Files.exists(exp)) {
            Output o = qemu().run(elf);
            check(o, cases, seed);
            Path tmp = cache.resolve(stem + ".qemu.tmp");
            Files.write(tmp, o.stdout());
            Files.move(tmp, exp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        byte[] expected = Files.readAllBytes(exp);
        check(new Output(expected, "exit status 0", true), cases, seed);
        return new Batch(seed, list, s, elf, expected);
    }

    /** Removes a batch's files (soak mode: a million cases would fill the disk). */
    static void delete(Batch b) throws IOException {
        String stem = b.elf().getFileName().toString().replaceAll("\\.elf$", "");
        for (String ext : new String[]{".s", ".elf", ".qemu"}) Files.deleteIfExists(b.elf().resolveSibling(stem + ext));
    }

    private static void check(Output o, int cases, long seed) {
        if (!o.clean() || o.stdout().length != cases * DiffCase.RECORD_BYTES)
            throw new IllegalStateException("the generated program for seed " + seed + " misbehaves under qemu ("
                    + o.status() + ", " + o.stdout().length + " bytes instead of " + cases * DiffCase.RECORD_BYTES
                    + "): a generator bug");
    }

    private static String sha(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    // ---- comparing ------------------------------------------------------------------------

    /**
     * Runs the batch on {@code target} and returns one mismatch per differing case (detailed
     * reports, minimized, for the first {@code detailed}).
     */
    List<Mismatch> compare(Batch b, Target target, int detailed) throws Exception {
        Output o = target.run(b.elf());
        List<Mismatch> out = new ArrayList<>();
        byte[] got = o.stdout();
        int n = b.cases().size();
        int complete = Math.min(n, got.length / DiffCase.RECORD_BYTES);
        for (int i = 0; i < complete; i++) {
            int off = i * DiffCase.RECORD_BYTES;
            List<String> d = Dump.diff(b.expected(), off, got, off);
            if (d.isEmpty()) continue;
            DiffCase c = b.cases().get(i);
            String summary = "seed " + b.seed() + " case " + i + ": " + d.get(0) + (d.size() > 1 ? " (+" + (d.size() - 1) + " more)" : "");
            String report = out.size() < detailed ? report(c, d, target, null) : null;
            out.add(new Mismatch(b.seed(), i, summary, report));
        }
        if (complete < n || !o.clean() || got.length != n * DiffCase.RECORD_BYTES) {
            String why = target.name() + " stopped after " + complete + " of " + n + " cases (" + got.length
                    + " bytes of output): " + o.status();
            if (complete < n) {
                DiffCase c = b.cases().get(complete);
                String report = out.size() < detailed ? report(c, List.of(), target, why) : null;
                out.add(new Mismatch(b.seed(), complete, "seed " + b.seed() + " case " + complete + ": " + why, report));
            } else {
                out.add(new Mismatch(b.seed(), n, "seed " + b.seed() + ": " + why, why));
            }
        }
        return out;
    }

    private String report(DiffCase c, List<String> diff, Target target, String crash) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("=== qemu vs ").append(target.name()).append(": seed ").append(c.seed()).append(", case ").append(c.index())
                .append(" (generator v").append(Generator.VERSION).append(", ").append(c.rvc() ? "rvc" : "norvc").append(")\n");
        if (crash != null) sb.append(crash).append('\n');
        DiffCase min = minimize(c, target);
        if (min != null && min.body().size() < c.body().size()) {
            Output[] both = runSingle(min, target);
            sb.append("minimized listing (still differs):\n").append(min.body().isEmpty() ? "      (empty body)\n" : min.listing());
            appendDiff(sb, both);
            String named = Dump.namedRegisters(min);
            if (!named.isEmpty()) sb.append("initial values of the registers it names:\n").append(named);
            sb.append("full listing:\n");
        } else {
            if (min == null)
                sb.append("(run alone, in a program of its own, this case does not differ: the difference depends on\n"
                        + " the state earlier cases left behind - pages already touched, copied or swapped, TLB or\n"
                        + " decoded-code contents - so it is not minimized; rerun the whole seed)\n");
            sb.append("listing:\n");
        }
        sb.append(c.listing());
        if (!diff.isEmpty()) {
            sb.append("differences in the full case (qemu = expected):\n");
            for (String d : diff) sb.append("  ").append(d).append('\n');
        }
        sb.append("initial state:\n").append(Dump.initialState(c));
        sb.append("regenerate: Generator.generate(").append(c.seed()).append("L, ").append(c.index()).append(")\n");
        return sb.toString();
    }

    private static void appendDiff(StringBuilder sb, Output[] both) {
        if (both == null) return;
        byte[] e = both[0].stdout(), g = both[1].stdout();
        if (g.length < DiffCase.RECORD_BYTES) {
            sb.append("  ").append(both[1].status()).append('\n');
            return;
        }
        sb.append("differences (qemu = expected):\n");
        for (String d : Dump.diff(e, 0, g, 0)) sb.append("  ").append(d).append('\n');
    }

    // ---- minimizing -----------------------------------------------------------------------

    private Path minDir;

    /**
     * Drops body units while the single case still differs: everything at once, then halves,
     * quarters, ... single units. Null if the case does not differ when run alone.
     */
    DiffCase minimize(DiffCase c, Target target) throws Exception {
        if (!differs(c, target)) return null;
        List<DiffCase.Unit> body = new ArrayList<>(c.body());
        if (differs(c.withBody(List.of()), target)) return c.withBody(List.of());
        for (int chunk = Integer.highestOneBit(Math.max(1, body.size() / 2)); chunk >= 1; chunk /= 2) {
            // try removing [from, end), walking from the back; a removal shifts nothing before 'from'
            for (int end = body.size(); end > 0; ) {
                int from = Math.max(0, end - chunk);
                List<DiffCase.Unit> trial = new ArrayList<>(body.subList(0, from));
                trial.addAll(body.subList(end, body.size()));
                if (differs(c.withBody(trial), target)) body = trial;
                end = from;
            }
        }
        return c.withBody(body);
    }

    private boolean differs(DiffCase c, Target target) throws Exception {
        Output[] o = runSingle(c, target);
        return o != null && !java.util.Arrays.equals(o[0].stdout(), o[1].stdout());
    }

    /** {qemu, target} outputs of the single case, or null if qemu does not run it cleanly. */
    private Output[] runSingle(DiffCase c, Target target) throws Exception {
        if (minDir == null) {
            Files.createDirectories(cache);
            minDir = Files.createTempDirectory(cache, "min");
            minDir.toFile().deleteOnExit();
        }
        Path s = minDir.resolve("case.s"), elf = minDir.resolve("case.elf");
        Files.writeString(s, AsmWriter.program(List.of(c)));
        tc.build(s, elf);
        Output q = qemu().run(elf);
        if (!q.clean() || q.stdout().length != DiffCase.RECORD_BYTES) return null;
        return new Output[]{q, target.run(elf)};
    }
}
