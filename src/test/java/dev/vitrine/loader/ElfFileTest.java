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

    /** minimal() with a second program header, PT_INTERP over {@code name} placed after the headers. */
    static byte[] withInterp(byte[] name, long filesz) {
        ByteBuffer b = ByteBuffer.allocate(64 + 2 * 56 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(minimal(243, ElfFile.ET_EXEC));
        b.putShort(56, (short) 2);
        b.putInt(ElfFile.PT_INTERP).putInt(ElfFile.PF_R).putLong(176).putLong(0).putLong(0).putLong(filesz).putLong(filesz).putLong(1);
        b.put(name);
        return b.array();
    }

    // Found by the ELF mutation fuzzer (dev.vitrine.fuzz.ElfMutationTest).
    @Test void anUnsignedHugePhoffIsOutsideTheFile() {
        byte[] elf = minimal(243, ElfFile.ET_EXEC);
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putLong(32, Long.MAX_VALUE);
        assertTrue(assertThrows(BadElfException.class, () -> new ElfFile(elf)).getMessage().contains("outside the file"));
    }

    @Test void theInterpreterIsANulTerminatedPathAsLinuxWantsIt() {
        byte[] good = "/lib/ld.so\0junk\0".getBytes();
        assertEquals("/lib/ld.so", new ElfFile(withInterp(good, good.length)).interpreter());
        byte[] noNul = "/lib/ld.so".getBytes();
        assertTrue(assertThrows(BadElfException.class, () -> new ElfFile(withInterp(noNul, noNul.length))).getMessage().contains("PT_INTERP"));
        byte[] one = {0};
        assertThrows(BadElfException.class, () -> new ElfFile(withInterp(one, 1)));
        byte[] huge = new byte[4097];
        assertThrows(BadElfException.class, () -> new ElfFile(withInterp(huge, huge.length)));
        assertEquals("a\\x0ab\\x1b", ElfFile.printable("a\nb\u001b"));
    }
}
