/* int_edges: RV64IM edge cases - div/rem by zero and overflow, mulh*, shifts, W-op sign extension, unsigned wrap. */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>

typedef int64_t i64;
typedef uint64_t u64;

#define R3(op) static inline u64 op##_(u64 a, u64 b) { u64 r; __asm__ volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
R3(add) R3(sub) R3(addw) R3(subw) R3(mul) R3(mulh) R3(mulhu) R3(mulhsu) R3(mulw)
R3(div) R3(divu) R3(rem) R3(remu) R3(divw) R3(divuw) R3(remw) R3(remuw)
R3(sll) R3(srl) R3(sra) R3(sllw) R3(srlw) R3(sraw) R3(slt) R3(sltu)
R3(and) R3(or) R3(xor)

static const u64 vals[] = {
    0, 1, 3, 0xffffffffffffffffULL, 0xfffffffffffffff9ULL, 0x7fffffffULL, 0x80000000ULL, 0xffffffffULL,
    0xffffffff80000000ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL, 0x123456789abcdef0ULL,
    0xfedcba9876543210ULL, 0x000000000000003fULL, 0x0000000000000040ULL, 0x8000000080000000ULL,
};
#define N (sizeof vals / sizeof vals[0])

static u64 checksum;
static void out(const char *name, u64 a, u64 b, u64 r)
{
    checksum = (checksum ^ r) * 0x100000001b3ULL;
    printf("%-7s %016" PRIx64 " %016" PRIx64 " -> %016" PRIx64 "\n", name, a, b, r);
}

int main(void)
{
    for (unsigned i = 0; i < N; i++) {
        for (unsigned j = 0; j < N; j++) {
            u64 a = vals[i], b = vals[j];
#define DO(op) out(#op, a, b, op##_(a, b));
            DO(add) DO(sub) DO(addw) DO(subw) DO(mul) DO(mulh) DO(mulhu) DO(mulhsu) DO(mulw)
            DO(div) DO(divu) DO(rem) DO(remu) DO(divw) DO(divuw) DO(remw) DO(remuw)
            DO(sll) DO(srl) DO(sra) DO(sllw) DO(srlw) DO(sraw) DO(slt) DO(sltu)
            DO(and) DO(or) DO(xor)
        }
    }

    /* The same through C, where the compiler picks the instructions (volatile keeps them at run time). */
    volatile i64 zero = 0, m1 = -1, min64 = INT64_MIN;
    volatile int32_t zero32 = 0, m132 = -1, min32 = INT32_MIN;
    printf("c: 5/0=%" PRId64 " 5%%0=%" PRId64 " -5/0=%" PRId64 " -5%%0=%" PRId64 "\n",
           (i64)5 / zero, (i64)5 % zero, (i64)-5 / zero, (i64)-5 % zero);
    printf("c: MIN/-1=%" PRId64 " MIN%%-1=%" PRId64 "\n", min64 / m1, min64 % m1);
    printf("c32: 5/0=%d 5%%0=%d MIN/-1=%d MIN%%-1=%d\n", 5 / zero32, 5 % zero32, min32 / m132, min32 % m132);
    volatile u64 uz = 0;
    printf("cu: 5/0=%" PRIu64 " 5%%0=%" PRIu64 "\n", (u64)5 / uz, (u64)5 % uz);

    /* __int128 multiplication (mulh/mulhu via the compiler). */
    volatile u64 x = 0x123456789abcdef0ULL;
    for (int k = 0; k < 64; k++) {
        u64 y = x * (u64)(k + 1) ^ ((u64)k << 59);
        unsigned __int128 p = (unsigned __int128)x * y;
        __int128 s = (__int128)(i64)x * (i64)y;
        printf("m128 %2d %016" PRIx64 " %016" PRIx64 " s %016" PRIx64 " %016" PRIx64 "\n", k,
               (u64)(p >> 64), (u64)p, (u64)((unsigned __int128)s >> 64), (u64)s);
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }

    /* Immediate forms: addiw/slliw/srliw/sraiw sign extension; lui/auipc-style constants. */
    volatile int32_t w = 0x7fffffff;
    volatile uint32_t uw = 0x80000000u;
    printf("addiw: %d %" PRId64 "\n", w + 1 < 0, (i64)(int32_t)(w + 1));
    printf("slliw: %" PRIx64 " srliw: %" PRIx64 " sraiw: %" PRIx64 "\n",
           (u64)(i64)(int32_t)(uw << 1 | (uint32_t)w << 4), (u64)(i64)(int32_t)(uw >> 3), (u64)(i64)((int32_t)uw >> 3));
    for (int sh = 0; sh < 64; sh++) {
        volatile i64 v = (i64)0x8000000000000001ULL;
        volatile int s = sh;
        printf("sh %2d: %016" PRIx64 " %016" PRIx64 " %016" PRIx64 " w %08x %08x %08x\n", sh,
               (u64)v << s, (u64)v >> s, (u64)(v >> s),
               (uint32_t)((uint32_t)v << (s & 31)), (uint32_t)v >> (s & 31), (uint32_t)((int32_t)v >> (s & 31)));
    }

    /* Unsigned wrap and narrowing / widening conversions. */
    volatile uint8_t u8 = 250; volatile uint16_t u16 = 65530; volatile uint32_t u32 = 4294967290u;
    volatile int8_t s8 = -128; volatile int16_t s16 = -32768;
    for (int k = 0; k < 10; k++) {
        u8 += 1; u16 += 1; u32 += 1; s8 -= 1; s16 -= 1;
        printf("wrap %d: %u %u %u %d %d\n", k, u8, u16, u32, s8, s16);
    }
    volatile uint8_t bytes[8] __attribute__((aligned(8))) = {0x80, 0xff, 0x7f, 0x01, 0x00, 0xfe, 0x81, 0x40};
    for (int k = 0; k < 8; k++)
        printf("ext %02x: lb %" PRId64 " lbu %" PRIu64 " lh %" PRId64 " lw %" PRId64 "\n", bytes[k],
               (i64)(int8_t)bytes[k], (u64)bytes[k], (i64)*(volatile int16_t *)&bytes[k & 6],
               (i64)*(volatile int32_t *)&bytes[k & 4]);
    printf("checksum %016" PRIx64 "\n", checksum);
    return 0;
}
