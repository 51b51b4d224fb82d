/* fpu_random: pseudo-random bit patterns through every F and D arithmetic instruction in all 5 static rounding modes; one hash line per block (results and fflags). */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <inttypes.h>

static uint64_t s = 0x9e3779b97f4a7c15ULL;
static uint64_t rnd(void) { s ^= s >> 12; s ^= s << 25; s ^= s >> 27; return s * 0x2545f4914f6cdd1dULL; }
static uint64_t h;
static void mix(uint64_t v) { h = (h ^ v) * 0x100000001b3ULL + (h >> 31); }
static unsigned flags(void) { unsigned f; __asm__ volatile("fsflags %0, zero" : "=r"(f)); return f; }

/* Make random doubles/floats interesting: random sign/exponent near 1, or fully random, or special. */
static uint64_t dval(void)
{
    uint64_t r = rnd();
    switch (r & 7) {
    case 0: return rnd();
    case 1: return (r & 0x800fffffffffffffULL) | ((uint64_t)(1023 + (int)((r >> 52) % 64) - 32) << 52);
    case 2: return (r & 0x800fffffffffffffULL);                  /* subnormal */
    case 3: return (r & 0x8000000000000000ULL) | 0x7ff0000000000000ULL | ((r >> 5) % 4 == 0 ? (r >> 20) : 0);
    default: return (r & 0x800fffffffffffffULL) | ((uint64_t)(1023 + (int)((r >> 52) % 8) - 4) << 52);
    }
}
static uint32_t fval(void)
{
    uint64_t r = rnd();
    switch (r & 7) {
    case 0: return (uint32_t)rnd();
    case 1: return ((uint32_t)r & 0x807fffffu) | ((uint32_t)(127 + (int)((r >> 40) % 32) - 16) << 23);
    case 2: return (uint32_t)r & 0x807fffffu;
    case 3: return ((uint32_t)r & 0x80000000u) | 0x7f800000u | ((r >> 5) % 4 == 0 ? (uint32_t)(r >> 20) & 0x7fffff : 0);
    default: return ((uint32_t)r & 0x807fffffu) | ((uint32_t)(127 + (int)((r >> 40) % 6) - 3) << 23);
    }
}

#define D2(op, rm) { double r; __asm__ volatile(op " %0, %1, %2, " rm : "=f"(r) : "f"(a), "f"(b)); uint64_t u; memcpy(&u, &r, 8); mix(u); mix(flags()); }
#define D3(op, rm) { double r; __asm__ volatile(op " %0, %1, %2, %3, " rm : "=f"(r) : "f"(a), "f"(b), "f"(c)); uint64_t u; memcpy(&u, &r, 8); mix(u); mix(flags()); }
#define D1(op, rm) { double r; __asm__ volatile(op " %0, %1, " rm : "=f"(r) : "f"(a)); uint64_t u; memcpy(&u, &r, 8); mix(u); mix(flags()); }
#define S2(op, rm) { float r; __asm__ volatile(op " %0, %1, %2, " rm : "=f"(r) : "f"(x), "f"(y)); uint32_t u; memcpy(&u, &r, 4); mix(u); mix(flags()); }
#define S3(op, rm) { float r; __asm__ volatile(op " %0, %1, %2, %3, " rm : "=f"(r) : "f"(x), "f"(y), "f"(z)); uint32_t u; memcpy(&u, &r, 4); mix(u); mix(flags()); }
#define S1(op, rm) { float r; __asm__ volatile(op " %0, %1, " rm : "=f"(r) : "f"(x)); uint32_t u; memcpy(&u, &r, 4); mix(u); mix(flags()); }
#define ALL_RM(M, op) M(op, "rne") M(op, "rtz") M(op, "rdn") M(op, "rup") M(op, "rmm")

int main(void)
{
    flags();
    for (int block = 0; block < 24; block++) {
        for (int k = 0; k < 60; k++) {
            uint64_t ua = dval(), ub = dval(), uc = dval();
            double a, b, c; memcpy(&a, &ua, 8); memcpy(&b, &ub, 8); memcpy(&c, &uc, 8);
            uint32_t ux = fval(), uy = fval(), uz = fval();
            float x, y, z; memcpy(&x, &ux, 4); memcpy(&y, &uy, 4); memcpy(&z, &uz, 4);
            ALL_RM(D2, "fadd.d") ALL_RM(D2, "fsub.d") ALL_RM(D2, "fmul.d") ALL_RM(D2, "fdiv.d") ALL_RM(D1, "fsqrt.d")
            ALL_RM(D3, "fmadd.d") ALL_RM(D3, "fnmsub.d")
            ALL_RM(S2, "fadd.s") ALL_RM(S2, "fsub.s") ALL_RM(S2, "fmul.s") ALL_RM(S2, "fdiv.s") ALL_RM(S1, "fsqrt.s")
            ALL_RM(S3, "fmsub.s") ALL_RM(S3, "fnmadd.s")
            { float r; __asm__ volatile("fcvt.s.d %0, %1, rne" : "=f"(r) : "f"(a)); uint32_t u; memcpy(&u, &r, 4); mix(u); mix(flags()); }
            { float r; __asm__ volatile("fcvt.s.d %0, %1, rup" : "=f"(r) : "f"(b)); uint32_t u; memcpy(&u, &r, 4); mix(u); mix(flags()); }
            { long r; __asm__ volatile("fcvt.l.d %0, %1, rdn" : "=r"(r) : "f"(a)); mix((uint64_t)r); mix(flags()); }
            { long r; __asm__ volatile("fcvt.wu.s %0, %1, rmm" : "=r"(r) : "f"(x)); mix((uint64_t)r); mix(flags()); }
            { long r; __asm__ volatile("flt.d %0, %1, %2" : "=r"(r) : "f"(a), "f"(b)); mix((uint64_t)r); mix(flags()); }
            { long r; __asm__ volatile("feq.s %0, %1, %2" : "=r"(r) : "f"(x), "f"(y)); mix((uint64_t)r); mix(flags()); }
            { double r; __asm__ volatile("fmin.d %0, %1, %2" : "=f"(r) : "f"(a), "f"(b)); uint64_t u; memcpy(&u, &r, 8); mix(u); mix(flags()); }
            { float r; __asm__ volatile("fmax.s %0, %1, %2" : "=f"(r) : "f"(x), "f"(y)); uint32_t u; memcpy(&u, &r, 4); mix(u); mix(flags()); }
            { long r; __asm__ volatile("fclass.d %0, %1" : "=r"(r) : "f"(c)); mix((uint64_t)r); }
        }
        printf("block %2d hash %016" PRIx64 "\n", block, h);
    }
    return 0;
}
