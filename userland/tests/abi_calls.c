/* abi_calls: the LP64D calling convention - many int/float args (stack spill), structs by value and returned (small, mixed int/float, large), variadic doubles, function pointers, alloca. */
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <alloca.h>
#include <string.h>

struct small { int a; int b; };
struct mixed { double d; int i; };
struct fpair { float x; float y; };
struct big { long v[6]; char tag[9]; };

__attribute__((noinline)) static long many(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j, int k, char l, short m)
{
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j + 11 * k + 12 * l + 13 * m;
}
__attribute__((noinline)) static double manyf(double a, float b, double c, float d, double e, float f, double g, float h, double i, float j, double k, long n, double l)
{
    return a - b + c * d - e / f + g * h - i + j * k + (double)n * l;
}
__attribute__((noinline)) static struct small mk_small(int a, int b) { struct small s = {a * 3, b - 7}; return s; }
__attribute__((noinline)) static struct mixed mk_mixed(double d, int i) { struct mixed m = {d * 1.5, i ^ 0x55}; return m; }
__attribute__((noinline)) static struct fpair swap(struct fpair p) { struct fpair q = {p.y * 2, p.x - 1}; return q; }
__attribute__((noinline)) static struct big grow(struct big b, int k)
{
    for (int i = 0; i < 6; i++) b.v[i] = b.v[i] * k + i;
    b.tag[k % 8] = 'A' + k;
    return b;
}
static double vsum(int n, ...)
{
    va_list ap; va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += i % 2 ? va_arg(ap, double) : (double)va_arg(ap, long);
    va_end(ap);
    return s;
}
static long vmix(const char *fmt, ...)
{
    va_list ap; va_start(ap, fmt);
    long acc = 0;
    for (const char *p = fmt; *p; p++) {
        switch (*p) {
        case 'i': acc = acc * 31 + va_arg(ap, int); break;
        case 'l': acc = acc * 31 + va_arg(ap, long); break;
        case 'd': acc = acc * 31 + (long)(va_arg(ap, double) * 1000); break;
        case 's': acc = acc * 31 + (long)strlen(va_arg(ap, const char *)); break;
        case 'S': { struct small s = va_arg(ap, struct small); acc = acc * 31 + s.a * 100 + s.b; break; }
        }
    }
    va_end(ap);
    return acc;
}
static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static int sub(int a, int b) { return a - b; }

__attribute__((noinline)) static long use_alloca(int n)
{
    long *p = alloca(n * sizeof *p);
    for (int i = 0; i < n; i++) p[i] = (long)i * i - n;
    long s = 0;
    for (int i = 0; i < n; i++) s += p[i] * (i % 3);
    return s;
}

int main(void)
{
    for (int k = 0; k < 5; k++) {
        printf("many %ld\n", many(1 + k, -2, 3, -4, 5, -6, 7, -8, 9, -10 * k, 11, (char)(12 + k), (short)(-13 * k)));
        printf("manyf %.17g\n", manyf(1.5 + k, 2.5f, 3.25, 4.75f, 5.0, 6.5f, 7.125, 8.0f, 9.5, 10.25f, 11.0 * k, 12L - k, 0.001));
        struct small s = mk_small(k, k * k);
        struct mixed m = mk_mixed(k / 3.0, k + 100);
        struct fpair p = swap((struct fpair){k * 0.5f, k * 0.25f});
        struct big b = {{1, 2, 3, 4, 5, 6}, "abcdefgh"};
        b = grow(b, k + 1);
        printf("structs %d %d | %.17g %d | %.9g %.9g | %ld %ld %ld %s\n", s.a, s.b, m.d, m.i, (double)p.x, (double)p.y, b.v[0], b.v[3], b.v[5], b.tag);
        printf("vsum %.17g\n", vsum(7, 1L, 2.5, 3L, 4.25, (long)k, 1e-3 * k, -100L));
        printf("vmix %ld\n", vmix("ildsSid", k, (long)k << 40, k * 0.125, "varargs", (struct small){k, -k}, -1, 3.0));
        int (*ops[])(int, int) = {add, mul, sub};
        printf("fptr %d %d %d\n", ops[k % 3](k, 7), ops[(k + 1) % 3](k, 7), ops[(k + 2) % 3](k, 7));
        printf("alloca %ld\n", use_alloca(100 + k * 1000));
    }
    return 0;
}
