package dev.vitrine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Every Fpu operation against the qemu-riscv64 oracle table fpu/vectors.txt, produced by
 * fpu/gen_vectors.c (see its header for how to regenerate it). Each line holds one operand
 * tuple and the result bits and fflags for each of RNE, RTZ, RDN, RUP, RMM.
 * {@code -Dfpu.vectors=FILE} runs a larger, uncommitted table instead.
 */
class FpuOracleTest {
    /** One Fpu operation on raw operands (singles in the low 32 bits), giving x[rd]-style bits. */
    @FunctionalInterface
    interface Op {
        long apply(Fpu fpu, long a, long b, long c, int rm);
    }

    static final Map<String, Op> OPS = new HashMap<>();

    private static long s(int bits) { return bits & 0xffffffffL; }
    private static long bool(boolean b) { return b ? 1 : 0; }

    static {
        OPS.put("fadd_s", (u, a, b, c, rm) -> s(u.fadd_s((int) a, (int) b, rm)));
        OPS.put("fsub_s", (u, a, b, c, rm) -> s(u.fsub_s((int) a, (int) b, rm)));
        OPS.put("fmul_s", (u, a, b, c, rm) -> s(u.fmul_s((int) a, (int) b, rm)));
        OPS.put("fdiv_s", (u, a, b, c, rm) -> s(u.fdiv_s((int) a, (int) b, rm)));
        OPS.put("fsqrt_s", (u, a, b, c, rm) -> s(u.fsqrt_s((int) a, rm)));
        OPS.put("fmadd_s", (u, a, b, c, rm) -> s(u.fmadd_s((int) a, (int) b, (int) c, rm)));
        OPS.put("fmsub_s", (u, a, b, c, rm) -> s(u.fmsub_s((int) a, (int) b, (int) c, rm)));
        OPS.put("fnmsub_s", (u, a, b, c, rm) -> s(u.fnmsub_s((int) a, (int) b, (int) c, rm)));
        OPS.put("fnmadd_s", (u, a, b, c, rm) -> s(u.fnmadd_s((int) a, (int) b, (int) c, rm)));
        OPS.put("fmin_s", (u, a, b, c, rm) -> s(u.fmin_s((int) a, (int) b)));
        OPS.put("fmax_s", (u, a, b, c, rm) -> s(u.fmax_s((int) a, (int) b)));
        OPS.put("feq_s", (u, a, b, c, rm) -> bool(u.feq_s((int) a, (int) b)));
        OPS.put("flt_s", (u, a, b, c, rm) -> bool(u.flt_s((int) a, (int) b)));
        OPS.put("fle_s", (u, a, b, c, rm) -> bool(u.fle_s((int) a, (int) b)));
        OPS.put("fclass_s", (u, a, b, c, rm) -> Fpu.fclass_s((int) a));
        OPS.put("fcvt_w_s", (u, a, b, c, rm) -> u.fcvt_w_s((int) a, rm));
        OPS.put("fcvt_wu_s", (u, a, b, c, rm) -> u.fcvt_wu_s((int) a, rm));
        OPS.put("fcvt_l_s", (u, a, b, c, rm) -> u.fcvt_l_s((int) a, rm));
        OPS.put("fcvt_lu_s", (u, a, b, c, rm) -> u.fcvt_lu_s((int) a, rm));
        OPS.put("fcvt_s_w", (u, a, b, c, rm) -> s(u.fcvt_s_w(a, rm)));
        OPS.put("fcvt_s_wu", (u, a, b, c, rm) -> s(u.fcvt_s_wu(a, rm)));
        OPS.put("fcvt_s_l", (u, a, b, c, rm) -> s(u.fcvt_s_l(a, rm)));
        OPS.put("fcvt_s_lu", (u, a, b, c, rm) -> s(u.fcvt_s_lu(a, rm)));
        OPS.put("fadd_d", (u, a, b, c, rm) -> u.fadd_d(a, b, rm));
        OPS.put("fsub_d", (u, a, b, c, rm) -> u.fsub_d(a, b, rm));
        OPS.put("fmul_d", (u, a, b, c, rm) -> u.fmul_d(a, b, rm));
        OPS.put("fdiv_d", (u, a, b, c, rm) -> u.fdiv_d(a, b, rm));
        OPS.put("fsqrt_d", (u, a, b, c, rm) -> u.fsqrt_d(a, rm));
        OPS.put("fmadd_d", (u, a, b, c, rm) -> u.fmadd_d(a, b, c, rm));
        OPS.put("fmsub_d", (u, a, b, c, rm) -> u.fmsub_d(a, b, c, rm));
        OPS.put("fnmsub_d", (u, a, b, c, rm) -> u.fnmsub_d(a, b, c, rm));
        OPS.put("fnmadd_d", (u, a, b, c, rm) -> u.fnmadd_d(a, b, c, rm));
        OPS.put("fmin_d", (u, a, b, c, rm) -> u.fmin_d(a, b));
        OPS.put("fmax_d", (u, a, b, c, rm) -> u.fmax_d(a, b));
        OPS.put("feq_d", (u, a, b, c, rm) -> bool(u.feq_d(a, b)));
        OPS.put("flt_d", (u, a, b, c, rm) -> bool(u.flt_d(a, b)));
        OPS.put("fle_d", (u, a, b, c, rm) -> bool(u.fle_d(a, b)));
        OPS.put("fclass_d", (u, a, b, c, rm) -> Fpu.fclass_d(a));
        OPS.put("fcvt_w_d", (u, a, b, c, rm) -> u.fcvt_w_d(a, rm));
        OPS.put("fcvt_wu_d", (u, a, b, c, rm) -> u.fcvt_wu_d(a, rm));
        OPS.put("fcvt_l_d", (u, a, b, c, rm) -> u.fcvt_l_d(a, rm));
        OPS.put("fcvt_lu_d", (u, a, b, c, rm) -> u.fcvt_lu_d(a, rm));
        OPS.put("fcvt_d_w", (u, a, b, c, rm) -> u.fcvt_d_w(a, rm));
        OPS.put("fcvt_d_wu", (u, a, b, c, rm) -> u.fcvt_d_wu(a, rm));
        OPS.put("fcvt_d_l", (u, a, b, c, rm) -> u.fcvt_d_l(a, rm));
        OPS.put("fcvt_d_lu", (u, a, b, c, rm) -> u.fcvt_d_lu(a, rm));
        OPS.put("fcvt_s_d", (u, a, b, c, rm) -> s(u.fcvt_s_d(a, rm)));
        OPS.put("fcvt_d_s", (u, a, b, c, rm) -> u.fcvt_d_s((int) a));
    }

    /** One line of the table. */
    record Vector(String op, long a, long b, long c, long[] results, int[] flags) {}

    static List<Vector> load() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        String external = System.getProperty("fpu.vectors"); // a larger table for one-off soaks
        try (InputStream in = external != null ? Files.newInputStream(Path.of(external))
                : Objects.requireNonNull(FpuOracleTest.class.getResourceAsStream("/fpu/vectors.txt"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String[] t = line.trim().split(" ");
                int modes = (t.length - 4) / 2;
                long[] results = new long[modes];
                int[] flags = new int[modes];
                for (int m = 0; m < modes; m++) {
                    results[m] = Long.parseUnsignedLong(t[4 + 2 * m], 16);
                    flags[m] = Integer.parseInt(t[5 + 2 * m], 16);
                }
                vectors.add(new Vector(t[0], hex(t[1]), hex(t[2]), hex(t[3]), results, flags));
            }
        }
        return vectors;
    }

    private static long hex(String s) { return s.equals("-") ? 0 : Long.parseUnsignedLong(s, 16); }

    @Test
    void everyOperationMatchesQemuInEveryRoundingMode() throws IOException {
        List<Vector> vectors = load();
        assertTrue(vectors.size() > 40_000, "oracle table present");
        Map<String, Integer> failuresByOp = new HashMap<>();
        List<String> examples = new ArrayList<>();
        int checked = 0;
        for (Vector v : vectors) {
            Op op = OPS.get(v.op());
            assertTrue(op != null, "unknown op " + v.op());
            for (int rm = 0; rm < v.results().length; rm++) {
                Fpu fpu = new Fpu();
                long result;
                String error = null;
                try {
                    result = op.apply(fpu, v.a(), v.b(), v.c(), rm);
                    if (result != v.results()[rm] || fpu.flags != v.flags()[rm]) {
                        error = String.format("got %x flags %x", result, fpu.flags);
                    }
                } catch (RuntimeException e) {
                    error = e.toString();
                }
                checked++;
                if (error != null) {
                    failuresByOp.merge(v.op(), 1, Integer::sum);
                    if (examples.size() < 40) {
                        examples.add(String.format("%s(%x, %x, %x) rm=%d: want %x flags %x, %s", v.op(), v.a(), v.b(),
                                v.c(), rm, v.results()[rm], v.flags()[rm], error));
                    }
                }
            }
        }
        assertEquals(Map.of(), failuresByOp, checked + " checks; first failures:\n" + String.join("\n", examples));
    }

    @Test
    void flagsAccumulateAcrossOperations() throws IOException {
        Fpu fpu = new Fpu();
        int expected = 0, checked = 0;
        for (Vector v : load()) {
            if (checked++ % 8 == 0) { // the hart clears fflags by writing the CSR
                fpu.flags = 0;
                expected = 0;
            }
            int rm = checked % v.results().length;
            OPS.get(v.op()).apply(fpu, v.a(), v.b(), v.c(), rm);
            expected |= v.flags()[rm];
            assertEquals(expected, fpu.flags, () -> v.op() + " after earlier flags");
        }
    }
}
