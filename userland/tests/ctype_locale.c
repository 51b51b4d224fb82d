/* ctype_locale: the C locale's character classes for all 256 byte values, toupper/tolower, setlocale(LC_ALL, "C") and localeconv. */
#include <stdio.h>
#include <ctype.h>
#include <locale.h>
#include <string.h>

int main(void)
{
    const char *l = setlocale(LC_ALL, NULL);
    printf("locale at start: %s\n", l ? l : "(null)");
    l = setlocale(LC_ALL, "C");
    printf("setlocale C: %s\n", l ? l : "(null)");
    for (int c = -1; c < 256; c++) {
        printf("%3d %c%c%c%c%c%c%c%c%c%c%c%c %02x %02x\n", c, isalpha(c) ? 'a' : '-', isdigit(c) ? 'd' : '-', isalnum(c) ? 'n' : '-',
               isspace(c) ? 's' : '-', isupper(c) ? 'U' : '-', islower(c) ? 'l' : '-', ispunct(c) ? 'p' : '-', isprint(c) ? 'r' : '-',
               isgraph(c) ? 'g' : '-', iscntrl(c) ? 'c' : '-', isxdigit(c) ? 'x' : '-', isblank(c) ? 'b' : '-', toupper(c) & 0xff, tolower(c) & 0xff);
    }
    struct lconv *lc = localeconv();
    printf("decimal_point [%s] thousands_sep [%s]\n", lc->decimal_point, lc->thousands_sep);
    return 0;
}
