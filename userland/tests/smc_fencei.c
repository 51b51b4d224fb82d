/* smc_fencei: generated code - instructions written into an executable mapping, made visible with fence.i or __builtin___clear_cache (riscv_flush_icache), rewritten in place and called again; also code written RW then mprotect'ed to RX. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

/* addi a0, zero, imm (imm in -2048..2047) */
static uint32_t li_a0(int imm) { return ((uint32_t)(imm & 0xfff) << 20) | (10u << 7) | 0x13; }
/* addi a0, a0, imm */
static uint32_t addi_a0(int imm) { return ((uint32_t)(imm & 0xfff) << 20) | (10u << 15) | (10u << 7) | 0x13; }
static const uint32_t RET = 0x00008067;      /* jalr zero, 0(ra) */

typedef long (*fn)(void);

int main(void)
{
    uint32_t *code = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) { printf("mmap rwx failed\n"); return 1; }
    long sum = 0;
    /* rewrite the same two instructions 200 times: a stale decoded copy would return an old value */
    for (int i = 0; i < 200; i++) {
        code[0] = li_a0(i * 7 - 700);
        code[1] = RET;
        if (i % 2) __asm__ volatile("fence.i" ::: "memory");
        else __builtin___clear_cache((char *)code, (char *)(code + 2));
        long r = ((fn)code)();
        sum += r;
        if (i % 40 == 0) printf("call %3d -> %ld\n", i, r);
    }
    printf("sum %ld\n", sum);
    /* a longer generated function: a chain of n addi, grown one instruction at a time */
    for (int n = 1; n <= 300; n++) {
        code[0] = li_a0(0);
        for (int k = 1; k <= n; k++) code[k] = addi_a0(k % 5 + 1);
        code[n + 1] = RET;
        __asm__ volatile("fence.i" ::: "memory");
        long r = ((fn)code)();
        if (n % 50 == 0) printf("chain %3d -> %ld\n", n, r);
    }
    /* code crossing into the second page */
    int start = 1024 - 3;
    code[start] = li_a0(11); code[start + 1] = addi_a0(20); code[start + 2] = addi_a0(300); code[start + 3] = addi_a0(4000 - 4096); code[start + 4] = RET;
    __asm__ volatile("fence.i" ::: "memory");
    printf("cross-page -> %ld\n", ((fn)(code + start))());
    munmap(code, 8192);

    /* W^X style: write while RW, then mprotect to RX and run */
    uint32_t *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[0] = li_a0(123); p[1] = addi_a0(-23); p[2] = RET;
    printf("mprotect RX %d\n", mprotect(p, 4096, PROT_READ | PROT_EXEC));
    __builtin___clear_cache((char *)p, (char *)(p + 3));
    printf("rx call -> %ld\n", ((fn)p)());
    printf("mprotect RW %d\n", mprotect(p, 4096, PROT_READ | PROT_WRITE));
    p[0] = li_a0(-5);
    mprotect(p, 4096, PROT_READ | PROT_EXEC);
    __builtin___clear_cache((char *)p, (char *)(p + 3));
    printf("rx call after rewrite -> %ld\n", ((fn)p)());
    return 0;
}
