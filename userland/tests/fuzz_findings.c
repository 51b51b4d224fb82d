/* fuzz_findings: calls the syscall fuzzer (userland/fuzz/sysfuzz.c) found mishandled, each with the errno or result Linux gives. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else printf("%s = %ld\n", what, r);
}

int main(void) {
    char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *none = page + 4096;
    mprotect(none, 4096, PROT_NONE);

    /* getrandom: the length is unsigned (SIZE_MAX threw NegativeArraySizeException) */
    show("getrandom(NULL, SIZE_MAX, 0)", syscall(SYS_getrandom, NULL, SIZE_MAX, 0));
    show("getrandom(PROT_NONE, 2^63, 0)", syscall(SYS_getrandom, none, 1ULL << 63, 0));
    show("getrandom(buf, 0, 0)", syscall(SYS_getrandom, page, 0, 0));
    show("getrandom(buf, 16, GRND_NONBLOCK)", syscall(SYS_getrandom, page, 16, 1));
    return 0;
}
