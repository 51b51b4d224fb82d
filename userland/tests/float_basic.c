/* float_basic: RV64F single-precision instructions on edge values (add/sub/mul/div/sqrt/min/max/sgnj/compare/fclass/fma), bit results and fflags. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <inttypes.h>

typedef float T;
typedef uint32_t B;
#define S "s"
#define BFMT "%08" PRIx32

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
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0x40400000, 0x3dcccccd, 0x3eaaaaab,
    0x7f7fffff, 0xff7fffff, 0x00800000, 0x80800000, 0x00000001, 0x807fffff, 0x4b800001, 0x0da24260,
    0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffc12345, 0x7fa00000, 0x33800000, 0x4effffff,
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
    /* NaN-boxing: a single in an f register whose upper 32 bits are not all ones reads as the canonical NaN. */
    static const uint64_t boxes[] = {0x000000003f800000ULL, 0xffffffff3f800000ULL, 0xfffffffe3f800000ULL, 0x7fffffff40000000ULL, 0xffffffff7f800001ULL, 0xffffffffbf800000ULL};
    for (unsigned i = 0; i < sizeof boxes / sizeof boxes[0]; i++) {
        uint64_t raw = boxes[i], moved, stored;
        T r;
        __asm__ volatile("fmv.d.x ft0, %2\n\tfadd.s %0, ft0, ft0\n\tfmv.x.w %1, ft0" : "=f"(r), "=r"(moved) : "r"(raw) : "ft0");
        uint32_t mem = 0;
        __asm__ volatile("fmv.d.x ft1, %1\n\tfsw ft1, 0(%2)\n\tfmv.x.d %0, ft1" : "=r"(stored) : "r"(raw), "r"(&mem) : "ft1", "memory");
        unsigned f = flags();
        printf("nanbox %016" PRIx64 ": fadd.s -> " BFMT " fmv.x.w %016" PRIx64 " fsw %08" PRIx32 " fmv.x.d %016" PRIx64 " f=%02x\n",
               raw, bits(r), moved, mem, stored, f);
    }
    /* flw writes a boxed value: read it back as a double's bits. */
    {
        uint32_t m = 0x40490fdb; uint64_t d;
        __asm__ volatile("flw ft2, 0(%1)\n\tfmv.x.d %0, ft2" : "=r"(d) : "r"(&m) : "ft2");
        printf("flw box %016" PRIx64 "\n", d);
    }
    /* A C-level computation: a harmonic sum and a product chain, printed exactly. */
    volatile T h = 0, p = 1;
    for (int k = 1; k <= 2000; k++) { h += (T)1 / (T)k; p *= (T)1.0001; }
    printf("harmonic %a product %a f=%02x\n", (double)h, (double)p, flags());
    return 0;
}
