package dev.vitrine.difftest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Random-instruction differential test: generated straight-line RV64GC cases run on
 * qemu-riscv64 and on Vitrine, final x/f registers, fcsr and scratch memory compared.
 * See docs/testing.md. Soak: {@code mvn -o test -Dtest=RandomDifferentialTest -Dvitrine.soak.cases=1000000}.
 */
class RandomDifferentialTest {
    /** The CI set: 12 x 1000 cases. Never change these without bumping {@link Generator#VERSION}. */
    static final long[] CI_SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    /** Detailed (minimized) reports per run; the rest are one-line summaries. */
    static final int DETAILED = 8;

    private static Toolchain tools() {
        Optional<Toolchain> t = Toolchain.find();
        if (t.isEmpty()) {
            String msg = "random differential test needs " + Toolchain.missing();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg + " (CI=true: the toolchain is required)");
            Assumptions.abort(msg);
        }
        return t.get();
    }

    @Test
    void generatorIsDeterministic() {
        String a = AsmWriter.program(Generator.program(77, 50));
        String b = AsmWriter.program(Generator.program(77, 50));
        assertEquals(a, b, "same seed, different program");
        assertNotEquals(a, AsmWriter.program(Generator.program(78, 50)), "different seeds, same program");
        // a case regenerates alone, the same as inside its program
        DiffCase alone = Generator.generate(77, 31);
        DiffCase inProgram = Generator.program(77, 32).get(31);
        assertEquals(alone.body(), inProgram.body());
        assertArrayEquals(alone.x(), inProgram.x());
        assertArrayEquals(alone.f(), inProgram.f());
    }

    @Test
    void generatorCoversTheInstructionSet() {
        StringBuilder all = new StringBuilder();
        for (DiffCase c : Generator.program(5, 2000)) for (DiffCase.Unit u : c.body()) for (String l : u.lines()) all.append(l).append('\n');
        String text = all.toString();
        for (String m : new String[]{"add ", "subw ", "sraiw ", "lui ", "auipc ", "mulhsu ", "remuw ", "lbu ", "lwu ", "sh ",
                "amomaxu.d", "amoswap.w", "lr.w", "sc.d", "bgeu ", "jal ", "jalr ", "fmadd.s", "fnmsub.d", "fsqrt.d",
                "fdiv.s", "fmin.d", "fsgnjx.s", "fclass.d", "fcvt.wu.s", "fcvt.lu.d", "fcvt.s.l", "fcvt.d.wu", "fcvt.s.d",
                "fcvt.d.s", "fmv.x.w", "fmv.d.x", "feq.s", "fle.d", "flw ", "fsd ", "frcsr", "fsrmi", "csrrci",
                "c.addi ", "c.lui ", "c.srai ", "c.subw ", "c.lw ", "c.sd ", "c.fld ", "c.ldsp ", "c.fsdsp ", "c.beqz ",
                "c.j ", "c.jalr ", "c.addi16sp ", "c.addi4spn ", ", rmm", ", dyn", "fence.i", "fence.tso", "# HINT c.li x0",
                "# HINT c.mv x0", "# pause", "fscsr ", "fsrm ", "csrrwi ", "# fcvt.d.wu", "# fcvt.d.s", "bnez ", "to be patched"}) {
            assertTrue(text.contains(m), "the generator never emits " + m.strip());
        }
    }

    /** The harness loads and stores every register faithfully: an empty body dumps the initial state. */
    @Test
    void emptyBodyDumpsTheInitialStateOnQemu() throws Exception {
        Toolchain tc = tools();
        List<DiffCase> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) cases.add(Generator.generate(99, i).withBody(List.of()));
        Path dir = Files.createDirectories(DiffRunner.defaultCache());
        Path s = dir.resolve("empty-body.s"), elf = dir.resolve("empty-body.elf");
        Files.writeString(s, AsmWriter.program(cases));
        tc.build(s, elf);
        DiffRunner.Output o = new DiffRunner(tc, dir).qemu().run(elf);
        assertTrue(o.clean(), o.status());
        assertEquals(cases.size() * DiffCase.RECORD_BYTES, o.stdout().length);
        for (int i = 0; i < cases.size(); i++) {
            DiffCase c = cases.get(i);
            int off = i * DiffCase.RECORD_BYTES;
            assertArrayEquals(c.scratch(), Arrays.copyOfRange(o.stdout(), off, off + DiffCase.SCRATCH_BYTES), "scratch of case " + i);
            for (int r = 1; r < 32; r++) {
                if (r == c.base()) continue;
                assertEquals(c.x()[r], Dump.quad(o.stdout(), off + DiffCase.X_OFF + 8 * r), "x" + r + " of case " + i);
            }
            for (int r = 0; r < 32; r++)
                assertEquals(c.f()[r], Dump.quad(o.stdout(), off + DiffCase.F_OFF + 8 * r), "f" + r + " of case " + i);
            assertEquals(c.fcsr(), Dump.quad(o.stdout(), off + DiffCase.FCSR_OFF), "fcsr of case " + i);
        }
    }

    /** The oracle is repeatable: a second qemu run of the same program prints the same bytes. */
    @Test
    void qemuIsRepeatable() throws Exception {
        Toolchain tc = tools();
        DiffRunner dr = new DiffRunner(tc, DiffRunner.defaultCache());
        DiffRunner.Batch b = dr.prepare(CI_SEEDS[0], DiffRunner.CASES_PER_BINARY);
        DiffRunner.Output again = dr.qemu().run(b.elf());
        assertTrue(again.clean(), again.status());
        assertArrayEquals(b.expected(), again.stdout(), "qemu is not deterministic on seed " + b.seed());
        // and the bodies do something: most cases end in a state different from their initial one
        int changed = 0;
        for (int i = 0; i < b.cases().size(); i++) {
            DiffCase c = b.cases().get(i);
            int off = i * DiffCase.RECORD_BYTES;
            for (int r = 1; r < 32; r++)
                if (r != c.base() && c.x()[r] != Dump.quad(b.expected(), off + DiffCase.X_OFF + 8 * r)) { changed++; break; }
        }
        assertTrue(changed > b.cases().size() * 9 / 10, "only " + changed + " cases changed an x register");
    }

    /** The comparison itself: a target that corrupts one register of one case is caught and reported. */
    @Test
    void comparisonReportsAnInjectedDifference() throws Exception {
        Toolchain tc = tools();
        DiffRunner dr = new DiffRunner(tc, DiffRunner.defaultCache());
        DiffRunner.Batch b = dr.prepare(4242, 20);
        DiffRunner.Target qemu = dr.qemu();
        DiffRunner.Target broken = new DiffRunner.Target() {
            public String name() { return "broken-qemu"; }
            public DiffRunner.Output run(Path elf) throws Exception {
                DiffRunner.Output o = qemu.run(elf);
                byte[] out = o.stdout().clone();
                int rec = out.length > DiffCase.RECORD_BYTES ? 7 : 0; // case 7 in the batch, the only case when minimizing
                out[rec * DiffCase.RECORD_BYTES + DiffCase.F_OFF + 8 * 5] ^= 1;  // f5, lowest bit
                return new DiffRunner.Output(out, o.status(), o.clean());
            }
        };
        assertTrue(dr.compare(b, qemu, 1).isEmpty(), "qemu differs from itself");
        List<DiffRunner.Mismatch> m = dr.compare(b, broken, 1);
        assertEquals(1, m.size(), m.toString());
        assertEquals(7, m.get(0).index());
        String report = m.get(0).report();
        assertTrue(report.contains("seed 4242, case 7"), report);
        assertTrue(report.contains("f5 "), report);
        assertTrue(report.contains("minimized listing"), report);

        // a target that dies in the middle: the case it died in is named, with the reason
        DiffRunner.Target dies = new DiffRunner.Target() {
            public String name() { return "dies"; }
            public DiffRunner.Output run(Path elf) throws Exception {
                byte[] out = qemu.run(elf).stdout();
                return new DiffRunner.Output(Arrays.copyOf(out, Math.min(out.length, 11 * DiffCase.RECORD_BYTES + 100)),
                        "killed by signal 4", false);
            }
        };
        m = dr.compare(b, dies, 1);
        assertEquals(1, m.size(), m.toString());
        assertEquals(11, m.get(0).index());
        assertTrue(m.get(0).summary().contains("stopped after 11 of 20 cases"), m.get(0).summary());
        assertTrue(m.get(0).report().contains("killed by signal 4"), m.get(0).report());
    }

    /**
     * The minimizer on a realistic bug: a "machine" that executes mulhsu as mulhu (qemu running
     * the program with that substitution) must be caught, and the report boiled down to the mulhsu.
     */
    @Test
    void minimizerFindsTheGuiltyInstruction() throws Exception {
        Toolchain tc = tools();
        DiffRunner dr = new DiffRunner(tc, DiffRunner.defaultCache());
        DiffRunner.Target qemu = dr.qemu();
        DiffRunner.Target buggy = new DiffRunner.Target() {
            public String name() { return "mulhsu-as-mulhu"; }
            public DiffRunner.Output run(Path elf) throws Exception {
                Path src = elf.resolveSibling(elf.getFileName().toString().replaceAll("\\.elf$", ".s"));
                Path s2 = Files.createTempFile(elf.getParent(), "buggy", ".s"), e2 = Path.of(s2 + ".elf");
                try {
                    Files.writeString(s2, Files.readString(src).replace("mulhsu ", "mulhu "));
                    tc.build(s2, e2);
                    return qemu.run(e2);
                } finally {
                    Files.deleteIfExists(s2);
                    Files.deleteIfExists(e2);
                }
            }
        };
        DiffRunner.Batch b = dr.prepare(4243, 60);
        List<DiffRunner.Mismatch> m = dr.compare(b, buggy, 1);
        assertFalse(m.isEmpty(), "the substitution went unnoticed");
        String report = m.get(0).report();
        String minimized = report.substring(report.indexOf("minimized listing"), report.indexOf("full listing"));
        assertTrue(minimized.contains("mulhsu "), report);
        assertTrue(minimized.lines().filter(l -> l.matches("\\s+\\d+\\s+.*")).count() <= 3, minimized);
    }

    @Test
    void vitrineMatchesQemuOnTheCiSeeds() throws Exception {
        Toolchain tc = tools();
        DiffRunner dr = new DiffRunner(tc, DiffRunner.defaultCache());
        run(dr, CI_SEEDS, DiffRunner.CASES_PER_BINARY, false, DiffRunner.vitrine());
    }

    /**
     * A few seeds again under other machine configurations: the program's results must not
     * depend on the paging geometry, the TLB's shape and policy, the amount of RAM or swapping.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sv48", "sv57", "x86-32", "flat32", "tlb-4x2-fifo",
            "tlb-8-random-unified", "tlb-1", "ram-8MiB", "ram-256KiB-swap-fifo", "ram-512KiB-swap-random"})
    void vitrineMatchesQemuUnderOtherConfigurations(String config) throws Exception {
        Toolchain tc = tools();
        java.util.function.UnaryOperator<dev.vitrine.Machine.Builder> c = configuration(config);
        DiffRunner dr = new DiffRunner(tc, DiffRunner.defaultCache());
        run(dr, new long[]{CI_SEEDS[0], CI_SEEDS[1]}, DiffRunner.CASES_PER_BINARY, false, DiffRunner.vitrine("vitrine " + config, c));
    }

    /** A named Machine configuration (see {@link #vitrineMatchesQemuUnderOtherConfigurations}). */
    static java.util.function.UnaryOperator<dev.vitrine.Machine.Builder> configuration(String config) {
        return switch (config) {
            case "sv48" -> b -> b.paging(dev.vitrine.mmu.Geometry.SV48);
            case "sv57" -> b -> b.paging(dev.vitrine.mmu.Geometry.SV57);
            case "x86-32" -> b -> b.paging(dev.vitrine.mmu.Geometry.X86_32);
            case "flat32" -> b -> b.paging(dev.vitrine.mmu.Geometry.FLAT32);
            case "tlb-4x2-fifo" -> b -> b.tlb(new dev.vitrine.mmu.TlbConfig(4, 2, dev.vitrine.mmu.TlbConfig.Policy.FIFO, true, false, 0));
            case "tlb-8-random-unified" -> b -> b.tlb(new dev.vitrine.mmu.TlbConfig(8, 8, dev.vitrine.mmu.TlbConfig.Policy.RANDOM, false, false, 7));
            case "tlb-1" -> b -> b.tlb(new dev.vitrine.mmu.TlbConfig(1, 1, dev.vitrine.mmu.TlbConfig.Policy.LRU, false, false, 0));
            case "ram-8MiB" -> b -> b.memory(8L << 20);
            // smaller than the program: pages are evicted to swap and read back all the time
            case "ram-256KiB-swap-fifo" -> b -> b.memory(256L << 10).policy(dev.vitrine.mm.replace.PolicyKind.FIFO);
            case "ram-512KiB-swap-random" -> b -> b.memory(512L << 10).policy(dev.vitrine.mm.replace.PolicyKind.RANDOM).seed(7);
            // soak only: a time slice of one instruction. Not in CI, because a Linux-like kernel may
            // legitimately drop the LR reservation on a timer interrupt (then SCs fail where qemu's succeed)
            case "quantum-1" -> b -> b.quantum(1);
            default -> throw new IllegalArgumentException(config);
        };
    }

    /** The same CI set on the cpu and FPU alone (a bare hart, no kernel): tells cpu bugs from kernel bugs. */
    @Test
    void bareHartMatchesQemuOnTheCiSeeds() throws Exception {
        Toolchain tc = tools();
        DiffRunner dr = new DiffRunner(tc, DiffRunner.defaultCache());
        run(dr, CI_SEEDS, DiffRunner.CASES_PER_BINARY, false, DiffRunner.bareHart());
    }

    /** Soak mode, off unless {@code -Dvitrine.soak.cases=N} (optionally {@code -Dvitrine.soak.seed=S}). */
    @Test
    void soak() throws Exception {
        String n = System.getProperty("vitrine.soak.cases");
        Assumptions.assumeTrue(n != null && !n.isBlank(), "soak mode is off (set -Dvitrine.soak.cases=N)");
        long cases = Long.parseLong(n.strip());
        String s = System.getProperty("vitrine.soak.seed");
        long first = s == null || s.isBlank() ? System.currentTimeMillis() : Long.parseLong(s.strip());
        int batches = (int) Math.max(1, (cases + DiffRunner.CASES_PER_BINARY - 1) / DiffRunner.CASES_PER_BINARY);
        long[] seeds = new long[batches];
        for (int i = 0; i < batches; i++) seeds[i] = first + i;
        System.out.println("[difftest] soak: " + batches + " x " + DiffRunner.CASES_PER_BINARY + " cases, seeds " + first
                + ".." + (first + batches - 1) + " (rerun with -Dvitrine.soak.seed=" + first + ")");
        Toolchain tc = tools();
        DiffRunner dr = new DiffRunner(tc, DiffRunner.defaultCache().resolve("soak"));
        String t = System.getProperty("vitrine.soak.target", "vitrine").strip();
        DiffRunner.Target target = t.equals("hart") ? DiffRunner.bareHart()
                : t.equals("vitrine") || t.isEmpty() ? DiffRunner.vitrine() : DiffRunner.vitrine("vitrine " + t, configuration(t));
        run(dr, seeds, DiffRunner.CASES_PER_BINARY, true, target);
    }

    private static void run(DiffRunner dr, long[] seeds, int perBinary, boolean soak, DiffRunner.Target target) throws Exception {
        List<DiffRunner.Mismatch> all = new ArrayList<>();
        long t0 = System.nanoTime();
        int done = 0;
        for (long seed : seeds) {
            DiffRunner.Batch b = dr.prepare(seed, perBinary);
            List<DiffRunner.Mismatch> m;
            try {
                m = dr.compare(b, target, Math.max(0, DETAILED - countDetailed(all)));
            } catch (DiffRunner.NotImplemented e) {
                Assumptions.abort(e.getMessage());
                return;
            } finally {
                if (soak) DiffRunner.delete(b);
            }
            all.addAll(m);
            done += b.cases().size();
            if (soak && (done / perBinary) % 10 == 0)
                System.out.printf("[difftest] %d cases, %d mismatching, %.0f s%n", done, all.size(), (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("[difftest] %d cases in %d binaries, %d mismatching, %.1f s%n", done, seeds.length, all.size(),
                (System.nanoTime() - t0) / 1e9);
        if (all.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        sb.append(all.size()).append(" of ").append(done).append(" cases differ between qemu-riscv64 and ").append(target.name()).append('\n');
        for (int i = 0; i < Math.min(all.size(), 100); i++) sb.append("  ").append(all.get(i).summary()).append('\n');
        if (all.size() > 100) sb.append("  ...\n");
        for (DiffRunner.Mismatch m : all) if (m.report() != null) sb.append('\n').append(m.report());
        Path report = dr.cacheDir().resolve("report-" + target.name().replaceAll("[^A-Za-z0-9]+", "-") + ".txt");
        Files.writeString(report, sb.toString(), StandardCharsets.UTF_8);
        fail(sb + "\n(this report is also in " + report.toAbsolutePath() + ")");
    }

    private static int countDetailed(List<DiffRunner.Mismatch> all) {
        int n = 0;
        for (DiffRunner.Mismatch m : all) if (m.report() != null) n++;
        return n;
    }
}
