/* A prompt, then one line read from the terminal as the line discipline cooked it. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[256];
    printf("> ");
    fflush(stdout);
    if (!fgets(buf, sizeof buf, stdin)) return 1;
    buf[strcspn(buf, "\n")] = 0;
    printf("got [%s]\n", buf);
    return 0;
}
