package dev.vitrine.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class LabSimReplaceTest {
    @Test void jsonHasFaultsAndHits() {
        LabRun r = LabRun.of("sim", "replace", "--policy", "fifo", "--frames", "3", "--refs", "1,2,3,4,1,2,5,1,2,3,4,5", "--json");
        assertEquals(0, r.status());
        assertEquals(9, r.number("faults"));
        assertEquals(3, r.number("hits"));
        assertTrue(r.out().strip().startsWith("{") && r.out().strip().endsWith("}"));
    }

    @Test void sweepWritesAChartAndNamesTheAnomaly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path svg = dir.resolve("b.svg");
        LabRun r = LabRun.of("sim", "replace", "--policy", "fifo,lru", "--frames", "1-5", "--refs", "1,2,3,4,1,2,5,1,2,3,4,5",
                "--svg", svg.toString());
        assertEquals(0, r.status());
        assertTrue(r.out().contains("fifo: 4 frames give 10 faults, 3 frames only 9"), r.out());
        assertFalse(r.out().contains("lru: "));
        assertTrue(Files.readString(svg).contains("<polyline"));
    }

    @Test void traceFileWithBadLineIsOneLineAndStatusTwo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.txt");
        Files.writeString(t, "R 0x1000\nQ 0x2000\n");
        LabRun r = LabRun.of("sim", "replace", t.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count());
        assertTrue(r.err().contains("line 2"), r.err());
    }
}
