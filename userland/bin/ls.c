/* ls: list directories (opendir/readdir) and files. -1 one per line, -a include dot
 * files, -l long format (mode, links, owner, group, size, time, name). Names are sorted
 * as the C locale sorts them (strcmp). */
#include <dirent.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include "util.h"

static int all, lng, one, rc;

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void mode_string(mode_t m, char *s) {
    s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISFIFO(m) ? 'p' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' : S_ISSOCK(m) ? 's' : '-';
    const char *rwx = "rwxrwxrwx";
    for (int k = 0; k < 9; k++) s[1 + k] = (m & (0400 >> k)) ? rwx[k] : '-';
    if (m & S_ISUID) s[3] = s[3] == 'x' ? 's' : 'S';
    if (m & S_ISGID) s[6] = s[6] == 'x' ? 's' : 'S';
    if (m & S_ISVTX) s[9] = s[9] == 'x' ? 't' : 'T';
    s[10] = 0;
}


/* The name of uid/gid `id` from /etc/passwd or /etc/group (read directly: the static
 * glibc's getpwuid would load NSS modules at run time), else the number. */
static void id_name(const char *file, unsigned id, char *out, size_t size) {
    snprintf(out, size, "%u", id);
    FILE *f = fopen(file, "r");
    if (!f) return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        char *name = strtok(line, ":"), *pw = strtok(NULL, ":"), *num = strtok(NULL, ":");
        if (name && pw && num && (unsigned)atoi(num) == id) { snprintf(out, size, "%s", name); break; }
    }
    fclose(f);
}

/* Long lines are collected, then printed with columns as wide as their widest entry. */
struct row { char mode[11], links[24], owner[32], group[32], size[48], when[32], *name; };
static struct row *rows;
static size_t nrows, caprows;

static void long_line(const char *path, const char *name) {
    struct stat st;
    if (lstat(path, &st) < 0) { fprintf(stderr, "ls: cannot access '%s': %s\n", path, strerror(errno)); rc = 1; return; }
    if (nrows == caprows) { caprows = caprows ? 2 * caprows : 64; rows = realloc(rows, caprows * sizeof *rows); }
    struct row *r = &rows[nrows++];
    mode_string(st.st_mode, r->mode);
    snprintf(r->links, sizeof r->links, "%ld", (long)st.st_nlink);
    id_name("/etc/passwd", st.st_uid, r->owner, sizeof r->owner);
    id_name("/etc/group", st.st_gid, r->group, sizeof r->group);
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        snprintf(r->size, sizeof r->size, "%u, %u", major(st.st_rdev), minor(st.st_rdev));
    else
        snprintf(r->size, sizeof r->size, "%lld", (long long)st.st_size);
    struct tm tm;
    localtime_r(&st.st_mtime, &tm);
    time_t now = time(NULL);   /* older than six months, or in the future: the year instead of the time */
    int recent = st.st_mtime <= now && now - st.st_mtime < 31556952 / 2;
    strftime(r->when, sizeof r->when, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
    char target[4096];
    ssize_t n = S_ISLNK(st.st_mode) ? readlink(path, target, sizeof target - 1) : -1;
    if (n >= 0) {
        target[n] = 0;
        r->name = malloc(strlen(name) + n + 5);
        sprintf(r->name, "%s -> %s", name, target);
    } else r->name = strdup(name);
}

static void flush_long(void) {
    int w[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < nrows; k++) {
        const char *f[4] = {rows[k].links, rows[k].owner, rows[k].group, rows[k].size};
        for (int j = 0; j < 4; j++) if ((int)strlen(f[j]) > w[j]) w[j] = strlen(f[j]);
    }
    for (size_t k = 0; k < nrows; k++) {
        struct row *r = &rows[k];
        printf("%s %*s %-*s %-*s %*s %s %s\n", r->mode, w[0], r->links, w[1], r->owner, w[2], r->group, w[3], r->size,
               r->when, r->name);
        free(r->name);
    }
    nrows = 0;
}

static void show(const char *path, const char *name) {
    if (lng) long_line(path, name);
    else printf("%s%s", name, one ? "\n" : "  ");
}

static void list_dir(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) { fprintf(stderr, "ls: cannot open directory '%s': %s\n", dir, strerror(errno)); rc = 2; return; }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' && !all) continue;
        if (n == cap) { cap = cap ? 2 * cap : 64; names = realloc(names, cap * sizeof *names); }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    if (lng) {
        long long blocks = 0;
        for (size_t k = 0; k < n; k++) {
            char p[4096];
            struct stat st;
            snprintf(p, sizeof p, "%s/%s", dir, names[k]);
            if (lstat(p, &st) == 0) blocks += st.st_blocks;
        }
        printf("total %lld\n", blocks / 2);
    }
    for (size_t k = 0; k < n; k++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", dir, names[k]);
        show(p, names[k]);
        free(names[k]);
    }
    flush_long();
    if (!one && !lng && n) putchar('\n');
    free(names);
}

int main(int argc, char **argv) {
    prog = "ls";
    int i = 1;
    one = !isatty(1);
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
        for (char *p = argv[i] + 1; *p; p++) {
            if (*p == 'a') all = 1;
            else if (*p == 'l') lng = 1;
            else if (*p == '1') one = 1;
            else die_usage("[-1al] [FILE]...");
        }
    if (i == argc) { list_dir("."); return rc; }
    /* files first, then directories (with a heading when there are several) */
    int nargs = argc - i, shown = 0;
    qsort(argv + i, nargs, sizeof *argv, cmp);
    for (int k = i; k < argc; k++) {
        struct stat st;
        if (lstat(argv[k], &st) < 0) { fprintf(stderr, "ls: cannot access '%s': %s\n", argv[k], strerror(errno)); rc = 2; continue; }
        if (S_ISDIR(st.st_mode)) continue;
        show(argv[k], argv[k]);
        shown++;
    }
    flush_long();
    if (shown && !one && !lng) putchar('\n');
    for (int k = i; k < argc; k++) {
        struct stat st;
        if (stat(argv[k], &st) < 0 || !S_ISDIR(st.st_mode)) continue;
        if (nargs > 1) printf("%s%s:\n", shown++ ? "\n" : "", argv[k]);
        list_dir(argv[k]);
    }
    return rc;
}
