/* bitops: clz/ctz/popcount/parity/bswap/rotates via builtins, bit-field structs, unaligned-free packing, signed right shifts and 128-bit arithmetic (division and shifts in libgcc). */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>

struct bf { unsigned a : 3; signed b : 5; unsigned c : 12; signed d : 20; unsigned long e : 24; };

static uint64_t rotl(uint64_t x, int r) { return (x << (r & 63)) | (x >> ((64 - r) & 63)); }

int main(void)
{
    uint64_t x = 1;
    for (int i = 0; i < 70; i++) {
        uint32_t w = (uint32_t)(x >> 7);
        printf("%016" PRIx64 " clz %2d ctz %2d pop %2d par %d | w %08" PRIx32 " clz %2d ctz %2d pop %2d | bswap %016" PRIx64 " %08" PRIx32 " %04x rotl %016" PRIx64 "\n",
               x, x ? __builtin_clzll(x) : 64, x ? __builtin_ctzll(x) : 64, __builtin_popcountll(x), __builtin_parityll(x),
               w, w ? __builtin_clz(w) : 32, w ? __builtin_ctz(w) : 32, __builtin_popcount(w),
               __builtin_bswap64(x), __builtin_bswap32(w), __builtin_bswap16((uint16_t)x), rotl(x, i));
        x = x * 0x5deece66dULL + 0xb + (x << 13);
    }
    volatile struct bf s = {0};
    for (int i = 0; i < 40; i++) {
        s.a += 3; s.b -= 7; s.c = s.c * 5 + 11; s.d = (s.d - 12345) * 3; s.e += 0x123457;
        printf("bf %2d: a %u b %d c %u d %d e %lu\n", i, s.a, s.b, s.c, s.d, (unsigned long)s.e);
    }
    unsigned __int128 big = ((unsigned __int128)0x0123456789abcdefULL << 64) | 0xfedcba9876543210ULL;
    __int128 sb = -(__int128)big / 3;
    for (int i = 0; i < 20; i++) {
        unsigned __int128 q = big / (unsigned __int128)(i * 1000003 + 7), r = big % (unsigned __int128)(i * 1000003 + 7);
        __int128 sq = sb / (i * 37 - 300), sr = sb % (i * 37 - 300);
        printf("i128 %2d: q %016" PRIx64 "%016" PRIx64 " r %" PRIu64 " sq %016" PRIx64 "%016" PRIx64 " sr %" PRId64 " shr %016" PRIx64 " sar %016" PRIx64 "\n", i,
               (uint64_t)(q >> 64), (uint64_t)q, (uint64_t)r, (uint64_t)((unsigned __int128)sq >> 64), (uint64_t)sq, (int64_t)sr,
               (uint64_t)(big >> (i * 6)), (uint64_t)(sb >> (i * 6 + 1)));
        big = big * 0x2545f4914f6cdd1dULL + i;
    }
    return 0;
}
