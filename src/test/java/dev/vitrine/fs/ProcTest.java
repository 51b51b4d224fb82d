package dev.vitrine.fs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /proc/self/maps in Linux's layout (qemu does not emulate it faithfully, so it is checked here). */
class ProcTest {
    @Test void mapsLinesHaveLinuxColumns() throws Exception {
        Guest.Run r = Guest.run("proc_maps", "rr");
        assertEquals(0, r.status(), r.report());
        String[] lines = r.stdout().split("\n");
        assertTrue(lines.length >= 4, r.stdout());
        for (String l : lines) {
            assertTrue(l.matches("[0-9a-f]{8,}-[0-9a-f]{8,} [r-][w-][x-][ps] [0-9a-f]{8} [0-9a-f]{2}:[0-9a-f]{2} \\d+( +\\S.*)?"), l);
            if (l.length() > 73) assertEquals(' ', l.charAt(72), l);
        }
        assertTrue(r.stdout().contains("[stack]"), r.stdout());
        assertTrue(r.stdout().contains("/home/user/proc_maps"), r.stdout());
    }
}
