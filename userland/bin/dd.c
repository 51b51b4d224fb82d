/* dd: copy blocks: dd [if=FILE] [of=FILE] [bs=N] [count=N] [skip=N] [seek=N]. Each read(2)
 * asks for bs bytes (a pipe may give fewer: a partial record); the summary counts full+
 * partial records in and out, then the bytes, on stderr, as GNU dd does (without the time). */
#include <fcntl.h>
#include "util.h"

static long long size_arg(const char *s) {
    char *end;
    long long v = strtoll(s, &end, 10);
    if (end == s || v < 0) { warnx("invalid number: '%s'", s); exit(1); }
    if (*end == 'k' || *end == 'K') v *= 1024, end++;
    else if (*end == 'M') v *= 1024 * 1024, end++;
    else if (*end == 'G') v *= 1024LL * 1024 * 1024, end++;
    else if (*end == 'c') end++;
    else if (*end == 'w') v *= 2, end++;
    else if (*end == 'b') v *= 512, end++;
    if (*end) { warnx("invalid number: '%s'", s); exit(1); }
    return v;
}

int main(int argc, char **argv) {
    prog = "dd";
    const char *in = NULL, *out = NULL;
    long long bs = 512, count = -1, skip = 0, seek = 0;
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) { warnx("unrecognized operand '%s'", argv[i]); return 1; }
        *eq = 0;
        const char *v = eq + 1;
        if (strcmp(argv[i], "if") == 0) in = v;
        else if (strcmp(argv[i], "of") == 0) out = v;
        else if (strcmp(argv[i], "bs") == 0) bs = size_arg(v);
        else if (strcmp(argv[i], "count") == 0) count = size_arg(v);
        else if (strcmp(argv[i], "skip") == 0) skip = size_arg(v);
        else if (strcmp(argv[i], "seek") == 0) seek = size_arg(v);
        else { *eq = '='; warnx("unrecognized operand '%s'", argv[i]); return 1; }
    }
    if (bs <= 0) { warnx("invalid number: bs"); return 1; }
    int ifd = in ? open(in, O_RDONLY) : 0;
    if (ifd < 0) { fprintf(stderr, "dd: failed to open '%s': %s\n", in, strerror(errno)); return 1; }
    int ofd = out ? open(out, O_WRONLY | O_CREAT | (seek ? 0 : O_TRUNC), 0666) : 1;
    if (ofd < 0) { fprintf(stderr, "dd: failed to open '%s': %s\n", out, strerror(errno)); return 1; }
    char *buf = malloc(bs);
    if (skip && lseek(ifd, skip * bs, SEEK_SET) < 0)
        for (long long k = 0; k < skip; k++) if (read(ifd, buf, bs) <= 0) break;   /* a pipe: read and drop */
    if (seek && lseek(ofd, seek * bs, SEEK_SET) < 0) die_errno("seek");
    long long full_in = 0, part_in = 0, full_out = 0, part_out = 0, bytes = 0;
    int rc = 0;
    while (count < 0 || full_in + part_in < count) {
        ssize_t r = read(ifd, buf, bs);
        if (r < 0) { if (errno == EINTR) continue; warn_errno(in ? in : "standard input"); rc = 1; break; }
        if (r == 0) break;
        if (r == bs) full_in++; else part_in++;
        if (write_all(ofd, buf, r) < 0) { warn_errno(out ? out : "standard output"); rc = 1; break; }
        if (r == bs) full_out++; else part_out++;
        bytes += r;
    }
    fprintf(stderr, "%lld+%lld records in\n%lld+%lld records out\n", full_in, part_in, full_out, part_out);
    fprintf(stderr, "%lld byte%s copied\n", bytes, bytes == 1 ? "" : "s");
    return rc;
}
