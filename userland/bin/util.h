/* util.h: the few lines every utility shares: its name for messages, and error exits in
 * coreutils' style ("tool: what: strerror", status 1; usage errors status 2). */
#ifndef UTIL_H
#define UTIL_H
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "?";

/* "prog: WHAT: strerror(errno)" on stderr. */
__attribute__((unused)) static void warn_errno(const char *what) {
    fprintf(stderr, "%s: %s: %s\n", prog, what, strerror(errno));
}

/* "prog: MESSAGE" on stderr, printf-style. */
__attribute__((unused, format(printf, 1, 2))) static void warnx(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

__attribute__((unused, noreturn)) static void die_errno(const char *what) {
    warn_errno(what);
    exit(1);
}

__attribute__((unused, noreturn, format(printf, 1, 2))) static void die_usage(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "usage: %s ", prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

/* Writes all of buf to fd, retrying short writes; returns -1 on an error. */
#include <unistd.h>
__attribute__((unused)) static int write_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) { if (errno == EINTR) continue; return -1; }
        p += w;
        n -= w;
    }
    return 0;
}

/* Parses a non-negative decimal count (for -n/-c); -1 if it is not one. */
__attribute__((unused)) static long parse_count(const char *s) {
    char *end;
    if (!*s) return -1;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || errno || v < 0) return -1;
    return v;
}
#endif
