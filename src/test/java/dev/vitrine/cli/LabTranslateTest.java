package dev.vitrine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LabTranslateTest {
    @Test void splitAsJson() {
        LabRun r = LabRun.of("translate", "0xF0F0F0AA", "--va-bits", "32", "--page-size", "4K", "--levels", "10,10", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(0xF0F0FL, r.number("vpn"));
        assertEquals(0xAA, r.number("offset"));
        assertTrue(r.out().contains("\"indices\":[963,783]"), r.out());
    }

    @Test void walkOverATableFile(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("pt.txt");
        Files.writeString(t, "map 0xf0f0f000 0x1234 rwu\n");
        LabRun r = LabRun.of("translate", "0xF0F0F0AA", "--paging", "x86-32", "--table", t.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(0x1234, r.number("frame"));
        assertEquals(0x12340AA, r.number("physical"));
        r = LabRun.of("translate", "0xF0F0F0AA", "--paging", "x86-32", "--table", t.toString());
        assertTrue(r.out().contains("PTE at 0x"), r.out());
        assertTrue(r.out().contains("physical address = frame 0x1234 << 12 | offset 0xaa = 0x12340aa"), r.out());
        r = LabRun.of("translate", "0xF0F0E0AA", "--paging", "x86-32", "--table", t.toString(), "--json");
        assertEquals("invalid", r.string("kind"));
    }

    @Test void badInputIsOneLineStatusTwo(@TempDir Path dir) throws Exception {
        for (String[] args : new String[][] {
                {"translate", "0x1F0F0F0AA", "--va-bits", "32"},
                {"translate", "0x10", "--va-bits", "32", "--levels", "10,9"},
                {"translate", "0xnope"},
        }) {
            LabRun r = LabRun.of(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("vitrine: "), r.err());
        }
        Path t = dir.resolve("pt.txt");
        Files.writeString(t, "map 0x1000 1 rw\nmap 0x2000\n");
        LabRun r = LabRun.of("translate", "0x1000", "--table", t.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("line 2"), r.err());
    }
}
