/* conversions: fcvt between float/double and int32/uint32/int64/uint64 in every rounding mode, incl. out of range, NaN and inf (saturation + NV flag), int->float rounding, fmv.x.w/.d sign extension, float<->double. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <inttypes.h>

static unsigned flags(void) { unsigned f; __asm__ volatile("fsflags %0, zero" : "=r"(f)); return f; }

#define CVT_TO_INT(name, insn, ftype, fc, rm) \
    static uint64_t name##_##rm(ftype x) { uint64_t r; __asm__ volatile(insn " %0, %1, " #rm : "=r"(r) : fc(x)); return r; }
#define RMS(name, insn, ftype) CVT_TO_INT(name, insn, ftype, "f", rne) CVT_TO_INT(name, insn, ftype, "f", rtz) \
    CVT_TO_INT(name, insn, ftype, "f", rdn) CVT_TO_INT(name, insn, ftype, "f", rup) CVT_TO_INT(name, insn, ftype, "f", rmm)
RMS(wd, "fcvt.w.d", double) RMS(wud, "fcvt.wu.d", double) RMS(ld, "fcvt.l.d", double) RMS(lud, "fcvt.lu.d", double)
RMS(ws, "fcvt.w.s", float) RMS(wus, "fcvt.wu.s", float) RMS(ls, "fcvt.l.s", float) RMS(lus, "fcvt.lu.s", float)

#define CVT_FROM_INT(name, insn, ftype, rm) \
    static ftype name##_##rm(uint64_t x) { ftype r; __asm__ volatile(insn " %0, %1, " #rm : "=f"(r) : "r"(x)); return r; }
#define RMSF(name, insn, ftype) CVT_FROM_INT(name, insn, ftype, rne) CVT_FROM_INT(name, insn, ftype, rtz) \
    CVT_FROM_INT(name, insn, ftype, rdn) CVT_FROM_INT(name, insn, ftype, rup) CVT_FROM_INT(name, insn, ftype, rmm)
/* int32 -> double is exact: the assembler takes no rounding mode */
#define CVT_EXACT(name, insn, rm) static double name##_##rm(uint64_t x) { double r; __asm__ volatile(insn " %0, %1" : "=f"(r) : "r"(x)); return r; }
#define RMSE(name, insn) CVT_EXACT(name, insn, rne) CVT_EXACT(name, insn, rtz) CVT_EXACT(name, insn, rdn) CVT_EXACT(name, insn, rup) CVT_EXACT(name, insn, rmm)
RMSE(dw, "fcvt.d.w") RMSE(dwu, "fcvt.d.wu")
RMSF(dl, "fcvt.d.l", double) RMSF(dlu, "fcvt.d.lu", double)
RMSF(sw, "fcvt.s.w", float) RMSF(swu, "fcvt.s.wu", float) RMSF(sl, "fcvt.s.l", float) RMSF(slu, "fcvt.s.lu", float)

static uint64_t db(double x) { uint64_t b; memcpy(&b, &x, 8); return b; }
static double bd(uint64_t b) { double x; memcpy(&x, &b, 8); return x; }
static uint32_t fb(float x) { uint32_t b; memcpy(&b, &x, 4); return b; }
static float bf(uint32_t b) { float x; memcpy(&x, &b, 4); return x; }

static const double dvals[] = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.9999999999999999,
    2147483647.0, 2147483647.5, 2147483648.0, -2147483648.0, -2147483648.5, -2147483649.0, 4294967295.0, 4294967295.5,
    4294967296.0, -1.0, 9223372036854774784.0, 9223372036854775808.0, -9223372036854775808.0, -9223372036854777856.0,
    18446744073709549568.0, 18446744073709551616.0, 1e30, -1e30, 1e-30, 123456.789};
static const uint64_t dspecial[] = {0x7ff0000000000000ULL, 0xfff0000000000000ULL, 0x7ff8000000000000ULL, 0xfff8000000000000ULL,
    0x7ff0000000000001ULL, 0x0000000000000001ULL};

static const uint64_t ivals[] = {0, 1, 0xffffffffffffffffULL, 0x7fffffffULL, 0x80000000ULL, 0xffffffffULL, 0xffffffff80000000ULL,
    0x1000001ULL, 0x1000003ULL, 0x20000000000001ULL, 0x20000000000003ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL,
    0xfffffffffffff7ffULL, 0x7ffffe0000000001ULL, 0x00000000fffffe80ULL, 0x123456789abcdef1ULL, 0xffffffff00000001ULL};

static void to_int_d(double x)
{
    printf("d %016" PRIx64 ":", db(x));
#define ONE(n) { uint64_t a = n##_rne(x); unsigned fa = flags(); uint64_t b = n##_rtz(x); unsigned fb_ = flags(); \
        uint64_t c = n##_rdn(x); unsigned fc = flags(); uint64_t d = n##_rup(x); unsigned fd = flags(); uint64_t e = n##_rmm(x); unsigned fe = flags(); \
        printf(" " #n " %" PRIx64 "/%x %" PRIx64 "/%x %" PRIx64 "/%x %" PRIx64 "/%x %" PRIx64 "/%x", a, fa, b, fb_, c, fc, d, fd, e, fe); }
    ONE(wd) ONE(wud) ONE(ld) ONE(lud)
    printf("\n");
    float f = (float)x; unsigned ff = flags();
    printf("s %08" PRIx32 "/%x:", fb(f), ff);
    ONE(ws) ONE(wus) ONE(ls) ONE(lus)
    printf("\n");
}

int main(void)
{
    flags();
    for (unsigned i = 0; i < sizeof dvals / sizeof dvals[0]; i++) to_int_d(dvals[i]);
    for (unsigned i = 0; i < sizeof dspecial / sizeof dspecial[0]; i++) to_int_d(bd(dspecial[i]));
    for (unsigned i = 0; i < sizeof ivals / sizeof ivals[0]; i++) {
        uint64_t v = ivals[i];
        printf("i %016" PRIx64 ":", v);
#define ONEF(n, bits) { uint64_t a = bits(n##_rne(v)); unsigned fa = flags(); uint64_t b = bits(n##_rtz(v)); unsigned fb_ = flags(); \
        uint64_t c = bits(n##_rdn(v)); unsigned fc = flags(); uint64_t d = bits(n##_rup(v)); unsigned fd = flags(); uint64_t e = bits(n##_rmm(v)); unsigned fe = flags(); \
        printf(" " #n " %" PRIx64 "/%x %" PRIx64 "/%x %" PRIx64 "/%x %" PRIx64 "/%x %" PRIx64 "/%x", a, fa, b, fb_, c, fc, d, fd, e, fe); }
        ONEF(dw, db) ONEF(dwu, db) ONEF(dl, db) ONEF(dlu, db)
        printf("\n  ");
        ONEF(sw, fb) ONEF(swu, fb) ONEF(sl, fb) ONEF(slu, fb)
        printf("\n");
    }
    /* double <-> float rounding, NaN canonicalization, overflow/underflow */
    static const uint64_t dd[] = {0x3ff0000010000000ULL, 0x3ff0000010000001ULL, 0x3ff0000030000000ULL, 0x47efffffefffffffULL,
        0x47effffff0000000ULL, 0x7fefffffffffffffULL, 0x36a0000000000000ULL, 0x3690000000000000ULL, 0x3690000000000001ULL,
        0x7ff8000000000001ULL, 0xfff0000000000001ULL, 0x8000000000000000ULL, 0xbfb999999999999aULL};
    for (unsigned i = 0; i < sizeof dd / sizeof dd[0]; i++) {
        double d = bd(dd[i]);
        float r[5]; unsigned f[5];
        __asm__ volatile("fcvt.s.d %0, %1, rne" : "=f"(r[0]) : "f"(d)); f[0] = flags();
        __asm__ volatile("fcvt.s.d %0, %1, rtz" : "=f"(r[1]) : "f"(d)); f[1] = flags();
        __asm__ volatile("fcvt.s.d %0, %1, rdn" : "=f"(r[2]) : "f"(d)); f[2] = flags();
        __asm__ volatile("fcvt.s.d %0, %1, rup" : "=f"(r[3]) : "f"(d)); f[3] = flags();
        __asm__ volatile("fcvt.s.d %0, %1, rmm" : "=f"(r[4]) : "f"(d)); f[4] = flags();
        double back; __asm__ volatile("fcvt.d.s %0, %1" : "=f"(back) : "f"(r[0])); unsigned fbk = flags();
        printf("s.d %016" PRIx64 ": %08" PRIx32 "/%x %08" PRIx32 "/%x %08" PRIx32 "/%x %08" PRIx32 "/%x %08" PRIx32 "/%x d.s %016" PRIx64 "/%x\n",
               dd[i], fb(r[0]), f[0], fb(r[1]), f[1], fb(r[2]), f[2], fb(r[3]), f[3], fb(r[4]), f[4], db(back), fbk);
    }
    static const uint32_t sn[] = {0x7f800001, 0xffc00123, 0x00000001, 0x80400000};
    for (unsigned i = 0; i < 4; i++) {
        double back; float s = bf(sn[i]);
        __asm__ volatile("fcvt.d.s %0, %1" : "=f"(back) : "f"(s)); unsigned f = flags();
        printf("d.s %08" PRIx32 " -> %016" PRIx64 "/%x\n", sn[i], db(back), f);
    }
    /* fmv: bit moves, sign-extension of fmv.x.w */
    static const uint32_t mv[] = {0x80000000, 0x7fffffff, 0xffffffff, 0x3f800000, 0xbf800000};
    for (unsigned i = 0; i < 5; i++) {
        uint64_t x; float s;
        __asm__ volatile("fmv.w.x %1, %2\n\tfmv.x.w %0, %1" : "=r"(x), "=&f"(s) : "r"((uint64_t)mv[i] | 0x1234567800000000ULL));
        printf("fmv.x.w %08" PRIx32 " -> %016" PRIx64 "\n", mv[i], x);
    }
    /* C casts with defined behaviour, compiled to fcvt */
    volatile double vd = -7.9; volatile float vf = 3.99f; volatile long vl = -123456789012345L; volatile unsigned vu = 4000000000u;
    printf("casts: %d %ld %u %lu %a %a %a %a %u\n", (int)vd, (long)vf, (unsigned)vf, (unsigned long)(vd * -1e15), (double)vl,
           (double)(float)vl, (double)vu, (double)(float)vu, (unsigned)(unsigned char)(int)vd);
    return 0;
}
