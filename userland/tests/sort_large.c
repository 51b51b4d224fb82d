/* sort_large: CPU-bound work (~tens of millions of instructions): merge sort and heap sort of 60k keys, a sieve, a hash table, a CRC32, matrix multiply; prints checksums. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define N 60000
static uint32_t a[N], tmp[N], b[N];

static void msort(uint32_t *x, uint32_t *t, size_t n)
{
    if (n < 2) return;
    size_t h = n / 2;
    msort(x, t, h); msort(x + h, t, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) t[k++] = x[i] <= x[j] ? x[i++] : x[j++];
    while (i < h) t[k++] = x[i++];
    while (j < n) t[k++] = x[j++];
    memcpy(x, t, n * sizeof *x);
}

static void sift(uint32_t *x, size_t i, size_t n)
{
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n) return;
        if (c + 1 < n && x[c + 1] > x[c]) c++;
        if (x[i] >= x[c]) return;
        uint32_t t = x[i]; x[i] = x[c]; x[c] = t; i = c;
    }
}

static uint32_t crc32(const uint8_t *p, size_t n)
{
    static uint32_t table[256];
    if (!table[1]) for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1; table[i] = c; }
    uint32_t c = 0xffffffffu;
    while (n--) c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

int main(void)
{
    uint64_t s = 0x853c49e6748fea9bULL;
    for (size_t i = 0; i < N; i++) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; a[i] = b[i] = (uint32_t)(s >> 33); }
    msort(a, tmp, N);
    for (size_t i = N / 2; i-- > 0;) sift(b, i, N);
    for (size_t n = N; n > 1; n--) { uint32_t t = b[0]; b[0] = b[n - 1]; b[n - 1] = t; sift(b, 0, n - 1); }
    int same = memcmp(a, b, sizeof a) == 0, sorted = 1;
    for (size_t i = 1; i < N; i++) sorted &= a[i - 1] <= a[i];
    printf("sort: n=%d sorted %d heap==merge %d min %u median %u max %u crc %08x\n", N, sorted, same, a[0], a[N / 2], a[N - 1],
           crc32((const uint8_t *)a, sizeof a));

    static uint8_t sieve[300001];
    unsigned count = 0; uint64_t psum = 0;
    for (unsigned i = 2; i <= 300000; i++) {
        if (sieve[i]) continue;
        count++; psum += i;
        for (unsigned long j = (unsigned long)i * i; j <= 300000; j += i) sieve[j] = 1;
    }
    printf("primes <= 3e5: %u sum %llu\n", count, (unsigned long long)psum);

    /* open-addressing hash table of 19k keys, then lookups */
    enum { CAP = 1 << 17 };
    static uint64_t keys[CAP]; static uint32_t vals[CAP];
    unsigned inserted = 0, found = 0, probes = 0;
    for (uint32_t i = 0; i < 19000; i++) {
        uint64_t k = (uint64_t)a[i * 3] * 2654435761u + i;
        size_t h = (k * 0x9e3779b97f4a7c15ULL) >> 47;
        while (keys[h] && keys[h] != k) { h = (h + 1) & (CAP - 1); probes++; }
        if (!keys[h]) { keys[h] = k; vals[h] = i; inserted++; }
    }
    for (uint32_t i = 0; i < 38000; i++) {
        uint64_t k = i % 2 ? (uint64_t)a[(i / 2) * 3] * 2654435761u + i / 2 : i * 7919ULL + 1;
        size_t h = (k * 0x9e3779b97f4a7c15ULL) >> 47;
        while (keys[h] && keys[h] != k) { h = (h + 1) & (CAP - 1); probes++; }
        found += keys[h] == k;
    }
    uint64_t vs = 0; for (size_t i = 0; i < CAP; i++) vs += vals[i] * (uint64_t)(i & 1023);
    printf("hash: inserted %u found %u probes %u values %llu\n", inserted, found, probes, (unsigned long long)vs);

    /* 64x64 double matrix multiply, repeated */
    static double m1[64][64], m2[64][64], m3[64][64];
    for (int i = 0; i < 64; i++) for (int j = 0; j < 64; j++) { m1[i][j] = (i * 7 + j * 3) % 17 / 8.0 - 1; m2[i][j] = (i == j) + 0.01 * ((i ^ j) & 7); }
    for (int r = 0; r < 2; r++) {
        for (int i = 0; i < 64; i++) for (int j = 0; j < 64; j++) { double acc = 0; for (int k = 0; k < 64; k++) acc += m1[i][k] * m2[k][j]; m3[i][j] = acc; }
        memcpy(m1, m3, sizeof m1);
    }
    double tr = 0; for (int i = 0; i < 64; i++) tr += m1[i][i] + m1[i][63 - i] * 1e-3;
    printf("matrix trace %.17g %a\n", tr, tr);
    return 0;
}
