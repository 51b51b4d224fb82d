/* proc_fork_tree: A tree of processes: every node forks two children one after the other, waits for (continued) */
/*
 * each, and reports what they returned; leaves exit with a code from their path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static int node(const char *path, int depth) {
    if (depth == 3) {
        int code = 0;
        for (const char *p = path; *p; p++) code = code * 2 + (*p == 'R');
        printf("leaf %s exits %d\n", path, code);
        return code;
    }
    int sum = 0;
    for (int side = 0; side < 2; side++) {
        char child[16];
        snprintf(child, sizeof child, "%s%c", path, side ? 'R' : 'L');
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); exit(99); }
        if (pid == 0) exit(node(child, depth + 1));
        int st;
        if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st)) { printf("bad wait\n"); exit(98); }
        printf("node %s: child %s returned %d\n", path[0] ? path : "root", child, WEXITSTATUS(st));
        sum += WEXITSTATUS(st);
    }
    return sum;
}

int main(void) {
    int total = node("", 0);
    printf("root total %d (pid differs from children: %s)\n", total, getpid() > 0 ? "yes" : "no");
    return 0;
}
