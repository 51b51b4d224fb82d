/* altstack_native: sigaltstack's sizes and addresses are unsigned (a 2^63-byte stack or one at a kernel-half address is legal to set; a size below MINSIGSTKSZ is ENOMEM; a bad mode EINVAL); the native build is the oracle */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void try(const char *what, void *sp, int flags, size_t size) {
    stack_t ss = {.ss_sp = sp, .ss_flags = flags, .ss_size = size}, old;
    int r = sigaltstack(&ss, NULL);
    printf("%s: %s", what, r == 0 ? "ok" : strerror(errno));
    if (sigaltstack(NULL, &old) == 0) printf(" -> flags %d size %s\n", old.ss_flags, old.ss_size == size ? "as set" : "other");
}

int main(void) {
    static char stack[65536];
    try("kernel-half address", (void *) 0x8000000000000000ul, 0, 65536);
    try("top of the address space", (void *) -4096l, 0, 65536);
    try("too small", stack, 0, 1024);
    try("bad mode", stack, 3, 65536);
    try("SS_ONSTACK mode", stack, SS_ONSTACK, 65536);
    try("disable", NULL, SS_DISABLE, 0);
    /* Last: a stack this big covers the thread's own sp, so from here on every change is EPERM. */
    try("2^63 bytes", stack, 0, (size_t) 1 << 63);
    try("SIZE_MAX bytes", stack, 0, SIZE_MAX);
    try("disable again", NULL, SS_DISABLE, 0);
    return 0;
}
