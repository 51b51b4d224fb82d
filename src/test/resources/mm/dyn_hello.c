/* A dynamically linked program: with an argument it sleeps that many ms first, so two can overlap. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc > 1) usleep(1000 * atoi(argv[1]));
    printf("hello from a dynamic executable%s%s\n", argc > 1 ? ", slept " : "", argc > 1 ? argv[1] : "");
    return 0;
}
