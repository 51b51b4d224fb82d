/* printf_float: printf %e/%f/%g/%a (widths, precisions, flags) of many doubles and floats, strtod/strtof round trips and tricky decimal inputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <inttypes.h>
#include <float.h>
#include <math.h>

static uint64_t db(double x) { uint64_t b; memcpy(&b, &x, 8); return b; }

static const double vals[] = {0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 1.5, 2.5, 0.125, 9.5, 99.5, 999.5,
    1e-5, 1e-4, 123456.0, 1234567.0, 12345678.9, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 1e100, 1e300, 1e308, DBL_MAX, DBL_MIN,
    4.9406564584124654e-324, 2.2250738585072009e-308, 3.141592653589793, 2.718281828459045, 6.02214076e23, 1.602176634e-19,
    9007199254740993.0, 0.1 + 0.2, 5e-324 * 3, 1.7976931348623157e308 / 3, 0.000001, 0.0000001, 100.0, 1e6, 999999.5, 0.95, 0.05};
#define N (sizeof vals / sizeof vals[0])

int main(void)
{
    for (unsigned i = 0; i < N; i++) {
        double v = vals[i];
        printf("%016" PRIx64 "|%e|%.0e|%.3e|%.17e|%f|%.0f|%.2f|%.20f|%g|%.1g|%.6g|%.17g|%#g|%a|%.3a|%.0a|%A\n", db(v), v, v, v, v, v, v,
               v, v, v, v, v, v, v, v, v, v, v);
        printf("  |%15.4e|%-15.4e|%+.3f|% .3f|%015.3f|%#.0f|%#.0e|%G|%E|%10.3g|%-10.3g|%+g|\n", v, v, v, v, v, v, v, v, v, v, v, v);
        /* round trip through text */
        char buf[64];
        snprintf(buf, sizeof buf, "%.17g", v);
        double back = strtod(buf, NULL);
        snprintf(buf, sizeof buf, "%a", v);
        double back2 = strtod(buf, NULL);
        printf("  roundtrip %d %d\n", db(back) == db(v), db(back2) == db(v));
        float f = (float)v;
        printf("  float %.9g %a %e %.3f\n", (double)f, (double)f, (double)f, (double)f);
    }
    static const char *inputs[] = {"0", "-0", "1", "1e0", "0.1", "  42.5xyz", "1e400", "-1e400", "1e-400", "2.4703282292062327e-324",
        "2.4703282292062328e-324", "0x1.8p3", "0X.8P-1", "inf", "-Infinity", "nan", "NAN(123)", "1.7976931348623158e308",
        "1.7976931348623159e308", "4.9e-324", "123456789012345678901234567890", "0.000000000000000000000000000001",
        "9007199254740993", "9007199254740992.5000000001", "2.2250738585072011e-308", "1e23", "8.98846567431158e307",
        ".5", "5.", "+.5e+1", "e5", "", "-", "1,5", "0x", "1e", "1e+", "3.14159265358979323846264338327950288"};
    for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *end;
        double d = strtod(inputs[i], &end);
        float f = strtof(inputs[i], NULL);
        long double ld = strtold(inputs[i], NULL);
        printf("strtod \"%s\" -> %016" PRIx64 " %.17g consumed %d | strtof %a | strtold %.20Lg %La\n", inputs[i], db(d), d,
               (int)(end - inputs[i]), (double)f, ld, ld);
    }
    /* long double (quad, soft-float in libgcc) */
    long double q = 1.0L;
    for (int k = 1; k <= 30; k++) { q = q * 3 / 2 + 1.0L / k; }
    printf("long double %.30Lg %La\n", q, q);
    printf("sqrtl %.35Lg\n", sqrtl(2.0L));
    /* many magnitudes with %g and %.15g */
    double x = 1.0;
    for (int k = 0; k < 80; k++) { printf("%g %.15g %.3e\n", x, x / 7, x * 1.0000001); x *= -9.87654321; }
    return 0;
}
