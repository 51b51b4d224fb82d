package dev.vitrine.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LabGeometryTest {
    @Test void chaptersFourMiBAgainstTenKiB() {
        LabRun r = LabRun.of("geometry", "--va-bits", "32", "--page-size", "4K", "--levels", "10,10", "--entry-bytes", "2,4");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("2^20 pages"), r.out());
        assertTrue(r.out().contains("= 4 MiB"), r.out());
        assertTrue(r.out().contains("total 10 KiB, against 4 MiB"), r.out());
    }

    @Test void json64BitThreeLevels() {
        LabRun r = LabRun.of("geometry", "--va-bits", "64", "--depth", "3", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"levelBits\":[18,17,17]"), r.out());
        assertEquals(1L << 52, r.number("pages"));
        assertEquals(1L << 55, r.number("singleLevelBytes"));
        assertEquals(64L * 4096, r.number("tlbReach"));
    }

    @Test void badRegionIsStatusTwo() {
        LabRun r = LabRun.of("geometry", "--mapped", "0x1000");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bad region"), r.err());
    }
}
