/* atomics: RV64A - amo*.w/.d (incl. min/max signed/unsigned, .w sign extension), lr/sc, C11 stdatomic and __atomic builtins. */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdatomic.h>

typedef uint64_t u64;

#define AMO(op, sfx) static inline u64 op##_##sfx(volatile void *p, u64 v) { u64 r; \
    __asm__ volatile(#op "." #sfx " %0, %2, (%1)" : "=r"(r) : "r"(p), "r"(v) : "memory"); return r; }
#define AMOS(op) AMO(op, w) AMO(op, d)
AMOS(amoswap) AMOS(amoadd) AMOS(amoand) AMOS(amoor) AMOS(amoxor) AMOS(amomin) AMOS(amomax) AMOS(amominu) AMOS(amomaxu)

static const u64 vals[] = {
    0, 1, 0xffffffffffffffffULL, 0x7fffffffULL, 0x80000000ULL, 0xffffffffULL, 0xffffffff80000000ULL,
    0x7fffffffffffffffULL, 0x8000000000000000ULL, 0x123456789abcdef0ULL, 0x00000001fffffffeULL, 0xfedcba9876543210ULL,
};
#define N (sizeof vals / sizeof vals[0])

static u64 mem64;
static uint32_t mem32[2] __attribute__((aligned(8)));

int main(void)
{
    for (unsigned i = 0; i < N; i++) for (unsigned j = 0; j < N; j++) {
        u64 a = vals[i], b = vals[j];
#define T(op) do { \
        mem64 = a; u64 old = op##_d(&mem64, b); printf("%-8s.d %016" PRIx64 " %016" PRIx64 " -> old %016" PRIx64 " mem %016" PRIx64 "\n", #op, a, b, old, mem64); \
        mem32[0] = (uint32_t)a; mem32[1] = 0xa5a5a5a5; old = op##_w(&mem32[0], b); \
        printf("%-8s.w %016" PRIx64 " %016" PRIx64 " -> old %016" PRIx64 " mem %08" PRIx32 " next %08" PRIx32 "\n", #op, a, b, old, mem32[0], mem32[1]); \
    } while (0)
        T(amoswap); T(amoadd); T(amoand); T(amoor); T(amoxor); T(amomin); T(amomax); T(amominu); T(amomaxu);
    }

    /* lr/sc: a successful pair, then an sc without a reservation (must fail with 1 and leave memory alone). */
    for (unsigned i = 0; i < N; i++) {
        u64 v, ok, again, nv = vals[(i + 1) % N];
        volatile u64 *p = &mem64;
        mem64 = vals[i];
        __asm__ volatile("lr.d %0, (%3)\n\tsc.d %1, %4, (%3)\n\tsc.d %2, %0, (%3)"
                         : "=&r"(v), "=&r"(ok), "=&r"(again) : "r"(p), "r"(nv) : "memory");
        printf("lr/sc.d %016" PRIx64 " loaded %016" PRIx64 " sc=%" PRIu64 " sc2=%" PRIu64 " mem %016" PRIx64 "\n",
               vals[i], v, ok, again, mem64);
        volatile uint32_t *q = &mem32[0];
        mem32[0] = (uint32_t)vals[i];
        __asm__ volatile("lr.w %0, (%3)\n\tsc.w %1, %4, (%3)\n\tsc.w %2, %0, (%3)"
                         : "=&r"(v), "=&r"(ok), "=&r"(again) : "r"(q), "r"(nv) : "memory");
        printf("lr/sc.w %08" PRIx32 " loaded %016" PRIx64 " sc=%" PRIu64 " sc2=%" PRIu64 " mem %08" PRIx32 "\n",
               (uint32_t)vals[i], v, ok, again, mem32[0]);
    }

    /* C11 atomics: the compiler's choice of amo / lr-sc loops. */
    _Atomic int ai = 5;
    _Atomic long al = -5;
    _Atomic unsigned char ab = 250;   /* sub-word: masked lr/sc loops */
    _Atomic short as = -32760;
    for (int k = 0; k < 20; k++) {
        int o1 = atomic_fetch_add(&ai, k * 1000003);
        long o2 = atomic_fetch_sub(&al, (long)k << 40);
        int o3 = atomic_fetch_and(&ai, ~(1 << k));
        long o4 = atomic_fetch_or(&al, 1L << (k * 3));
        int o5 = atomic_fetch_xor(&ai, 0x5a5a5a5a);
        unsigned char o6 = atomic_fetch_add(&ab, 3);
        short o7 = atomic_fetch_sub(&as, 7);
        printf("c11 %2d: %d %ld %d %ld %d %u %d | %d %ld %u %d\n", k, o1, o2, o3, o4, o5, o6, o7,
               atomic_load(&ai), atomic_load(&al), atomic_load(&ab), atomic_load(&as));
    }
    int exp = 0;
    int r1 = atomic_compare_exchange_strong(&ai, &exp, 42);
    printf("cas strong fail: %d expected now %d\n", r1, exp);
    r1 = atomic_compare_exchange_strong(&ai, &exp, 42);
    printf("cas strong ok: %d value %d\n", r1, atomic_load(&ai));
    long lexp = atomic_load(&al);
    int tries = 0;
    while (!atomic_compare_exchange_weak(&al, &lexp, lexp * 3 + 1)) tries++;
    printf("cas weak: value %ld (retries bounded: %d)\n", atomic_load(&al), tries < 100);
    printf("exchange: old %d new %d\n", atomic_exchange(&ai, -7), atomic_load(&ai));
    atomic_flag f = ATOMIC_FLAG_INIT;
    int t1 = atomic_flag_test_and_set(&f), t2 = atomic_flag_test_and_set(&f);
    atomic_flag_clear(&f);
    int t3 = atomic_flag_test_and_set(&f);
    printf("flag: %d %d %d\n", t1, t2, t3);

    /* fetch_min/max through CAS loops, signed and unsigned, int and long. */
    int64_t smax = INT64_MIN, smin = INT64_MAX; uint32_t umax = 0, umin = UINT32_MAX;
    u64 x = 88172645463325252ULL;
    for (int k = 0; k < 200; k++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        int64_t v = (int64_t)x;
        int64_t cur = __atomic_load_n(&smax, __ATOMIC_RELAXED);
        while (v > cur && !__atomic_compare_exchange_n(&smax, &cur, v, 1, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {}
        cur = __atomic_load_n(&smin, __ATOMIC_RELAXED);
        while (v < cur && !__atomic_compare_exchange_n(&smin, &cur, v, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {}
        uint32_t uv = (uint32_t)(x >> 17), uc = __atomic_load_n(&umax, __ATOMIC_RELAXED);
        while (uv > uc && !__atomic_compare_exchange_n(&umax, &uc, uv, 1, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {}
        uc = __atomic_load_n(&umin, __ATOMIC_RELAXED);
        while (uv < uc && !__atomic_compare_exchange_n(&umin, &uc, uv, 0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {}
        if (k % 20 == 19)
            printf("minmax %3d: %" PRId64 " %" PRId64 " %" PRIu32 " %" PRIu32 "\n", k, smax, smin, umax, umin);
    }
    long nand = 0x0ff0;
    printf("nand: old %ld new %ld\n", __atomic_fetch_nand(&nand, 0x00ff, __ATOMIC_SEQ_CST), nand);
    printf("add_fetch: %ld\n", __atomic_add_fetch(&nand, 1L << 62, __ATOMIC_SEQ_CST));
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    return 0;
}
