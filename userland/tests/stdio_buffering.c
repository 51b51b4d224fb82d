/* stdio_buffering: full vs line vs no buffering on a non-tty stdout, interleaving printf with write(2), fflush, setvbuf with a user buffer, stderr ordering, buffer-size boundaries. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void raw(const char *s) { if (write(1, s, strlen(s)) < 0) _exit(9); }

int main(void)
{
    /* stdout is a pipe or file in the test: fully buffered, so raw writes overtake buffered text until fflush. */
    printf("A1 buffered\n");
    raw("B1 raw write\n");
    printf("A2 buffered\n");
    fflush(stdout);
    raw("B2 raw after fflush\n");

    /* A long stream that crosses the 4096-byte stdio buffer several times, with raw writes in between. */
    for (int i = 0; i < 300; i++) {
        printf("line %03d %s\n", i, "0123456789abcdefghijklmnopqrstuvwxyz");
        if (i % 97 == 0) raw("[raw]\n");
    }
    fflush(stdout);

    /* Line buffering with our own buffer: each newline flushes, so order is preserved. */
    static char lbuf[64];
    setvbuf(stdout, lbuf, _IOLBF, sizeof lbuf);
    printf("L1 line buffered\n");
    raw("R1 raw\n");
    printf("L2 partial...");
    raw("R2 raw (before the rest of L2)\n");
    printf(" done\n");
    printf("L3 longer than the 64-byte buffer: ................................................................ end\n");
    raw("R3 raw\n");

    /* Unbuffered: every printf is a write. */
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("U1 unbuffered ");
    raw("R4 ");
    printf("U2\n");
    putchar('c'); raw("R5"); putchar('\n');

    /* Back to full buffering with a small buffer. */
    static char fbuf[32];
    setvbuf(stdout, fbuf, _IOFBF, sizeof fbuf);
    printf("F1 full 32 ");
    raw("R6\n");
    printf("F2 this text is longer than thirty-two bytes so it flushes\n");
    raw("R7\n");
    fputs("F3 tail", stdout);
    fputc('\n', stdout);
    fprintf(stderr, "E1 stderr is unbuffered\n");
    puts("F4 puts");
    fwrite("F5 fwrite\n", 1, 10, stdout);
    /* exit flushes the rest */
    return 0;
}
