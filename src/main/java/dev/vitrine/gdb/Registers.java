package dev.vitrine.gdb;

import dev.vitrine.cpu.Hart;

/**
 * The hart's registers as gdb numbers them for RISC-V: x0-x31 are 0-31, pc 32, f0-f31 33-64,
 * and CSR n is 65+n (fflags 66, frm 67, fcsr 68; the user counters cycle, time and instret at
 * 0xC00-0xC02, read-only). {@link #TARGET_XML} describes them so that gdb asks for no others.
 */
final class Registers {
    private Registers() {}

    static final int PC = 32, FIRST_F = 33, CSR = 65;
    static final int FFLAGS = CSR + 1, FRM = CSR + 2, FCSR = CSR + 3;
    static final int CYCLE = CSR + 0xc00, TIME = CSR + 0xc01, INSTRET = CSR + 0xc02;

    private static final String[] X = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "fp", "s1",
            "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
            "t3", "t4", "t5", "t6"};
    private static final String[] F = {"ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1",
            "fa0", "fa1", "fa2", "fa3", "fa4", "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9",
            "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};

    static final String TARGET_XML = targetXml();

    private static String targetXml() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target version=\"1.0\">\n"
                + "<architecture>riscv:rv64</architecture>\n<osabi>GNU/Linux</osabi>\n<feature name=\"org.gnu.gdb.riscv.cpu\">\n");
        for (int i = 0; i < 32; i++)
            b.append(reg(X[i], 64, i == 1 ? "code_ptr" : i == 2 || i == 8 ? "data_ptr" : "int", i));
        b.append(reg("pc", 64, "code_ptr", PC)).append("</feature>\n<feature name=\"org.gnu.gdb.riscv.fpu\">\n");
        for (int i = 0; i < 32; i++) b.append(reg(F[i], 64, "ieee_double", FIRST_F + i));
        b.append(reg("fflags", 32, "int", FFLAGS)).append(reg("frm", 32, "int", FRM)).append(reg("fcsr", 32, "int", FCSR));
        b.append("</feature>\n<feature name=\"org.gnu.gdb.riscv.csr\">\n");
        b.append(reg("cycle", 64, "int", CYCLE)).append(reg("time", 64, "int", TIME)).append(reg("instret", 64, "int", INSTRET));
        return b.append("</feature>\n</target>\n").toString();
    }

    private static String reg(String name, int bits, String type, int n) {
        return "<reg name=\"" + name + "\" bitsize=\"" + bits + "\" type=\"" + type + "\" regnum=\"" + n + "\"/>\n";
    }

    /** Register n in gdb's byte order (little-endian hex), or null for a number the target does not have. */
    static String read(Hart h, int n) {
        if (n >= 0 && n < 32) return hex(h.x[n], 8);
        if (n == PC) return hex(h.pc, 8);
        if (n >= FIRST_F && n < FIRST_F + 32) return hex(h.f[n - FIRST_F], 8);
        return switch (n) {
            case FFLAGS -> hex(h.readFcsr() & 0x1f, 4);
            case FRM -> hex((h.readFcsr() >>> 5) & 7, 4);
            case FCSR -> hex(h.readFcsr(), 4);
            case CYCLE, INSTRET -> hex(h.instret, 8);
            case TIME -> hex(h.timeBase + h.instret, 8);
            default -> null;
        };
    }

    /** Sets register n from gdb's hex; false for one that cannot be written. */
    static boolean write(Hart h, int n, String hex) {
        long v = parse(hex);
        if (n > 0 && n < 32) h.x[n] = v;
        else if (n == 0) return true;   // x0 stays 0
        else if (n == PC) h.pc = v;
        else if (n >= FIRST_F && n < FIRST_F + 32) h.f[n - FIRST_F] = v;
        else if (n == FFLAGS) h.fcsr = (h.fcsr & ~0x1f) | (int) (v & 0x1f);
        else if (n == FRM) h.fcsr = (h.fcsr & 0x1f) | (int) ((v & 7) << 5);
        else if (n == FCSR) h.fcsr = (int) (v & 0xff);
        else return false;
        return true;
    }

    /** The 'g' packet: x0-x31 and pc. */
    static String all(Hart h) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= PC; i++) b.append(read(h, i));
        return b.toString();
    }

    static void writeAll(Hart h, String hex) {
        for (int i = 0; i <= PC && (i + 1) * 16 <= hex.length(); i++) write(h, i, hex.substring(i * 16, (i + 1) * 16));
    }

    static String hex(long v, int bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bytes; i++) b.append(String.format("%02x", (v >>> (8 * i)) & 0xff));
        return b.toString();
    }

    /** Little-endian hex bytes as a value. */
    static long parse(String hex) {
        long v = 0;
        for (int i = 0; i + 1 < hex.length() && i < 16; i += 2) v |= Long.parseLong(hex.substring(i, i + 2), 16) << (4 * i);
        return v;
    }
}
