/*
 * Oracle generator for the Fpu unit tests.
 *
 * Every vector runs the real RISC-V instruction (inline asm, dynamic rounding mode set
 * through the frm CSR, fflags cleared before and read after), so under qemu-riscv64 the
 * table records exactly what qemu's softfloat-based RISC-V F/D implementation does.
 *
 * Regenerate (from the repository root):
 *   riscv64-linux-gnu-gcc -static -O2 -o /tmp/gen_vectors src/test/resources/fpu/gen_vectors.c
 *   qemu-riscv64 /tmp/gen_vectors > src/test/resources/fpu/vectors.txt
 *
 * Line format (all numbers hex, operands that an op does not take are "-"):
 *   op a b c  r_rne f_rne  r_rtz f_rtz  r_rdn f_rdn  r_rup f_rup  r_rmm f_rmm
 * For ops without a rounding mode (min/max/compare/class/fcvt.d.s) only one result/flags
 * pair follows. Singles are given as 32-bit patterns, integer results as 64-bit x[rd] values.
 * Operands come from edge-value pools and a fixed-seed xorshift PRNG, so the output is stable.
 * For a larger one-off soak, compile with -DSCALE=10 (and -DSEED=n) and point the test at
 * the output with -Dfpu.vectors=/path/to/table.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifndef SCALE
#define SCALE 1
#endif
#ifndef SEED
#define SEED 0x9e3779b97f4a7c15ull
#endif
static uint64_t rng_state = SEED;
static uint64_t rnd(void) {
    uint64_t x = rng_state;
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    return rng_state = x;
}

/* ---- instruction wrappers: operands enter as integer bit patterns via fmv */
#define PRE(rm) "csrw frm, %[rm]\n\tcsrw fflags, zero\n\t"
#define POST "\n\tcsrr %[f], fflags"

#define BIN_F(NAME, INSN, MVI, MVO)                                                            \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) {          \
        uint64_t r; unsigned f; (void)c;                                                      \
        asm volatile(PRE(rm) MVI " ft0, %[a]\n\t" MVI " ft1, %[b]\n\t" INSN " ft2, ft0, ft1" \
                     "\n\t" MVO " %[r], ft2" POST                                             \
                     : [r] "=&r"(r), [f] "=&r"(f) : [a] "r"(a), [b] "r"(b), [rm] "r"(rm)      \
                     : "ft0", "ft1", "ft2");                                                  \
        *fl = f; return r;                                                                    \
    }
#define BIN_X(NAME, INSN, MVI) /* result in an integer register (compares) */                 \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) {          \
        uint64_t r; unsigned f; (void)c;                                                      \
        asm volatile(PRE(rm) MVI " ft0, %[a]\n\t" MVI " ft1, %[b]\n\t" INSN " %[r], ft0, ft1" \
                     POST : [r] "=&r"(r), [f] "=&r"(f) : [a] "r"(a), [b] "r"(b), [rm] "r"(rm) \
                     : "ft0", "ft1");                                                         \
        *fl = f; return r;                                                                    \
    }
#define TER_F(NAME, INSN, MVI, MVO)                                                            \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) {          \
        uint64_t r; unsigned f;                                                               \
        asm volatile(PRE(rm) MVI " ft0, %[a]\n\t" MVI " ft1, %[b]\n\t" MVI " ft3, %[c]\n\t"  \
                     INSN " ft2, ft0, ft1, ft3\n\t" MVO " %[r], ft2" POST                     \
                     : [r] "=&r"(r), [f] "=&r"(f)                                             \
                     : [a] "r"(a), [b] "r"(b), [c] "r"(c), [rm] "r"(rm)                       \
                     : "ft0", "ft1", "ft2", "ft3");                                           \
        *fl = f; return r;                                                                    \
    }
#define UN_FF(NAME, INSN, MVI, MVO) /* float -> float */                                       \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) {          \
        uint64_t r; unsigned f; (void)b; (void)c;                                             \
        asm volatile(PRE(rm) MVI " ft0, %[a]\n\t" INSN " ft2, ft0\n\t" MVO " %[r], ft2" POST  \
                     : [r] "=&r"(r), [f] "=&r"(f) : [a] "r"(a), [rm] "r"(rm) : "ft0", "ft2"); \
        *fl = f; return r;                                                                    \
    }
#define UN_FX(NAME, INSN, MVI) /* float -> integer register */                                 \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) {          \
        uint64_t r; unsigned f; (void)b; (void)c;                                             \
        asm volatile(PRE(rm) MVI " ft0, %[a]\n\t" INSN " %[r], ft0" POST                      \
                     : [r] "=&r"(r), [f] "=&r"(f) : [a] "r"(a), [rm] "r"(rm) : "ft0");        \
        *fl = f; return r;                                                                    \
    }
#define UN_XF(NAME, INSN, MVO) /* integer register -> float */                                 \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t c, int rm, unsigned *fl) {          \
        uint64_t r; unsigned f; (void)b; (void)c;                                             \
        asm volatile(PRE(rm) INSN " ft2, %[a]\n\t" MVO " %[r], ft2" POST                      \
                     : [r] "=&r"(r), [f] "=&r"(f) : [a] "r"(a), [rm] "r"(rm) : "ft2");        \
        *fl = f; return r;                                                                    \
    }

BIN_F(fadd_s, "fadd.s", "fmv.w.x", "fmv.x.w")
BIN_F(fsub_s, "fsub.s", "fmv.w.x", "fmv.x.w")
BIN_F(fmul_s, "fmul.s", "fmv.w.x", "fmv.x.w")
BIN_F(fdiv_s, "fdiv.s", "fmv.w.x", "fmv.x.w")
BIN_F(fmin_s, "fmin.s", "fmv.w.x", "fmv.x.w")
BIN_F(fmax_s, "fmax.s", "fmv.w.x", "fmv.x.w")
BIN_X(feq_s, "feq.s", "fmv.w.x")
BIN_X(flt_s, "flt.s", "fmv.w.x")
BIN_X(fle_s, "fle.s", "fmv.w.x")
UN_FF(fsqrt_s, "fsqrt.s", "fmv.w.x", "fmv.x.w")
TER_F(fmadd_s, "fmadd.s", "fmv.w.x", "fmv.x.w")
TER_F(fmsub_s, "fmsub.s", "fmv.w.x", "fmv.x.w")
TER_F(fnmsub_s, "fnmsub.s", "fmv.w.x", "fmv.x.w")
TER_F(fnmadd_s, "fnmadd.s", "fmv.w.x", "fmv.x.w")
UN_FX(fclass_s, "fclass.s", "fmv.w.x")
UN_FX(fcvt_w_s, "fcvt.w.s", "fmv.w.x")
UN_FX(fcvt_wu_s, "fcvt.wu.s", "fmv.w.x")
UN_FX(fcvt_l_s, "fcvt.l.s", "fmv.w.x")
UN_FX(fcvt_lu_s, "fcvt.lu.s", "fmv.w.x")
UN_XF(fcvt_s_w, "fcvt.s.w", "fmv.x.w")
UN_XF(fcvt_s_wu, "fcvt.s.wu", "fmv.x.w")
UN_XF(fcvt_s_l, "fcvt.s.l", "fmv.x.w")
UN_XF(fcvt_s_lu, "fcvt.s.lu", "fmv.x.w")

BIN_F(fadd_d, "fadd.d", "fmv.d.x", "fmv.x.d")
BIN_F(fsub_d, "fsub.d", "fmv.d.x", "fmv.x.d")
BIN_F(fmul_d, "fmul.d", "fmv.d.x", "fmv.x.d")
BIN_F(fdiv_d, "fdiv.d", "fmv.d.x", "fmv.x.d")
BIN_F(fmin_d, "fmin.d", "fmv.d.x", "fmv.x.d")
BIN_F(fmax_d, "fmax.d", "fmv.d.x", "fmv.x.d")
BIN_X(feq_d, "feq.d", "fmv.d.x")
BIN_X(flt_d, "flt.d", "fmv.d.x")
BIN_X(fle_d, "fle.d", "fmv.d.x")
UN_FF(fsqrt_d, "fsqrt.d", "fmv.d.x", "fmv.x.d")
TER_F(fmadd_d, "fmadd.d", "fmv.d.x", "fmv.x.d")
TER_F(fmsub_d, "fmsub.d", "fmv.d.x", "fmv.x.d")
TER_F(fnmsub_d, "fnmsub.d", "fmv.d.x", "fmv.x.d")
TER_F(fnmadd_d, "fnmadd.d", "fmv.d.x", "fmv.x.d")
UN_FX(fclass_d, "fclass.d", "fmv.d.x")
UN_FX(fcvt_w_d, "fcvt.w.d", "fmv.d.x")
UN_FX(fcvt_wu_d, "fcvt.wu.d", "fmv.d.x")
UN_FX(fcvt_l_d, "fcvt.l.d", "fmv.d.x")
UN_FX(fcvt_lu_d, "fcvt.lu.d", "fmv.d.x")
UN_XF(fcvt_d_w, "fcvt.d.w", "fmv.x.d")
UN_XF(fcvt_d_wu, "fcvt.d.wu", "fmv.x.d")
UN_XF(fcvt_d_l, "fcvt.d.l", "fmv.x.d")
UN_XF(fcvt_d_lu, "fcvt.d.lu", "fmv.x.d")

UN_FF(fcvt_s_d, "fcvt.s.d", "fmv.d.x", "fmv.x.w")
UN_FF(fcvt_d_s, "fcvt.d.s", "fmv.w.x", "fmv.x.d")

/* ---- operand pools */
static const uint32_t EDGE_S[] = {
    0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000,
    0x80800000, 0x00800001, 0x7f7fffff, 0xff7fffff, 0x7f000000, 0x7f800000, 0xff800000,
    0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000, 0xff800001, 0x7fc12345,
    0x3f800000, 0xbf800000, 0x3fc00000, 0x40000000, 0x3f000000, 0xbf000000, 0x40200000,
    0xc0200000, 0x40400000, 0x3f800001, 0x3f7fffff, 0x3eaaaaab, 0x4f000000, 0xcf000000,
    0x4effffff, 0xceffffff, 0x4f000001, 0xcf000001, 0x4f800000, 0x4f7fffff, 0x4f800001,
    0x5f000000, 0xdf000000, 0x5effffff, 0xdf000001, 0x5f800000, 0x5f7fffff, 0xdf7fffff,
    0x4b000000, 0x4b000001, 0x4b7fffff, 0x3effffff, 0xbeffffff, 0x34000000, 0x33800000,
    0x00400000, 0x00000002, 0x0c800000, 0x1f800000, 0x5f800001, 0x7e800000, 0x20000000,
};
static const uint64_t EDGE_D[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000001ull, 0x8000000000000001ull,
    0x000fffffffffffffull, 0x800fffffffffffffull, 0x0010000000000000ull, 0x8010000000000000ull,
    0x0010000000000001ull, 0x7fefffffffffffffull, 0xffefffffffffffffull, 0x7fe0000000000000ull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8000000000000ull,
    0x7ff0000000000001ull, 0x7ff4000000000000ull, 0xfff0000000000001ull, 0x7ff8000012345678ull,
    0x3ff0000000000000ull, 0xbff0000000000000ull, 0x3ff8000000000000ull, 0x4000000000000000ull,
    0x3fe0000000000000ull, 0xbfe0000000000000ull, 0x4004000000000000ull, 0xc004000000000000ull,
    0x4008000000000000ull, 0x3ff0000000000001ull, 0x3fefffffffffffffull, 0x3fd5555555555555ull,
    0x41e0000000000000ull, 0xc1e0000000000000ull, 0x41dfffffffc00000ull, 0x41dfffffffffffffull,
    0xc1e0000000200000ull, 0xc1e0000000100000ull, 0x41e0000000100000ull, 0x41efffffffe00000ull,
    0x41efffffffffffffull, 0x41f0000000000000ull, 0x41effffffff00000ull, 0x41f0000000000001ull,
    0x43e0000000000000ull, 0xc3e0000000000000ull, 0x43dfffffffffffffull, 0xc3e0000000000001ull,
    0x43f0000000000000ull, 0x43efffffffffffffull, 0xc3efffffffffffffull, 0x4330000000000000ull,
    0x4330000000000001ull, 0x433fffffffffffffull, 0x3fdfffffffffffffull, 0xbfdfffffffffffffull,
    0x3cb0000000000000ull, 0x3ca0000000000000ull, 0x0008000000000000ull, 0x0000000000000002ull,
    0x36a0000000000000ull, 0x3810000000000000ull, 0x47efffffe0000000ull, 0x47efffffefffffffull,
    0x47effffff0000000ull, 0x3690000000000000ull, 0x3680000000000001ull, 0x7fd0000000000000ull,
    0x2000000000000000ull, 0x5ff0000000000000ull,
};
#define NEDGE_S (sizeof EDGE_S / sizeof EDGE_S[0])
#define NEDGE_D (sizeof EDGE_D / sizeof EDGE_D[0])

/* A random single: an edge value, raw random bits, or a "nice" value with a narrow
 * exponent range (so sums/products round interestingly instead of being absorbed). */
static uint64_t rand_s(void) {
    uint64_t r = rnd();
    switch (r % 8) {
    case 0: return EDGE_S[(r >> 8) % NEDGE_S];
    case 1: case 2: return (uint32_t)(r >> 16);
    case 3: return (uint32_t)((r >> 40) & 0x807fffff) | ((uint32_t)(120 + (r >> 3) % 16) << 23);
    case 4: return ((uint32_t)(r >> 20) & 0x807fffff) | ((uint32_t)((r >> 4) % 4) << 23); /* tiny */
    case 5: return ((uint32_t)(r >> 20) & 0x807fffff) | ((uint32_t)(250 + (r >> 4) % 5) << 23); /* huge */
    case 6: return (uint32_t)((r >> 40) & 0x80ffffff) | 0x3f000000u; /* few significant bits */
    default: return (uint32_t)((r >> 30) & 0x807f0000) | ((uint32_t)(124 + (r >> 3) % 8) << 23);
    }
}
static uint64_t rand_d(void) {
    uint64_t r = rnd(), m = rnd();
    switch (r % 8) {
    case 0: return EDGE_D[(r >> 8) % NEDGE_D];
    case 1: case 2: return m;
    case 3: return (m & 0x800fffffffffffffull) | ((uint64_t)(1016 + (r >> 3) % 16) << 52);
    case 4: return (m & 0x800fffffffffffffull) | ((uint64_t)((r >> 4) % 4) << 52);
    case 5: return (m & 0x800fffffffffffffull) | ((uint64_t)(2042 + (r >> 4) % 5) << 52);
    case 6: return (m & 0x801fffffffffffffull) | 0x3fe0000000000000ull;
    default: return (m & 0x800ffff000000000ull) | ((uint64_t)(1020 + (r >> 3) % 8) << 52);
    }
}
/* Doubles that land near float boundaries, for fcvt.s.d. */
static uint64_t rand_d_for_s(void) {
    uint64_t r = rnd(), m = rnd();
    switch (r % 6) {
    case 0: return rand_d();
    case 1: return (m & 0x800fffffffffffffull) | ((uint64_t)(1023 - 160 + (r >> 3) % 40) << 52);
    case 2: return (m & 0x800fffffffffffffull) | ((uint64_t)(1023 + 120 + (r >> 3) % 10) << 52);
    case 3: return (m & 0x800000003fffffffull) | ((uint64_t)(1023 - 150 + (r >> 3) % 300) << 52)
                   | ((m >> 11) & 0x000fffffc0000000ull);
    case 4: return ((m & 0x80000000ffffffffull) ^ 0x0000000010000000ull)
                   | ((uint64_t)(1000 + (r >> 3) % 40) << 52);
    default: return (m & 0x800fffffffffffffull) | ((uint64_t)(1023 - 30 + (r >> 3) % 60) << 52);
    }
}
/* Integers of every bit length, and the boundaries around 2^24, 2^31, 2^32, 2^53, 2^63. */
static uint64_t rand_int(void) {
    uint64_t r = rnd(), m = rnd();
    static const uint64_t E[] = {0, 1, 2, 3, (uint64_t)-1, (uint64_t)-2, 0x7fffffff, 0x80000000,
        0xffffffff, 0x100000000ull, 0xffffff80ull, 0xffffff7full, 0x7fffffc0, 0x7fffffbf,
        0x1000001, 0x1000003, 0xffffffff80000000ull, 0x8000000000000000ull, 0x7fffffffffffffffull,
        0x20000000000001ull, 0x20000000000003ull, 0xfffffffffffff800ull, 0xfffffffffffff7ffull,
        0xfffffffffffffc00ull, 0x7ffffffffffffc00ull, 0x7ffffffffffffdffull, 0x8000000000000400ull,
        0xffffffff00000001ull, 0x0000000180000001ull};
    switch (r % 4) {
    case 0: return E[(r >> 8) % (sizeof E / sizeof E[0])];
    case 1: return m;
    default: { int bits = (int)((r >> 8) % 64) + 1; uint64_t v = m >> (64 - bits) | (1ull << (bits - 1));
        return (r >> 20) & 1 ? (uint64_t)-(int64_t)v : v; }
    }
}

typedef uint64_t (*Op)(uint64_t, uint64_t, uint64_t, int, unsigned *);

/* Floats of magnitude 2^-2 .. 2^65 with random fraction bits: in and around integer range. */
static uint64_t rand_int_range(int single) {
    uint64_t r = rnd(), m = rnd();
    int e = (int)((r >> 8) % 68) - 2;
    if (single) return (uint32_t)(m & 0x807fffff) | ((uint32_t)(127 + e) << 23);
    return (m & 0x800fffffffffffffull) | ((uint64_t)(1023 + e) << 52);
}

/* Single results leave fmv.x.w sign-extended; the table keeps just their 32 bits. */
static int single_result(const char *name) {
    size_t n = strlen(name);
    if (strncmp(name, "fcvt_s_", 7) == 0) return 1;
    if (strncmp(name, "fcvt_", 5) == 0 || strncmp(name, "fclass", 6) == 0 || name[1] == 'e' || name[1] == 'l')
        return 0;
    return name[n - 1] == 's';
}

static void emit(const char *name, Op op, int arity, int rounded, uint64_t a, uint64_t b, uint64_t c) {
    printf("%s %llx", name, (unsigned long long)a);
    if (arity >= 2) printf(" %llx", (unsigned long long)b); else printf(" -");
    if (arity >= 3) printf(" %llx", (unsigned long long)c); else printf(" -");
    for (int rm = 0; rm < (rounded ? 5 : 1); rm++) {
        unsigned fl; uint64_t r = op(a, b, c, rm, &fl);
        if (single_result(name)) r &= 0xffffffffu;
        printf(" %llx %x", (unsigned long long)r, fl);
    }
    putchar('\n');
}

/* Operand source: 0 = singles, 1 = doubles, 2 = integers, 3 = doubles near float boundaries,
 * 4/5 = singles/doubles, half of them in and around the 64-bit integer range. */
static uint64_t operand(int src) {
    switch (src) {
    case 0: return rand_s();
    case 1: return rand_d();
    case 2: return rand_int();
    case 3: return rand_d_for_s();
    case 4: return rnd() & 1 ? rand_s() : rand_int_range(1);
    default: return rnd() & 1 ? rand_d() : rand_int_range(0);
    }
}
static int single_src(int src) { return src == 0 || src == 4; }
static uint64_t edge(int src, int i) {
    return single_src(src) ? EDGE_S[i % NEDGE_S] : EDGE_D[i % NEDGE_D];
}
static int nedge(int src) { return single_src(src) ? (int)NEDGE_S : src == 2 ? 0 : (int)NEDGE_D; }

static void run(const char *name, Op op, int arity, int rounded, int src, int count) {
    int ne = nedge(src);
    /* Unary ops: every edge value; binary ops: a band of edge x edge pairs. */
    if (arity == 1) for (int i = 0; i < ne; i++) emit(name, op, 1, rounded, edge(src, i), 0, 0);
    if (arity >= 2) for (int i = 0; i < ne; i++) for (int j = i % (arity == 3 ? 12 : 6); j < ne; j += arity == 3 ? 12 : 6)
        emit(name, op, arity, rounded, edge(src, i), edge(src, j), arity == 3 ? edge(src, (i * 7 + j) % ne) : 0);
    for (int k = 0; k < count * SCALE; k++) {
        uint64_t a = operand(src), b = operand(src), c = operand(src);
        /* Make some additions cancel or tie: b close to -a or a shifted copy of a. */
        if (arity >= 2 && k % 5 == 0) b = a ^ (single_src(src) ? 0x80000000u : 0x8000000000000000ull) ^ (rnd() & 7);
        emit(name, op, arity, rounded, a, b, c);
    }
}

/* fma with c chosen to nearly cancel a*b, so the single rounding shows. */
static void run_fma_cancel(const char *name, Op op, Op mul, int src, int count) {
    for (int k = 0; k < count * SCALE; k++) {
        uint64_t a = operand(src), b = operand(src); unsigned fl;
        uint64_t p = mul(a, b, 0, (int)(rnd() % 5), &fl);
        uint64_t c = p ^ (single_src(src) ? 0x80000000u : 0x8000000000000000ull);
        if (k & 1) c ^= rnd() & 3;
        emit(name, op, 3, 1, a, b, c);
    }
}

/* Every combination of special operands (zeros, infinities, NaNs, ones, a subnormal). */
static const uint32_t SPECIAL_S[] = {0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fa00000,
                                     0x3f800000, 0xbf800000, 0x00000001};
static const uint64_t SPECIAL_D[] = {0, 0x8000000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
                                     0x7ff8000000000000ull, 0x7ff4000000000000ull, 0x3ff0000000000000ull,
                                     0xbff0000000000000ull, 0x0000000000000001ull};
static void run_specials(const char *name, Op op, int arity, int rounded, int single) {
    int n = 9;
    for (int i = 0; i < n; i++) for (int j = 0; j < (arity >= 2 ? n : 1); j++) for (int k = 0; k < (arity == 3 ? n : 1); k++) {
        uint64_t a = single ? SPECIAL_S[i] : SPECIAL_D[i], b = single ? SPECIAL_S[j] : SPECIAL_D[j];
        uint64_t c = single ? SPECIAL_S[k] : SPECIAL_D[k];
        emit(name, op, arity, rounded, a, b, c);
    }
}

/* Results right at the overflow and underflow thresholds: a few ulps around 1 times, over,
 * or plus a few ulps around the smallest normal, the largest finite value and the smallest subnormal. */
static void run_thresholds(const char *name, Op op, int arity, int single) {
    static const uint64_t BOUND_S[] = {0x00800000, 0x7f7fffff, 0x00000001, 0x00400000, 0x00800000 - 2};
    static const uint64_t BOUND_D[] = {0x0010000000000000ull, 0x7fefffffffffffffull, 0x1ull,
                                       0x0008000000000000ull, 0x0010000000000000ull - 2};
    uint64_t one = single ? 0x3f800000 : 0x3ff0000000000000ull;
    for (int bi = 0; bi < 5; bi++) for (int k = -3; k <= 3; k++) for (int m = -2; m <= 2; m++) {
        uint64_t bound = (single ? BOUND_S[bi] : BOUND_D[bi]) + (uint64_t)(int64_t)m;
        uint64_t a = one + (uint64_t)(int64_t)k;
        uint64_t neg = rnd() & 1 ? (single ? 0x80000000u : 0x8000000000000000ull) : 0;
        uint64_t c = rand_s(); if (!single) c = rand_d();
        if (arity == 3) c = (single ? 0x00000001u : 1ull) ^ (rnd() & 1 ? neg : 0); /* sticky nudge */
        emit(name, op, arity, 1, a, bound ^ neg, c);
        if (arity == 2) emit(name, op, arity, 1, bound ^ neg, a, c);
    }
}

/* Sums of a large value and one near -MAX: the result is finite but the exact error's
 * intermediates (TwoSum) can overflow in a naive implementation. */
static void run_large_sums(const char *name, Op op, int single, int count) {
    for (int k = 0; k < count; k++) {
        uint64_t r = rnd(), m = rnd();
        uint64_t a, b;
        if (single) {
            a = (uint32_t)(m & 0x007fffff) | ((uint32_t)(252 + r % 3) << 23);
            b = 0xff7fffffu - (uint32_t)((r >> 8) % 4);
        } else {
            a = (m & 0x000fffffffffffffull) | ((uint64_t)(2044 + r % 3) << 52);
            b = 0xffefffffffffffffull - (r >> 8) % 4;
        }
        if (k & 1) { uint64_t t = a; a = b; b = t; }
        emit(name, op, 2, 1, a, b, 0);
    }
}

/* Exact halfway cases, where RNE and RMM part ways: results with one bit more than the
 * format holds (products of short odd integers, a value plus half its ulp, narrowing a
 * value one bit too long) and quotients that land halfway on the subnormal grid. */
static uint64_t odd_bits(int bits) { return (rnd() >> (64 - bits)) | 1 | (1ull << (bits - 1)); }
static uint64_t as_d(double v) { uint64_t u; memcpy(&u, &v, 8); return u; }
static uint64_t as_s(float v) { uint32_t u; memcpy(&u, &v, 4); return u; }
static uint64_t val(int single, double v) { return single ? as_s((float)v) : as_d(v); }

static void run_ties(int single, int count) {
    int p = single ? 24 : 53;
    const char *sfx = single ? "_s" : "_d";
    char name[16];
    for (int k = 0; k < count; k++) {
        double sign = rnd() & 1 ? -1.0 : 1.0;
        int e = (int)(rnd() % 40) - 20;
        /* a (p bits, ulp 2^e) plus an odd multiple of half its ulp */
        double a = sign * ldexp((double)odd_bits(p), e);
        double b = (rnd() & 1 ? -1.0 : 1.0) * ldexp((double)(rnd() % 4 * 2 + 1), e - 1);
        snprintf(name, sizeof name, "fadd%s", sfx);
        emit(name, single ? (Op)fadd_s : (Op)fadd_d, 2, 1, val(single, a), val(single, b), 0);
        /* products of odd integers whose bit lengths add up to p + 1 or p + 2 */
        int la = 2 + (int)(rnd() % (p - 2)), lb = p + 1 - la + (int)(rnd() % 2);
        if (lb < 1) lb = 1;
        double x = sign * ldexp((double)odd_bits(la), e), y = ldexp((double)odd_bits(lb), -e - la);
        snprintf(name, sizeof name, "fmul%s", sfx);
        emit(name, single ? (Op)fmul_s : (Op)fmul_d, 2, 1, val(single, x), val(single, y), 0);
        /* the same product plus a small addend that keeps or breaks the tie */
        double c = (rnd() & 1 ? -1.0 : 1.0) * ldexp(1.0, (int)(rnd() % 8) - p - 8 + (int)(rnd() % 3) * 4);
        snprintf(name, sizeof name, "fmadd%s", sfx);
        emit(name, single ? (Op)fmadd_s : (Op)fmadd_d, 3, 1, val(single, x), val(single, y), val(single, c));
        /* quotients halfway between subnormals: odd * 2^(m - bias - p) / 2^m */
        int emin_sub = single ? -150 : -1075, m = 30 + (int)(rnd() % (single ? 90 : 990));
        double q = sign * ldexp((double)odd_bits(2 + (int)(rnd() % (p - 1))), emin_sub + m);
        snprintf(name, sizeof name, "fdiv%s", sfx);
        emit(name, single ? (Op)fdiv_s : (Op)fdiv_d, 2, 1, val(single, q), val(single, ldexp(1.0, m)), 0);
        if (!single) { /* doubles one bit too long for single */
            double n = sign * ldexp((double)odd_bits(25), e);
            emit("fcvt_s_d", fcvt_s_d, 1, 1, as_d(n), 0, 0);
        }
    }
}

int main(void) {
    run("fadd_s", fadd_s, 2, 1, 0, 900);
    run("fsub_s", fsub_s, 2, 1, 0, 480);
    run("fmul_s", fmul_s, 2, 1, 0, 900);
    run("fdiv_s", fdiv_s, 2, 1, 0, 900);
    run("fsqrt_s", fsqrt_s, 1, 1, 0, 900);
    run("fmadd_s", fmadd_s, 3, 1, 0, 900);
    run("fmsub_s", fmsub_s, 3, 1, 0, 300);
    run("fnmsub_s", fnmsub_s, 3, 1, 0, 300);
    run("fnmadd_s", fnmadd_s, 3, 1, 0, 300);
    run_fma_cancel("fmadd_s", fmadd_s, fmul_s, 0, 480);
    run("fmin_s", fmin_s, 2, 0, 0, 480);
    run("fmax_s", fmax_s, 2, 0, 0, 480);
    run("feq_s", feq_s, 2, 0, 0, 300);
    run("flt_s", flt_s, 2, 0, 0, 300);
    run("fle_s", fle_s, 2, 0, 0, 300);
    run("fclass_s", fclass_s, 1, 0, 0, 180);
    run("fcvt_w_s", fcvt_w_s, 1, 1, 4, 480);
    run("fcvt_wu_s", fcvt_wu_s, 1, 1, 4, 480);
    run("fcvt_l_s", fcvt_l_s, 1, 1, 4, 480);
    run("fcvt_lu_s", fcvt_lu_s, 1, 1, 4, 480);
    run("fcvt_s_w", fcvt_s_w, 1, 1, 2, 480);
    run("fcvt_s_wu", fcvt_s_wu, 1, 1, 2, 480);
    run("fcvt_s_l", fcvt_s_l, 1, 1, 2, 480);
    run("fcvt_s_lu", fcvt_s_lu, 1, 1, 2, 480);

    run("fadd_d", fadd_d, 2, 1, 1, 900);
    run("fsub_d", fsub_d, 2, 1, 1, 480);
    run("fmul_d", fmul_d, 2, 1, 1, 900);
    run("fdiv_d", fdiv_d, 2, 1, 1, 900);
    run("fsqrt_d", fsqrt_d, 1, 1, 1, 900);
    run("fmadd_d", fmadd_d, 3, 1, 1, 900);
    run("fmsub_d", fmsub_d, 3, 1, 1, 300);
    run("fnmsub_d", fnmsub_d, 3, 1, 1, 300);
    run("fnmadd_d", fnmadd_d, 3, 1, 1, 300);
    run_fma_cancel("fmadd_d", fmadd_d, fmul_d, 1, 480);
    run("fmin_d", fmin_d, 2, 0, 1, 480);
    run("fmax_d", fmax_d, 2, 0, 1, 480);
    run("feq_d", feq_d, 2, 0, 1, 300);
    run("flt_d", flt_d, 2, 0, 1, 300);
    run("fle_d", fle_d, 2, 0, 1, 300);
    run("fclass_d", fclass_d, 1, 0, 1, 180);
    run("fcvt_w_d", fcvt_w_d, 1, 1, 5, 480);
    run("fcvt_wu_d", fcvt_wu_d, 1, 1, 5, 480);
    run("fcvt_l_d", fcvt_l_d, 1, 1, 5, 480);
    run("fcvt_lu_d", fcvt_lu_d, 1, 1, 5, 480);
    run("fcvt_d_w", fcvt_d_w, 1, 1, 2, 480);
    run("fcvt_d_wu", fcvt_d_wu, 1, 1, 2, 480);
    run("fcvt_d_l", fcvt_d_l, 1, 1, 2, 480);
    run("fcvt_d_lu", fcvt_d_lu, 1, 1, 2, 480);

    run("fcvt_s_d", fcvt_s_d, 1, 1, 3, 1800);

    static const struct { const char *name; Op op; int arity, rounded, single; } SPECIAL_OPS[] = {
        {"fadd_s", fadd_s, 2, 1, 1}, {"fsub_s", fsub_s, 2, 1, 1}, {"fmul_s", fmul_s, 2, 1, 1},
        {"fdiv_s", fdiv_s, 2, 1, 1}, {"fsqrt_s", fsqrt_s, 1, 1, 1}, {"fmadd_s", fmadd_s, 3, 1, 1},
        {"fmsub_s", fmsub_s, 3, 1, 1}, {"fnmsub_s", fnmsub_s, 3, 1, 1}, {"fnmadd_s", fnmadd_s, 3, 1, 1},
        {"fmin_s", fmin_s, 2, 0, 1}, {"fmax_s", fmax_s, 2, 0, 1}, {"feq_s", feq_s, 2, 0, 1},
        {"flt_s", flt_s, 2, 0, 1}, {"fle_s", fle_s, 2, 0, 1},
        {"fadd_d", fadd_d, 2, 1, 0}, {"fsub_d", fsub_d, 2, 1, 0}, {"fmul_d", fmul_d, 2, 1, 0},
        {"fdiv_d", fdiv_d, 2, 1, 0}, {"fsqrt_d", fsqrt_d, 1, 1, 0}, {"fmadd_d", fmadd_d, 3, 1, 0},
        {"fmsub_d", fmsub_d, 3, 1, 0}, {"fnmsub_d", fnmsub_d, 3, 1, 0}, {"fnmadd_d", fnmadd_d, 3, 1, 0},
        {"fmin_d", fmin_d, 2, 0, 0}, {"fmax_d", fmax_d, 2, 0, 0}, {"feq_d", feq_d, 2, 0, 0},
        {"flt_d", flt_d, 2, 0, 0}, {"fle_d", fle_d, 2, 0, 0},
    };
    for (unsigned i = 0; i < sizeof SPECIAL_OPS / sizeof SPECIAL_OPS[0]; i++)
        run_specials(SPECIAL_OPS[i].name, SPECIAL_OPS[i].op, SPECIAL_OPS[i].arity, SPECIAL_OPS[i].rounded,
                     SPECIAL_OPS[i].single);
    run_large_sums("fadd_s", fadd_s, 1, 60);
    run_large_sums("fadd_d", fadd_d, 0, 60);
    run_ties(1, 300);
    run_ties(0, 300);
    run_thresholds("fmul_s", fmul_s, 2, 1);
    run_thresholds("fdiv_s", fdiv_s, 2, 1);
    run_thresholds("fmadd_s", fmadd_s, 3, 1);
    run_thresholds("fmul_d", fmul_d, 2, 0);
    run_thresholds("fdiv_d", fdiv_d, 2, 0);
    run_thresholds("fmadd_d", fmadd_d, 3, 0);
    run("fcvt_d_s", fcvt_d_s, 1, 0, 0, 300);
    return 0;
}
