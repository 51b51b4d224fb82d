/* id: who the process is, as coreutils prints it: uid=N(name) gid=N(name) [euid=.. egid=..]
 * groups=..., or one of -u, -g, -G (effective ids; -r the real ones, -n names instead of numbers).
 * Names come from /etc/passwd and /etc/group, read directly (the static glibc's getpwuid would
 * load NSS modules at run time). The groups are the effective gid, then getgroups()'s others. */
#include "util.h"

static const char *name_of(const char *file, unsigned id) {
    static char out[4][64];
    static int k;
    k = (k + 1) % 4;
    snprintf(out[k], sizeof out[k], "%u", id);
    FILE *f = fopen(file, "r");
    if (!f) return out[k];
    char line[512];
    while (fgets(line, sizeof line, f)) {
        char *name = strtok(line, ":"), *pw = strtok(NULL, ":"), *num = strtok(NULL, ":");
        if (name && pw && num && (unsigned)atoi(num) == id) { snprintf(out[k], sizeof out[k], "%s", name); break; }
    }
    fclose(f);
    return out[k];
}

static int known(const char *file, unsigned id) {
    char num[16];
    snprintf(num, sizeof num, "%u", id);
    return strcmp(name_of(file, id), num) != 0;
}

static void show(const char *key, const char *file, unsigned id) {
    printf("%s=%u", key, id);
    if (known(file, id)) printf("(%s)", name_of(file, id));
}

/* coreutils' usage errors: util.h's message and status 1. */
#define bad(...) do { warnx(__VA_ARGS__); exit(1); } while (0)

int main(int argc, char **argv) {
    prog = "id";
    int u = 0, g = 0, G = 0, n = 0, r = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '-' || !argv[i][1]) bad("extra operand '%s'", argv[i]);
        for (const char *c = argv[i] + 1; *c; c++)
            switch (*c) {
            case 'u': u = 1; break;
            case 'g': g = 1; break;
            case 'G': G = 1; break;
            case 'n': n = 1; break;
            case 'r': r = 1; break;
            default: bad("invalid option -- '%c'", *c);
            }
    }
    if (u + g + G > 1) bad("cannot print \"only\" of more than one choice");
    if ((n || r) && !(u + g + G)) bad("cannot print only names or real IDs in default format");
    uid_t ruid = getuid(), euid = geteuid();
    gid_t rgid = getgid(), egid = getegid();
    int count = getgroups(0, NULL);
    gid_t *list = malloc((count + 1) * sizeof *list);
    if (!list || getgroups(count, list + 1) < 0) die_errno("getgroups");
    list[0] = egid;
    int m = 1;
    for (int i = 1; i <= count; i++)
        if (list[i] != egid && list[i] != list[m - 1]) list[m++] = list[i];
    if (u || g) {
        unsigned id = u ? (r ? ruid : euid) : (r ? rgid : egid);
        const char *file = u ? "/etc/passwd" : "/etc/group";
        printf("%s\n", n ? name_of(file, id) : name_of("/dev/null", id));
        return 0;
    }
    if (G) {
        for (int i = 0; i < m; i++) printf("%s%s", i ? " " : "", n ? name_of("/etc/group", list[i]) : name_of("/dev/null", list[i]));
        printf("\n");
        return 0;
    }
    show("uid", "/etc/passwd", ruid);
    show(" gid", "/etc/group", rgid);
    if (euid != ruid) show(" euid", "/etc/passwd", euid);
    if (egid != rgid) show(" egid", "/etc/group", egid);
    printf(" groups=");
    for (int i = 0; i < m; i++) {
        printf("%s%u", i ? "," : "", (unsigned)list[i]);
        if (known("/etc/group", list[i])) printf("(%s)", name_of("/etc/group", list[i]));
    }
    printf("\n");
    return 0;
}
