/* Children that touch memory, meet at a pipe so all are alive at once, then exit; MeasuresTest reads --stats. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int children = argc > 1 ? atoi(argv[1]) : 3;
    long kib = argc > 2 ? atol(argv[2]) : 256;
    int gate[2];
    pipe(gate);
    for (int i = 0; i < children; i++) {
        if (fork() == 0) {
            close(gate[1]);
            char *p = malloc(kib * 1024 * (i + 1));
            memset(p, i + 1, kib * 1024 * (i + 1));
            char c;
            read(gate[0], &c, 1);   /* end of file once the parent closes its end: all children are alive now */
            _exit(p[kib * 1024 * (i + 1) - 1] == i + 1 ? 0 : 1);
        }
    }
    close(gate[1]);
    int status, bad = 0;
    while (wait(&status) > 0) bad |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    return bad;
}
