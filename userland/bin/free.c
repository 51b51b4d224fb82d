/* free: show physical memory in use and free, from /proc/meminfo (in KiB, like procps
 * free's default). */
#include "util.h"

static long long get(const char *text, const char *key) {
    const char *p = strstr(text, key);
    return p ? atoll(p + strlen(key)) : 0;
}

int main(void) {
    prog = "free";
    FILE *f = fopen("/proc/meminfo", "r");
    if (!f) die_errno("/proc/meminfo");
    static char text[16384];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = 0;
    fclose(f);
    long long total = get(text, "MemTotal:"), mfree = get(text, "MemFree:"), avail = get(text, "MemAvailable:"),
              buffers = get(text, "Buffers:"), cached = get(text, "Cached:") + get(text, "SReclaimable:"),
              shared = get(text, "Shmem:"), stotal = get(text, "SwapTotal:"), sfree = get(text, "SwapFree:");
    long long used = total - mfree - buffers - cached;
    if (used < 0) used = total - mfree;
    printf("%15s %11s %11s %11s %11s %11s\n", "total", "used", "free", "shared", "buff/cache", "available");
    printf("%-7s %11lld %11lld %11lld %11lld %11lld %11lld\n", "Mem:", total, used, mfree, shared, buffers + cached, avail);
    printf("%-7s %11lld %11lld %11lld\n", "Swap:", stotal, stotal - sfree, sfree);
    return 0;
}
