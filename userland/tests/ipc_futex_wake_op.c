/* ipc_futex_wake_op: FUTEX_WAKE_OP: every op and comparison, the write to the second word, waking on both words, and the errnos (futex_waitv, which qemu-user lacks, is userland/fuzz/futex_waitv_native.c) */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>


static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static long wake_op(uint32_t *a, int n, int n2, uint32_t *b, uint32_t op) {
    return syscall(SYS_futex, a, FUTEX_WAKE_OP_PRIVATE, n, (long) n2, b, op);
}


static uint32_t w1, w2;
static volatile int started;

static void *waiter1(void *arg) {
    uint32_t *w = arg;
    __atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
    syscall(SYS_futex, w, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    return NULL;
}


int main(void) {
    struct { const char *name; uint32_t op; } ops[] = {
        {"SET 7, EQ 5", FUTEX_OP(FUTEX_OP_SET, 7, FUTEX_OP_CMP_EQ, 5)},
        {"ADD 3, GT 4", FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_GT, 4)},
        {"OR 0x30, LT 4", FUTEX_OP(FUTEX_OP_OR, 0x30, FUTEX_OP_CMP_LT, 4)},
        {"ANDN 1, LE 5", FUTEX_OP(FUTEX_OP_ANDN, 1, FUTEX_OP_CMP_LE, 5)},
        {"XOR 0xff, GE 6", FUTEX_OP(FUTEX_OP_XOR, 0xff, FUTEX_OP_CMP_GE, 6)},
        {"ADD -2, NE 5", FUTEX_OP(FUTEX_OP_ADD, -2 & 0xfff, FUTEX_OP_CMP_NE, 5)},
        {"SET 1<<4 (OPARG_SHIFT)", FUTEX_OP((FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT), 4, FUTEX_OP_CMP_EQ, 0)},
        {"OR 1<<40 (shift past 31)", FUTEX_OP((FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT), 40, FUTEX_OP_CMP_EQ, 0)},
    };
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        w2 = 5;
        long r = wake_op(&w1, 1, 1, &w2, ops[i].op);
        printf("%s: %ld, word now %#x\n", ops[i].name, r, w2);
    }
    w2 = 5;
    show("op 6", wake_op(&w1, 1, 1, &w2, (6u << 28)));
    show("cmp 6", wake_op(&w1, 1, 1, &w2, (6u << 24)));
    printf("word after them (SET 0 done before the comparison is refused): %u\n", w2);
    show("second word unaligned", wake_op(&w1, 1, 1, (uint32_t *) ((char *) &w2 + 1), 0));
    show("second word NULL", wake_op(&w1, 1, 1, NULL, 0));
    uint32_t *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    show("second word read-only", wake_op(&w1, 1, 1, ro, 0));

    /* Waiters on both words: one wake_op wakes both when the comparison holds. */
    pthread_t a, b;
    w1 = w2 = 0;
    pthread_create(&a, NULL, waiter1, &w1);
    pthread_create(&b, NULL, waiter1, &w2);
    while (started < 2) usleep(1000);
    long total = 0;
    for (int i = 0; i < 2000 && total < 2; i++) {
        total += wake_op(&w1, 1, 1, &w2, FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_EQ, 0));
        if (total < 2) usleep(1000);
    }
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("woke both: %d\n", total == 2);
    w1 = 0;
    w2 = 1;
    started = 0;
    pthread_create(&a, NULL, waiter1, &w2);
    while (!started) usleep(1000);
    usleep(20000);
    show("comparison false: wakes none on the second", wake_op(&w1, 1, 1, &w2, FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_EQ, 0)));
    for (int i = 0; i < 2000 && syscall(SYS_futex, &w2, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0; i++) usleep(1000);
    pthread_join(a, NULL);

    return 0;
}
