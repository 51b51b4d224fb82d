/* setjmp: setjmp/longjmp across frames, return values (0 -> 1), preserved callee-saved and volatile locals, sigsetjmp/siglongjmp, nested jump buffers. */
#include <stdio.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>

static jmp_buf env, env2;
static int depth_reached;

static void dive(int n, int target, int val)
{
    volatile char frame[64];
    memset((char *)frame, n, sizeof frame);
    depth_reached = n;
    if (n == target) longjmp(env, val);
    dive(n + 1, target, val);
    printf("never %d\n", frame[0]);
}

static double fcompute(double x, int jump)
{
    /* keep floating values live in callee-saved f registers across setjmp */
    double a = x * 1.5, b = x + 2.25, c = x / 3;
    if (setjmp(env2) == 0) {
        if (jump) longjmp(env2, 5);
        return a + b + c;
    }
    return a * b * c;
}

static sigjmp_buf senv;
static void handler(int sig) { siglongjmp(senv, sig); }

int main(void)
{
    for (int t = 0; t < 6; t++) {
        volatile int counter = t * 10;
        register long keep = 0x1234 + t;
        int r = setjmp(env);
        if (r == 0) {
            counter++;
            dive(0, t * 7, t == 3 ? 0 : t * 11 + 1);
        } else {
            printf("t=%d setjmp returned %d depth %d counter %d keep %#lx\n", t, r, depth_reached, counter, keep);
        }
    }
    printf("fcompute: %.17g %.17g\n", fcompute(2.0, 0), fcompute(2.0, 1));

    /* sigsetjmp with mask saving, jumping out of a signal handler */
    signal(SIGUSR1, handler);
    for (int k = 0; k < 3; k++) {
        int r = sigsetjmp(senv, 1);
        if (r == 0) { raise(SIGUSR1); printf("not reached\n"); }
        sigset_t cur;
        sigprocmask(SIG_BLOCK, NULL, &cur);
        printf("siglongjmp %d: returned %d, SIGUSR1 blocked after jump: %d\n", k, r, sigismember(&cur, SIGUSR1));
    }
    /* longjmp in a loop many times */
    volatile long total = 0;
    for (volatile int k = 0; k < 10000; k++) {
        if (setjmp(env) == 0) longjmp(env, k + 1);
        total += k;
    }
    printf("loop total %ld\n", total);
    return 0;
}
