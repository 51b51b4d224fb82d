/* qsort: qsort and bsearch on ints, doubles (incl. -0 and ties), strings and structs (stability not assumed), with comparison counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long ncmp;
static int cmp_int(const void *a, const void *b) { ncmp++; int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_dbl(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
struct rec { int key; int seq; char name[12]; };
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static unsigned rng = 12345;
static unsigned rnd(void) { rng = rng * 1103515245 + 12345; return (rng >> 16) & 0x7fff; }

int main(void)
{
    static int a[5000];
    for (int n = 0; n <= 5000; n = n < 10 ? n + 1 : n * 3) {
        for (int i = 0; i < n; i++) a[i] = (int)(rnd() % 1000) - 500;
        ncmp = 0;
        qsort(a, n, sizeof a[0], cmp_int);
        int sorted = 1; long sum = 0;
        for (int i = 1; i < n; i++) sorted &= a[i - 1] <= a[i];
        for (int i = 0; i < n; i++) sum += (long)a[i] * (i + 1);
        printf("ints n=%d sorted %d weighted %ld first %d last %d\n", n, sorted, sum, n ? a[0] : 0, n ? a[n - 1] : 0);
        int key = 17;
        int *hit = n ? bsearch(&key, a, n, sizeof a[0], cmp_int) : NULL;
        printf("  bsearch 17: %s\n", hit ? (*hit == 17 ? "found" : "WRONG") : "absent");
    }
    /* already sorted, reversed, all equal */
    for (int i = 0; i < 3000; i++) a[i] = i;
    qsort(a, 3000, sizeof a[0], cmp_int_desc);
    printf("reversed: %d %d %d\n", a[0], a[1500], a[2999]);
    for (int i = 0; i < 3000; i++) a[i] = 7;
    qsort(a, 3000, sizeof a[0], cmp_int);
    printf("equal: %d %d\n", a[0], a[2999]);

    double d[] = {3.5, -0.0, 0.0, -1e300, 1e-300, 2.0, -2.0, 1e300, 0.5, -0.5, 3.5, 1.0 / 3};
    size_t nd = sizeof d / sizeof d[0];
    qsort(d, nd, sizeof d[0], cmp_dbl);
    for (size_t i = 0; i < nd; i++) printf("%g%s", d[i], i + 1 < nd ? " " : "\n");

    const char *words[] = {"pear", "apple", "fig", "banana", "Apple", "apple pie", "", "zebra", "kiwi", "figs", "fig", "APPLE", "10", "9", "100"};
    size_t nw = sizeof words / sizeof words[0];
    qsort(words, nw, sizeof words[0], cmp_str);
    for (size_t i = 0; i < nw; i++) printf("[%s]", words[i]);
    printf("\n");
    const char *k = "kiwi";
    const char **w = bsearch(&k, words, nw, sizeof words[0], cmp_str);
    printf("bsearch kiwi at %ld\n", w ? (long)(w - words) : -1L);

    static struct rec r[2000];
    for (int i = 0; i < 2000; i++) { r[i].key = (int)(rnd() % 50); r[i].seq = i; snprintf(r[i].name, sizeof r[i].name, "n%d", i); }
    qsort(r, 2000, sizeof r[0], cmp_rec);
    unsigned long h = 0;
    for (int i = 0; i < 2000; i++) h = h * 1000003 + (unsigned long)r[i].key * 7919 + (unsigned long)r[i].seq + (unsigned char)r[i].name[1];
    printf("records: first %d/%d/%s last %d/%d/%s hash %lu\n", r[0].key, r[0].seq, r[0].name, r[1999].key, r[1999].seq, r[1999].name, h);
    return 0;
}
