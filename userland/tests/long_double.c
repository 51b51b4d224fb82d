/* long_double: 128-bit IEEE quad (soft-float in libgcc: heavy integer code) - arithmetic, conversions to/from double and integers, comparisons, printf %Lg/%La, strtold. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <float.h>

int main(void)
{
    long double x = 1.0L, y = 3.0L;
    printf("LDBL_MANT_DIG %d LDBL_MAX_EXP %d LDBL_EPSILON %La\n", LDBL_MANT_DIG, LDBL_MAX_EXP, LDBL_EPSILON);
    printf("1/3 = %.36Lg %La\n", x / y, x / y);
    long double acc = 0;
    for (int k = 1; k <= 300; k++) {
        acc += 1.0L / ((long double)k * k);
        if (k % 30 == 0) printf("zeta2 partial %3d: %.34Lg\n", k, acc);
    }
    long double vals[] = {0.0L, -0.0L, 1e-4000L, 1e4000L, 0.1L, 2.5L, -2.5L, 123456789012345678901234567890.0L, LDBL_MAX, LDBL_MIN, 1.0L / 7};
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        long double v = vals[i];
        double d = (double)v;
        long long ll = (v > -9e18L && v < 9e18L) ? (long long)v : 0;
        printf("%La: %.20Le %Lf | double %a | ll %lld | *3 %La | -v<v %d | sqrt %.30Lg\n", v, v, v > 1e30L || v < -1e30L ? 0.0L : v, d, ll,
               v * 3, -v < v, v >= 0 ? sqrtl(v) : -1.0L);
    }
    long long ints[] = {0, 1, -1, 9007199254740993LL, -9223372036854775807LL - 1, 9223372036854775807LL};
    for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        long double v = (long double)ints[i];
        unsigned long long u = (unsigned long long)ints[i];
        printf("from %lld: %.25Lg back %lld from unsigned %.25Lg\n", ints[i], v, (long long)v, (long double)u);
    }
    const char *in[] = {"3.14159265358979323846264338327950288419716939937510", "1e-4950", "0x1.0000000000000000000000000001p0", "-inf", "1e5000"};
    for (unsigned i = 0; i < sizeof in / sizeof in[0]; i++) {
        long double v = strtold(in[i], NULL);
        printf("strtold %s -> %La %.40Lg\n", in[i], v, v);
    }
    return 0;
}
