package dev.vitrine.loader;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.*;

class ElfFileTest {
    /** A minimal ELF64 riscv executable header with one PT_LOAD segment covering the headers. */
    static byte[] minimal(int machine, int type) {
        ByteBuffer b = ByteBuffer.allocate(64 + 56).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
        b.putShort((short) type).putShort((short) machine).putInt(1).putLong(0x10078).putLong(64).putLong(0)
                .putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 1).putShort((short) 64)
                .putShort((short) 0).putShort((short) 0);
        b.putInt(ElfFile.PT_LOAD).putInt(ElfFile.PF_R | ElfFile.PF_X).putLong(0).putLong(0x10000).putLong(0x10000)
                .putLong(120).putLong(120).putLong(4096);
        return b.array();
    }

    @Test void acceptsAMinimalExecutable() {
        ElfFile e = new ElfFile(minimal(243, ElfFile.ET_EXEC));
        assertEquals(0x10078, e.entry());
        assertEquals(1, e.loads().size());
        assertNull(e.interpreter());
    }

    @Test void rejectsWithOneClearLine() {
        assertEquals("not an ELF file", assertThrows(BadElfException.class, () -> new ElfFile("#!/bin/sh\n".getBytes())).getMessage());
        assertTrue(assertThrows(BadElfException.class, () -> new ElfFile(minimal(62, ElfFile.ET_EXEC))).getMessage().contains("not RISC-V"));
        assertTrue(assertThrows(BadElfException.class, () -> new ElfFile(minimal(243, 1))).getMessage().contains("not an executable"));
        byte[] truncated = java.util.Arrays.copyOf(minimal(243, ElfFile.ET_EXEC), 80);
        assertTrue(assertThrows(BadElfException.class, () -> new ElfFile(truncated)).getMessage().contains("outside the file"));
        byte[] elf32 = minimal(243, ElfFile.ET_EXEC);
        elf32[4] = 1;
        assertTrue(assertThrows(BadElfException.class, () -> new ElfFile(elf32)).getMessage().contains("64-bit"));
    }
}
