/*
 * A freestanding F/D workload for the hart tests: arithmetic in every rounding mode,
 * conversions, comparisons, fclass, fma and the fflags they raise. Expected output comes
 * from qemu-riscv64. Rebuild (the ELF is checked in next to this file):
 *   riscv64-linux-gnu-gcc -O2 -march=rv64gc -static -nostdlib -ffreestanding \
 *       -fno-builtin -fno-math-errno -o fpwork.elf fpwork.c
 */
typedef unsigned long u64;

static long sys(long n, long a, long b, long c) {
    register long a0 asm("a0") = a, a1 asm("a1") = b, a2 asm("a2") = c, a7 asm("a7") = n;
    asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
    return a0;
}

static void hex(const char *label, u64 v) {
    char buf[48]; int i = 0;
    while (label[i]) { buf[i] = label[i]; i++; }
    buf[i++] = ' ';
    for (int k = 60; k >= 0; k -= 4) buf[i++] = "0123456789abcdef"[(v >> k) & 15];
    buf[i++] = '\n';
    sys(64, 1, (long) buf, i);
}

static u64 dbits(double d) { union { double d; u64 u; } x = { .d = d }; return x.u; }
static u64 fbits(float f) { union { float f; unsigned u; } x = { .f = f }; return x.u; }
static double fmin_(double a, double b) { double r; asm("fmin.d %0, %1, %2" : "=f"(r) : "f"(a), "f"(b)); return r; }
static float fmaxf_(float a, float b) { float r; asm("fmax.s %0, %1, %2" : "=f"(r) : "f"(a), "f"(b)); return r; }
static long fclass_(double a) { long r; asm("fclass.d %0, %1" : "=r"(r) : "f"(a)); return r; }
static long fclassf_(float a) { long r; asm("fclass.s %0, %1" : "=r"(r) : "f"(a)); return r; }
static void setrm(long rm) { asm volatile("fsrm %0" :: "r"(rm)); }
static u64 flags(void) { long f; asm volatile("frflags %0" : "=r"(f)); asm volatile("fsflags zero"); return f; }

volatile double vd[8] = { 1.0, 3.0, -2.5, 1e308, 1e-310, 0.1, -0.0, 7.0 };
volatile float vf[8] = { 1.0f, 3.0f, -2.5f, 3e38f, 1e-40f, 0.1f, -0.0f, 7.0f };
volatile long vl[4] = { -7, 1L << 62, -1, 123456789 };

int main(void) {
    for (long rm = 0; rm < 5; rm++) {
        setrm(rm);
        double q = vd[0] / vd[1];
        float qf = vf[0] / vf[1];
        hex("div.d", dbits(q)); hex("div.s", fbits(qf));
        hex("sqrt.d", dbits(__builtin_sqrt(vd[7]))); hex("sqrt.s", fbits(__builtin_sqrtf(vf[7])));
        hex("fma.d", dbits(__builtin_fma(vd[5], vd[1], vd[2])));
        hex("fma.s", fbits(__builtin_fmaf(vf[5], vf[1], vf[2])));
        hex("cvt.w.d", (u64) (long) (int) vd[2]);
        hex("cvt.l.s", (u64) (long) vf[2]);
        hex("cvt.d.l", dbits((double) vl[1])); hex("cvt.s.l", fbits((float) vl[3]));
        hex("cvt.s.d", fbits((float) vd[5]));
        hex("flags", flags());
    }
    setrm(0);
    hex("ovf", dbits(vd[3] * vd[3])); hex("f1", flags());
    hex("unf", dbits(vd[4] * vd[5])); hex("f2", flags());
    hex("inv", dbits(__builtin_sqrt(vd[2]))); hex("f3", flags());
    hex("dz", dbits(vd[0] / vd[6])); hex("f4", flags());
    hex("cvtbig", (u64) (int) vd[3]); hex("f5", flags());
    hex("lt", vd[2] < vd[6]); hex("eq", vd[6] == 0.0); hex("ltnan", vd[0] < __builtin_nan("")); hex("f6", flags());
    hex("min", dbits(fmin_(vd[6], 0.0))); hex("max.s", fbits(fmaxf_(vf[6], 0.0f)));
    hex("min.nan", dbits(fmin_(__builtin_nans(""), vd[1]))); hex("f10", flags());
    u64 cls = 0;
    for (int i = 0; i < 8; i++) cls = cls << 10 ^ fclass_(vd[i]) ^ fclassf_(vf[i]) << 5;
    hex("class", cls);
    hex("cvt.d.s", dbits((double) vf[4])); hex("f7", flags());
    double acc = 0; float accf = 0;
    for (int i = 1; i <= 1000; i++) { acc += 1.0 / i; accf += 1.0f / (float) i; acc = __builtin_fma(acc, 1.0000001, -1e-9); }
    hex("harm.d", dbits(acc)); hex("harm.s", fbits(accf)); hex("f8", flags());
    hex("cvt.wu", (u64) (unsigned) vd[2]); hex("cvt.lu", (u64) (unsigned long) 1e19); hex("f9", flags());
    return 0;
}

__attribute__((naked, noreturn)) void _start(void) {
    asm volatile(
        ".option push\n.option norelax\nla gp, __global_pointer$\n.option pop\n"
        "ld a0, 0(sp)\n addi a1, sp, 8\n call main\n li a7, 94\n ecall\n");
}
