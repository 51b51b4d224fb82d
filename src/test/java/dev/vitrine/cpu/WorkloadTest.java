package dev.vitrine.cpu;

import dev.vitrine.mmu.Geometry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** gcc -O2 output (54 % compressed, AMOs, LR/SC, 128-bit multiplies) agrees with qemu-riscv64. */
class WorkloadTest {
    static final String QEMU_OUTPUT = """
            sieve 000000000c0eabd7
            crc32 0000000009c13f4b
            sorted 0000000000000001
            median 033e2ed3b7aa7ebf
            arith 05dd74c3460a449c
            fib 0000000000001a6d
            atomics 95841dad0007a314
            total 06e35a10f46fb4d3
            """;

    @Test void matchesQemu() throws Exception {
        ElfRig e = new ElfRig("workload.elf", List.of("workload"));
        assertEquals(0, e.run(1_000_000));
        assertEquals(QEMU_OUTPUT, e.out());
    }

    @Test void sameResultUnderA32BitTwoLevelPageTable() throws Exception {
        ElfRig e = new ElfRig(new Rig(Geometry.X86_32), "workload.elf", List.of("workload"));
        assertEquals(0, e.run(1_000_000));
        assertEquals(QEMU_OUTPUT, e.out());
        // and an address beyond 32 bits cannot be translated at all
        Rig r = new Rig(Geometry.X86_32).set(Asm.A1, 1L << 32).i(Asm.ld(Asm.A0, Asm.A1, 0));
        assertEquals(Trap.PAGE_FAULT, r.run(10));
        assertEquals(1L << 32, r.hart.trapValue);
    }

    @Test void sameResultWithTinyBudgets() throws Exception {
        // stopping every 7 instructions must not change anything (state fully saved at LIMIT)
        ElfRig e = new ElfRig("workload.elf", List.of("workload"));
        assertEquals(0, e.run(7));
        assertEquals(QEMU_OUTPUT, e.out());
    }
}
