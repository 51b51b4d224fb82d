package dev.vitrine.proc;

import dev.vitrine.cpu.Hart;
import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.FrameAllocator;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.TlbConfig;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The rt_sigframe layout against the riscv64 headers: offsets measured with
 * riscv64-linux-gnu-gcc (offsetof over glibc's ucontext_t and the kernel's struct
 * ucontext): siginfo 128 bytes, ucontext 960, uc_stack at 16, uc_sigmask at 40,
 * uc_mcontext at 176, sigcontext 784 with the FP state at 256.
 */
class SigFrameTest {
    private final Hart hart = new Hart(new Mmu(Geometry.SV39, new PhysicalMemory(1 << 22, 12), TlbConfig.DEFAULT));

    private Task task() {
        FrameAllocator frames = new FrameAllocator(hart.mmu().memory());
        Process p = new Process(1, null, "t", AddressSpace.create(Geometry.SV39, frames), new FdTable(16), 0);
        return new Task(1, p);
    }

    @Test void sizesMatchTheHeaders() {
        assertEquals(128, SigFrame.SIGINFO_SIZE);
        assertEquals(960, SigFrame.UCONTEXT_SIZE);
        assertEquals(128 + 176, SigFrame.REGS);
        assertEquals(128 + 176 + 256, SigFrame.FPREGS);
        assertEquals(128 + 176 + 256 + 256, SigFrame.FCSR);
        assertEquals(1088, SigFrame.SIZE);
    }

    @Test void frameHoldsRegistersMaskAndSiginfoWhereGlibcLooks() {
        Task t = task();
        for (int i = 1; i < 32; i++) hart.x[i] = 0x1000L * i + i;
        for (int i = 0; i < 32; i++) hart.f[i] = 0x4000_0000_0000_0000L + i;
        hart.pc = 0x12345;
        hart.writeFcsr(0x61);
        byte[] f = SigFrame.build(t, hart, SigInfo.fault(Signals.SIGSEGV, Signals.SEGV_ACCERR, 0xdead000L), 0x5555L);
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(Signals.SIGSEGV, b.getInt(0));
        assertEquals(Signals.SEGV_ACCERR, b.getInt(8));
        assertEquals(0xdead000L, b.getLong(16), "si_addr");
        assertEquals(0x5555L, b.getLong(128 + 40), "uc_sigmask");
        assertEquals(SigFrame.SS_DISABLE, b.getInt(128 + 16 + 8), "uc_stack.ss_flags with no alternate stack");
        assertEquals(0x12345L, b.getLong(128 + 176), "gregs[0] is the pc");
        assertEquals(hart.x[1], b.getLong(128 + 176 + 8), "gregs[1] is ra");
        assertEquals(hart.x[31], b.getLong(128 + 176 + 8 * 31), "gregs[31] is t6");
        assertEquals(hart.f[0], b.getLong(128 + 176 + 256));
        assertEquals(hart.f[31], b.getLong(128 + 176 + 256 + 8 * 31));
        assertEquals(0x61, b.getInt(128 + 176 + 512), "fcsr after f31");
    }

    @Test void placementIsAlignedAndUsesTheAlternateStackOnlyWhenAsked() {
        Task t = task();
        assertEquals(0, SigFrame.place(t, 0x7fff_f00f, false) & 15);
        assertTrue(SigFrame.place(t, 0x7fff_f000, false) <= 0x7fff_f000 - SigFrame.SIZE);
        t.altSp = 0x10_0000;
        t.altSize = 0x4000;
        t.altFlags = 0;
        assertEquals((0x10_4000 - SigFrame.SIZE) & ~15L, SigFrame.place(t, 0x7fff_f000, true));
        assertEquals((0x7fff_f000L - SigFrame.SIZE) & ~15L, SigFrame.place(t, 0x7fff_f000, false));
        // Already on the alternate stack: nest below the current sp, do not restart at its top.
        assertEquals((0x10_2000 - SigFrame.SIZE) & ~15L, SigFrame.place(t, 0x10_2000, true));
    }

    @Test void siginfoForAChild() {
        ByteBuffer b = ByteBuffer.wrap(SigInfo.child(SigInfo.CLD_EXITED, 42, 1000, 9).encode()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(Signals.SIGCHLD, b.getInt(0));
        assertEquals(SigInfo.CLD_EXITED, b.getInt(8));
        assertEquals(42, b.getInt(16));
        assertEquals(1000, b.getInt(20));
        assertEquals(9, b.getInt(24));
    }

    @Test void trampolineIsLiA7SigreturnThenEcall() {
        ByteBuffer b = ByteBuffer.wrap(Trampoline.CODE).order(ByteOrder.LITTLE_ENDIAN);
        int li = b.getInt(0);
        assertEquals(0x13, li & 0x7f, "OP-IMM");
        assertEquals(17, (li >> 7) & 31, "rd = a7");
        assertEquals(0, (li >> 15) & 31, "rs1 = zero");
        assertEquals(139, li >> 20, "rt_sigreturn");
        assertEquals(0x73, b.getInt(4), "ecall");
    }
}
