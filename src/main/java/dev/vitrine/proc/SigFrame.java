package dev.vitrine.proc;

import dev.vitrine.cpu.Hart;
import dev.vitrine.mm.UserMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * struct rt_sigframe of Linux riscv (arch/riscv/kernel/signal.c): siginfo (128 bytes), then
 * struct ucontext: uc_flags, uc_link, uc_stack (24), uc_sigmask (8) plus padding to 1024
 * bits, and at offset 176 (16-aligned) the sigcontext: pc and x1..x31, then the D-extension
 * state f0..f31 and fcsr inside the 528-byte union __riscv_fp_state. 1088 bytes in all.
 */
public final class SigFrame {
    private SigFrame() {}

    public static final int SIGINFO_SIZE = 128, UCONTEXT_SIZE = 960, SIZE = SIGINFO_SIZE + UCONTEXT_SIZE;
    public static final int UC_STACK = 16, UC_SIGMASK = 40, UC_MCONTEXT = 176;
    /** Offsets inside the frame. */
    public static final int REGS = SIGINFO_SIZE + UC_MCONTEXT, FPREGS = REGS + 256, FCSR = FPREGS + 256;
    public static final int SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = 1 << 31;
    public static final long MINSIGSTKSZ = 2048;

    /** Where a frame goes: below sp, or at the top of the alternate stack; 16-aligned. */
    static long place(Task t, long sp, boolean onstack) {
        if (onstack && t.altFlags != SS_DISABLE && !onAltStack(t, sp)) sp = t.altSp + t.altSize;
        return (sp - SIZE) & ~15L;
    }

    static boolean onAltStack(Task t, long sp) {
        // Linux's __on_sig_stack, in unsigned arithmetic: a stack at a kernel-half address or of 2^63 bytes is legal to set.
        return t.altFlags != SS_DISABLE && Long.compareUnsigned(sp, t.altSp) > 0 && Long.compareUnsigned(sp - t.altSp, t.altSize) <= 0;
    }

    /** The frame's bytes for the registers in {@code h}, the mask to restore and the siginfo. */
    static byte[] build(Task t, Hart h, SigInfo info, long mask) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, info.encode());
        int uc = SIGINFO_SIZE;
        int flags = t.altFlags == SS_DISABLE ? SS_DISABLE : onAltStack(t, h.x[2]) ? SS_ONSTACK : 0;
        b.putLong(uc + UC_STACK, t.altSp).putInt(uc + UC_STACK + 8, flags).putLong(uc + UC_STACK + 16, t.altSize);
        b.putLong(uc + UC_SIGMASK, mask);
        b.putLong(REGS, h.pc);
        for (int i = 1; i < 32; i++) b.putLong(REGS + 8 * i, h.x[i]);
        for (int i = 0; i < 32; i++) b.putLong(FPREGS + 8 * i, h.f[i]);
        b.putInt(FCSR, h.readFcsr());
        return b.array();
    }

    /** The saved state of a frame, as rt_sigreturn reads it back. */
    record Saved(long pc, long[] x, long[] f, int fcsr, long mask, long altSp, int altFlags, long altSize) {}

    static Saved read(UserMemory m, long frame) {
        byte[] raw = new byte[SIZE];
        if (!m.read(frame, raw, 0, SIZE)) return null;
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long[] x = new long[32], f = new long[32];
        for (int i = 1; i < 32; i++) x[i] = b.getLong(REGS + 8 * i);
        for (int i = 0; i < 32; i++) f[i] = b.getLong(FPREGS + 8 * i);
        int uc = SIGINFO_SIZE;
        return new Saved(b.getLong(REGS), x, f, b.getInt(FCSR), b.getLong(uc + UC_SIGMASK),
                b.getLong(uc + UC_STACK), b.getInt(uc + UC_STACK + 8), b.getLong(uc + UC_STACK + 16));
    }
}
