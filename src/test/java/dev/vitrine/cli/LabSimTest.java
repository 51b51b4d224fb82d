package dev.vitrine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LabSimTest {
    @Test void schedJsonHasTheMeasures() {
        LabRun r = LabRun.of("sim", "sched", "--jobs", "100,10,10", "--policy", "sjf", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(50, r.number("avgTurnaround"));
        assertTrue(r.out().contains("\"timeline\":["), r.out());
    }

    @Test void schedFileAndSvg(@TempDir Path dir) throws Exception {
        Path jobs = dir.resolve("jobs.txt"), svg = dir.resolve("g.svg");
        Files.writeString(jobs, "# name arrival length\nA 0 5\nB 0 5\nC 0 5\n");
        LabRun r = LabRun.of("sim", "sched", jobs.toString(), "--policy", "rr", "--quantum", "1", "--svg", svg.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("|ABCABCABCABCABC|"), r.out());
        assertTrue(Files.readString(svg).contains("<rect"));
        Files.writeString(jobs, "A 0 5\nB zero 5\n");
        r = LabRun.of("sim", "sched", jobs.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("line 2"), r.err());
    }

    @Test void tlbJsonAndSweep() {
        LabRun r = LabRun.of("sim", "tlb", "--refs", "0,1,0,2,0,1", "--entries", "2", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(2, r.number("hits"));
        assertEquals(4, r.number("misses"));
        r = LabRun.of("sim", "tlb", "--refs", "1,2,3,4,1,2,5,1,2,3,4,5", "--entries", "1-5", "--policy", "fifo");
        assertTrue(r.out().contains("4 entries hit less than 3 (Belady's anomaly)"), r.out());
        r = LabRun.of("sim", "tlb", "--refs", "1", "--entries", "6", "--ways", "4");
        assertEquals(2, r.status());
    }
}
