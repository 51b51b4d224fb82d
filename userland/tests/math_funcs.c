/* math_funcs: libm sin/cos/tan/exp/log/pow/sqrt/fma/cbrt/atan2/hypot/... on a grid of arguments, printed with %.17g and %a (double and float). */
#include <stdio.h>
#include <math.h>
#include <float.h>

static const double args[] = {0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.0, 0.1, 1e-10, 1e-300, 10.0, 100.0, 700.0, -700.0, 710.0,
    1e10, 1e22, M_PI, M_PI / 2, M_PI / 4, -M_PI / 3, M_E, 0.7853981633974483, 1.5707963267948966, 6.283185307179586, 1e300,
    4.9e-324, 0.9999999999999999, 1.0000000000000002, -0.5, 12345.678, INFINITY, -INFINITY, NAN};
#define N (sizeof args / sizeof args[0])

#define P1(f) { double r = f(x); printf("  %-6s %.17g %a\n", #f, r, r); }
#define P1F(f) { float r = f((float)x); printf("  %-6s %.9g %a\n", #f, (double)r, (double)r); }

int main(void)
{
    for (unsigned i = 0; i < N; i++) {
        double x = args[i];
        printf("x = %.17g %a\n", x, x);
        P1(sin) P1(cos) P1(tan) P1(asin) P1(acos) P1(atan) P1(sinh) P1(cosh) P1(tanh) P1(asinh) P1(acosh) P1(atanh)
        P1(exp) P1(exp2) P1(expm1) P1(log) P1(log2) P1(log10) P1(log1p) P1(sqrt) P1(cbrt) P1(fabs) P1(floor) P1(ceil)
        P1(round) P1(trunc) P1(rint) P1(erf) P1(erfc) P1(tgamma) P1(lgamma) P1(logb)
        P1F(sinf) P1F(cosf) P1F(expf) P1F(logf) P1F(sqrtf) P1F(cbrtf) { float r = powf((float)x, 2.5f); printf("  powf   %.9g %a\n", (double)r, (double)r); } P1F(tanf) P1F(atanf)
        int e; double m = frexp(x, &e);
        printf("  frexp %a %d ldexp %a ilogb %d modf ", m, e, ldexp(x, 7), isnan(x) || isinf(x) || x == 0 ? 0 : ilogb(x));
        double ip, fp = modf(x, &ip);
        printf("%a %a\n", ip, fp);
    }
    for (unsigned i = 0; i < N; i += 2) for (unsigned j = 1; j < N; j += 3) {
        double x = args[i], y = args[j];
        double p = pow(x, y), a = atan2(x, y), h = hypot(x, y), fm = fmod(x, y), rm = remainder(x, y), fd = fdim(x, y);
        double f = fma(x, y, 0.1), na = nextafter(x, y), cs = copysign(x, y);
        printf("%a %a: pow %.17g atan2 %.17g hypot %.17g fmod %a rem %a fdim %a fma %a nextafter %a copysign %a\n", x, y, p, a, h, fm, rm, fd, f, na, cs);
    }
    /* sums of series: accumulated error must match bit for bit */
    double s = 0, t = 0;
    for (int k = 1; k <= 5000; k++) { s += sin(k) / k; t += exp(-k * 0.001) * log(k); }
    printf("series %.17g %.17g %a %a\n", s, t, s, t);
    float sf = 0;
    for (int k = 1; k <= 5000; k++) sf += sinf((float)k) / (float)k;
    printf("seriesf %.9g %a\n", (double)sf, (double)sf);
    return 0;
}
