/* string_ops: memcpy/memmove/memset/memcmp/memchr/strlen/strcmp/strncmp/strcpy/strcat/strchr/strrchr/strstr/strspn/strtok/strdup over many lengths and alignments. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <stdint.h>
#include <strings.h>

static unsigned char buf[192] __attribute__((aligned(64))), ref[192] __attribute__((aligned(64)));
static uint64_t h;
static void mix(uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; }
static void mixbuf(const unsigned char *p, size_t n) { for (size_t i = 0; i < n; i++) mix(p[i]); }
static void fill(unsigned char *p, size_t n, unsigned seed) { for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(seed + i * 37 + (i >> 3)); }

int main(void)
{
    unsigned long errors = 0;
    /* memcpy / memset / memmove: every small length at every alignment, checked against a byte loop */
    for (size_t dst = 0; dst < 10; dst++) for (size_t src = 0; src < 10; src++) for (size_t n = 0; n < 72; n += (n < 20 ? 1 : 9)) {
        fill(buf, sizeof buf, (unsigned)(dst * 16 + src));
        memcpy(ref, buf, sizeof buf);
        memcpy(buf + 110 + dst, buf + src, n);
        for (size_t i = 0; i < n; i++) ref[110 + dst + i] = ref[src + i];
        errors += memcmp(buf, ref, sizeof buf) != 0;
        memmove(buf + dst + 3, buf + src, n);      /* overlapping both ways */
        { unsigned char tmp[80]; for (size_t i = 0; i < n; i++) tmp[i] = ref[src + i]; for (size_t i = 0; i < n; i++) ref[dst + 3 + i] = tmp[i]; }
        errors += memcmp(buf, ref, sizeof buf) != 0;
        memset(buf + dst + 90, (int)(src * 17), n);
        for (size_t i = 0; i < n; i++) ref[dst + 90 + i] = (unsigned char)(src * 17);
        errors += memcmp(buf, ref, sizeof buf) != 0;
        mixbuf(buf, sizeof buf);
    }
    printf("mem*: errors %lu hash %016llx\n", errors, (unsigned long long)h);
    /* large copies */
    static unsigned char big[70000], big2[70000];
    fill(big, sizeof big, 5);
    for (size_t n = 1000; n < 70000; n = n * 2 + 13) {
        memcpy(big2, big, n); memmove(big + 7, big, n - 7); memset(big2 + n / 2, 0xaa, n / 4);
        h = 0; mixbuf(big, n); mixbuf(big2, n);
        printf("big n=%zu hash %016llx memcmp %d\n", n, (unsigned long long)h, memcmp(big, big2, n) > 0);
    }
    /* strlen at all alignments and lengths (word-at-a-time implementations read past) */
    char s[300] __attribute__((aligned(16)));
    for (size_t off = 0; off < 16; off++) for (size_t n = 0; n < 100; n++) {
        memset(s, 'x', sizeof s);
        s[off + n] = 0;
        if (strlen(s + off) != n) errors++;
        if (strnlen(s + off, 50) != (n < 50 ? n : 50)) errors++;
        if (n && strchr(s + off, 'x') != s + off) errors++;
        if (strchr(s + off, 0) != s + off + n) errors++;
        if (memchr(s + off, 0, 200) != s + off + n) errors++;
    }
    printf("strlen: errors %lu\n", errors);
    /* comparisons, incl. bytes >= 0x80 (unsigned compare) */
    const char *cs[] = {"", "a", "b", "abc", "abd", "ab", "abcd", "\x80", "\x7f", "ABC", "abc\xff", "abc\x01", "hello world", "hello"};
    unsigned nc = sizeof cs / sizeof cs[0];
    for (unsigned i = 0; i < nc; i++) {
        for (unsigned j = 0; j < nc; j++) {
            int c = strcmp(cs[i], cs[j]), c3 = strncmp(cs[i], cs[j], 3), cc = strcasecmp(cs[i], cs[j]);
            int m = memcmp(cs[i], cs[j], 1);
            printf("%c%c%c%c", c < 0 ? '<' : c > 0 ? '>' : '=', c3 < 0 ? '<' : c3 > 0 ? '>' : '=', cc < 0 ? '<' : cc > 0 ? '>' : '=',
                   m < 0 ? '<' : m > 0 ? '>' : '=');
        }
        printf("\n");
    }
    /* strcpy/strcat/strncpy/strdup */
    char d[128];
    strcpy(d, "Vitrine");
    strcat(d, " is a ");
    const char *tail = "see-through machine, truncated";
    strncat(d, tail, 19);
    printf("[%s] %zu\n", d, strlen(d));
    memset(d, '#', sizeof d);
    strncpy(d, "short", 10);
    printf("strncpy pads: %d %d %d %c\n", d[5], d[9], d[10] == '#', d[0]);
    char *dup = strdup("duplicate me"), *ndup = strndup("duplicate me", 9);
    printf("[%s] [%s]\n", dup, ndup);
    free(dup); free(ndup);
    /* searching */
    const char *hay = "the quick brown fox jumps over the lazy dog; the end";
    const char *needles[] = {"the", "fox", "dog;", "end", "", "cat", "e l", "the end", "quick brown fox jumps over the lazy dog; the end!"};
    for (unsigned i = 0; i < sizeof needles / sizeof needles[0]; i++) {
        const char *p = strstr(hay, needles[i]);
        printf("strstr \"%s\" -> %ld\n", needles[i], p ? (long)(p - hay) : -1L);
    }
    printf("strchr o %ld strrchr o %ld strpbrk %ld strspn %zu strcspn %zu\n", (long)(strchr(hay, 'o') - hay), (long)(strrchr(hay, 'o') - hay),
           (long)(strpbrk(hay, "xyz") - hay), strspn(hay, "the "), strcspn(hay, ";"));
    char tok[] = "  alpha, beta,,gamma ;delta;  epsilon,";
    int count = 0;
    for (char *t = strtok(tok, " ,;"); t; t = strtok(NULL, " ,;")) printf("tok%d=[%s] ", count++, t);
    printf("\n");
    char tok2[] = "a=1&b=2&&c=3", *save, *t;
    for (t = strtok_r(tok2, "&", &save); t; t = strtok_r(NULL, "&", &save)) {
        char *v = strchr(t, '=');
        printf("(%.*s:%s)", (int)(v - t), t, v + 1);
    }
    printf("\n");
    char *sp = strdup("x:y::z"), *orig = sp, *f;
    while ((f = strsep(&sp, ":"))) printf("<%s>", f);
    printf("\n");
    free(orig);
    printf("errors %lu\n", errors);
    return errors != 0;
}
