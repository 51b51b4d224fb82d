/* Where a program run by `vitrine run` starts, and what it may do there: prints its working
 * directory, the first line of data.txt, and what writing out.txt did. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    char buf[4096];
    printf("cwd %s\n", getcwd(buf, sizeof buf) ? buf : strerror(errno));
    FILE *in = fopen("data.txt", "r");
    if (!in) printf("data.txt: %s\n", strerror(errno));
    else if (fgets(buf, sizeof buf, in)) printf("data.txt: %s", buf);
    FILE *out = fopen("out.txt", "w");
    if (!out) printf("out.txt: %s\n", strerror(errno));
    else printf("out.txt: %s\n", fputs("written in the machine\n", out) >= 0 && fclose(out) == 0 ? "written" : strerror(errno));
    return 0;
}
