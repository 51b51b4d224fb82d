/* rlimits: the default RLIMIT_NPROC and RLIMIT_SIGPENDING (soft and hard), which Linux derives from the machine's RAM. */
#include <stdio.h>
#include <sys/resource.h>

int main(void) {
    struct rlimit n, s;
    getrlimit(RLIMIT_NPROC, &n);
    getrlimit(RLIMIT_SIGPENDING, &s);
    printf("%llu %llu %llu %llu\n", (unsigned long long) n.rlim_cur, (unsigned long long) n.rlim_max,
           (unsigned long long) s.rlim_cur, (unsigned long long) s.rlim_max);
    return 0;
}
