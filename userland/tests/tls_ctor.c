/* tls_ctor: thread-local storage in a static binary (tp-relative __thread variables, initialized and zeroed), constructor/destructor priorities, atexit ordering with destructors, static initializers. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static __thread int tls_init = 42;
static __thread long tls_zero;
static __thread char tls_buf[64] = "thread local buffer";
__thread double tls_d = 2.5;
static int order[16], norder;

__attribute__((constructor(200))) static void c200(void) { order[norder++] = 200; }
__attribute__((constructor(101))) static void c101(void) { order[norder++] = 101; }
__attribute__((constructor)) static void cdef(void) { order[norder++] = 999; }
__attribute__((destructor(150))) static void d150(void) { printf("destructor 150\n"); }
__attribute__((destructor)) static void ddef(void) { printf("destructor default\n"); }
static void at1(void) { printf("atexit handler\n"); }

static int *addr_of_tls(void) { return &tls_init; }

int main(void)
{
    printf("constructors ran in order:");
    for (int i = 0; i < norder; i++) printf(" %d", order[i]);
    printf("\n");
    printf("tls_init %d tls_zero %ld tls_buf [%s] tls_d %g\n", tls_init, tls_zero, tls_buf, tls_d);
    for (int i = 0; i < 10; i++) { tls_init += i; tls_zero -= i * 1000; tls_buf[i] = 'A' + i; tls_d *= 1.5; }
    printf("after: %d %ld [%s] %g\n", tls_init, tls_zero, tls_buf, tls_d);
    printf("same address twice: %d\n", addr_of_tls() == &tls_init);
    uintptr_t tp;
    __asm__("mv %0, tp" : "=r"(tp));
    printf("tp nonzero and aligned: %d %d\n", tp != 0, tp % 8 == 0);
    atexit(at1);
    return 0;
}
