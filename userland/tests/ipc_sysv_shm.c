/* ipc_sysv_shm: System V shared memory (shmget/shmat/shmdt/shmctl: sharing across attaches and fork, IPC_STAT's counts, IPC_RMID while attached, SHM_LOCK, the errnos) and POSIX shm_open on /dev/shm */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static void showp(const char *what, void *p) {
    if (p == (void *) -1) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: ok\n", what);
}

static void stat_of(const char *what, int id) {
    struct shmid_ds d;
    if (shmctl(id, IPC_STAT, &d) < 0) { printf("%s: IPC_STAT -1 %s\n", what, strerrorname_np(errno)); return; }
    printf("%s: segsz %zu nattch %lu mode %04o key0 %d cpid self %d lpid self %d atime %d dtime %d\n", what,
           d.shm_segsz, (unsigned long) d.shm_nattch, d.shm_perm.mode, d.shm_perm.__key == 0,
           d.shm_cpid == getpid(), d.shm_lpid == getpid(), d.shm_atime != 0, d.shm_dtime != 0);
}

static sigjmp_buf back;
static void on_segv(int sig) { siglongjmp(back, sig); }

static int maps_has(const char *what) {
    char line[512];
    int found = 0;
    FILE *f = fopen("/proc/self/maps", "r");
    while (fgets(line, sizeof line, f)) if (strstr(line, "/SYSV") && strstr(line, what)) found = 1;
    fclose(f);
    return found;
}

/* /proc/sysvipc/shm as ipcs reads it: its header, and our segment's row (key, id, size, nattch); others may be listed too. */
static void sysvipc(int key, int id) {
    char line[512];
    FILE *f = fopen("/proc/sysvipc/shm", "r");
    if (!f) { printf("/proc/sysvipc/shm: %s\n", strerrorname_np(errno)); return; }
    fgets(line, sizeof line, f);
    printf("header: %s", line);
    int found = 0;
    while (fgets(line, sizeof line, f)) {
        int k, i, cpid, lpid;
        unsigned perms;
        unsigned long size, nattch;
        if (sscanf(line, "%d %d %o %lu %d %d %lu", &k, &i, &perms, &size, &cpid, &lpid, &nattch) == 7 && k == key && i == id)
            printf("row: perms %o size %lu cpid self %d nattch %lu\n", perms, size, cpid == getpid(), nattch), found = 1;
    }
    fclose(f);
    printf("row found: %d\n", found);
}

int main(void) {
    key_t key = 0x56490000 + (getpid() & 0xffff);
    show("size 0", shmget(IPC_PRIVATE, 0, 0600));
    show("size SIZE_MAX", shmget(IPC_PRIVATE, (size_t) -1, 0600));
    show("size 1 TiB", shmget(IPC_PRIVATE, 1UL << 40, 0600));
    show("missing key", shmget(key, 4096, 0600));
    int id = shmget(key, 10000, IPC_CREAT | IPC_EXCL | 0640);
    show("create", id >= 0);
    show("create again, EXCL", shmget(key, 10000, IPC_CREAT | IPC_EXCL | 0600));
    show("same key, larger", shmget(key, 20000, 0600));
    show("same key, smaller is that one", shmget(key, 100, 0) == id);
    show("same key, size 0 is that one", shmget(key, 0, IPC_CREAT) == id);
    stat_of("fresh", id);

    char *a = shmat(id, NULL, 0);
    showp("shmat", a);
    stat_of("one attach", id);
    printf("maps: %d %d\n", maps_has("rw-s"), maps_has("(deleted)"));
    sysvipc(key, id);
    char *b = shmat(id, NULL, SHM_RDONLY);
    showp("shmat read-only", b);
    stat_of("two attaches", id);
    strcpy(a, "written through the first attach");
    a[9999] = 'z';
    printf("second attach reads: %s %c\n", b, b[9999]);
    printf("page past the size reads %d\n", a[12000]);
    signal(SIGSEGV, on_segv);
    if (sigsetjmp(back, 1) == 0) { b[0] = 'x'; printf("store to a read-only attach went through\n"); }
    else printf("store to a read-only attach: SIGSEGV\n");

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *c = shmat(id, NULL, 0);
        strcpy(c + 100, "the child's words");
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("after the child: %s\n", a + 100);
    stat_of("child gone", id);

    show("shmdt not an attach", shmdt(a + 4096));
    show("shmdt unaligned", shmdt(a + 1));
    show("shmdt read-only attach", shmdt(b));
    show("shmdt it again", shmdt(b));
    stat_of("one detached", id);

    show("shmat bad id", (long) shmat(id + 1, NULL, 0) == -1 ? -1 : 0);
    show("shmat id -1", (long) shmat(-1, NULL, 0) == -1 ? -1 : 0);
    char *spot = mmap(NULL, 8 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(spot, 8 * 4096);
    showp("shmat unaligned", shmat(id, spot + 5, 0));
    char *r = shmat(id, spot + 5, SHM_RND);
    printf("SHM_RND rounds down: %d\n", r == spot);
    showp("shmat over it", shmat(id, spot, 0));
    /* SHM_REMAP without an address is EINVAL on Linux; qemu-user attaches anyway, so it is not asked here. */
    char *r2 = shmat(id, spot, SHM_REMAP);
    printf("SHM_REMAP over it: %d %s\n", r2 == spot, r2);
    stat_of("two again", id);
    show("shmdt remapped", shmdt(spot));

    struct shmid_ds d;
    show("IPC_STAT bad buffer", shmctl(id, IPC_STAT, (struct shmid_ds *) 8));
    show("IPC_SET bad buffer", shmctl(id, IPC_SET, (struct shmid_ds *) 8));
    show("bad cmd", shmctl(id, 99, &d));
    show("negative id", shmctl(-1, IPC_STAT, &d));
    show("stale id", shmctl(id + 32768, IPC_STAT, &d));
    shmctl(id, IPC_STAT, &d);
    d.shm_perm.mode = 0604;
    show("IPC_SET", shmctl(id, IPC_SET, &d));
    stat_of("mode set", id);
    show("SHM_LOCK", shmctl(id, SHM_LOCK, NULL));
    stat_of("locked", id);
    show("SHM_UNLOCK", shmctl(id, SHM_UNLOCK, NULL));
    stat_of("unlocked", id);
    struct shminfo info;
    show("IPC_INFO", shmctl(0, IPC_INFO, (struct shmid_ds *) &info) >= 0);
    printf("shmmni %lu shmmin %lu shmmax all ones but 24 bits: %d\n", info.shmmni, info.shmmin, info.shmmax == (unsigned long) -1 - (1UL << 24) + 1 - 1);
    show("IPC_INFO bad buffer", shmctl(0, IPC_INFO, (struct shmid_ds *) 8));

    show("IPC_RMID attached", shmctl(id, IPC_RMID, NULL));
    stat_of("removed, attached", id);
    show("key now free", shmget(key, 100, 0));
    char *again = shmat(id, NULL, 0);
    printf("attach after IPC_RMID: %s\n", again == (void *) -1 ? strerrorname_np(errno) : again);
    show("shmdt", shmdt(again));
    show("shmdt last", shmdt(a));
    stat_of("gone", id);

    int priv = shmget(IPC_PRIVATE, 4096, 0600);
    char *p = shmat(priv, NULL, 0);
    strcpy(p, "kept while detached");
    shmdt(p);
    p = shmat(priv, NULL, 0);
    printf("reattached: %s\n", p);
    shmdt(p);
    show("IPC_RMID detached", shmctl(priv, IPC_RMID, NULL));
    stat_of("gone at once", priv);

    /* POSIX shared memory: files in the tmpfs at /dev/shm */
    char name[64];
    snprintf(name, sizeof name, "/vitrine-shm-%d", getpid());
    struct statfs sf;
    show("statfs /dev/shm", statfs("/dev/shm", &sf));
    printf("/dev/shm is tmpfs: %d\n", sf.f_type == 0x01021994);
    int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
    show("shm_open", fd >= 0);
    show("FD_CLOEXEC", fcntl(fd, F_GETFD));
    show("shm_open EXCL again", shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600));
    show("shm_open with a slash", shm_open("/a/b", O_CREAT | O_RDWR, 0600));
    show("ftruncate", ftruncate(fd, 8192));
    char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        int cfd = shm_open(name, O_RDWR, 0);
        char *cm = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0);
        strcpy(cm + 4096, "posix shm from the child");
        _exit(0);
    }
    waitpid(pid, &st, 0);
    printf("parent reads: %s\n", m + 4096);
    struct stat s;
    fstat(fd, &s);
    printf("size %ld mode %o\n", (long) s.st_size, s.st_mode & 07777);
    show("shm_unlink", shm_unlink(name));
    show("shm_unlink again", shm_unlink(name));
    show("shm_open gone", shm_open(name, O_RDWR, 0));
    printf("still mapped: %s\n", m + 4096);
    return 0;
}
