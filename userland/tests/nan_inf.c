/* nan_inf: NaN propagation and canonicalization, signbit, fmin/fmax with NaN and signed zeros, isnan/isinf/fpclassify, ordered/unordered comparisons and their flags. */
#include <stdio.h>
#include <math.h>
#include <fenv.h>
#include <float.h>
#include <stdint.h>
#include <string.h>
#include <inttypes.h>

static uint64_t db(double x) { uint64_t b; memcpy(&b, &x, 8); return b; }
static double bd(uint64_t b) { double x; memcpy(&x, &b, 8); return x; }
static uint32_t fb(float x) { uint32_t b; memcpy(&b, &x, 4); return b; }
static float bf(uint32_t b) { float x; memcpy(&x, &b, 4); return x; }
static const char *fl(void)
{
    static char s[8];
    int e = fetestexcept(FE_ALL_EXCEPT);
    snprintf(s, sizeof s, "%c%c%c%c%c", e & FE_INEXACT ? 'x' : '-', e & FE_UNDERFLOW ? 'u' : '-', e & FE_OVERFLOW ? 'o' : '-',
             e & FE_DIVBYZERO ? 'z' : '-', e & FE_INVALID ? 'i' : '-');
    feclearexcept(FE_ALL_EXCEPT);
    return s;
}

static const char *cls(double x)
{
    switch (fpclassify(x)) {
    case FP_NAN: return "nan"; case FP_INFINITE: return "inf"; case FP_ZERO: return "zero";
    case FP_SUBNORMAL: return "subnormal"; case FP_NORMAL: return "normal";
    }
    return "?";
}

int main(void)
{
    const uint64_t raw[] = {0x7ff8000000000000ULL, 0xfff8000000000000ULL, 0x7ff0000000000001ULL, 0xfff4000000000123ULL,
                            0x7ff8deadbeef0000ULL, 0x7ff0000000000000ULL, 0xfff0000000000000ULL, 0, 0x8000000000000000ULL,
                            0x3ff0000000000000ULL, 0xbff0000000000000ULL, 0x0000000000000001ULL, 0x7fefffffffffffffULL};
    const unsigned n = sizeof raw / sizeof raw[0];
    volatile double a, b;
    feclearexcept(FE_ALL_EXCEPT);
    for (unsigned i = 0; i < n; i++) {
        a = bd(raw[i]);
        printf("%016" PRIx64 ": isnan %d isinf %d isfinite %d isnormal %d signbit %d class %s fabs %016" PRIx64 " neg %016" PRIx64 " copysign %016" PRIx64 " %s\n",
               raw[i], isnan(a) != 0, isinf(a), isfinite(a) != 0, isnormal(a) != 0, signbit(a) != 0, cls(a), db(fabs(a)), db(-a),
               db(copysign(1.0, a)), fl());
        for (unsigned j = 0; j < n; j++) {
            b = bd(raw[j]);
            double s = a + b, p = a * b, q = a / b, mn = fmin(a, b), mx = fmax(a, b);
            const char *f1 = fl();
            int lt = a < b, le = a <= b, gt = a > b, eq = a == b, ne = a != b;
            const char *f2 = fl();
            int ilt = isless(a, b), ile = islessequal(a, b), igt = isgreater(a, b), iun = isunordered(a, b), ilg = islessgreater(a, b);
            const char *f3 = fl();
            printf("  %016" PRIx64 " %016" PRIx64 ": + %016" PRIx64 " * %016" PRIx64 " / %016" PRIx64 " fmin %016" PRIx64 " fmax %016" PRIx64
                   " %s | < %d <= %d > %d == %d != %d %s | q %d%d%d%d%d %s\n",
                   raw[i], raw[j], db(s), db(p), db(q), db(mn), db(mx), f1, lt, le, gt, eq, ne, f2, ilt, ile, igt, iun, ilg, f3);
        }
    }
    /* float: NaN payloads are not propagated on RISC-V (canonical NaN), conversions of NaNs */
    const uint32_t fr[] = {0x7fc00000, 0xffc00001, 0x7f800001, 0x7fbfffff, 0xff800000, 0x80000000, 0x3f800000};
    for (unsigned i = 0; i < sizeof fr / sizeof fr[0]; i++) {
        volatile float x = bf(fr[i]);
        float y = x * 2.0f, m = fminf(x, 1.0f), M = fmaxf(x, -0.0f);
        double d = x;
        float back = (float)bd(db(d) ^ 0x0000000000000001ULL);
        printf("float %08" PRIx32 ": *2 %08" PRIx32 " fminf %08" PRIx32 " fmaxf %08" PRIx32 " todouble %016" PRIx64 " back %08" PRIx32 " %s\n",
               fr[i], fb(y), fb(m), fb(M), db(d), fb(back), fl());
    }
    /* Special operations */
    volatile double z = 0.0, inf = INFINITY, one = 1.0;
    /* each result is computed before its flags are read (argument evaluation order is unspecified) */
#define SPECIAL(label, expr) do { double r_ = (expr); const char *f_ = fl(); printf("%s %016" PRIx64 " %s\n", label, db(r_), f_); } while (0)
    SPECIAL("1/0", one / z);
    SPECIAL("-1/0", -one / z);
    SPECIAL("0/0", z / z);
    SPECIAL("inf-inf", inf - inf);
    SPECIAL("inf*0", inf * z);
    SPECIAL("sqrt(-0)", sqrt(-z));
    SPECIAL("sqrt(-1)", sqrt(-one));
    SPECIAL("-0+0", -z + z);
    SPECIAL("-0-0", -z - z);
    SPECIAL("-0*0", -z * z);
    SPECIAL("DBL_MAX*2", DBL_MAX * (one + one));
    SPECIAL("DBL_MIN/3", DBL_MIN / (one * 3));
    SPECIAL("DBL_MIN*DBL_MIN", DBL_MIN * (DBL_MIN * one));
    SPECIAL("fma(inf,0,nan)", fma(inf, z, nan("")));
    SPECIAL("fmin(snan,1)", fmin(bd(0x7ff0000000000001ULL) * one, one));
    SPECIAL("hypot(inf,nan)", hypot(inf, nan("")));
    SPECIAL("pow(nan,0)", pow(nan(""), z));
    SPECIAL("pow(1,nan)", pow(one, nan("")));
    SPECIAL("log(-1)", log(-one));
    SPECIAL("log(0)", log(z));
    SPECIAL("exp(1000)", exp(1000 * one));
    SPECIAL("exp(-1000)", exp(-1000 * one));
    SPECIAL("atan2(0,-0)", atan2(z, -z));
    SPECIAL("atan2(-0,-0)", atan2(-z, -z));
    printf("nan(\"\") %016" PRIx64 " nan(\"0x123\") %016" PRIx64 " %s\n", db(nan("")), db(nan("0x123")), fl());
    printf("printf: %f %e %g %a %F %E %G %A\n", inf, -inf, z / z, -inf, inf, inf, -(z / z), inf);
    printf("printf: %5.2f|%-8e|%+g|% g|%010f\n", z / z, inf, inf, inf, -inf);
    printf("%s\n", fl());
    return 0;
}
