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

    /**
     * stat, status, cmdline, task/, sys/kernel, cpuinfo, vmstat checked by the guest against what
     * it knows of itself (pids, mask, handlers, touched pages, argv). qemu-user fakes
     * /proc/self/stat (44 fields, mostly 0), so the oracle here is the same C built natively:
     * it passes on the host's Linux.
     */
    @Test void statStatusAndFriendsAgreeWithTheProcess() throws Exception {
        Guest.Run r = Guest.run("proc_stat", "rr", "one arg", "", "3");
        assertEquals(0, r.status(), r.stdout() + r.report());
        assertTrue(r.stdout().contains("ok stat has 52 fields"), r.stdout());
        assertTrue(!r.stdout().contains("FAIL"), r.stdout());
    }
}
