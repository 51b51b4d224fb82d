package dev.vitrine.difftest;

import java.util.ArrayList;
import java.util.List;

/** Decodes and describes dumped records: register values, FP values, fcsr fields, differences. */
final class Dump {
    private Dump() {}

    private static final String[] FRM = {"rne", "rtz", "rdn", "rup", "rmm", "frm=5?", "frm=6?", "frm=7?"};
    private static final String[] ABI = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
            "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9",
            "s10", "s11", "t3", "t4", "t5", "t6"};

    static long quad(byte[] b, int off) {
        long v = 0;
        for (int j = 7; j >= 0; j--) v = (v << 8) | (b[off + j] & 0xff);
        return v;
    }

    static String hex(long v) { return String.format("0x%016x", v); }

    static String xName(int i) { return "x" + i + "(" + ABI[i] + ")"; }

    /** An integer register value: hex, and decimal when that helps. */
    static String describeX(long v) {
        String s = hex(v);
        if (v >= -100000 && v <= 100000) s += " (" + v + ")";
        else if (v == Long.MIN_VALUE) s += " (INT64_MIN)";
        else if (v == Long.MAX_VALUE) s += " (INT64_MAX)";
        return s;
    }

    /** An FP register value: hex, then how a single or double instruction would read it. */
    static String describeF(long v) {
        StringBuilder sb = new StringBuilder(hex(v));
        if ((v >>> 32) == 0xffffffffL) {
            sb.append(" (single ").append(single((int) v)).append(')');
        } else {
            sb.append(" (double ").append(dbl(v)).append("; not a NaN-boxed single)");
        }
        return sb.toString();
    }

    static String single(int bits) {
        float f = Float.intBitsToFloat(bits);
        if (Float.isNaN(f)) return ((bits & 0x00400000) != 0 ? "qNaN" : "sNaN") + String.format("[0x%08x]", bits);
        if (f != 0 && Math.abs(f) < Float.MIN_NORMAL) return f + " subnormal";
        return Float.toString(f);
    }

    static String dbl(long bits) {
        double d = Double.longBitsToDouble(bits);
        if (Double.isNaN(d)) return ((bits & 0x0008000000000000L) != 0 ? "qNaN" : "sNaN") + "[" + hex(bits) + "]";
        if (d != 0 && Math.abs(d) < Double.MIN_NORMAL) return d + " subnormal";
        return Double.toString(d);
    }

    static String fcsr(long v) {
        StringBuilder sb = new StringBuilder(String.format("0x%02x (%s, flags", v, FRM[(int) (v >>> 5) & 7]));
        String[] names = {"NX", "UF", "OF", "DZ", "NV"};
        boolean any = false;
        for (int i = 4; i >= 0; i--) if ((v & (1L << i)) != 0) { sb.append(' ').append(names[i]); any = true; }
        if (!any) sb.append(" none");
        if ((v & ~0xffL) != 0) sb.append(", upper bits set!");
        return sb.append(')').toString();
    }

    /** The initial state of a case, as a developer would type it into a unit test. */
    static String initialState(DiffCase c) {
        StringBuilder sb = new StringBuilder();
        sb.append("  base register ").append(xName(c.base())).append(" = &scratch (not loaded from the table)\n");
        sb.append("  fcsr = ").append(fcsr(c.fcsr())).append('\n');
        for (int i = 1; i < 32; i++) {
            if (i == c.base()) continue;
            sb.append(String.format("  %-8s = %s%n", xName(i), describeX(c.x()[i])));
        }
        for (int i = 0; i < 32; i++) sb.append(String.format("  f%-7d = %s%n", i, describeF(c.f()[i])));
        sb.append("  scratch (quads, little-endian, offset from base):\n");
        byte[] s = c.scratch();
        for (int i = 0; i < s.length; i += 32) {
            sb.append(String.format("    +0x%02x:", i));
            for (int j = 0; j < 32; j += 8) sb.append(' ').append(hex(quad(s, i + j)));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Initial values of the registers a case's body names (its operands), fcsr included. */
    static String namedRegisters(DiffCase c) {
        java.util.TreeSet<Integer> xs = new java.util.TreeSet<>(), fs = new java.util.TreeSet<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("\\b([xf])(\\d+)\\b");
        for (DiffCase.Unit u : c.body()) {
            for (String l : u.lines()) {
                if (l.endsWith(":")) continue;
                int sp = l.indexOf(' ');
                java.util.regex.Matcher m = p.matcher(sp < 0 ? "" : l.substring(sp));
                while (m.find()) (m.group(1).equals("x") ? xs : fs).add(Integer.parseInt(m.group(2)));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("  fcsr = ").append(fcsr(c.fcsr())).append('\n');
        for (int i : xs) {
            if (i == 0) continue;
            if (i == c.base()) sb.append(String.format("  %-8s = &scratch (the base register)%n", xName(i)));
            else sb.append(String.format("  %-8s = %s%n", xName(i), describeX(c.x()[i])));
        }
        for (int i : fs) sb.append(String.format("  f%-7d = %s%n", i, describeF(c.f()[i])));
        return sb.toString();
    }

    /**
     * The differences between an expected (qemu) and an actual (Vitrine) record, one line each;
     * empty when equal.
     */
    static List<String> diff(byte[] exp, int eOff, byte[] got, int gOff) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < 32; i++) {
            long e = quad(exp, eOff + DiffCase.X_OFF + 8 * i), g = quad(got, gOff + DiffCase.X_OFF + 8 * i);
            if (e != g) out.add(String.format("%-8s expected %s, got %s", xName(i), describeX(e), describeX(g)));
        }
        for (int i = 0; i < 32; i++) {
            long e = quad(exp, eOff + DiffCase.F_OFF + 8 * i), g = quad(got, gOff + DiffCase.F_OFF + 8 * i);
            if (e != g) out.add(String.format("f%-7d expected %s, got %s", i, describeF(e), describeF(g)));
        }
        long e = quad(exp, eOff + DiffCase.FCSR_OFF), g = quad(got, gOff + DiffCase.FCSR_OFF);
        if (e != g) out.add("fcsr     expected " + fcsr(e) + ", got " + fcsr(g));
        for (int i = 0; i < DiffCase.SCRATCH_BYTES; i += 8) {
            long es = quad(exp, eOff + i), gs = quad(got, gOff + i);
            if (es != gs) out.add(String.format("scratch+0x%02x expected %s, got %s", i, hex(es), hex(gs)));
        }
        return out;
    }
}
