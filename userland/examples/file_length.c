/* file_length: the chapter's two ways to get a file's length: fseek to the end and ftell,
 * and stat's st_size ("Use stat instead").
 *
 *   usage: file_length FILE
 *
 * What it shows: ftell returns a long (fine on riscv64, where a long is 8 bytes; 32-bit
 * systems stop at 2 GiB); stat's st_size is an off_t, and needs no open stream. Then
 * fseek(f, 0, SEEK_SET) moves back to the start, and a read continues from there.
 * What to look at: the two lengths agree; the first line of the file follows.
 * Fixed to compile: the fragments joined into main; the stat fragment as a function.
 * Outcome, on Linux and on Vitrine: "ftell: N", "stat: N", then the first line.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

static ssize_t size_by_stat(const char *filename) {
    struct stat buf;
    if (stat(filename, &buf) == -1) {
        return -1;
    }
    return (ssize_t)buf.st_size;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s FILE\n", argv[0]); return 2; }
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long pos = ftell(f);
    printf("ftell: %ld\n", pos);
    printf("stat: %zd\n", size_by_stat(argv[1]));
    fseek(f, 0, SEEK_SET); // Move to the start of the file
    char line[256];
    if (fgets(line, sizeof line, f)) printf("first line: %s", line);
    fclose(f);
    return 0;
}
