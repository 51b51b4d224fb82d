/* hello: the ELF mutation fuzzer's seed program (dev.vitrine.fuzz.ElfMutationTest), built static and dynamic. */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("hello from %s with %d args\n", argc > 0 ? argv[0] : "?", argc);
    return 0;
}
