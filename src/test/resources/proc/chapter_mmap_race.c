#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
int main() {
 int size = 100 * sizeof(int);
 void *addr = mmap(0, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
 printf("Mapped at %p\n", addr);
 int *shared = addr;
 pid_t mychild = fork();
 if (mychild > 0) {
   shared[0] = 10;
   shared[1] = 20;
 } else {
   /* no sleep: a race */
   printf("%d\n", shared[1] + shared[0]);
 }
 return 0;
}
