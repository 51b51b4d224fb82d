package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A static glibc program (start-up, malloc, qsort, printf of doubles) prints what qemu-riscv64 prints. */
class GlibcTest {
    @Test void helloMatchesQemu() throws Exception {
        ElfRig e = new ElfRig("hello-glibc.elf", List.of("hello", "arg"));
        assertEquals(3, e.run(1_000_000));
        assertEquals("""
                apple banana cherry fig pear
                len 99999 pi 3.1415926536 sqrt2 1.41421 e 0x1.5bf0a8b145769p+1
                -42 1099511627776 beef arg
                """, e.out());
    }
}
