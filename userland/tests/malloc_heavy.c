/* malloc_heavy: thousands of malloc/calloc/realloc/free with content checksums, fragmentation, large blocks that go to mmap, memalign/posix_memalign alignment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <inttypes.h>
#include <malloc.h>

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

#define SLOTS 512
static unsigned char *slot[SLOTS];
static size_t len[SLOTS];
static unsigned char tag[SLOTS];

static uint64_t sum(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

static int check(unsigned i)
{
    for (size_t k = 0; k < len[i]; k++) if (slot[i][k] != (unsigned char)(tag[i] + k)) return 0;
    return 1;
}

int main(void)
{
    unsigned long bad = 0, ops = 0;
    for (int round = 0; round < 12000; round++) {
        unsigned i = next() % SLOTS;
        uint64_t r = next();
        if (slot[i] && !check(i)) bad++;
        switch (r % 5) {
        case 0: case 1: {             /* fresh malloc, sizes skewed small */
            free(slot[i]);
            size_t n = (r >> 8) % ((r >> 40) % 8 == 0 ? 3000 : 160) + 1;
            slot[i] = malloc(n); len[i] = n; tag[i] = (unsigned char)r;
            for (size_t k = 0; k < n; k++) slot[i][k] = (unsigned char)(tag[i] + k);
            break;
        }
        case 2: {                     /* realloc grow/shrink, content preserved */
            size_t n = (r >> 8) % ((r >> 40) % 4 == 0 ? 1500 : 300) + 1;
            unsigned char *p = realloc(slot[i], n);
            if (!p) { bad++; break; }
            size_t keep = slot[i] ? (n < len[i] ? n : len[i]) : 0;
            slot[i] = p;
            if (keep == 0) tag[i] = (unsigned char)r;
            for (size_t k = keep; k < n; k++) p[k] = (unsigned char)(tag[i] + k);
            len[i] = n;
            break;
        }
        case 3: {                     /* calloc must be zeroed */
            free(slot[i]);
            size_t n = (r >> 8) % 100 + 1, m = (r >> 20) % 7 + 1;
            unsigned char *p = calloc(n, m);
            for (size_t k = 0; k < n * m; k++) if (p[k]) { bad++; break; }
            slot[i] = p; len[i] = n * m; tag[i] = (unsigned char)(r >> 3);
            for (size_t k = 0; k < n * m; k++) p[k] = (unsigned char)(tag[i] + k);
            break;
        }
        default:
            free(slot[i]); slot[i] = NULL; len[i] = 0;
        }
        ops++;
        if (round % 3000 == 2999) {
            uint64_t h = 0; size_t total = 0; unsigned live = 0;
            for (unsigned k = 0; k < SLOTS; k++) if (slot[k]) { h += sum(slot[k], len[k]); total += len[k]; live++; }
            printf("round %5d: live %u bytes %zu checksum %016" PRIx64 " bad %lu\n", round + 1, live, total, h, bad);
        }
    }
    for (unsigned k = 0; k < SLOTS; k++) { if (slot[k] && !check(k)) bad++; free(slot[k]); slot[k] = NULL; }

    /* Large blocks (above the mmap threshold) and growing a big block by realloc. */
    size_t sizes[] = {200000, 1 << 20, 128 * 1024 + 1, 8 << 20};
    for (unsigned k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        unsigned char *p = malloc(n);
        p[0] = 1; p[n - 1] = 2;
        for (size_t o = 0; o < n; o += 4096) p[o] = (unsigned char)(o >> 12);
        unsigned char *q = calloc(1, n);
        size_t nz = 0;
        for (size_t o = 0; o < n; o += 512) nz += q[o] != 0;
        p = realloc(p, n * 2);
        size_t okpages = 0;
        for (size_t o = 4096; o < n - 1; o += 4096) okpages += p[o] == (unsigned char)(o >> 12);
        p[2 * n - 1] = 3;
        printf("large %zu: first %d last %d pages ok %zu of %zu calloc nonzero %zu usable>=n %d\n", n, p[0], p[n - 1], okpages,
               (n - 2) / 4096, nz, malloc_usable_size(p) >= 2 * n);
        free(p); free(q);
    }
    /* Alignment */
    for (size_t al = 8; al <= 65536; al *= 4) {
        void *p = NULL;
        int rc = posix_memalign(&p, al, 100 + al);
        void *q = memalign(al, 33);
        void *r = aligned_alloc(al, al * 2);
        printf("align %6zu: rc %d %d %d %d\n", al, rc, (uintptr_t)p % al == 0, (uintptr_t)q % al == 0, (uintptr_t)r % al == 0);
        free(p); free(q); free(r);
    }
    /* A linked list of 50000 nodes built, summed, reversed and freed. */
    struct node { struct node *next; long v; } *head = NULL;
    for (long k = 0; k < 20000; k++) { struct node *n = malloc(sizeof *n); n->v = k * k % 1000003; n->next = head; head = n; }
    long total = 0, cnt = 0;
    struct node *prev = NULL;
    while (head) { struct node *nx = head->next; total += head->v * (cnt++ % 7); head->next = prev; prev = head; head = nx; }
    for (struct node *n = prev; n; ) { struct node *nx = n->next; free(n); n = nx; }
    printf("list: %ld nodes weighted sum %ld\n", cnt, total);
    printf("ops %lu bad %lu\n", ops, bad);
    return bad != 0;
}
