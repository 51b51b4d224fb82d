package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 3000 random RV64IM instructions (gas picks RVC forms where it can) end in the registers qemu-riscv64 ends in. */
class RandomProgramTest {
    static final String QEMU_OUTPUT = "2effffffffffffff05a767260000000005a76726000000000100000000000000040000000000000000000000000000005e0100000000000000420100000000000f5d98d9ffffffff000000000000000082d3331300000000000000000000000000000000000000000100000000000000010000000000000008a767260000000000000000000000000000000000000000f1a2672600000000000000000000000000000000000000000000000000000000fcffff0300000000000000000000000042a46726f9010000c5b3861aa4e82f97";

    @Test void registersAndMemoryMatchQemu() throws Exception {
        ElfRig e = new ElfRig("random-alu.elf", List.of("random-alu"));
        assertEquals(0, e.run(1_000_000));
        assertEquals(QEMU_OUTPUT, HexFormat.of().formatHex(e.stdout.toByteArray()));
    }
}
