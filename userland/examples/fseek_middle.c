/* fseek_middle: question 14 ("Write a function that uses fseek and ftell to replace the
 * middle character of a file with an 'X'").
 *
 * What it shows: fseek(f, 0, SEEK_END) then ftell gives the length; fseek to half of it
 * and one fputc overwrite that byte in place (the file is opened "r+": read and write,
 * no truncation).
 * What to look at: the file before and after: the middle character is now X.
 * Outcome, on Linux and on Vitrine: "abcdefghi" becomes "abcdeXghi" (offset 5 of 10 bytes).
 */
#include <stdio.h>

static int replace_middle(const char *path) {
    FILE *f = fopen(path, "r+");
    if (!f) return -1;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, size / 2, SEEK_SET);
    fputc('X', f);
    return fclose(f);
}

static void show(const char *path) {
    char line[64] = "";
    FILE *f = fopen(path, "r");
    fgets(line, sizeof line, f);
    fclose(f);
    printf("%s", line);
}

int main(void) {
    const char *path = "middle.txt";
    FILE *f = fopen(path, "w");
    fputs("abcdefghi\n", f); /* 10 bytes with the newline: the middle is offset 5 */
    fclose(f);
    show(path);
    if (replace_middle(path) != 0) { perror("replace_middle"); return 1; }
    show(path);
    return 0;
}
