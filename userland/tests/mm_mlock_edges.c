/* mm_mlock_edges: mlock/munlock lengths as do_mlock rounds them (PAGE_ALIGN wraps SIZE_MAX-4094 to nothing), the limit before the range, unmapped ranges */
#include <stdio.h>
#include <stdint.h>
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
static void t(const char *w, int r) { printf("%s: %d %s\n", w, r, r ? strerror(errno) : ""); }
int main(void) {
    char *p = mmap(0, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
    struct rlimit rl = {65536, 65536}; setrlimit(RLIMIT_MEMLOCK, &rl);
    t("mlock SIZE_MAX-4094", mlock(p, SIZE_MAX - 4094));
    t("mlock SIZE_MAX", mlock(p, SIZE_MAX));
    t("mlock 2^63", mlock(p, (size_t)1 << 63));
    t("mlock p+1 SIZE_MAX-4095", mlock(p + 1, SIZE_MAX - 4095));
    t("mlock 8192", mlock(p, 8192));
    t("munlock SIZE_MAX-4094", munlock(p, SIZE_MAX - 4094));
    t("munlock SIZE_MAX", munlock(p, SIZE_MAX));
    t("munlock 8192", munlock(p, 8192));
    t("mlock 0", mlock(p, 0));
    t("mlock unmapped", mlock((void*)0x10000000, 4096));
    return 0;
}
