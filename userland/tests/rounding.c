/* rounding: the 4 C rounding modes (fesetround) x arithmetic, sqrt, fma, conversions, rint/nearbyint/lrint/llrint, with %a results and fetestexcept flags; plus static rm fields. */
#include <stdio.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <inttypes.h>

static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char *const mname[] = {"near", "up", "down", "zero"};

static void pflags(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    printf(" [%s%s%s%s%s]\n", e & FE_INEXACT ? "x" : "-", e & FE_UNDERFLOW ? "u" : "-", e & FE_OVERFLOW ? "o" : "-",
           e & FE_DIVBYZERO ? "z" : "-", e & FE_INVALID ? "i" : "-");
    feclearexcept(FE_ALL_EXCEPT);
}

static const double dv[] = {1.0, -1.0, 0.1, -0.1, 1.0 / 3, -2.0 / 3, 0.5, 1.5, 2.5, -2.5, 3.5, -0.5, 1e300, -1e300,
                            0x1p-1022, 0x1p-1074, 0x1.fffffffffffffp+1023, 4503599627370497.5, 9007199254740993.0, 123456789.987654321,
                            2147483647.5, -2147483648.5, 9.2233720368547758e18, 1e-310};
#define ND (sizeof dv / sizeof dv[0])

int main(void)
{
    volatile double a, b, c;
    volatile float fa, fb;
    for (int m = 0; m < 4; m++) {
        if (fesetround(modes[m]) != 0) printf("fesetround failed\n");
        printf("== mode %s getround ok %d\n", mname[m], fegetround() == modes[m]);
        feclearexcept(FE_ALL_EXCEPT);
        for (unsigned i = 0; i < ND; i++) {
            a = dv[i]; b = dv[(i * 7 + 3) % ND]; c = dv[(i * 5 + 1) % ND];
            printf("%s %a %a:", mname[m], a, b);
            printf(" + %a", a + b); printf(" - %a", a - b); printf(" * %a", a * b); printf(" / %a", a / b);
            pflags();
            printf("%s sqrt %a fma %a", mname[m], sqrt(fabs(a)), fma(a, b, c)); pflags();
            printf("%s rint %a nearbyint %a", mname[m], rint(a), nearbyint(a)); pflags();
            printf("%s lrint %ld llrint %lld round %a trunc %a floor %a ceil %a", mname[m], lrint(a), llrint(a), round(a), trunc(a), floor(a), ceil(a));
            pflags();
            fa = (float)a; fb = (float)b;
            printf("%s float %a %a + %a * %a / %a sqrt %a", mname[m], (double)fa, (double)fb, (double)(fa + fb), (double)(fa * fb),
                   (double)(fa / fb), (double)sqrtf(fabsf(fa)));
            pflags();
            printf("%s rintf %a lrintf %ld (double)(long) %a (float)(long) %a", mname[m], (double)rintf(fa), lrintf(fa),
                   (double)(long)(a * 1e6), (double)(float)(long long)(b * 1e12));
            pflags();
            printf("%s printf %.3f %.0f %e %.10g\n", mname[m], a, a, b, c);
        }
        /* 1/3 and 2/3 accumulate differently per mode */
        volatile double s = 0; volatile float sf = 0;
        for (int k = 0; k < 1000; k++) { s += 1.0 / 3; sf += 1.0f / 7; }
        printf("%s sums %a %a", mname[m], s, (double)sf); pflags();
        /* int -> float conversions that round */
        volatile long big = 0x7ffffffffffffdffL; volatile unsigned long ubig = 0xffffffffffffffffUL; volatile int i32 = 16777217;
        printf("%s cvt %a %a %a %a", mname[m], (double)big, (double)ubig, (double)(float)i32, (double)(float)ubig); pflags();
    }
    fesetround(FE_TONEAREST);

    /* Static rounding-mode fields in the instruction override frm. */
    double x = 1.0, y = 3.0, r;
    fesetround(FE_UPWARD);
    __asm__ volatile("fdiv.d %0, %1, %2, rtz" : "=f"(r) : "f"(x), "f"(y));
    printf("fdiv rtz under up: %a\n", r);
    __asm__ volatile("fdiv.d %0, %1, %2, rdn" : "=f"(r) : "f"(x), "f"(y));
    printf("fdiv rdn under up: %a\n", r);
    __asm__ volatile("fdiv.d %0, %1, %2, rmm" : "=f"(r) : "f"(x), "f"(y));
    printf("fdiv rmm under up: %a\n", r);
    __asm__ volatile("fdiv.d %0, %1, %2" : "=f"(r) : "f"(x), "f"(y));
    printf("fdiv dyn under up: %a\n", r);
    fesetround(FE_TONEAREST);
    /* RMM (ties away) on conversions and adds */
    static const double ties[] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0x1.0000000000001p0};
    for (unsigned i = 0; i < sizeof ties / sizeof ties[0]; i++) {
        long l1, l2, l3, l4, l5;
        double d = ties[i];
        __asm__ volatile("fcvt.l.d %0, %1, rne" : "=r"(l1) : "f"(d));
        __asm__ volatile("fcvt.l.d %0, %1, rtz" : "=r"(l2) : "f"(d));
        __asm__ volatile("fcvt.l.d %0, %1, rdn" : "=r"(l3) : "f"(d));
        __asm__ volatile("fcvt.l.d %0, %1, rup" : "=r"(l4) : "f"(d));
        __asm__ volatile("fcvt.l.d %0, %1, rmm" : "=r"(l5) : "f"(d));
        float f1;
        __asm__ volatile("fcvt.s.d %0, %1, rmm" : "=f"(f1) : "f"(d));
        printf("tie %a: rne %ld rtz %ld rdn %ld rup %ld rmm %ld  s.d rmm %a\n", d, l1, l2, l3, l4, l5, (double)f1);
    }
    /* frm / fflags / fcsr CSR round trip */
    unsigned long fcsr, frm, ff;
    __asm__ volatile("fsrmi 3\n\tfsflagsi 0x15\n\tfrcsr %0\n\tfrrm %1\n\tfrflags %2" : "=r"(fcsr), "=r"(frm), "=r"(ff));
    printf("csr: fcsr %#lx frm %lu fflags %#lx\n", fcsr, frm, ff);
    __asm__ volatile("fscsr %0" : : "r"(0xffUL));
    __asm__ volatile("frcsr %0\n\tfrrm %1\n\tfrflags %2" : "=r"(fcsr), "=r"(frm), "=r"(ff));
    printf("csr: fcsr %#lx frm %lu fflags %#lx\n", fcsr, frm, ff);
    __asm__ volatile("fscsr zero");
    printf("fegetround after reset %d\n", fegetround() == FE_TONEAREST);
    return 0;
}
