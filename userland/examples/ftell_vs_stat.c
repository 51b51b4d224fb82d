/* ftell_vs_stat: question 17 ("Why is getting the file size with ftell not recommended?
 * How should you do it instead?").
 *
 * What it shows: fseek to the end and ftell needs an open stream that can seek, moves its
 * position (which must be put back), and returns a long (on a 32-bit system a file past
 * 2 GiB does not fit: ftell fails with EOVERFLOW). On a stream that cannot seek, a pipe,
 * fseek and ftell fail (ESPIPE). stat(2) asks the file system for st_size, an off_t, with no
 * stream at all.
 * What to look at: both agree on a regular file; on a pipe ftell gives -1 (Illegal seek).
 * Outcome, on Linux and on Vitrine: "ftell: 1000, stat: 1000", then "ftell on a pipe: -1
 * (Illegal seek)".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    const char *path = "thousand.dat";
    FILE *f = fopen(path, "w+");
    for (int i = 0; i < 1000; i++) fputc('x', f);
    fflush(f);
    fseek(f, 0, SEEK_END);
    long by_ftell = ftell(f);
    fclose(f);
    struct stat st;
    stat(path, &st);
    printf("ftell: %ld, stat: %lld\n", by_ftell, (long long) st.st_size);

    int fd[2];
    pipe(fd);
    write(fd[1], "abc", 3);
    FILE *p = fdopen(fd[0], "r");
    errno = 0;
    int seek = fseek(p, 0, SEEK_END);
    long pos = ftell(p);
    printf("fseek on a pipe: %d, ftell on a pipe: %ld (%s)\n", seek, pos, strerror(errno));
    return 0;
}
