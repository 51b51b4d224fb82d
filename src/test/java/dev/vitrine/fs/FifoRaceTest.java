package dev.vitrine.fs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chapter's named-pipe race: the O_RDWR writer that finishes before the reader opens
 * leaves the reader waiting forever, and the deadlock report names the blocked open.
 */
class FifoRaceTest {
    @Test void losingScheduleEndsInADeadlockReportNamingTheOpen() throws Exception {
        Guest.Run r = Guest.run("fifo_race", "rr", "race");
        assertEquals(125, r.status(), r.report());
        assertTrue(r.report().contains("blocked in open(\"fifo\", O_RDONLY): no writer has it open"), r.report());
        assertEquals("", r.stdout());
    }

    @Test void winningScheduleSaysHello() throws Exception {
        Guest.Run r = Guest.run("fifo_race", "rr");
        assertEquals(0, r.status(), r.report());
        assertEquals("Hello!\n", r.stdout());
    }
}
