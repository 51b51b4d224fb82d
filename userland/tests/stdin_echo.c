/* stdin_echo: reads stdin (stdin_echo.stdin) with fgets, getchar, scanf and fread; echoes lines with numbers, counts bytes, handles a line longer than the buffer and EOF. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char line[32];
    int n = 0;
    /* first 6 lines with fgets into a small buffer (a long line arrives in pieces) */
    while (n < 6 && fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        printf("fgets %d (%zu%s): %s%s", n++, len, line[len - 1] == '\n' ? "" : ", partial", line, line[len - 1] == '\n' ? "" : "\n");
    }
    /* numbers with scanf */
    int a = 0, b = 0; double d = 0; char word[16] = "";
    int r = scanf("%d %d %lf %15s", &a, &b, &d, word);
    printf("scanf -> %d: %d %d %.3f %s\n", r, a, b, d, word);
    /* the rest of the scanf line, then characters one by one up to a '#' */
    int c, chars = 0;
    while ((c = getchar()) != EOF && c != '#') { if (c == '\n') printf("getchar: newline at %d\n", chars); chars++; }
    printf("getchar read %d chars before '#'\n", chars);
    ungetc('Z', stdin);
    printf("after ungetc: %c\n", getchar());
    /* the rest in blocks */
    char blk[100];
    size_t total = 0, got;
    unsigned long h = 0;
    while ((got = fread(blk, 1, sizeof blk, stdin)) > 0) {
        for (size_t i = 0; i < got; i++) h = h * 31 + (unsigned char)blk[i];
        total += got;
    }
    printf("fread rest: %zu bytes hash %lu eof %d error %d\n", total, h, feof(stdin) != 0, ferror(stdin) != 0);
    printf("getchar at EOF: %d\n", getchar());
    return 0;
}
