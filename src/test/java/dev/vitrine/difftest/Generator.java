package dev.vitrine.difftest;

import dev.vitrine.difftest.DiffCase.Unit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates random straight-line RV64GC test cases from a seed.
 *
 * <p>Everything a case does is fixed by (seed, index) — {@link Rng#forCase} — so a report
 * naming the two is enough to regenerate it. The body draws from the whole RV64GC user set
 * (I, M, A, F, D, C, Zicsr on the FP CSRs, Zifencei) and avoids only what legitimately
 * differs between two correct machines: counters (rdcycle/rdtime/rdinstret), writes of an
 * invalid rounding mode into frm, LR/SC outcomes the spec leaves to the implementation, and
 * AMOs on misaligned addresses.
 */
final class Generator {
    /** Bump when the generated programs change meaning; part of every report. */
    static final int VERSION = 7;

    static final int MIN_LEN = 20;
    static final int MAX_LEN = 40;

    private static final String[] RM = {"rne", "rtz", "rdn", "rup", "rmm", "dyn"};
    private static final String[] RM_NAME = {"rne", "rtz", "rdn", "rup", "rmm", "rm5", "rm6", "dyn"};

    // ---- special values -------------------------------------------------------------------

    static final long[] X_SPECIAL = {
            0, 1, -1, 2, -2, 3, 31, 32, 33, 63, 64, 0xff, 0xffff,
            0x7fffffffffffffffL, 0x8000000000000000L, 0x8000000000000001L,
            0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L,
            0xffffffff80000000L, 0xffffffff7fffffffL, 0xffffffff00000000L, 0x00000000ffffffffL,
            0x0000000080000001L, 0xffffffff80000001L, 0x7fffffff7fffffffL, 0x8000000080000000L,
            0x00ffffffffffffffL, 0x0010000000000000L, 0x1fffffffffffffL, 0x20000000000000L,
    };

    static final long[] D_SPECIAL = {
            0x0000000000000000L, 0x8000000000000000L,            // +0 -0
            0x7ff0000000000000L, 0xfff0000000000000L,            // +inf -inf
            0x7ff8000000000000L, 0xfff8000000000000L,            // qNaN, -qNaN
            0x7ff0000000000001L, 0x7ff4000000000000L,            // sNaN
            0x7ff8000000001234L, 0xfff7ffffffffffffL,            // NaN payloads
            0x0000000000000001L, 0x000fffffffffffffL, 0x8000000000000001L, 0x800fffffffffffffL, // subnormals
            0x0010000000000000L, 0x8010000000000000L, 0x7fefffffffffffffL, 0xffefffffffffffffL, // min/max normal
            0x3ff0000000000000L, 0xbff0000000000000L, 0x3fe0000000000000L, 0xbfe0000000000000L, // ±1 ±0.5
            0x3ff8000000000000L, 0x4004000000000000L, 0xc004000000000000L, 0xbff8000000000000L, // 1.5 2.5 -2.5 -1.5
            0x41e0000000000000L, 0xc1e0000000000000L, 0x41dfffffffc00000L, 0xc1e0000000200000L, // 2^31, -2^31, 2^31-1, -2^31-1
            0x41dfffffffe00000L, 0xc1e0000000100000L,             // 2^31-0.5, -2^31-0.5
            0x41f0000000000000L, 0x41efffffffe00000L, 0x41effffffff00000L, // 2^32, 2^32-1, 2^32-0.5
            0x43e0000000000000L, 0xc3e0000000000000L, 0x43dfffffffffffffL, 0xc3e0000000000001L, // 2^63 boundaries
            0x43f0000000000000L, 0x43efffffffffffffL,             // 2^64 boundary
            0x47efffffe0000000L, 0x47effffff0000000L, 0x47f0000000000000L, // float max, halfway above, 2^128
            0x36a0000000000000L, 0x3690000000000000L, 0x3810000000000000L, 0x380fffffffffffffL, // float min sub, half, min normal
            0x3ff0000000000001L, 0x3cb0000000000000L, 0x4340000000000000L, // 1+ulp, 2^-52, 2^53
    };

    static final int[] S_SPECIAL = {
            0x00000000, 0x80000000, 0x7f800000, 0xff800000,      // ±0 ±inf
            0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000, 0x7fc01234, 0xffbfffff, // NaNs
            0x00000001, 0x007fffff, 0x80000001, 0x807fffff,      // subnormals
            0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff,      // min/max normal
            0x3f800000, 0xbf800000, 0x3f000000, 0xbf000000, 0x3fc00000, 0x40200000, 0xc0200000, 0xbfc00000,
            0x4f000000, 0xcf000000, 0x4effffff, 0xcf000001,      // 2^31 boundaries
            0x4f800000, 0x4f7fffff,                              // 2^32
            0x5f000000, 0xdf000000, 0x5effffff, 0xdf000001, 0x5f800000, 0x5f7fffff, // 2^63, 2^64
            0x3f800001, 0x34000000, 0x4b000000, 0x4b800000,      // 1+ulp, 2^-23, 2^23, 2^24
    };

    // ---- instruction tables ---------------------------------------------------------------

    private static final String[] ALU_R = {"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
            "addw", "subw", "sllw", "srlw", "sraw"};
    private static final String[] MUL_DIV = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
            "mulw", "divw", "divuw", "remw", "remuw"};
    private static final String[] ALU_I = {"addi", "slti", "sltiu", "xori", "ori", "andi", "addiw"};
    private static final String[] SHIFT_I = {"slli", "srli", "srai"};
    private static final String[] SHIFT_IW = {"slliw", "srliw", "sraiw"};
    private static final String[] LOADS = {"lb", "lh", "lw", "ld", "lbu", "lhu", "lwu"};
    private static final int[] LOAD_W = {1, 2, 4, 8, 1, 2, 4};
    private static final String[] STORES = {"sb", "sh", "sw", "sd"};
    private static final int[] STORE_W = {1, 2, 4, 8};
    private static final String[] AMO = {"amoswap", "amoadd", "amoxor", "amoand", "amoor",
            "amomin", "amomax", "amominu", "amomaxu"};
    private static final String[] ORDER = {"", ".aq", ".rl", ".aqrl"};
    private static final String[] BRANCH = {"beq", "bne", "blt", "bge", "bltu", "bgeu"};
    private static final String[] FP_ARITH = {"fadd", "fsub", "fmul", "fdiv"};
    private static final String[] FP_FMA = {"fmadd", "fmsub", "fnmadd", "fnmsub"};
    private static final String[] FP_NORM = {"fsgnj", "fsgnjn", "fsgnjx", "fmin", "fmax"};
    private static final String[] FP_CMP = {"feq", "flt", "fle"};
    private static final String[] INT_T = {"w", "wu", "l", "lu"};
    private static final String[] C_ARITH = {"c.and", "c.or", "c.xor", "c.sub", "c.addw", "c.subw"};

    // ---- per-case state -------------------------------------------------------------------

    private final Rng r;
    private final long seed;
    private final int index;
    private final int base;
    private final boolean rvc;
    private final Set<Integer> avoid = new HashSet<>();
    private int labels;
    /** Registers most operands come from, so that results feed later instructions. */
    private final int[] hotX = new int[6];
    private final int[] hotF = new int[6];
    /** f registers no instruction has written yet: their initial values may still be tailored. */
    private final Set<Integer> freshF = new HashSet<>();
    /** x registers no instruction has written yet. */
    private final Set<Integer> freshX = new HashSet<>();
    private long[] f;
    private long[] x;

    private Generator(long seed, int index) {
        this.seed = seed;
        this.index = index;
        this.r = Rng.forCase(seed, index);
        // the base must be a compressed register (x8..x15) or sp, so that c.lw/c.ldsp and friends can use it
        this.base = r.chance(0.2) ? 2 : r.range(8, 15);
        this.rvc = r.chance(0.6);
    }

    /** The whole program for a seed: {@code cases} cases, each regenerable alone by {@link #generate(long, int)}. */
    static List<DiffCase> program(long seed, int cases) {
        List<DiffCase> out = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) out.add(generate(seed, i));
        return out;
    }

    static DiffCase generate(long seed, int index) {
        return new Generator(seed, index).build();
    }

    private DiffCase build() {
        x = new long[32];
        for (int i = 1; i < 32; i++) { x[i] = randomX(); if (i != base) freshX.add(i); }
        f = new long[32];
        for (int i = 0; i < 32; i++) { f[i] = randomF(); freshF.add(i); }
        for (int i = 0; i < hotX.length; i++) { int v; do v = r.range(1, 31); while (v == base); hotX[i] = v; }
        for (int i = 0; i < hotF.length; i++) hotF[i] = r.nextInt(32);
        long fcsr = (long) r.range(0, 4) << 5;
        if (r.chance(0.2)) fcsr |= r.nextInt(32);
        byte[] scratch = new byte[DiffCase.SCRATCH_BYTES];
        r.nextBytes(scratch);
        // plant a few special values in the scratch so FP/int loads see them too
        for (int k = r.nextInt(6); k > 0; k--) {
            int slot = r.nextInt(DiffCase.SCRATCH_BYTES / 8);
            long v = r.chance(0.5) ? randomF() : randomX();
            for (int j = 0; j < 8; j++) scratch[slot * 8 + j] = (byte) (v >>> (8 * j));
        }
        int len = r.range(MIN_LEN, MAX_LEN);
        List<Unit> body = new ArrayList<>();
        int lines = 0;
        while (lines < len) {
            Unit u = unit();
            body.add(u);
            lines += u.lines().size();
        }
        return new DiffCase(seed, index, base, rvc, x, f, fcsr, scratch, List.copyOf(body));
    }

    // ---- values ---------------------------------------------------------------------------

    private long randomX() {
        int k = r.nextInt(10);
        if (k < 3) return r.pick(X_SPECIAL);
        if (k == 3) return r.range(-40, 40);
        if (k == 4) return (int) r.nextLong();               // sign-extended 32-bit
        if (k == 5) return r.nextLong() & 0xffffffffL;        // zero-extended 32-bit
        if (k == 6) return Double.doubleToRawLongBits(r.range(-100000, 100000) / 8.0); // a small double's bits
        return r.nextLong();
    }

    private long randomF() {
        int k = r.nextInt(22);
        if (k == 20) return tinyDouble();
        if (k == 21) return boxed(tinySingle());
        if (k < 5) return r.pick(D_SPECIAL);
        if (k < 10) return boxed(r.pick(S_SPECIAL));
        if (k < 12) return boxed(randomSingle());
        if (k < 14) return randomDouble();
        if (k < 15) return Double.doubleToRawLongBits(r.range(-5000, 5000) / 4.0);
        if (k < 16) return boxed(Float.floatToRawIntBits(r.range(-5000, 5000) / 4.0f));
        if (k < 17) return boxed((int) r.nextLong()) & ~(1L << (32 + r.nextInt(32))); // nearly boxed: not a box
        if (k < 18) return (r.nextLong() & 0xffffffff00000000L) | (r.pick(S_SPECIAL) & 0xffffffffL); // garbage upper half
        return r.nextLong();
    }

    /** Near 2^-511 or 2^-1022: products and quotients land around the subnormal boundary (UF, tininess after rounding). */
    private long tinyDouble() {
        long sign = (long) r.nextInt(2) << 63;
        long exp = r.chance(0.5) ? r.range(1023 - 515, 1023 - 508) : r.range(0, 3);
        long mant = r.chance(0.3) ? 0xfffffffffffffL - r.nextInt(4) : r.nextLong() & 0xfffffffffffffL;
        return sign | exp << 52 | mant;
    }

    private int tinySingle() {
        int sign = r.nextInt(2) << 31;
        int exp = r.chance(0.5) ? r.range(127 - 66, 127 - 60) : r.range(0, 3);
        int mant = r.chance(0.3) ? 0x7fffff - r.nextInt(4) : r.nextInt(1 << 23);
        return sign | exp << 23 | mant;
    }

    private static long boxed(int single) { return 0xffffffff00000000L | (single & 0xffffffffL); }

    private int randomSingle() {
        int sign = r.nextInt(2) << 31;
        int exp = r.chance(0.7) ? r.range(127 - 30, 127 + 30) : r.nextInt(256);
        return sign | exp << 23 | (r.nextInt(1 << 23));
    }

    private long randomDouble() {
        long sign = (long) r.nextInt(2) << 63;
        long exp = r.chance(0.7) ? r.range(1023 - 70, 1023 + 70) : r.nextInt(2048);
        return sign | exp << 52 | (r.nextLong() & 0xfffffffffffffL);
    }

    private int imm12() {
        int k = r.nextInt(6);
        if (k == 0) return r.pick(new int[]{0, 1, -1, 2047, -2048, 31, 32, 63, -32});
        if (k == 1) return r.range(-16, 16);
        return r.range(-2048, 2047);
    }

    // ---- registers ------------------------------------------------------------------------

    /** A destination: never the base, sometimes x0, never a register in {@link #avoid}. */
    private int rd() {
        if (r.chance(0.04)) return 0;
        return rdNonZero();
    }

    private int rdNonZero() {
        while (true) {
            int v = r.chance(0.5) ? r.pick(hotX) : r.range(1, 31);
            if (v != base && !avoid.contains(v)) { freshX.remove(v); return v; }
        }
    }

    /** A source: any register, x0 and the base included. */
    private int rs() {
        if (r.chance(0.05)) return 0;
        return r.chance(0.5) ? r.pick(hotX) : r.range(1, 31);
    }

    /** A compressed-form register x8..x15 usable as a destination. */
    private int rdc() {
        while (true) {
            int v = r.range(8, 15);
            if (v != base && !avoid.contains(v)) { freshX.remove(v); return v; }
        }
    }

    private int rsc() { return r.range(8, 15); }

    private static String x(int i) { return "x" + i; }

    private static String f(int i) { return "f" + i; }

    private int fr() { return r.chance(0.6) ? r.pick(hotF) : r.nextInt(32); }

    private int fresh(int fd) { freshF.remove(fd); return fd; }

    /** An f destination: from then on its initial value can no longer be tailored. */
    private int frd() {
        int v = fr();
        freshF.remove(v);
        return v;
    }

    private String rm() {
        return r.chance(0.25) ? "" : ", " + r.pick(RM);
    }

    private String label() { return ".Lc" + index + "_" + (labels++); }

    // ---- units ----------------------------------------------------------------------------

    private Unit unit() {
        int k = r.nextInt(100);
        if (k < 12) return Unit.of(aluR());
        if (k < 22) return Unit.of(aluI());
        if (k < 25) return Unit.of(luiAuipc());
        if (k < 33) return Unit.of(mulDiv());
        if (k < 43) return memory();
        if (k < 48) return amo();
        if (k < 50) return lrsc();
        if (k < 54) return branch();
        if (k < 56) return jump();
        if (k < 66) return Unit.of(fpArith());
        if (k < 74) return Unit.of(fpConvert());
        if (k < 82) return Unit.of(fpMisc());
        if (k < 86) return fpMemory();
        if (k < 88) return r.chance(0.7) ? Unit.of(csr()) : csrWrite();
        if (k < 89) return Unit.of(r.pick(new String[]{"fence", "fence rw, rw", "fence.i", "nop", "fence r, w"}));
        if (k < 92) return tailored();
        if (k < 93) return loop();
        if (k < 94) return hint();
        if (k < 95) return selfModifying();
        if (k < 97) return fpSpecial();
        if (k < 98) return intSpecial();
        if (rvc) return compressed();
        return Unit.of(aluR());
    }

    /** One single-line instruction that cannot branch or touch memory: the filler a branch skips over. */
    private String simple() {
        int k = r.nextInt(6);
        return switch (k) {
            case 0 -> aluR();
            case 1 -> aluI();
            case 2 -> mulDiv();
            case 3 -> fpArith();
            case 4 -> fpConvert();
            default -> fpMisc();
        };
    }

    private String aluR() {
        return r.pick(ALU_R) + " " + x(rd()) + ", " + x(rs()) + ", " + x(rs());
    }

    private String mulDiv() {
        return r.pick(MUL_DIV) + " " + x(rd()) + ", " + x(rs()) + ", " + x(rs());
    }

    private String aluI() {
        int k = r.nextInt(10);
        if (k < 6) return r.pick(ALU_I) + " " + x(rd()) + ", " + x(rs()) + ", " + imm12();
        if (k < 8) return r.pick(SHIFT_I) + " " + x(rd()) + ", " + x(rs()) + ", " + r.range(0, 63);
        return r.pick(SHIFT_IW) + " " + x(rd()) + ", " + x(rs()) + ", " + r.range(0, 31);
    }

    private String luiAuipc() {
        int imm = r.chance(0.3) ? r.pick(new int[]{0, 1, 0x80000, 0x7ffff, 0xfffff}) : r.nextInt(1 << 20);
        return (r.chance(0.7) ? "lui " : "auipc ") + x(rd()) + ", " + imm;
    }

    /** An offset in the scratch area for a {@code width}-byte access; usually aligned. */
    private int offset(int width, boolean mayMisalign) {
        if (DiffCase.straddlesPage(index) && r.chance(0.25)) {
            // around the page boundary in the middle of this case's scratch area
            int b = DiffCase.PAGE_SPLIT;
            return mayMisalign && width > 1 && r.chance(0.6) ? r.range(b - width + 1, b - 1) : (r.chance(0.5) ? b - width : b);
        }
        if (mayMisalign && width > 1 && r.chance(0.08)) return r.range(0, DiffCase.SCRATCH_BYTES - width);
        return r.nextInt(DiffCase.SCRATCH_BYTES / width) * width;
    }

    private Unit memory() {
        boolean load = r.chance(0.55);
        int i = load ? r.nextInt(LOADS.length) : r.nextInt(STORES.length);
        String op = load ? LOADS[i] : STORES[i];
        int width = load ? LOAD_W[i] : STORE_W[i];
        int off = offset(width, true);
        if (r.chance(0.2)) {
            // through a second register and a possibly negative displacement
            int t = rdNonZero();
            int disp = r.range(-2048 + DiffCase.SCRATCH_BYTES, 2047 - DiffCase.SCRATCH_BYTES);
            String access = load ? op + " " + x(rd()) + ", " + disp + "(" + x(t) + ")"
                                 : op + " " + x(rs()) + ", " + disp + "(" + x(t) + ")";
            return Unit.of("addi " + x(t) + ", " + x(base) + ", " + (off - disp), access);
        }
        return Unit.of(load ? op + " " + x(rd()) + ", " + off + "(" + x(base) + ")"
                            : op + " " + x(rs()) + ", " + off + "(" + x(base) + ")");
    }

    private Unit fpMemory() {
        boolean load = r.chance(0.5);
        boolean d = r.chance(0.5);
        int width = d ? 8 : 4;
        int off = offset(width, true);
        String op = (load ? "fl" : "fs") + (d ? "d" : "w");
        return Unit.of(op + " " + f(load ? frd() : fr()) + ", " + off + "(" + x(base) + ")");
    }

    private Unit amo() {
        boolean d = r.chance(0.5);
        int off = offset(d ? 8 : 4, false);
        int t = rdNonZero();
        String op = r.pick(AMO) + (d ? ".d" : ".w") + r.pick(ORDER);
        return Unit.of("addi " + x(t) + ", " + x(base) + ", " + off,
                op + " " + x(rd()) + ", " + x(rs()) + ", (" + x(t) + ")");
    }

    private Unit lrsc() {
        boolean d = r.chance(0.5);
        String sz = d ? ".d" : ".w";
        int off = offset(d ? 8 : 4, false);
        int t = rdNonZero();
        List<String> lines = new ArrayList<>();
        lines.add("addi " + x(t) + ", " + x(base) + ", " + off);
        if (r.chance(0.15)) {
            // an SC with no reservation (every LR here is followed by its SC): must fail
            lines.add("sc" + sz + r.pick(ORDER) + " " + x(rd()) + ", " + x(rs()) + ", (" + x(t) + ")");
            return new Unit(lines);
        }
        avoid.add(t);
        // Half the pairs touch the word for writing first (an AMO that ORs in zero changes nothing),
        // so the SC cannot fault. In the other half the SC's store may take the page's first
        // copy-on-write fault: Vitrine keeps the reservation on the virtual address and the SC
        // succeeds, as under qemu-user (main 5068bb8). (Linux itself would fail that SC: entry.S
        // drops the reservation on every trap return. Both are allowed; Vitrine chose qemu's.)
        if (r.chance(0.5)) lines.add("amoor" + sz + " x0, x0, (" + x(t) + ")  # touch for writing");
        lines.add("lr" + sz + r.pick(ORDER) + " " + x(rd()) + ", (" + x(t) + ")");
        for (int n = r.nextInt(3); n > 0; n--) lines.add(r.chance(0.5) ? aluR() : aluI());
        boolean again = r.chance(0.2);
        if (!again) avoid.remove(t);
        lines.add("sc" + sz + r.pick(ORDER) + " " + x(rd()) + ", " + x(rs()) + ", (" + x(t) + ")");
        avoid.remove(t);
        if (again) // a second SC: the first one dropped the reservation, so this one fails
            lines.add("sc" + sz + " " + x(rd()) + ", " + x(rs()) + ", (" + x(t) + ")");
        return new Unit(lines);
    }

    /** HINT encodings: defined no-ops that a decoder must not call illegal (RVC HINTs only in RVC cases). */
    private Unit hint() {
        if (!rvc || r.chance(0.25))
            return Unit.of(r.chance(0.5) ? ".4byte 0x0100000f  # pause (fence w,0)" : "fence.tso");
        int nz5 = r.range(1, 31), imm6 = r.range(0, 63), rd = r.range(1, 31), rs2 = r.range(1, 31), rdc = r.range(8, 15);
        int hi = (imm6 >> 5) << 12, lo = (imm6 & 31) << 2;
        int nzHi = r.nextInt(2) << 12;
        int[] enc = {
                0x0001 | nzHi | nz5 << 2,          // c.nop with a nonzero immediate
                0x0001 | rd << 7,                   // c.addi rd, 0
                0x4001 | hi | lo,                   // c.li x0, imm
                0x6001 | nzHi | nz5 << 2,           // c.lui x0, nonzero
                0x0002 | nzHi | nz5 << 2,           // c.slli x0, nonzero
                0x0002 | rd << 7,                   // c.slli rd, 0
                0x8001 | (rdc - 8) << 7,            // c.srli rd', 0
                0x8401 | (rdc - 8) << 7,            // c.srai rd', 0
                0x8002 | rs2 << 2,                  // c.mv x0, rs2
                0x9002 | rs2 << 2,                  // c.add x0, rs2
        };
        String[] name = {"c.nop " + (nzHi != 0 ? nz5 - 32 : nz5), "c.addi x" + rd + ", 0", "c.li x0, " + (imm6 >= 32 ? imm6 - 64 : imm6),
                "c.lui x0, " + (nzHi != 0 ? nz5 - 32 : nz5), "c.slli x0, " + (nzHi != 0 ? nz5 + 32 : nz5), "c.slli x" + rd + ", 0",
                "c.srli x" + rdc + ", 0", "c.srai x" + rdc + ", 0", "c.mv x0, x" + rs2, "c.add x0, x" + rs2};
        int i = r.nextInt(enc.length);
        return Unit.of(String.format(".2byte 0x%04x  # HINT %s", enc[i], name[i]));
    }

    /**
     * Self-modifying code: a 4-byte nop runs once, is overwritten by a store with a random
     * instruction (assembled in .rodata), fence.i, and the loop runs it again: the hart must
     * not execute a stale decoding. The code section is writable for this (an RWX segment).
     */
    private Unit selfModifying() {
        String loop = label(), patch = label(), src = label();
        int t = rdNonZero();
        avoid.add(t);
        int v = rdNonZero();
        avoid.add(v);
        int c = rdNonZero();
        avoid.add(c);
        String insn = simple();
        avoid.remove(t);
        avoid.remove(v);
        avoid.remove(c);
        return Unit.of("la " + x(t) + ", " + patch, "la " + x(v) + ", " + src, "lw " + x(v) + ", 0(" + x(v) + ")",
                "li " + x(c) + ", 2", loop + ":", patch + ":", ".4byte 0x00000013  # nop, to be patched",
                "sw " + x(v) + ", 0(" + x(t) + ")", "fence.i", "addi " + x(c) + ", " + x(c) + ", -1",
                "bnez " + x(c) + ", " + loop,
                ".pushsection .rodata", ".option push", ".option norvc", src + ":", insn, ".option pop", ".popsection");
    }

    private static final long[] D_VERY = {0x0L, 0x8000000000000000L, 0x7ff0000000000000L, 0xfff0000000000000L,
            0x7ff8000000000000L, 0x7ff4000000000000L, 0x0000000000000001L, 0x800fffffffffffffL, 0x3ff0000000000000L,
            0xbff0000000000000L, 0x7fefffffffffffffL, 0x0010000000000000L};
    private static final int[] S_VERY = {0x0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fa00000, 0x00000001,
            0x807fffff, 0x3f800000, 0xbf800000, 0x7f7fffff, 0x00800000};

    private List<Integer> takeFresh(Set<Integer> pool, int n) {
        List<Integer> fresh = new ArrayList<>(pool);
        java.util.Collections.sort(fresh);
        if (fresh.size() < n) return null;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(fresh.remove(r.nextInt(fresh.size())));
        return out;
    }

    /** An FP operation whose operands are all edge values (±0, ±inf, NaNs, extreme subnormals/normals, ±1). */
    private Unit fpSpecial() {
        List<Integer> regs = takeFresh(freshF, 3);
        if (regs == null) return Unit.of(fpArith());
        boolean d = r.chance(0.5);
        for (int reg : regs) {
            if (d) f[reg] = r.chance(0.7) ? r.pick(D_VERY) : r.pick(D_SPECIAL);
            else f[reg] = r.chance(0.05) ? r.nextLong() : boxed(r.chance(0.7) ? r.pick(S_VERY) : r.pick(S_SPECIAL));
            if (r.chance(0.5)) f[reg] ^= d ? 1L << 63 : 1L << 31;
        }
        String fmt = d ? ".d" : ".s";
        String a = f(regs.get(0)), b = f(regs.get(1)), c = f(regs.get(2));
        int k = r.nextInt(9);
        return Unit.of(switch (k) {
            case 0, 1 -> r.pick(FP_ARITH) + fmt + " " + f(frd()) + ", " + a + ", " + b + rm();
            case 2, 3 -> r.pick(FP_FMA) + fmt + " " + f(frd()) + ", " + a + ", " + b + ", " + c + rm();
            case 4 -> "fsqrt" + fmt + " " + f(frd()) + ", " + a + rm();
            case 5 -> r.pick(FP_NORM) + fmt + " " + f(frd()) + ", " + a + ", " + b;
            case 6 -> r.pick(FP_CMP) + fmt + " " + x(rd()) + ", " + a + ", " + b;
            case 7 -> "fcvt." + r.pick(INT_T) + fmt + " " + x(rd()) + ", " + a + rm();
            default -> d ? "fcvt.s.d " + f(frd()) + ", " + a + rm() : "fcvt.d.s " + f(frd()) + ", " + a;
        });
    }

    /** M-extension edge pairs: INT_MIN / -1, division by zero, W forms with garbage upper halves. */
    private Unit intSpecial() {
        List<Integer> regs = takeFresh(freshX, 2);
        if (regs == null) return Unit.of(mulDiv());
        int a = regs.get(0), b = regs.get(1);
        long garbage = r.chance(0.5) ? r.nextLong() & 0xffffffff00000000L : 0;
        switch (r.nextInt(6)) {
            case 0 -> { x[a] = Long.MIN_VALUE; x[b] = -1; }
            case 1 -> { x[a] = randomX(); x[b] = 0; }
            case 2 -> { x[a] = garbage | 0x80000000L; x[b] = garbage | 0xffffffffL; }
            case 3 -> { x[a] = randomX(); x[b] = garbage; }
            case 4 -> { x[a] = Long.MIN_VALUE; x[b] = r.pick(new long[]{1, Long.MIN_VALUE, Long.MAX_VALUE}); }
            default -> { x[a] = garbage | (r.nextLong() & 0xffffffffL); x[b] = -1; }
        }
        return Unit.of(r.pick(MUL_DIV) + " " + x(rd()) + ", " + x(a) + ", " + x(b));
    }

    /** A short counted loop around one simple instruction: backward branches, re-executed code. */
    private Unit loop() {
        String l = label();
        int t = rdNonZero();
        avoid.add(t);
        String body = simple();
        avoid.remove(t);
        return Unit.of("li " + x(t) + ", " + r.range(1, 4), l + ":", body, "addi " + x(t) + ", " + x(t) + ", -1",
                "bnez " + x(t) + ", " + l);
    }

    /**
     * An FP operation on initial values chosen to make it exact-cancel: an FMA whose addend is
     * minus the rounded product (the result is the rounding error, often tiny or subnormal), or
     * a subtraction of nearly equal numbers (x - x is -0 under rdn).
     */
    private Unit tailored() {
        List<Integer> fresh = new ArrayList<>(freshF);
        java.util.Collections.sort(fresh);
        if (fresh.size() < 3) return Unit.of(fpArith());
        int a = fresh.remove(r.nextInt(fresh.size()));
        int b = fresh.remove(r.nextInt(fresh.size()));
        int c = fresh.remove(r.nextInt(fresh.size()));
        boolean d = r.chance(0.5);
        String fmt = d ? ".d" : ".s";
        if (d) {
            if (!Double.isFinite(Double.longBitsToDouble(f[a]))) f[a] = randomDouble();
            if (!Double.isFinite(Double.longBitsToDouble(f[b]))) f[b] = r.chance(0.3) ? tinyDouble() : randomDouble();
        } else {
            if ((f[a] >>> 32) != 0xffffffffL || !Float.isFinite(Float.intBitsToFloat((int) f[a]))) f[a] = boxed(randomSingle());
            if ((f[b] >>> 32) != 0xffffffffL || !Float.isFinite(Float.intBitsToFloat((int) f[b])))
                f[b] = boxed(r.chance(0.3) ? tinySingle() : randomSingle());
        }
        if (r.chance(0.6)) {
            String op = r.pick(FP_FMA);
            boolean negate = op.equals("fmadd") || op.equals("fnmadd");
            if (d) {
                double p = Double.longBitsToDouble(f[a]) * Double.longBitsToDouble(f[b]);
                f[c] = Double.doubleToRawLongBits(negate ? -p : p);
            } else {
                float p = Float.intBitsToFloat((int) f[a]) * Float.intBitsToFloat((int) f[b]);
                f[c] = boxed(Float.floatToRawIntBits(negate ? -p : p));
            }
            return Unit.of(op + fmt + " " + f(frd()) + ", " + f(a) + ", " + f(b) + ", " + f(c) + rm());
        }
        int delta = r.range(-3, 3);
        boolean add = r.chance(0.3);
        f[b] = d ? f[a] + delta : boxed((int) f[a] + delta);
        if (add) f[b] ^= d ? 1L << 63 : 1L << 31; // x + (-x)
        return Unit.of((add ? "fadd" : "fsub") + fmt + " " + f(frd()) + ", " + f(a) + ", " + f(b) + rm());
    }

    private Unit branch() {
        String l = label();
        String br;
        if (rvc && r.chance(0.25)) {
            br = (r.chance(0.5) ? "c.beqz " : "c.bnez ") + x(rsc()) + ", " + l;
        } else {
            int a = rs();
            int b = r.chance(0.2) ? a : rs();
            br = r.pick(BRANCH) + " " + x(a) + ", " + x(b) + ", " + l;
        }
        if (r.chance(0.15)) return Unit.of(br, l + ":");
        return Unit.of(br, simple(), l + ":");
    }

    private Unit jump() {
        String l = label();
        int k = r.nextInt(rvc ? 5 : 3);
        switch (k) {
            case 0:
                return Unit.of("jal " + x(rd()) + ", " + l, simple(), l + ":");
            case 1: case 2: {
                int t = rdNonZero();
                int disp = r.range(-64, 64);
                int rd = r.chance(0.3) ? t : rd();
                int odd = r.chance(0.3) ? 1 : 0; // jalr clears bit 0 of the target
                return Unit.of("la " + x(t) + ", " + l, "addi " + x(t) + ", " + x(t) + ", " + (odd - disp),
                        "jalr " + x(rd) + ", " + disp + "(" + x(t) + ")", simple(), l + ":");
            }
            case 3:
                return Unit.of("c.j " + l, simple(), l + ":");
            default: {
                int t = rdNonZero();
                boolean link = r.chance(0.5);
                if (link) freshX.remove(1);
                return Unit.of("la " + x(t) + ", " + l, (link ? "c.jalr " : "c.jr ") + x(t), simple(), l + ":");
            }
        }
    }

    private String fpArith() {
        String fmt = r.chance(0.5) ? ".s" : ".d";
        int k = r.nextInt(10);
        if (k < 5) return r.pick(FP_ARITH) + fmt + " " + f(frd()) + ", " + f(fr()) + ", " + f(fr()) + rm();
        if (k < 8) return r.pick(FP_FMA) + fmt + " " + f(frd()) + ", " + f(fr()) + ", " + f(fr()) + ", " + f(fr()) + rm();
        return "fsqrt" + fmt + " " + f(frd()) + ", " + f(fr()) + rm();
    }

    private String fpConvert() {
        String fmt = r.chance(0.5) ? "s" : "d";
        int k = r.nextInt(10);
        String it = r.pick(INT_T);
        if (k < 4) return "fcvt." + it + "." + fmt + " " + x(rd()) + ", " + f(fr()) + rm();
        if (k < 8) {
            // fcvt.d.w and fcvt.d.wu are exact: binutils takes no rounding mode for them
            boolean exact = fmt.equals("d") && (it.equals("w") || it.equals("wu"));
            if (exact && r.chance(0.3)) { // with an explicit rounding mode, which must not matter
                int fd = frd(), rs = rs(), rm = r.pick(new int[]{1, 2, 3, 4, 7});
                return ".insn r 0x53, " + rm + ", 0x69, " + f(fd) + ", " + x(rs) + ", " + (it.equals("w") ? "x0" : "x1")
                        + "  # fcvt.d." + it + " " + f(fd) + ", " + x(rs) + ", " + RM_NAME[rm];
            }
            return "fcvt." + fmt + "." + it + " " + f(frd()) + ", " + x(rs()) + (exact ? "" : rm());
        }
        if (k == 8) return "fcvt.s.d " + f(frd()) + ", " + f(fr()) + rm();
        if (r.chance(0.3)) {
            int fd = frd(), fs = fr(), rm = r.pick(new int[]{1, 2, 3, 4, 7});
            return ".insn r 0x53, " + rm + ", 0x21, " + f(fd) + ", " + f(fs) + ", x0  # fcvt.d.s " + f(fd) + ", " + f(fs) + ", " + RM_NAME[rm];
        }
        return "fcvt.d.s " + f(frd()) + ", " + f(fr());
    }

    private String fpMisc() {
        String fmt = r.chance(0.5) ? ".s" : ".d";
        int k = r.nextInt(10);
        if (k < 4) return r.pick(FP_NORM) + fmt + " " + f(frd()) + ", " + f(fr()) + ", " + f(fr());
        if (k < 6) return r.pick(FP_CMP) + fmt + " " + x(rd()) + ", " + f(fr()) + ", " + f(fr());
        if (k < 7) return "fclass" + fmt + " " + x(rd()) + ", " + f(fr());
        if (k < 8) return (fmt.equals(".s") ? "fmv.x.w " : "fmv.x.d ") + x(rd()) + ", " + f(fr());
        return (fmt.equals(".s") ? "fmv.w.x " : "fmv.d.x ") + f(frd()) + ", " + x(rs());
    }

    private String csr() {
        return switch (r.nextInt(12)) {
            case 0 -> "frcsr " + x(rd());
            case 1 -> "frrm " + x(rd());
            case 2 -> "frflags " + x(rd());
            case 3 -> "fsflags " + x(rd()) + ", " + x(rs());
            case 4 -> "fsflagsi " + x(rd()) + ", " + r.range(0, 31);
            case 5 -> "fsrmi " + x(rd()) + ", " + r.range(0, 4);
            case 6 -> "csrrc " + x(rd()) + ", fcsr, " + x(rs());      // clearing bits keeps frm valid
            case 7 -> "csrrci " + x(rd()) + ", frm, " + r.range(0, 7);
            case 8 -> "csrrs " + x(rd()) + ", fflags, " + x(rs());
            case 9 -> "csrrsi " + x(rd()) + ", fflags, " + r.range(0, 31);
            case 10 -> "csrrci " + x(rd()) + ", fcsr, " + r.range(0, 31);
            default -> "csrrw " + x(rd()) + ", fflags, " + x(rs());
        };
    }

    /** Whole-register writes of fcsr and frm, with values that keep frm valid (fcsr's bits 8 and up must be ignored). */
    private Unit csrWrite() {
        int t = rdNonZero();
        int k = r.nextInt(5);
        if (k == 0) return Unit.of("csrrwi " + x(rd()) + ", fcsr, " + r.range(0, 31));
        if (k == 1) return Unit.of("csrrsi " + x(rd()) + ", fcsr, " + r.range(0, 31));
        if (k == 2) {
            int v = r.range(0, 4);
            String w = r.chance(0.5) ? "fsrm " + x(rd()) + ", " + x(t) : "csrrw " + x(rd()) + ", frm, " + x(t);
            return Unit.of("li " + x(t) + ", " + v, w);
        }
        long v = (long) r.range(0, 4) << 5 | r.range(0, 31);
        if (r.chance(0.5)) v |= r.nextLong() & ~0xffL;
        return Unit.of("li " + x(t) + ", " + v, (r.chance(0.5) ? "fscsr " + x(rd()) + ", " : "csrrw " + x(rd()) + ", fcsr, ") + x(t));
    }

    private Unit compressed() {
        int k = r.nextInt(20);
        boolean cbase = base >= 8 && base <= 15;
        switch (k) {
            case 0: return Unit.of("c.addi " + x(rdNonZero()) + ", " + nonZero6());
            case 1: return Unit.of("c.addiw " + x(rdNonZero()) + ", " + r.range(-32, 31));
            case 2: return Unit.of("c.li " + x(rdNonZero()) + ", " + r.range(-32, 31));
            case 3: {
                int rd;
                do rd = rdNonZero(); while (rd == 2);
                int imm = r.chance(0.5) ? r.range(1, 31) : r.range(0xfffe0, 0xfffff);
                return Unit.of("c.lui " + x(rd) + ", " + imm);
            }
            case 4: return Unit.of(r.pick(new String[]{"c.srli ", "c.srai "}) + x(rdc()) + ", " + r.range(1, 63));
            case 5: return Unit.of("c.slli " + x(rdNonZero()) + ", " + r.range(1, 63));
            case 6: return Unit.of("c.andi " + x(rdc()) + ", " + r.range(-32, 31));
            case 7: return Unit.of("c.mv " + x(rdNonZero()) + ", " + x(r.range(1, 31)));
            case 8: return Unit.of("c.add " + x(rdNonZero()) + ", " + x(r.range(1, 31)));
            case 9: case 10: return Unit.of(r.pick(C_ARITH) + " " + x(rdc()) + ", " + x(rsc()));
            case 11:
                if (base != 2) return Unit.of("c.addi16sp x2, " + (r.chance(0.5) ? r.range(1, 31) : -r.range(1, 32)) * 16);
                return Unit.of("c.nop");
            case 12:
                return Unit.of("c.addi4spn " + x(rdc()) + ", x2, " + r.range(1, 255) * 4); // reads sp only: fine when sp is the base
            default:
                return cbase ? compressedMemory() : spMemory();
        }
    }

    private int nonZero6() {
        int v;
        do v = r.range(-32, 31); while (v == 0);
        return v;
    }

    private Unit compressedMemory() {
        int k = r.nextInt(6);
        String b = "(" + x(base) + ")";
        return switch (k) {
            case 0 -> Unit.of("c.lw " + x(rdc()) + ", " + r.range(0, 31) * 4 + b);
            case 1 -> Unit.of("c.ld " + x(rdc()) + ", " + r.range(0, 31) * 8 + b);
            case 2 -> Unit.of("c.sw " + x(rsc()) + ", " + r.range(0, 31) * 4 + b);
            case 3 -> Unit.of("c.sd " + x(rsc()) + ", " + r.range(0, 31) * 8 + b);
            case 4 -> Unit.of("c.fld " + f(fresh(r.range(8, 15))) + ", " + r.range(0, 31) * 8 + b);
            default -> Unit.of("c.fsd " + f(r.range(8, 15)) + ", " + r.range(0, 31) * 8 + b);
        };
    }

    private Unit spMemory() {
        int k = r.nextInt(6);
        return switch (k) {
            case 0 -> Unit.of("c.lwsp " + x(rdNonZero()) + ", " + r.range(0, 63) * 4 + "(x2)");
            case 1 -> Unit.of("c.ldsp " + x(rdNonZero()) + ", " + r.range(0, 31) * 8 + "(x2)");
            case 2 -> Unit.of("c.swsp " + x(rs()) + ", " + r.range(0, 63) * 4 + "(x2)");
            case 3 -> Unit.of("c.sdsp " + x(rs()) + ", " + r.range(0, 31) * 8 + "(x2)");
            case 4 -> Unit.of("c.fldsp " + f(frd()) + ", " + r.range(0, 31) * 8 + "(x2)");
            default -> Unit.of("c.fsdsp " + f(fr()) + ", " + r.range(0, 31) * 8 + "(x2)");
        };
    }
}
