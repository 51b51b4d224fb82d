/* recursion: ackermann, deep recursion (~100k frames, a few MB of stack), mutual recursion, fibonacci, a recursive-descent expression evaluator. */
#include <stdio.h>
#include <string.h>

static unsigned long ack(unsigned long m, unsigned long n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

/* Deep recursion with a frame that cannot be turned into a loop (about 32 bytes a frame: 100000 frames ~ 3 MB of stack). */
static long deep(long n)
{
    volatile long x = n * 7;
    if (n == 0) return 0;
    long r = deep(n - 1);
    return r + (x & 3);
}

static int is_even(unsigned n);
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }

static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static const char *src;
static long expr(void);
static long atom(void)
{
    if (*src == '(') { src++; long v = expr(); src++; return v; }
    if (*src == '-') { src++; return -atom(); }
    long v = 0;
    while (*src >= '0' && *src <= '9') v = v * 10 + (*src++ - '0');
    return v;
}
static long term(void)
{
    long v = atom();
    while (*src == '*' || *src == '/' || *src == '%') {
        char op = *src++; long r = atom();
        v = op == '*' ? v * r : op == '/' ? (r ? v / r : 0) : (r ? v % r : 0);
    }
    return v;
}
static long expr(void)
{
    long v = term();
    while (*src == '+' || *src == '-') { char op = *src++; long r = term(); v = op == '+' ? v + r : v - r; }
    return v;
}

static void hanoi(int n, int from, int to, int via, unsigned long *moves, unsigned long *h)
{
    if (n == 0) return;
    hanoi(n - 1, from, via, to, moves, h);
    ++*moves; *h = *h * 31 + (unsigned long)(from * 3 + to);
    hanoi(n - 1, via, to, from, moves, h);
}

int main(void)
{
    for (unsigned long m = 0; m <= 3; m++)
        for (unsigned long n = 0; n <= (m < 3 ? 6 : 5); n++) printf("ack(%lu,%lu) = %lu\n", m, n, ack(m, n));
    for (long d = 1000; d <= 100000; d *= 10) printf("deep(%ld) = %ld\n", d, deep(d));
    printf("is_even(100001) = %d is_odd(77777) = %d\n", is_even(100001), is_odd(77777));
    for (int n = 0; n <= 24; n += 4) printf("fib(%d) = %ld\n", n, fib(n));
    static const char *exprs[] = {"1+2*3", "(1+2)*3", "-(4-10)*(3+4)%5", "100/7/2", "2*(3+(4*(5+(6*(7+8)))))-1", "((((((((((1))))))))))"};
    for (unsigned i = 0; i < sizeof exprs / sizeof exprs[0]; i++) { src = exprs[i]; printf("%s = %ld\n", exprs[i], expr()); }
    /* a deeply nested expression: 20000 parentheses */
    static char big[40100];
    int d = 20000;
    memset(big, '(', d); big[d] = '7'; memset(big + d + 1, ')', d); big[2 * d + 1] = 0;
    src = big;
    printf("nested %d = %ld\n", d, expr());
    unsigned long moves = 0, h = 0;
    hanoi(16, 1, 3, 2, &moves, &h);
    printf("hanoi(16): %lu moves hash %lu\n", moves, h);
    return 0;
}
