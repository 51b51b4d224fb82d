/* snprintf: integer/string/char/pointer-free formatting, widths, precisions, flags, length modifiers, truncation and return values, %n, positional args, sprintf/vsnprintf. */
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <inttypes.h>
#include <limits.h>
#include <string.h>
#include <stddef.h>

static int vs(char *b, size_t n, const char *fmt, ...)
{
    va_list ap; va_start(ap, fmt);
    int r = vsnprintf(b, n, fmt, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    char b[256];
    const long long iv[] = {0, 1, -1, 42, -42, 127, 128, 255, 65535, INT_MAX, INT_MIN, UINT_MAX, LLONG_MAX, LLONG_MIN, 1000000007LL, -987654321LL};
    for (unsigned i = 0; i < sizeof iv / sizeof iv[0]; i++) {
        long long v = iv[i];
        int r = snprintf(b, sizeof b, "%d|%i|%u|%x|%X|%o|%#x|%#o|%5d|%-5d|%05d|%+d|% d|%.3d|%8.3d|%-+8.3d|%lld|%llu|%llx|%hd|%hhd|%hu|%hhx|%ld|%jd|%zd|%td",
                         (int)v, (int)v, (unsigned)v, (unsigned)v, (unsigned)v, (unsigned)v, (unsigned)v, (unsigned)v, (int)v, (int)v, (int)v,
                         (int)v, (int)v, (int)v, (int)v, (int)v, v, (unsigned long long)v, (unsigned long long)v, (short)v, (signed char)v,
                         (unsigned short)v, (unsigned char)v, (long)v, (intmax_t)v, (ssize_t)v, (ptrdiff_t)v);
        printf("%3d %s\n", r, b);
    }
    const char *strs[] = {"", "a", "hello", "a longer string with spaces", "tab\there", "utf8 \xc3\xa9\xc3\xa8"};
    for (unsigned i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        int r = snprintf(b, sizeof b, "[%s][%10s][%-10s][%.3s][%10.2s][%-*s][%.*s][%c][%5c][%-3c]", strs[i], strs[i], strs[i], strs[i], strs[i], 8,
                         strs[i], 4, strs[i], strs[i][0] ? strs[i][0] : '0', 'x', 'y');
        printf("%3d %s\n", r, b);
    }
    /* truncation: return value is the full length, output NUL-terminated */
    for (size_t n = 0; n <= 12; n++) {
        memset(b, '#', 20);
        int r = snprintf(b, n, "%s-%d", "truncate", 12345);
        printf("n=%2zu r=%d buf=[%.20s]\n", n, r, n ? b : "(untouched)");
    }
    int cnt1 = 0, cnt2 = 0;
    snprintf(b, sizeof b, "abc%n defgh%n!", &cnt1, &cnt2);
    printf("%%n: %d %d [%s]\n", cnt1, cnt2, b);
    snprintf(b, sizeof b, "%2$s %1$s %3$05d %2$s", "world", "hello", 42);
    printf("positional: %s\n", b);
    vs(b, sizeof b, "%s=%d %s=%.2f %%", "x", 7, "y", 2.5);
    printf("vsnprintf: %s len %d\n", b, vs(NULL, 0, "%s=%d", "abcdef", 123456));
    int r = sprintf(b, "%08.3f|%-8.2e|%+.0f|%x", 3.14159, -0.000123, 2.5, 0xbeefu);
    printf("sprintf %d %s\n", r, b);
    printf("%%%% literal, [%-5d] [%5s] [%-5s]\n", 3, "ab", "cd");
    uint64_t big = UINT64_MAX;
    printf("%" PRIu64 " %" PRId64 " %" PRIx64 " %#" PRIo64 "\n", big, (int64_t)big, big, big);
    printf("%" PRIu32 " %" PRIi16 " %" PRIu8 " %" PRIxLEAST32 "\n", UINT32_MAX, (int16_t)-32768, (uint8_t)200, (uint32_t)0xabcdef);
    /* a long output that exceeds any internal chunking */
    char longbuf[5000];
    int pos = 0;
    for (int k = 0; k < 400; k++) pos += snprintf(longbuf + pos, sizeof longbuf - pos, "%d,", k * k);
    unsigned long h = 0;
    for (int k = 0; k < pos; k++) h = h * 131 + (unsigned char)longbuf[k];
    printf("long: %d chars hash %lu tail %s\n", pos, h, longbuf + pos - 20);
    return 0;
}
