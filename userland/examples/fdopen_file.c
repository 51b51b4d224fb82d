/* fdopen_file: wrap a file descriptor in a FILE* with fdopen and fprintf to it.
 *
 * What it shows: open gives a descriptor (the kernel's handle), fdopen a stdio stream on
 * top of it (a user-space buffer); the bytes reach the file when the stream is flushed,
 * here at exit.
 * What to look at: mydata.txt afterwards: "Name:Fred Score:123" (`cat mydata.txt`).
 * Fixed to compile: the text's open("mydata.txt", "w", O_CREAT, ...) passes a string where
 * the flags go; it is open("mydata.txt", O_WRONLY | O_CREAT | O_TRUNC, ...) here. stdio.h.
 * Outcome, on Linux and on Vitrine: no output; mydata.txt holds the line.
 */
#include <stdio.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>

int main() {
    char *name = "Fred";
    int score = 123;
    int filedes = open("mydata.txt", O_WRONLY | O_CREAT | O_TRUNC, S_IWUSR | S_IRUSR);
    FILE *f = fdopen(filedes, "w");
    fprintf(f, "Name:%s Score:%d\n", name, score);
    return 0;
}
