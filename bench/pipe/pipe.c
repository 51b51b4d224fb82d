/* bench/pipe: 1 GiB through a pipe between two processes in 64 KiB writes. The reader counts
 * the bytes and checks a stamp in each write; both sides exit 0 only if everything arrived. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

int main(int argc, char **argv) {
    long total = argc > 1 ? atol(argv[1]) : 1L << 30;
    long chunks = total / CHUNK;
    int fd[2];
    if (pipe(fd) < 0) { perror("pipe"); return 1; }
    static char buf[CHUNK];
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        for (long i = 0; i < chunks; i++) {
            memcpy(buf, &i, sizeof i);
            for (long done = 0; done < CHUNK; ) {
                ssize_t w = write(fd[1], buf + done, CHUNK - done);
                if (w <= 0) { perror("write"); _exit(1); }
                done += w;
            }
        }
        _exit(0);
    }
    close(fd[1]);
    long got = 0, stamps = 0, next = 0;
    ssize_t r;
    while ((r = read(fd[0], buf, CHUNK)) > 0) {
        /* A stamp sits at every CHUNK boundary of the stream. */
        if (got % CHUNK == 0 && r >= (ssize_t) sizeof(long)) {
            long s;
            memcpy(&s, buf, sizeof s);
            if (s == next) stamps++;
            next++;
        }
        got += r;
    }
    int st;
    waitpid(pid, &st, 0);
    printf("%ld bytes in %ld writes of %d; %ld stamps checked\n", got, chunks, CHUNK, stamps);
    return got == chunks * CHUNK && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}
