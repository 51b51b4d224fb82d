/* tty_erase: n_tty's erase echo on a pseudo-terminal: a tab erased back to its column (after a prompt, after text, after another tab, with ECHOCTL characters before it), UTF-8 characters erased whole under IUTF8 and byte by byte without, control characters under ECHOCTL, a literal newline, VWERASE over a multibyte word, what the line holds afterwards, and the echo of a newline in non-canonical mode. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int m, s;

/* Everything the master can read now (the echo), escaped. */
static void show(const char *what) {
    unsigned char buf[512];
    int got = 0;
    for (;;) {
        struct pollfd p = {m, POLLIN, 0};
        if (poll(&p, 1, 200) <= 0) break;
        ssize_t n = read(m, buf + got, sizeof buf - got);
        if (n <= 0) break;
        got += n;
    }
    printf("%-34s echo \"", what);
    for (int i = 0; i < got; i++) {
        unsigned c = buf[i];
        if (c == '\b') printf("\\b");
        else if (c == '\r') printf("\\r");
        else if (c == '\n') printf("\\n");
        else if (c == '\t') printf("\\t");
        else if (c < 0x20 || c >= 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    printf("\"\n");
}

/* The line the slave reads once a newline ends it, escaped. */
static void line(void) {
    if (write(m, "\n", 1) != 1) perror("write");
    unsigned char buf[512];
    ssize_t n = read(s, buf, sizeof buf);
    printf("%-34s line \"", "");
    for (ssize_t i = 0; i < n; i++) {
        unsigned c = buf[i];
        if (c == '\n') printf("\\n");
        else if (c == '\t') printf("\\t");
        else if (c < 0x20 || c >= 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    printf("\"\n");
    show("  (after the line)");
}

static void type(const char *what, const char *keys) {
    if (write(m, keys, strlen(keys)) != (ssize_t) strlen(keys)) perror("write");
    show(what);
}

static void prompt(const char *p) {
    if (write(s, p, strlen(p)) != (ssize_t) strlen(p)) perror("write");
    show("prompt");
}

static void flags(tcflag_t iset, tcflag_t iclear, tcflag_t lset, tcflag_t lclear) {
    struct termios t;
    tcgetattr(s, &t);
    t.c_iflag = (t.c_iflag | iset) & ~iclear;
    t.c_lflag = (t.c_lflag | lset) & ~lclear;
    tcsetattr(s, TCSANOW, &t);
}

int main(void) {
    m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0) { perror("pty"); return 1; }
    s = open(ptsname(m), O_RDWR | O_NOCTTY);
    if (s < 0) { perror("slave"); return 1; }
    struct termios t;
    tcgetattr(s, &t);
    t.c_iflag = ICRNL;
    t.c_oflag = OPOST | ONLCR;
    t.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
    t.c_cc[VERASE] = 0x7f;
    t.c_cc[VWERASE] = 0x17;
    t.c_cc[VKILL] = 0x15;
    t.c_cc[VLNEXT] = 0x16;
    tcsetattr(s, TCSANOW, &t);

    prompt("$ ");
    type("tab at the prompt's column 2", "\t");
    type("erase it", "\x7f");
    type("ab, tab", "ab\t");
    type("erase the tab", "\x7f");
    line();

    prompt("abc> ");
    type("tab, x, tab", "\tx\t");
    type("erase the second tab", "\x7f");
    type("erase x, then the first tab", "\x7f\x7f");
    line();

    prompt("");
    type("^A (ECHOCTL) then a tab", "\x01\t");
    type("erase the tab", "\x7f");
    type("erase ^A", "\x7f");
    line();

    prompt("> ");
    type("ten letters and a tab", "abcdefghij\t");
    type("erase the tab", "\x7f");
    line();

    prompt("$ ");
    type("a literal tab (^V tab)", "\x16\t");
    type("erase it", "\x7f");
    type("a literal newline (^V ^J)", "x\x16\n");
    type("erase it", "\x7f");
    line();

    flags(IUTF8, 0, 0, 0);
    prompt("$ ");
    type("IUTF8: e-acute, a-macron, euro", "\xc3\xa9\xc4\x81\xe2\x82\xac");
    type("erase the euro", "\x7f");
    type("erase a-macron", "\x7f");
    type("a tab after e-acute", "\t");
    type("erase the tab", "\x7f");
    line();

    prompt("$ ");
    type("IUTF8: a word of multibyte chars", "ab \xc3\xa9t\xc3\xa9");
    type("VWERASE", "\x17");
    line();

    flags(0, IUTF8, 0, 0);
    prompt("$ ");
    type("no IUTF8: e-acute, a-macron", "\xc3\xa9\xc4\x81");
    type("erase one byte", "\x7f");
    type("erase one more", "\x7f");
    line();

    flags(0, 0, 0, ECHOCTL);
    prompt("$ ");
    type("no ECHOCTL: ^A and a tab", "\x01\t");
    type("erase the tab", "\x7f");
    type("erase ^A", "\x7f");
    line();

    flags(0, 0, 0, ECHOE);
    prompt("$ ");
    type("no ECHOE: ab, tab", "ab\t");
    type("erase twice", "\x7f\x7f");
    line();

    /* Non-canonical: a typed ^J is echoed as a control character, a CR that ICRNL made a newline as a newline. */
    flags(0, 0, ECHOCTL, ICANON);
    type("non-canonical: ^J typed", "\n");
    type("non-canonical: CR under ICRNL", "\r");
    char got[8];
    ssize_t n = read(s, got, sizeof got);
    printf("non-canonical read %zd: %d %d\n", n, n > 0 ? got[0] : -1, n > 1 ? got[1] : -1);
    return 0;
}
