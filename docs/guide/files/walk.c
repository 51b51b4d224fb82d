/* Touches a 64 KiB array by rows then by columns: a TLB-friendly and a TLB-hostile walk. */
#include <stdlib.h>
#define N 128
int main(void) {
    static int a[N][N];
    long sum = 0;
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) a[i][j] = i + j;
    for (int j = 0; j < N; j++) for (int i = 0; i < N; i++) sum += a[i][j];
    return (int) (sum & 1);
}
