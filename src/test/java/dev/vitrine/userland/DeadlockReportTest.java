package dev.vitrine.userland;

import dev.vitrine.conformance.GuestRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * /proc/deadlock while the rest of the machine runs: two cats that wait for each other through
 * a FIFO and a pipe are listed with who holds the other end; a sleeper with a timeout is not,
 * and /proc/PID/wchan names where it sleeps.
 */
class DeadlockReportTest {
    @Test
    void aPipelineThatWaitsForItselfIsListedAndNothingElse() throws Throwable {
        GuestRun r = Userland.vitrine("mkfifo f; cat f | cat > f & sleep 100 & sleep 1; cat /proc/deadlock; "
                + "cat /proc/$!/wchan; echo; kill %1 %2", new byte[0]);
        String[] lines = r.stdoutText().split("\n");
        assertEquals(3, lines.length, r.stdoutText() + r.stderrText());
        assertEquals(true, lines[0].matches("\\d+ cat: read\\(3\\) from a FIFO whose writers are all blocked; "
                + "its write end is open in pid \\d+ \\(cat\\)"), lines[0]);
        assertEquals(true, lines[1].matches("\\d+ cat: read\\(0\\) from a pipe whose writers are all blocked; "
                + "its write end is open in pid \\d+ \\(cat\\)"), lines[1]);
        assertEquals("hrtimer_nanosleep", lines[2]);
    }
}
