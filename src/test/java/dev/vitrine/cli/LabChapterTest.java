package dev.vitrine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Each worked example of the chapter, reproduced by one command; expected values are the chapter's. */
class LabChapterTest {
    static final String VA = "0b11110000111100001111000010101010";

    @Test void pagesOf32And64BitSpaces() {
        assertEquals(1L << 20, LabRun.of("geometry", "--va-bits", "32", "--page-size", "4K", "--json").number("pages"));
        assertEquals(1L << 52, LabRun.of("geometry", "--va-bits", "64", "--page-size", "4K", "--json").number("pages"));
    }

    @Test void singleLevelTableIsFourMiB() {
        assertEquals(4L << 20, LabRun.of("geometry", "--va-bits", "32", "--page-size", "4K", "--json").number("singleLevelBytes"));
    }

    @Test void splitWith4KiBPages() {
        LabRun r = LabRun.of("translate", VA, "--va-bits", "32", "--page-size", "4K", "--levels", "20", "--json");
        assertEquals(0b11110000111100001111L, r.number("vpn"));
        assertEquals(0b000010101010L, r.number("offset"));
    }

    @Test void splitWith256BytePages() {
        LabRun r = LabRun.of("translate", VA, "--va-bits", "32", "--page-size", "256", "--json");
        assertEquals(0b111100001111000011110000L, r.number("vpn"));
        assertEquals(0b10101010L, r.number("offset"));
        assertEquals("111100001111000011110000 10101010", r.string("binary"));
    }

    @Test void twoLevelWalk(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("pt.txt");
        Files.writeString(t, "map 0xf0f0f000 0x1234 rwu\n");
        LabRun r = LabRun.of("translate", VA, "--va-bits", "32", "--page-size", "4K", "--levels", "10,10", "--table", t.toString(), "--json");
        assertTrue(r.out().contains("\"indices\":[" + 0b1111000011 + "," + 0b1100001111 + "]"), r.out());
        assertEquals(0x1234, r.number("frame"));
        assertEquals((0x1234L << 12) | 0b10101010, r.number("physical"));
    }

    @Test void sixtyFourBitThreeLevelQuestion() {
        LabRun r = LabRun.of("geometry", "--va-bits", "64", "--page-size", "4K", "--depth", "3", "--json");
        assertTrue(r.out().contains("\"levelBits\":[18,17,17]"), r.out());
        assertEquals(12, r.number("offsetBits"));
    }

    @Test void multiLevelTableForASmallProcess() {
        LabRun r = LabRun.of("geometry", "--paging", "x86-32", "--entry-bytes", "2,4", "--json");
        assertTrue(r.out().contains("\"tables\":[1,2]"), r.out());
        assertEquals(10 * 1024, r.number("bytes"));
        assertTrue(LabRun.of("geometry", "--paging", "x86-32").out().contains("total 12 KiB, against 4 MiB"));
    }
}
