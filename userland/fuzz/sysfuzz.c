/* sysfuzz: random system calls with hostile arguments, to find what the kernel under us mishandles.
 *
 *   sysfuzz SEED CALLS [CHUNK [FLAGS]]  make CALLS random calls, CHUNK (default 50) per forked worker;
 *                                FLAGS: v writes each call to stderr before it is made, m aims
 *                                seven calls in ten at the file tree (mkdir, rename, link, symlink,
 *                                unlink, open, truncate, chmod, utimensat...) in and around the mount
 *   sysfuzz -i                   make the calls read from stdin: records of 7 little-endian
 *                                int64 (nr, a0..a5); print "I NR RESULT" per record ("I NR -" if
 *                                its worker died before making it)
 *
 * DO NOT run it on a real kernel (qemu-riscv64 included) as a privileged user: the calls are
 * real. It is meant for Vitrine, where the guest is uid 1000 in a machine of its own.
 *
 * Design: the parent (pid 1 on Vitrine) maps the arena, then forks workers one after another;
 * each worker opens a few descriptors, installs signal handlers, sometimes starts threads that
 * make calls beside it (so more than CALLS calls can be made), arms a 2 ms interval timer whose SIGALRM handler (no
 * SA_RESTART) interrupts any call that would block, and makes its share of the calls. The
 * parent reaps it, and SIGKILLs it if it outlives a virtual-time watchdog (a worker that
 * blocked SIGALRM, stopped itself, or spins). A worker killed by a signal is the guest's
 * business; the machine must go on. Calls that would end or freeze a worker for good (exit,
 * execve, rt_sigreturn, signals to other processes, unmapping its own text/stack/heap) are
 * neutered: their arguments are steered to harmless values, never skipped, so the seed alone
 * decides every call. Counts go into a MAP_SHARED page the parent reads at the end.
 *
 * The arena is at a fixed address so the Java property test (dev.vitrine.fuzz) can aim at it:
 *   ARENA             0x200000000, 256 KiB read-write: random bytes, with
 *     ARENA+0x20000     path strings, one per 0x200 bytes (PATHS[] below, in order)
 *     ARENA+0x30000     a path longer than PATH_MAX ("a/a/a/...")
 *     ARENA+0x38000     iovecs (16) pointing into the arena
 *     ARENA+0x39000     zeroed structures (timespecs, sigsets: all zero)
 *     ARENA+0x3a000     256 bytes refilled before every call with edge fields (small int pairs, edge
 *                       64-bit values, valid fds): timespecs, flocks, pollfds, rlimits at their limits
 *     ARENA+0x3fff0     a string without a NUL that runs into the read-only page
 *   ARENA+0x40000     one read-only page (filled with 'A': no NUL)
 *   ARENA+0x41000     one PROT_NONE page
 *   ARENA+0x42000     one unmapped page
 * A worker's descriptors are opened in this order: /mnt/host/fz_f (rw, created), /tmp/fz_t (rw,
 * created), "." (O_DIRECTORY), a pipe (read end, write end), /dev/null, /dev/zero, /proc/self/maps.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define ARENA      0x200000000UL
#define ARENA_RW   0x40000UL
#define ARENA_LEN  0x43000UL
#define PATHS_AT   (ARENA + 0x20000)
#define LONGPATH   (ARENA + 0x30000)
#define IOVS       (ARENA + 0x38000)
#define ZEROS      (ARENA + 0x39000)
#define STRUCTS    (ARENA + 0x3a000)
#define NONUL      (ARENA + 0x3fff0)
#define RO_PAGE    (ARENA + 0x40000)
#define NONE_PAGE  (ARENA + 0x41000)
#define HOLE_PAGE  (ARENA + 0x42000)
#define SHARED     0x1f0000000UL
#define STACKS     0x1e0000000UL               /* 4 x 64 KiB: worker threads' stacks, the last one the altstack */
#define STACK_LEN  0x10000UL
#define MAXERR     4096
#define NSIG_MAX   65

static const char *const PATHS[] = {
    "", ".", "..", "/", "fz_f", "fz_g", "fz_d", "fz_d/fz_e", "fz_l", "fz_l/fz_x",
    "../../..", "/mnt/host", "/mnt/host/fz_f", "/mnt/host/fz_d", "/mnt/host/fz_l", "/mnt/host/..",
    "../canary.txt", "fz_l/canary.txt", "fz_up/canary.txt", "fz_up", "/mnt/host/fz_up/..",
    "/tmp", "/tmp/fz_t", "/tmp/fz_d", "/proc/self/fd/0", "/proc/self/mem", "/proc/self/maps",
    "/proc/1/status", "/proc/self/exe", "/proc", "/dev/null", "/dev/zero", "/dev/full",
    "/dev/urandom", "/dev/tty", "/etc/passwd", "/home/user/sysfuzz", "/lib", "/usr/lib",
    "/home/user", "fz_f/", "fz_f/..", "//mnt//host//fz_f", "/mnt/host/fz_d/../fz_f",
    /* host symlinks the harness plants in the mount, pointing out of it (../, an absolute host path, a canary) */
    "fz_out/canary.txt", "fz_abs/canary.txt", "fz_canary", "fz_out/sibling/canary.txt",
};
#define NPATHS ((int) (sizeof PATHS / sizeof PATHS[0]))

struct shared {
    uint64_t calls, ok, workers, killed[NSIG_MAX], watchdog;
    uint64_t err[MAXERR];          /* err[e]: calls that returned -e (e < MAXERR); err[0]: beyond */
    int64_t results[];             /* -i mode: one per record */
};

static struct shared *sh;
static uint64_t rng;
static uint64_t protect_lo[4], protect_hi[4];
static int nprotect;
static int fds[9];
static pid_t self_pid;
static uint64_t last_map, last_len;                /* the last mapping mmap gave: touch() writes into it */
static int verbose_fd = -1;                        /* the run's stderr, kept at fd 1023 in verbose mode */

static uint64_t next(void) {       /* splitmix64 */
    uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static uint64_t below(uint64_t n) { return next() % n; }

static long raw(long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
    register long r7 __asm__("a7") = nr;
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long r3 __asm__("a3") = a3;
    register long r4 __asm__("a4") = a4;
    register long r5 __asm__("a5") = a5;
    __asm__ volatile("ecall" : "+r"(r0) : "r"(r7), "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5) : "memory");
    return r0;
}

static void die(const char *what) { perror(what); _exit(2); }

/* ---- arguments ---- */

/* The calls everyday programs make (files, memory, processes, signals, time): three calls in four
 * come from here, so the fuzzer spends its time where a kernel has code rather than in ENOSYS. */
static const short COMMON[] = {
    17, 23, 24, 25, 29, 33, 34, 35, 36, 37, 45, 46, 48, 49, 50, 52, 53, 56, 57, 59, 61, 62, 63, 64,
    65, 66, 67, 68, 69, 70, 71, 72, 73, 76, 78, 79, 80, 82, 83, 88, 93, 94, 95, 96, 98, 99, 101, 102,
    103, 113, 114, 115, 120, 123, 124, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140,
    141, 153, 154, 155, 156, 157, 160, 163, 164, 165, 166, 169, 172, 173, 174, 175, 176, 177, 178,
    179, 214, 215, 216, 220, 221, 222, 226, 227, 232, 233, 240, 259, 260, 261, 276, 278, 281, 285,
    291, 293, 435, 436, 439,
};
#define NCOMMON (sizeof COMMON / sizeof COMMON[0])

static const uint64_t EDGES[] = {
    0, 1, 2, 3, 4, 7, 8, 15, 16, 63, 64, 127, 128, 255, 256, 511, 512, 1023, 1024, 4095, 4096, 4097,
    65535, 65536, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ULL, 0x7fffffffffffffffULL,
    0x8000000000000000ULL, 0xffffffffffffffffULL, 0xfffffffffffffffeULL, 0xfffffffffffff000ULL,
    (uint64_t) -4095, (uint64_t) -100, 1ULL << 40, 1ULL << 43, 1ULL << 44, 1ULL << 47, 1ULL << 48, 1ULL << 52,
    1ULL << 56, 1ULL << 62, 0xffffffff80000000ULL, 0x7ffffffff000ULL, 0x3fffffffffULL,
};
#define NEDGES (sizeof EDGES / sizeof EDGES[0])

static uint64_t ptr_arg(void) {
    switch (below(16)) {
    case 0: return 0;
    case 1: return ARENA + (below(ARENA_RW / 4096) << 12);             /* page-aligned, valid */
    case 2: return ARENA + below(0x20000);                              /* anywhere, maybe misaligned */
    case 3: return ARENA + ARENA_RW - 1 - below(64);                     /* runs into the read-only page */
    case 4: return RO_PAGE + below(4096);
    case 5: return NONE_PAGE + below(4096);
    case 6: return HOLE_PAGE + below(4096);
    case 7: return 0xffffffc000000000ULL + (below(16) << 12);             /* the kernel half */
    case 8: return 0x8000000000000000ULL;
    case 9: return (uint64_t) &ptr_arg;                                  /* our text: readable, not writable */
    case 10: return PATHS_AT + 0x200 * below(NPATHS);
    case 11: return IOVS + 16 * below(8);
    case 12: return ZEROS + 8 * below(64);
    case 13: return below(2) ? NONUL : STRUCTS + 8 * below(8);
    case 14: return LONGPATH;
    default: return next();
    }
}

static uint64_t len_arg(void) {
    switch (below(8)) {
    case 0: return below(17);
    case 1: return 1ULL << below(20);
    case 2: return (1ULL << below(20)) - 1;
    case 3: return EDGES[below(NEDGES)];
    case 4: return ARENA_RW - below(0x20000);
    case 5: return -1ULL - below(4);
    default: return below(0x10000);
    }
}

static uint64_t fd_arg(void) {
    switch (below(6)) {
    case 0: case 1: case 2: return fds[below(9)];
    case 3: return below(12);
    case 4: return (uint64_t) -100;                                      /* AT_FDCWD */
    default: return EDGES[below(NEDGES)];
    }
}

static uint64_t flags_arg(void) {
    switch (below(4)) {
    case 0: return 0;
    case 1: return 1ULL << below(32);
    case 2: return next() & 0xffffffffULL;
    default: return (1ULL << below(32)) | (1ULL << below(32)) | (1ULL << below(12));
    }
}

static uint64_t any_arg(void) {
    switch (below(8)) {
    case 0: case 1: return ptr_arg();
    case 2: return len_arg();
    case 3: return fd_arg();
    case 4: return flags_arg();
    case 5: return next();
    default: return EDGES[below(NEDGES)];
    }
}

/* What the everyday calls take, one letter per argument, so that most of their calls get past the
 * first check to the code behind it: f fd, p path, b buffer, l length, o offset, i small int,
 * x flags, a page address, - anything. Each hinted argument follows its hint seven times in ten. */
static const struct { short nr; const char *k; } HINTS[] = {
    {17, "bl"}, {23, "f"}, {24, "ffx"}, {25, "fi-"}, {29, "fx-"}, {33, "fpxi"}, {34, "fpx"}, {35, "fpx"},
    {36, "pfp"}, {37, "fpfpx"}, {45, "pl"}, {46, "fl"}, {48, "fpxx"}, {49, "p"}, {50, "f"}, {52, "fx"},
    {53, "fpx"}, {54, "fpiix"}, {55, "fii"}, {56, "fpxx"}, {57, "f"}, {59, "bx"}, {61, "fbl"}, {62, "foi"},
    {63, "fbl"}, {64, "fbl"}, {65, "fbi"}, {66, "fbi"}, {67, "fblo"}, {68, "fblo"}, {69, "fbio"},
    {70, "fbio"}, {71, "ffbl"}, {72, "ibbbbb"}, {73, "bibbl"}, {76, "fbfblx"}, {78, "fpbl"}, {79, "fpbx"},
    {80, "fb"}, {82, "f"}, {83, "f"}, {88, "fpbx"}, {98, "bixbbi"}, {101, "bb"}, {113, "ib"},
    {115, "iibb"}, {129, "ii"}, {134, "ibbl"}, {135, "ibbl"}, {214, "a"}, {215, "al"}, {216, "allxa"},
    {222, "alxxfo"}, {226, "alx"}, {227, "alx"}, {232, "alb"}, {233, "ali"}, {260, "ibxb"}, {261, "iibb"},
    {276, "fpfpi"}, {278, "blx"}, {285, "fbfblx"}, {291, "fpxxb"}, {436, "ffx"}, {439, "fpxx"},
};
#define NHINTS (sizeof HINTS / sizeof HINTS[0])

static const char *hint_for(long nr) {
    for (unsigned i = 0; i < NHINTS; i++) if (HINTS[i].nr == nr) return HINTS[i].k;
    return "";
}

static uint64_t kind_arg(char k) {
    switch (k) {
    case 'f': return below(4) ? fds[below(9)] : fd_arg();
    case 'p': return below(5) ? PATHS_AT + 0x200 * below(NPATHS) : ptr_arg();
    case 'b': return below(3) ? ARENA + (below(0x20) << 12) + (below(2) ? 0 : below(4096)) : below(2) ? STRUCTS + 8 * below(8) : ptr_arg();
    case 'l': return below(3) ? below(4097) : len_arg();
    case 'o': return below(3) ? below(0x10000) : EDGES[below(NEDGES)];
    case 'i': return below(3) ? below(16) : EDGES[below(NEDGES)];
    case 'x': return flags_arg();
    case 'a': return below(3) ? ARENA + (below(0x40) << 12) : ptr_arg();
    default: return any_arg();
    }
}

/* ---- neutering: steer arguments so a call cannot end or freeze the worker for good ---- */

static int overlaps(uint64_t a, uint64_t len) {
    uint64_t end = a + len < a ? UINT64_MAX : a + len;
    if (len == 0) end = a + 1;
    for (int i = 0; i < nprotect; i++)
        if (a < protect_hi[i] && end > protect_lo[i]) return 1;
    return 0;
}

static uint64_t steer_addr(uint64_t a, uint64_t len) {
    return overlaps(a, len) ? ARENA + (a & 0x3f000) : a;
}

static uint64_t steer_pid(uint64_t p) {
    /* ourselves, our process group (we lead our own), or nobody; never the parent or all */
    int32_t v = (int32_t) p;
    if (v == 0 || v == self_pid || v == 99999) return p;
    return (p & 1) ? (uint64_t) self_pid : 99999;
}

/* CLONE_FS, FILES, PIDFD, SYSVSEM, PARENT_SETTID, CHILD_CLEARTID, CHILD_SETTID; VM only with VFORK */
#define CLONE_SAFE (CLONE_FS | CLONE_FILES | CLONE_PIDFD | CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID)

/* Returns the number to call: the ones that would end the worker become getpid. */
static long neuter(long nr, uint64_t a[6]) {
    switch (nr) {
    case 93: case 94: case 221: case 281: case 139:    /* exit, exit_group, execve, execveat, rt_sigreturn */
        return 172;
    case 220:                                           /* clone: fork- or vfork-like; the child exits at once */
        a[0] = (a[0] & CLONE_SAFE) | ((a[0] & CLONE_VFORK) ? CLONE_VFORK | CLONE_VM : 0) | SIGCHLD;
        a[1] = 0;
        break;
    case 435: {                                         /* clone3: same, through a struct we write */
        uint64_t *args = (uint64_t *) (ZEROS + 0x800);
        memset(args, 0, 88);
        args[0] = (a[2] & CLONE_SAFE) | ((a[2] & CLONE_VFORK) ? CLONE_VFORK | CLONE_VM : 0);
        args[4] = SIGCHLD;
        a[0] = (uint64_t) args;
        a[1] = (a[1] & 1) ? 88 : 64;
        break;
    }
    case 129: case 130: case 138: case 434:             /* kill, tkill, rt_sigqueueinfo, pidfd_open */
        a[0] = steer_pid(a[0]);
        break;
    case 131: case 240:                                 /* tgkill, rt_tgsigqueueinfo */
        a[0] = steer_pid(a[0]);
        a[1] = steer_pid(a[1]);
        break;
    case 117:                                           /* ptrace */
        a[1] = steer_pid(a[1]);
        break;
    case 154: case 261: case 270: case 271:             /* setpgid, prlimit64, process_vm_{readv,writev} */
    case 118: case 119: case 122: case 274: case 140:  /* sched_setparam/setscheduler/setaffinity/setattr, setpriority */
        if (nr == 140) a[1] = steer_pid(a[1]); else a[0] = steer_pid(a[0]);
        if (nr == 154) a[1] = steer_pid(a[1]);
        break;
    case 214:                                           /* brk: never below where it started */
        if (a[0] < protect_hi[0]) a[0] = 0;
        break;
    case 215: case 226: case 227: case 228: case 229: case 232: case 233: case 234: case 288:
        /* munmap, mprotect, msync, mlock, munlock, mincore, madvise, remap_file_pages, pkey_mprotect */
        a[0] = steer_addr(a[0], a[1]);
        break;
    case 216:                                           /* mremap: old range, and a fixed new address */
        a[0] = steer_addr(a[0], a[1]);
        a[4] = steer_addr(a[4], a[2]);
        break;
    case 222:                                           /* mmap: MAP_FIXED over what we stand on */
        if (a[3] & MAP_FIXED) a[0] = steer_addr(a[0], a[1]);
        break;
    case 196:                                           /* shmat */
        a[1] = steer_addr(a[1], 1ULL << 30);
        break;
    }
    return nr;
}

/* ---- the worker ---- */

static volatile sig_atomic_t ticks;
static void on_alarm(int sig) { (void) sig; ticks++; }

static void arm(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;                             /* no SA_RESTART: blocking calls end in EINTR */
    sigaction(SIGALRM, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    struct itimerval it = {{0, 2000}, {0, 2000}};
    setitimer(ITIMER_REAL, &it, NULL);
}

static int touches_timer(long nr) {
    /* sigaltstack, rt_sigaction, rt_sigprocmask, setitimer, timer_*, personality, rt_sigsuspend */
    return nr == 132 || nr == 134 || nr == 135 || nr == 103 || (nr >= 107 && nr <= 111) || nr == 133 || nr == 92;
}

static void open_fds(void) {
    int p[2] = {-1, -1};
    fds[0] = open("/mnt/host/fz_f", O_RDWR | O_CREAT, 0644);
    fds[1] = open("/tmp/fz_t", O_RDWR | O_CREAT, 0644);
    fds[2] = open(".", O_RDONLY | O_DIRECTORY);
    if (pipe(p) != 0) p[0] = p[1] = -1;
    fds[3] = p[0];
    fds[4] = p[1];
    fds[5] = open("/dev/null", O_RDWR);
    fds[6] = open("/dev/zero", O_RDONLY);
    fds[7] = open("/proc/self/maps", O_RDONLY);
    fds[8] = 1000;                                         /* closed */
}

static void count(long r) {
    sh->calls++;
    if (r >= 0 || r < -4095) sh->ok++;
    else if (-r < MAXERR) sh->err[-r]++;
    else sh->err[0]++;
}

/* The edge-field zone: each 8 bytes two small ints, an edge value, a pair of valid fds, or zero. */
static void refill_structs(void) {
    uint64_t *q = (uint64_t *) STRUCTS;
    for (int i = 0; i < 32; i++)
        switch (below(5)) {
        case 0: q[i] = below(4) | below(4) << 32; break;
        case 1: q[i] = EDGES[below(NEDGES)]; break;
        case 2: q[i] = (uint64_t) (uint32_t) fds[below(9)] | (uint64_t) (below(8) | 1) << 32; break;
        case 3: q[i] = below(1000000000); break;
        default: q[i] = 0;
        }
}

/* One call: neutered, made, counted. Returns the result. */
static long one_call(long nr, uint64_t a[6]) {
    refill_structs();
    nr = neuter(nr, a);
    if (verbose_fd >= 0) {
        char line[200];
        int n = snprintf(line, sizeof line, "sysfuzz: pid %d call %ld(%#llx, %#llx, %#llx, %#llx, %#llx, %#llx)\n", self_pid, nr,
                         (unsigned long long) a[0], (unsigned long long) a[1], (unsigned long long) a[2],
                         (unsigned long long) a[3], (unsigned long long) a[4], (unsigned long long) a[5]);
        raw(64, verbose_fd, (long) line, n, 0, 0, 0);
    }
    long r = raw(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
    if ((nr == 220 || nr == 435) && r == 0) raw(93, 0, 0, 0, 0, 0, 0);   /* a clone child leaves at once */
    if (nr == 222 && r > 0 && (uint64_t) r < (1ULL << 38)) { last_map = (uint64_t) r; last_len = a[1]; }
    if (touches_timer(nr)) {
        raw(132, 0, 0, 0, 0, 0, 0);                       /* sigaltstack: keep the current one */
        arm();
    }
    return r;
}

static void worker_start(void) {
    self_pid = getpid();
    setpgid(0, 0);
    int null = open("/dev/null", O_RDWR);
    if (verbose_fd >= 0) verbose_fd = dup2(2, 1023);
    dup2(null, 1);
    dup2(null, 2);
    close(null);
    if (chdir("/mnt/host") != 0) { /* the mount may be missing: fuzz in /tmp */ if (chdir("/tmp") != 0) {} }
    open_fds();
    for (int s = 1; s < 32; s++)
        if (s != SIGALRM && s != SIGKILL && s != SIGSTOP && s != SIGSEGV && s != SIGBUS && s != SIGILL)
            signal(s, SIG_IGN);
    arm();
}

/* Stores into pages of the last mapping (or the arena): page faults, copy-on-write, swap, SIGBUS past EOF. */
static void touch(void) {
    uint64_t base = ARENA, len = ARENA_RW;
    if (last_map && below(2)) { base = last_map; len = last_len < (64UL << 20) ? last_len : (64UL << 20); }
    for (int p = 1 + (int) below(256); p > 0 && len >= 4096; p--)
        *(volatile char *) (base + (below(len >> 12) << 12) + below(4096)) = (char) p;
}

/* Memory pressure: a fresh anonymous area of 4..24 MiB with every page written (reclaim, swap, OOM kill). */
static void grow(void) {
    uint64_t len = (4 + below(21)) << 20;
    long a = raw(222, 0, (long) len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (a < 0 && a > -4096) return;
    for (uint64_t off = 0; off < len; off += 4096) *(volatile char *) (a + off) = 1;
    last_map = (uint64_t) a;
    last_len = len;
}

/* The calls that change or walk the file tree, for the m flag. */
static const short PATHOPS[] = {34, 35, 36, 37, 276, 56, 45, 46, 48, 53, 54, 78, 79, 88, 291, 49, 50, 61, 63, 64, 57, 17};
#define NPATHOPS (sizeof PATHOPS / sizeof PATHOPS[0])
static int tree_heavy;

static void random_call(void) {
    if (tree_heavy && below(10) < 7) {
        long nr = PATHOPS[below(NPATHOPS)];
        uint64_t a[6];
        const char *hint = hint_for(nr);
        for (int j = 0; j < 6; j++) a[j] = j < (int) strlen(hint) && below(10) < 9 ? kind_arg(hint[j]) : any_arg();
        count(one_call(nr, a));
        return;
    }
    uint64_t pick = below(200);
    if (pick < 4) { touch(); return; }
    if (pick == 4 || pick == 5) { grow(); return; }
    long nr = pick < 7 ? (long) (EDGES[below(NEDGES)] & 0xfff) : pick < 50 ? (long) below(452) : COMMON[below(NCOMMON)];
    uint64_t a[6];
    const char *hint = hint_for(nr);
    for (int j = 0; j < 6; j++) a[j] = j < (int) strlen(hint) && below(10) < 7 ? kind_arg(hint[j]) : any_arg();
    count(one_call(nr, a));
}

static int thread_body(void *calls) {
    for (long i = 0; i < (long) calls; i++) random_call();
    return 0;
}

static void on_signal(int sig, siginfo_t *si, void *uc) { (void) sig; (void) si; (void) uc; }

/* Handlers for a few signals the worker may send itself, so that signal frames get built and
 * returned from (some on the alternate stack, some nested). */
static void install_handlers(void) {
    static const int sigs[] = {SIGUSR1, SIGUSR2, SIGHUP, SIGWINCH, 34, 35, 40, 64};
    stack_t ss = {(void *) (STACKS + 3 * STACK_LEN), 0, STACK_LEN};
    sigaltstack(&ss, NULL);
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_signal;
        sa.sa_flags = SA_SIGINFO | (below(2) ? SA_RESTART : 0) | (below(2) ? SA_NODEFER : 0) | (below(3) ? 0 : SA_ONSTACK);
        sigaction(sigs[i], &sa, NULL);
    }
}

static void random_worker(uint64_t seed, long first, long n) {
    rng = seed * 0x100000001b3ULL + (uint64_t) first;
    worker_start();
    install_handlers();
    /* one worker in four has threads making calls beside it (the same random stream, interleaved) */
    if (below(4) == 0)
        for (int t = 0, threads = 1 + (int) below(3); t < threads; t++)
            clone(thread_body, (void *) (STACKS + (t + 1) * STACK_LEN - 64),
                  CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM, (void *) (n / 2));
    for (long i = 0; i < n; i++) random_call();
    _exit(0);
}

static int64_t *records;

static void record_worker(long first, long n) {
    rng = (uint64_t) first;
    worker_start();
    for (long i = first; i < first + n; i++) {
        long nr = records[7 * i];
        uint64_t a[6];
        memcpy(a, &records[7 * i + 1], sizeof a);
        long r = one_call(nr, a);
        sh->results[i] = r;
        count(r);
    }
    _exit(0);
}

/* ---- the parent ---- */

static volatile sig_atomic_t parent_ticks;
static void on_parent_alarm(int sig) { (void) sig; parent_ticks++; }

static void setup_arena(uint64_t seed) {
    void *a = mmap((void *) ARENA, ARENA_LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (a != (void *) ARENA) die("mmap arena");
    rng = seed ^ 0xa5a5a5a5ULL;
    uint64_t *q = (uint64_t *) ARENA;
    for (unsigned long i = 0; i < ARENA_RW / 8; i++) q[i] = next();
    for (int i = 0; i < NPATHS; i++) strcpy((char *) (PATHS_AT + 0x200 * i), PATHS[i]);
    char *lp = (char *) LONGPATH;
    for (int i = 0; i < 6000; i += 2) { lp[i] = 'a'; lp[i + 1] = '/'; }
    lp[6000] = 0;
    struct { uint64_t base, len; } *iov = (void *) IOVS;
    for (int i = 0; i < 16; i++) { iov[i].base = ARENA + 0x1000 * i; iov[i].len = (i % 4 == 3) ? 0x10000 : 64 * (i + 1); }
    memset((void *) ZEROS, 0, 0x1000);
    memset((void *) NONUL, 'A', ARENA + ARENA_RW - NONUL);
    memset((void *) RO_PAGE, 'A', 4096);
    if (mprotect((void *) RO_PAGE, 4096, PROT_READ) != 0) die("mprotect ro");
    if (mprotect((void *) NONE_PAGE, 4096, PROT_NONE) != 0) die("mprotect none");
    if (munmap((void *) HOLE_PAGE, 4096) != 0) die("munmap hole");
    if (mmap((void *) STACKS, 4 * STACK_LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != (void *) STACKS)
        die("mmap stacks");
}

static void setup_shared(long nresults) {
    size_t len = sizeof(struct shared) + 8 * (size_t) nresults;
    void *s = mmap((void *) SHARED, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (s != (void *) SHARED) die("mmap shared");
    sh = s;
    extern char __executable_start[];
    char here;
    protect_lo[0] = (uint64_t) __executable_start;      /* text, data, bss, the heap and glibc's TLS in it */
    protect_hi[0] = (uint64_t) sbrk(0) + (64UL << 20);
    protect_lo[1] = ((uint64_t) &here & ~0xfffUL) - (16UL << 20);
    protect_hi[1] = ((uint64_t) &here) + (16UL << 20);
    protect_lo[2] = SHARED;
    protect_hi[2] = SHARED + len;
    protect_lo[3] = STACKS;
    protect_hi[3] = STACKS + 4 * STACK_LEN;
    nprotect = 4;
}

/* Runs one worker to its end; SIGKILLs it (and its group) past the watchdog. */
static void run_worker(void (*body)(long, long, uint64_t), uint64_t seed, long first, long n) {
    pid_t pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) body(first, n, seed);
    sh->workers++;
    parent_ticks = 0;
    int status;
    for (;;) {
        pid_t w = waitpid(pid, &status, 0);
        if (w == pid) break;
        if (w < 0 && errno != EINTR) die("waitpid");
        if (parent_ticks > 50 + 2 * n) {               /* 10 ms ticks of virtual time */
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            sh->watchdog++;
            parent_ticks = 0;
        }
    }
    if (WIFSIGNALED(status)) sh->killed[WTERMSIG(status) < NSIG_MAX ? WTERMSIG(status) : 0]++;
    /* whatever the worker left behind (its children, now ours as pid 1 or subreaper) */
    kill(-pid, SIGKILL);
    while (waitpid(-1, &status, WNOHANG) > 0) {}
}

static void random_body(long first, long n, uint64_t seed) { random_worker(seed, first, n); }
static void record_body(long first, long n, uint64_t seed) { (void) seed; record_worker(first, n); }

static void parent_timer(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_parent_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, 10000}, {0, 10000}};
    setitimer(ITIMER_REAL, &it, NULL);
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
}

static void summary(const char *head) {
    printf("%s calls=%llu ok=%llu workers=%llu watchdog=%llu\n", head, (unsigned long long) sh->calls,
           (unsigned long long) sh->ok, (unsigned long long) sh->workers, (unsigned long long) sh->watchdog);
    printf("errno:");
    for (int e = 1; e < MAXERR; e++)
        if (sh->err[e]) {
            const char *name = strerrorname_np(e);
            if (name) printf(" %s=%llu", name, (unsigned long long) sh->err[e]);
            else printf(" E%d=%llu", e, (unsigned long long) sh->err[e]);
        }
    if (sh->err[0]) printf(" other=%llu", (unsigned long long) sh->err[0]);
    printf("\nworkers killed by signal:");
    for (int s = 0; s < NSIG_MAX; s++) {
        if (!sh->killed[s]) continue;
        const char *name = s ? sigabbrev_np(s) : NULL;
        if (name) printf(" %s=%llu", name, (unsigned long long) sh->killed[s]);
        else printf(" SIG%d=%llu", s, (unsigned long long) sh->killed[s]);
    }
    printf("\n");
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "-i") == 0) {
        size_t cap = 1 << 16, len = 0;
        char *buf = malloc(cap);
        ssize_t got;
        while (buf && (got = read(0, buf + len, cap - len)) > 0) {
            len += (size_t) got;
            if (len == cap) buf = realloc(buf, cap *= 2);
        }
        if (!buf) die("malloc");
        long n = (long) (len / 56);
        records = (int64_t *) buf;
        setup_shared(n);
        setup_arena(1);
        parent_timer();
        for (long i = 0; i < n; i++) sh->results[i] = INT64_MIN;
        for (long first = 0; first < n; ) {
            long chunk = n - first < 50 ? n - first : 50;
            run_worker(record_body, 0, first, chunk);
            /* a worker that died mid-chunk: go on after its last made call */
            long done = first;
            while (done < first + chunk && sh->results[done] != INT64_MIN) done++;
            first = done < first + chunk ? done + 1 : done;
        }
        for (long i = 0; i < n; i++) {
            if (sh->results[i] == INT64_MIN) printf("%ld %lld -\n", i, (long long) records[7 * i]);
            else printf("%ld %lld %lld\n", i, (long long) records[7 * i], (long long) sh->results[i]);
        }
        summary("sysfuzz -i:");
        return 0;
    }
    if (argc < 3) {
        fprintf(stderr, "usage: sysfuzz SEED CALLS [CHUNK] | sysfuzz -i < records\n");
        return 2;
    }
    uint64_t seed = strtoull(argv[1], NULL, 0);
    long calls = strtol(argv[2], NULL, 0), chunk = argc > 3 ? strtol(argv[3], NULL, 0) : 50;
    if (argc > 4 && strchr(argv[4], 'v')) verbose_fd = 2;
    if (argc > 4 && strchr(argv[4], 'm')) tree_heavy = 1;
    if (calls < 0 || chunk <= 0) { fprintf(stderr, "sysfuzz: bad CALLS or CHUNK\n"); return 2; }
    setup_shared(0);
    setup_arena(seed);
    parent_timer();
    for (long first = 0; first < calls; first += chunk)
        run_worker(random_body, seed, first, calls - first < chunk ? calls - first : chunk);
    char head[96];
    snprintf(head, sizeof head, "sysfuzz: seed=%llu", (unsigned long long) seed);
    summary(head);
    return 0;
}
