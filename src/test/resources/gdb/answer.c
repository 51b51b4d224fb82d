/* The --gdb test's program: a call with known arguments, a global, a store, a print. */
#include <stdio.h>
int counter = 41;
int add(int a, int b) { return a + b; }
int main(void) {
    int x = add(counter, 1);
    counter = x;
    printf("answer %d\n", x);
    return 0;
}
