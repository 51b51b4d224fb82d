/* muldiv_random: M extension on pseudo-random operands - div/rem/mulh* (64- and 32-bit, by variables and by constants the compiler turns into multiply-high), checked against each other and hashed. */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>

static uint64_t s = 0x2545f4914f6cdd1dULL;
static uint64_t rnd(void) { s ^= s >> 12; s ^= s << 25; s ^= s >> 27; return s * 0x2545f4914f6cdd1dULL; }
static uint64_t h;
static void mix(uint64_t v) { h = (h ^ v) * 0x100000001b3ULL + (h >> 29); }

int main(void)
{
    unsigned long bad = 0;
    for (int block = 0; block < 40; block++) {
        for (int k = 0; k < 500; k++) {
            uint64_t a = rnd(), b = rnd() >> (rnd() % 64);
            int64_t sa = (int64_t)a >> (k % 40), sb = (int64_t)b - (int64_t)(b >> 1);
            if (b) { uint64_t q = a / b, r = a % b; mix(q); mix(r); if (q * b + r != a || r >= b) bad++; }
            if (sb && !(sa == INT64_MIN && sb == -1)) { int64_t q = sa / sb, r = sa % sb; mix((uint64_t)q); mix((uint64_t)r); if (q * sb + r != sa) bad++; }
            uint32_t wa = (uint32_t)a, wb = (uint32_t)(b >> 3) | 1;
            int32_t swa = (int32_t)wa, swb = (int32_t)wb;
            mix(wa / wb); mix(wa % wb); if (swb != -1) { mix((uint64_t)(int64_t)(swa / swb)); mix((uint64_t)(int64_t)(swa % swb)); }
            unsigned __int128 p = (unsigned __int128)a * b; __int128 sp = (__int128)sa * sb;
            __int128 su = (__int128)sa * (unsigned __int128)b;
            mix((uint64_t)(p >> 64)); mix((uint64_t)((unsigned __int128)sp >> 64)); mix((uint64_t)((unsigned __int128)su >> 64));
            /* constant divisors (magic multiplications) */
            mix(a / 3); mix(a % 7); mix(a / 10); mix(a / 1000000007ULL); mix((uint64_t)(sa / 3)); mix((uint64_t)(sa % 10)); mix((uint64_t)(sa / -7));
            mix(wa / 3u); mix(wa % 10u); mix((uint64_t)(int64_t)(swa / 5)); mix((uint64_t)(int64_t)(swa % -9));
            if (a / 10 != a / (uint64_t)(k % 1 + 10)) bad++;
        }
        printf("block %2d hash %016" PRIx64 " bad %lu\n", block, h, bad);
    }
    return bad != 0;
}
