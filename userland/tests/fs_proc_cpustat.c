/* fs_proc_cpustat: /proc/stat as top and ps read it: "cpu  " with ten tick counts, a cpuN line, ctxt, btime (at or before now), processes, procs_running >= 1 (the reader). */
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(void) {
    FILE *f = fopen("/proc/stat", "r");
    if (!f) { perror("/proc/stat"); return 1; }
    char line[4096];
    int cpu = 0, cpu0 = 0, ctxt = 0, btime = 0, procs = 0, running = 0, blocked = 0;
    unsigned long long v[10], n;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "cpu  ", 5) == 0)
            cpu = sscanf(line + 5, "%llu %llu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9]) == 10;
        else if (strncmp(line, "cpu0 ", 5) == 0) cpu0 = 1;
        else if (sscanf(line, "ctxt %llu", &n) == 1) ctxt = 1;
        else if (sscanf(line, "btime %llu", &n) == 1) btime = n > 0 && (time_t) n <= time(NULL);
        else if (sscanf(line, "processes %llu", &n) == 1) procs = n >= 1;
        else if (sscanf(line, "procs_running %llu", &n) == 1) running = n >= 1;
        else if (sscanf(line, "procs_blocked %llu", &n) == 1) blocked = 1;
    }
    fclose(f);
    printf("cpu line with 10 counts: %d\ncpu0 line: %d\nctxt: %d\nbtime not in the future: %d\n"
           "processes >= 1: %d\nprocs_running >= 1: %d\nprocs_blocked: %d\n", cpu, cpu0, ctxt, btime, procs, running, blocked);
    return 0;
}
