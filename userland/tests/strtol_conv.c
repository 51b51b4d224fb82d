/* strtol_conv: strtol/strtoul/strtoll/atoi/sscanf parsing incl. bases, prefixes, overflow (ERANGE), end pointers and signs. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>

int main(void)
{
    const char *in[] = {"0", "-0", "42", "  -42xyz", "+7", "0x1f", "0X1F", "0755", "0b101", "z", "", "   ", "9223372036854775807",
                        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
                        "18446744073709551616", "-1", "2147483648", "ffff", "zz", "1e5", "0x", "-0x10", "12345678901234567890123"};
    const int bases[] = {0, 10, 16, 8, 2, 36};
    for (unsigned i = 0; i < sizeof in / sizeof in[0]; i++) {
        for (unsigned b = 0; b < sizeof bases / sizeof bases[0]; b++) {
            char *e1, *e2;
            errno = 0; long v = strtol(in[i], &e1, bases[b]); int er1 = errno;
            errno = 0; unsigned long u = strtoul(in[i], &e2, bases[b]); int er2 = errno;
            printf("\"%s\" base %2d: strtol %ld used %d%s strtoul %lu used %d%s\n", in[i], bases[b], v, (int)(e1 - in[i]), er1 == ERANGE ? " ERANGE" : "",
                   u, (int)(e2 - in[i]), er2 == ERANGE ? " ERANGE" : "");
        }
        printf("  atoi %d atol %ld\n", atoi(in[i]), atol(in[i]));
    }
    int a = 0, b = 0, n = 0; unsigned x = 0; char s[20] = ""; long long ll = 0;
    int r = sscanf("  123 -0x7f abc 99999999999 rest", "%d %i %19s %lld%n", &a, &b, s, &ll, &n);
    printf("sscanf %d: %d %d %s %lld consumed %d\n", r, a, b, s, ll, n);
    r = sscanf("ff:10:zz", "%x:%o:%d", &x, &a, &b);
    printf("sscanf %d: %u %d\n", r, x, a);
    return 0;
}
