/* complex_fenv: complex.h arithmetic and functions (csqrt/cexp/clog/cpow/cabs/carg), and the fenv environment API (fegetenv/fesetenv/feholdexcept/feupdateenv/feraiseexcept/fegetexceptflag). */
#include <stdio.h>
#include <complex.h>
#include <fenv.h>
#include <math.h>

static void pc(const char *what, double complex z) { printf("%-8s %.17g %+.17gi  (%a %a)\n", what, creal(z), cimag(z), creal(z), cimag(z)); }
static void pf(const char *what)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    printf("%-28s flags %c%c%c%c%c round %d\n", what, e & FE_INEXACT ? 'x' : '-', e & FE_UNDERFLOW ? 'u' : '-', e & FE_OVERFLOW ? 'o' : '-',
           e & FE_DIVBYZERO ? 'z' : '-', e & FE_INVALID ? 'i' : '-', fegetround());
}

int main(void)
{
    double complex zs[] = {1.0 + 2.0 * I, -3.5 + 0.25 * I, 0.0 - 1.0 * I, -1.0 + 0.0 * I, 1e300 + 1e300 * I, 0.5 - 0.5 * I};
    for (unsigned i = 0; i < sizeof zs / sizeof zs[0]; i++) {
        double complex z = zs[i], w = zs[(i + 1) % 6];
        printf("z = %g%+gi\n", creal(z), cimag(z));
        pc("z*w", z * w); pc("z/w", z / w); pc("csqrt", csqrt(z)); pc("cexp", cexp(z / 1000)); pc("clog", clog(z));
        pc("cpow", cpow(z, 0.5 + 0.5 * I)); pc("csin", csin(z / 100)); pc("conj", conj(z));
        printf("cabs %.17g carg %.17g\n", cabs(z), carg(z));
    }
    feclearexcept(FE_ALL_EXCEPT);
    pf("start");
    fenv_t env, held;
    fesetround(FE_DOWNWARD);
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    pf("raised o+x, round down");
    fegetenv(&env);
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
    pf("cleared, nearest");
    fesetenv(&env);
    pf("fesetenv restored");
    feholdexcept(&held);
    pf("feholdexcept");
    volatile double z = 0.0;
    volatile double r = 1.0 / z;
    (void)r;
    pf("after 1/0 while held");
    feupdateenv(&held);
    pf("feupdateenv");
    fexcept_t saved;
    fegetexceptflag(&saved, FE_DIVBYZERO | FE_INVALID);
    feclearexcept(FE_ALL_EXCEPT);
    fesetexceptflag(&saved, FE_DIVBYZERO);
    pf("fesetexceptflag(z)");
    fesetenv(FE_DFL_ENV);
    pf("FE_DFL_ENV");
    return 0;
}
