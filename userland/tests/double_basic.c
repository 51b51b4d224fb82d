/* double_basic: RV64D double-precision instructions on edge values (add/sub/mul/div/sqrt/min/max/sgnj/compare/fclass/fma), bit results and fflags. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <inttypes.h>

typedef double T;
typedef uint64_t B;
#define S "d"
#define BFMT "%016" PRIx64

static B bits(T x) { B b; memcpy(&b, &x, sizeof b); return b; }
static T val(B b) { T x; memcpy(&x, &b, sizeof x); return x; }

static unsigned flags(void) { unsigned f; __asm__ volatile("fsflags %0, zero" : "=r"(f)); return f; }

#define BIN(op) static T op##_(T a, T b) { T r; __asm__ volatile(#op "." S " %0, %1, %2" : "=f"(r) : "f"(a), "f"(b)); return r; }
#define CMP(op) static long op##_(T a, T b) { long r; __asm__ volatile(#op "." S " %0, %1, %2" : "=r"(r) : "f"(a), "f"(b)); return r; }
#define TER(op) static T op##_(T a, T b, T c) { T r; __asm__ volatile(#op "." S " %0, %1, %2, %3" : "=f"(r) : "f"(a), "f"(b), "f"(c)); return r; }
BIN(fadd) BIN(fsub) BIN(fmul) BIN(fdiv) BIN(fmin) BIN(fmax) BIN(fsgnj) BIN(fsgnjn) BIN(fsgnjx)
CMP(feq) CMP(flt) CMP(fle)
TER(fmadd) TER(fmsub) TER(fnmadd) TER(fnmsub)
static T fsqrt_(T a) { T r; __asm__ volatile("fsqrt." S " %0, %1" : "=f"(r) : "f"(a)); return r; }
static long fclass_(T a) { long r; __asm__ volatile("fclass." S " %0, %1" : "=r"(r) : "f"(a)); return r; }

static const B vals[] = {
    0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000, 0xbff0000000000000, 0x3ff8000000000000, 0x4008000000000000,
    0x3fb999999999999a, 0x3fd5555555555555, 0x7fefffffffffffff, 0xffefffffffffffff, 0x0010000000000000, 0x8010000000000000,
    0x0000000000000001, 0x800fffffffffffff, 0x4340000000000001, 0x01a56e1fc2f8f359, 0x7ff0000000000000, 0xfff0000000000000,
    0x7ff8000000000000, 0x7ff0000000000001, 0xfff8123456789abc, 0x7ff4000000000000, 0x3ca0000000000000, 0x43dfffffffffffff,
};
#define N (sizeof vals / sizeof vals[0])

int main(void)
{
    flags();
    for (unsigned i = 0; i < N; i++) {
        T a = val(vals[i]);
        T r = fsqrt_(a); unsigned f = flags();
        long c = fclass_(a);
        printf("fsqrt " BFMT " -> " BFMT " f=%02x  fclass %03lx\n", vals[i], bits(r), f, c);
        for (unsigned j = 0; j < N; j++) {
            T b = val(vals[j]);
#define DO(op) { T r = op##_(a, b); unsigned f = flags(); printf(#op " " BFMT " " BFMT " -> " BFMT " f=%02x\n", vals[i], vals[j], bits(r), f); }
#define DOC(op) { long r = op##_(a, b); unsigned f = flags(); printf(#op " " BFMT " " BFMT " -> %ld f=%02x\n", vals[i], vals[j], r, f); }
            DO(fadd) DO(fsub) DO(fmul) DO(fdiv) DO(fmin) DO(fmax) DO(fsgnj) DO(fsgnjn) DO(fsgnjx)
            DOC(feq) DOC(flt) DOC(fle)
        }
    }
    static const unsigned sub[] = {0, 1, 2, 3, 5, 7, 8, 10, 12, 14, 16, 17, 18, 19, 22};
    const unsigned M = sizeof sub / sizeof sub[0];
    for (unsigned i = 0; i < M; i++) for (unsigned j = 0; j < M; j++) for (unsigned k = 0; k < M; k += 2) {
        B x = vals[sub[i]], y = vals[sub[j]], z = vals[sub[k]];
        T a = val(x), b = val(y), c = val(z);
        T r1 = fmadd_(a, b, c); unsigned f1 = flags();
        T r2 = fmsub_(a, b, c); unsigned f2 = flags();
        T r3 = fnmadd_(a, b, c); unsigned f3 = flags();
        T r4 = fnmsub_(a, b, c); unsigned f4 = flags();
        printf("fma " BFMT " " BFMT " " BFMT " -> " BFMT "/%x " BFMT "/%x " BFMT "/%x " BFMT "/%x\n",
               x, y, z, bits(r1), f1, bits(r2), f2, bits(r3), f3, bits(r4), f4);
    }
#ifdef NANBOX
    NANBOX
#endif
    /* A C-level computation: a harmonic sum and a product chain, printed exactly. */
    volatile T h = 0, p = 1;
    for (int k = 1; k <= 2000; k++) { h += (T)1 / (T)k; p *= (T)1.0001; }
    printf("harmonic %a product %a f=%02x\n", (double)h, (double)p, flags());
    return 0;
}
