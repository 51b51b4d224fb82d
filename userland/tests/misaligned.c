/* misaligned: loads and stores of 2/4/8 bytes (integer and FP) at every misalignment; Linux completes them (in hardware or by kernel emulation), so must Vitrine. */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>

static unsigned char buf[64] __attribute__((aligned(16)));

int main(void)
{
    for (int i = 0; i < 64; i++) buf[i] = (unsigned char)(i * 29 + 7);
    for (int off = 0; off < 8; off++) {
        unsigned char *p = buf + 8 + off;
        int64_t lh, lw, ld; uint64_t lhu, lwu; double fd; float fs; uint64_t fdb; uint32_t fsb;
        __asm__ volatile("lh %0, 0(%1)" : "=r"(lh) : "r"(p));
        __asm__ volatile("lhu %0, 0(%1)" : "=r"(lhu) : "r"(p));
        __asm__ volatile("lw %0, 0(%1)" : "=r"(lw) : "r"(p));
        __asm__ volatile("lwu %0, 0(%1)" : "=r"(lwu) : "r"(p));
        __asm__ volatile("ld %0, 0(%1)" : "=r"(ld) : "r"(p));
        __asm__ volatile("fld %0, 0(%2)\n\tfmv.x.d %1, %0" : "=f"(fd), "=r"(fdb) : "r"(p) : "memory"); (void)fd;
        __asm__ volatile("flw %0, 0(%2)\n\tfmv.x.w %1, %0" : "=f"(fs), "=r"(fsb) : "r"(p) : "memory"); (void)fs;
        printf("off %d: lh %" PRId64 " lhu %" PRIu64 " lw %" PRId64 " lwu %" PRIu64 " ld %016" PRIx64 " fld %016" PRIx64 " flw %08" PRIx32 "\n",
               off, lh, lhu, lw, lwu, (uint64_t)ld, fdb, fsb);
    }
    for (int off = 0; off < 8; off++) {
        unsigned char *p = buf + 32 + off;
        uint64_t v = 0x0102030405060708ULL * (uint64_t)(off + 1);
        double d = -1.0 / (off + 3);
        __asm__ volatile("sd %0, 0(%1)" : : "r"(v), "r"(p) : "memory");
        __asm__ volatile("sw %0, 9(%1)" : : "r"(v >> 8), "r"(p) : "memory");
        __asm__ volatile("sh %0, 14(%1)" : : "r"(v >> 16), "r"(p) : "memory");
        __asm__ volatile("fsd %0, 17(%1)" : : "f"(d), "r"(p) : "memory");
        printf("store off %d:", off);
        for (int i = 30; i < 64; i++) printf(" %02x", buf[i]);
        printf("\n");
    }
    /* misaligned atomics are not required to work (AMOs fault on Linux too); not tested */
    return 0;
}
