/*
 * A freestanding RV64GC workload for the hart tests and benchmark: no libc, only the
 * write and exit syscalls, so a test can run it without a kernel. Expected output comes
 * from qemu-riscv64. Rebuild (the ELF is checked in next to this file):
 *   riscv64-linux-gnu-gcc -O2 -march=rv64gc -static -nostdlib -ffreestanding \
 *       -fno-builtin -o workload.elf workload.c
 * Argument: argv[1] = number of rounds (default 1).
 */
typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;

static long sys(long n, long a, long b, long c) {
    register long a0 asm("a0") = a, a1 asm("a1") = b, a2 asm("a2") = c, a7 asm("a7") = n;
    asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
    return a0;
}

static void out(const char *s) { long n = 0; while (s[n]) n++; sys(64, 1, (long) s, n); }

static void hex(const char *label, u64 v) {
    char buf[40]; int i = 0;
    while (label[i]) { buf[i] = label[i]; i++; }
    buf[i++] = ' ';
    for (int k = 60; k >= 0; k -= 4) buf[i++] = "0123456789abcdef"[(v >> k) & 15];
    buf[i++] = '\n'; buf[i] = 0;
    out(buf);
}

static unsigned char sieve_buf[65536];
static u64 sieve(int n) {
    u64 count = 0;
    for (int i = 0; i < n; i++) sieve_buf[i] = 1;
    for (int i = 2; i < n; i++) {
        if (!sieve_buf[i]) continue;
        count += i;
        for (int j = i * 2; j < n; j += i) sieve_buf[j] = 0;
    }
    return count;
}

static u32 crc_table[256];
static u32 crc32(const unsigned char *p, int n) {
    if (!crc_table[1])
        for (u32 i = 0; i < 256; i++) {
            u32 c = i;
            for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            crc_table[i] = c;
        }
    u32 c = 0xffffffffu;
    for (int i = 0; i < n; i++) c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static i64 arr[4096];
static int cmp(const void *a, const void *b) { i64 x = *(const i64 *) a, y = *(const i64 *) b; return x < y ? -1 : x > y; }
static void sort(i64 *a, int n, int (*c)(const void *, const void *)) {
    if (n < 2) return;
    i64 p = a[n / 2]; int i = 0, j = n - 1;
    while (i <= j) {
        while (c(&a[i], &p) < 0) i++;
        while (c(&a[j], &p) > 0) j--;
        if (i <= j) { i64 t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    sort(a, j + 1, c); sort(a + i, n - i, c);
}

static u64 arith(u64 seed) {
    u64 h = seed;
    for (int i = 1; i < 2000; i++) {
        i64 s = (i64) (h ^ (h >> 17));
        h = h * 6364136223846793005ull + 1442695040888963407ull;
        h ^= (u64) (s / (i - 1000 ? i - 1000 : 1)) + (u64) (s % 7);
        h += (u32) h / (u32) (i | 1) + (int) h % (i | 3);
        h ^= ((unsigned __int128) h * seed) >> 64;
        h += (i64) ((__int128) (i64) h * -12345 >> 64);
    }
    return h;
}

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static u64 atomics(void) {
    static u64 counter; static u32 word;
    for (int i = 0; i < 1000; i++) {
        __atomic_fetch_add(&counter, i, __ATOMIC_SEQ_CST);
        __atomic_fetch_xor(&word, i * 2654435761u, __ATOMIC_ACQ_REL);
        u64 old = __atomic_load_n(&counter, __ATOMIC_RELAXED);
        __atomic_compare_exchange_n(&counter, &old, old + 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        int m = -i, old2; asm volatile("amomin.w.aqrl %0, %2, %1" : "=r"(old2), "+A"(word) : "r"(m));
        u64 um = i; asm volatile("amomaxu.d %0, %2, %1" : "=r"(old), "+A"(counter) : "r"(um));
    }
    return counter ^ ((u64) word << 32);
}

static int atoi_(const char *s) { int v = 0; while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0'); return v; }

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi_(argv[1]) : 1;
    u64 total = 0;
    for (int r = 0; r < rounds; r++) {
        u64 s = sieve(65536);
        u32 c = crc32(sieve_buf, sizeof sieve_buf);
        u64 x = 88172645463325252ull + r;
        for (int i = 0; i < 4096; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; arr[i] = (i64) x; }
        sort(arr, 4096, cmp);
        u64 sorted = 1;
        for (int i = 1; i < 4096; i++) sorted &= arr[i - 1] <= arr[i];
        u64 a = arith(x);
        u64 f = fib(20);
        total += s ^ c ^ sorted ^ a ^ f ^ (u64) arr[2048];
        if (r == 0) {
            hex("sieve", s); hex("crc32", c); hex("sorted", sorted); hex("median", (u64) arr[2048]);
            hex("arith", a); hex("fib", f); hex("atomics", atomics());
        }
    }
    hex("total", total);
    return 0;
}

__attribute__((naked, noreturn)) void _start(void) {
    asm volatile(
        ".option push\n.option norelax\nla gp, __global_pointer$\n.option pop\n"
        "ld a0, 0(sp)\n addi a1, sp, 8\n call main\n li a7, 94\n ecall\n");
}
