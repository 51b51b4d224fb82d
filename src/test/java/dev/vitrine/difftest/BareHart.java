package dev.vitrine.difftest;

import dev.vitrine.cpu.Hart;
import dev.vitrine.cpu.Trap;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;
import dev.vitrine.mmu.TlbConfig;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A target that runs the generated programs on a bare {@link Hart} — no kernel, no loader:
 * the static ELF's PT_LOAD segments are copied into 16 MiB of RAM mapped one-to-one (Sv39,
 * user RWX) and the only two system calls the programs make, write(1, ...) and exit_group,
 * are served here. It isolates the cpu and FPU from the rest of Vitrine, and works before
 * the kernel does.
 */
final class BareHart implements DiffRunner.Target {
    private static final long RAM = 16 << 20;
    private static final long ROOT = 0x1000, L1 = 0x2000, L0 = 0x3000; // L0 tables: 0x3000.. one per 2 MiB
    private static final long LOW = 0x10000;

    public String name() { return "bare hart (cpu+fpu only)"; }

    public DiffRunner.Output run(Path elf) throws Exception {
        PhysicalMemory mem = new PhysicalMemory(RAM, 12);
        Mmu mmu = new Mmu(Geometry.SV39, mem, TlbConfig.DEFAULT);
        mem.write64(ROOT, Pte.make(L1 >>> 12, Pte.V));
        for (long i = 0; i < RAM >>> 21; i++) mem.write64(L1 + 8 * i, Pte.make((L0 >>> 12) + i, Pte.V));
        long rwx = Pte.V | Pte.R | Pte.W | Pte.X | Pte.U | Pte.A | Pte.D;
        for (long va = LOW; va < RAM; va += 0x1000) mem.write64(L0 + (va >>> 12) * 8, Pte.make(va >>> 12, rwx));
        mmu.setRoot(ROOT, 0);

        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(elf)).order(ByteOrder.LITTLE_ENDIAN);
        long entry = b.getLong(24), phoff = b.getLong(32);
        int phentsize = b.getShort(54) & 0xffff, phnum = b.getShort(56) & 0xffff;
        for (int i = 0; i < phnum; i++) {
            int ph = (int) (phoff + (long) i * phentsize);
            if (b.getInt(ph) != 1) continue; // PT_LOAD
            long off = b.getLong(ph + 8), vaddr = b.getLong(ph + 16), filesz = b.getLong(ph + 32), memsz = b.getLong(ph + 40);
            if (vaddr < LOW || vaddr + memsz > RAM) throw new IllegalArgumentException("segment at 0x" + Long.toHexString(vaddr) + " outside the bare hart's RAM");
            mem.write(vaddr, b.array(), (int) off, (int) filesz);
            mem.fill(vaddr + filesz, memsz - filesz, (byte) 0);
        }

        Hart hart = new Hart(mmu);
        hart.pc = entry;
        hart.x[2] = RAM - 4096; // a stack pointer, as a kernel would give (the programs ignore it)
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        long budget = 20_000_000L; // a 1000-case program retires about 200 000
        while (true) {
            long before = hart.instret;
            int t = hart.run(Math.min(budget, 10_000_000));
            budget -= Math.max(1, hart.instret - before);
            if (t == Trap.LIMIT) {
                if (budget > 0) continue;
                return new DiffRunner.Output(out.toByteArray(), "instruction budget exhausted at pc 0x" + Long.toHexString(hart.pc), false);
            }
            if (t != Trap.ECALL)
                return new DiffRunner.Output(out.toByteArray(), Trap.name(t) + " at pc 0x" + Long.toHexString(hart.pc)
                        + ", tval 0x" + Long.toHexString(hart.trapValue), false);
            long nr = hart.x[17];
            if (nr == 93 || nr == 94)
                return new DiffRunner.Output(out.toByteArray(), "exit status " + hart.x[10], hart.x[10] == 0);
            if (nr != 64 || hart.x[10] != 1)
                return new DiffRunner.Output(out.toByteArray(), "unexpected syscall " + nr + " at pc 0x" + Long.toHexString(hart.pc), false);
            long buf = hart.x[11], len = hart.x[12];
            for (long i = 0; i < len; i++) {
                long pa = mmu.translate(buf + i, Access.LOAD);
                if (pa == Mmu.FAULT) return new DiffRunner.Output(out.toByteArray(), "write from an unmapped buffer", false);
                out.write(mem.read8(pa));
            }
            hart.x[10] = len;
            hart.pc += 4;
        }
    }
}
