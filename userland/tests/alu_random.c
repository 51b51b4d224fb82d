/* alu_random: RV64I register and immediate ALU ops, W variants, all six branch conditions, lui/auipc-free constants and load/store widths on pseudo-random operands; one hash line per block plus spot values. */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>

typedef uint64_t u64;
static u64 s = 0x1234567887654321ULL;
static u64 rnd(void) { s ^= s << 7; s ^= s >> 9; return s; }
static u64 h;
static void mix(u64 v) { h = (h ^ v) * 0x100000001b3ULL + (h >> 23); }

#define R(op) { u64 r; __asm__ volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); mix(r); }
#define I(op, imm) { u64 r; __asm__ volatile(#op " %0, %1, " #imm : "=r"(r) : "r"(a)); mix(r); }
#define BR(op) { u64 r; __asm__ volatile(#op " %1, %2, 1f\n\tli %0, 0\n\tj 2f\n1:\tli %0, 1\n2:" : "=r"(r) : "r"(a), "r"(b)); mix(r << 3 | 5); }

static u64 pick(void)
{
    u64 r = rnd();
    switch (r & 7) {
    case 0: return r >> 60;                       /* small */
    case 1: return (u64)(int64_t)(int32_t)(r >> 16); /* sign-extended 32-bit */
    case 2: return r & 0xffffffff;
    case 3: return -(r >> 58);                    /* small negative */
    case 4: return r & 63;                        /* shift amounts */
    default: return rnd();
    }
}

int main(void)
{
    static volatile unsigned char mem[64] __attribute__((aligned(8)));
    for (int block = 0; block < 20; block++) {
        for (int k = 0; k < 400; k++) {
            u64 a = pick(), b = pick();
            R(add) R(sub) R(sll) R(srl) R(sra) R(slt) R(sltu) R(xor) R(or) R(and)
            R(addw) R(subw) R(sllw) R(srlw) R(sraw)
            I(addi, -2048) I(addi, 2047) I(slti, -1) I(sltiu, -1) I(sltiu, 1) I(xori, -1) I(ori, 0x555) I(andi, -16)
            I(slli, 1) I(slli, 31) I(slli, 63) I(srli, 1) I(srli, 32) I(srli, 63) I(srai, 1) I(srai, 32) I(srai, 63)
            I(addiw, -1) I(addiw, 2047) I(slliw, 31) I(srliw, 0) I(srliw, 31) I(sraiw, 0) I(sraiw, 31)
            BR(beq) BR(bne) BR(blt) BR(bge) BR(bltu) BR(bgeu)
            int off = (int)(b & 7) * 8;
            *(volatile u64 *)(mem + off) = a;
            mix(mem[off + (a & 7)]); mix((u64)(int64_t)(int8_t)mem[off + (b & 7)]);
            mix(*(volatile uint16_t *)(mem + off + (a & 6))); mix((u64)(int64_t)*(volatile int16_t *)(mem + off + (b & 6)));
            mix(*(volatile uint32_t *)(mem + off + (a & 4))); mix((u64)(int64_t)*(volatile int32_t *)(mem + off + (b & 4)));
            *(volatile uint16_t *)(mem + off + 2) = (uint16_t)b;
            *(volatile unsigned char *)(mem + off + 7) = (unsigned char)(b >> 8);
            *(volatile uint32_t *)(mem + off + 4 - (a & 4)) = (uint32_t)(b >> 16);
            mix(*(volatile u64 *)(mem + off));
            if (k == 0) {
                u64 r1, r2, r3;
                __asm__ volatile("sraw %0, %1, %2" : "=r"(r1) : "r"(a), "r"(b));
                __asm__ volatile("sltu %0, %1, %2" : "=r"(r2) : "r"(a), "r"(b));
                __asm__ volatile("srl %0, %1, %2" : "=r"(r3) : "r"(a), "r"(b));
                printf("block %2d a %016" PRIx64 " b %016" PRIx64 ": sraw %016" PRIx64 " sltu %" PRIu64 " srl %016" PRIx64 "\n", block, a, b, r1, r2, r3);
            }
        }
        printf("block %2d hash %016" PRIx64 "\n", block, h);
    }
    /* large constants (lui+addi(w) sequences and constant pools) */
    volatile u64 c[] = {0x7ffff800ULL, 0xfffff800ULL, 0x80000000ULL, 0xffffffff80000800ULL, 0x123456789ULL, 0xdeadbeefcafebabeULL, 0x800ULL, 0xfffffffffffff800ULL};
    for (unsigned i = 0; i < sizeof c / sizeof c[0]; i++) printf("const %016" PRIx64 "\n", c[i]);
    return 0;
}
