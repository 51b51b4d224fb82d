/* Two processes: the child blocks reading stdin, the parent keeps printing. Run with a host
 * stdin that stays open and empty, the parent's lines must arrive and --max-time stop it. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    if (fork() == 0) {
        char buf[64];
        long n = read(0, buf, sizeof buf);
        printf("child read %ld\n", n);
        return 0;
    }
    for (long i = 0;; i++)
        if (i % 200000 == 0) printf("tick %ld\n", i / 200000);
}
