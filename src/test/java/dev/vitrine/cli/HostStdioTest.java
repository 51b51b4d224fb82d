package dev.vitrine.cli;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.vitrine.cli.CliGuests.bash;
import static dev.vitrine.cli.CliGuests.build;
import static dev.vitrine.cli.CliGuests.vitrine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host's fds 0-2 as the guest's, through a child `vitrine` on real host fds: a reader
 * that left is SIGPIPE/EPIPE, a closed fd is EBADF, stdin that stays open and empty does not
 * stop the machine, and piped stdin gives the same run every time. qemu-riscv64 running the
 * same binary on the same fds is the oracle.
 */
class HostStdioTest {
    @Test void aReaderThatLeftIsSigpipe() throws Exception {
        Path writer = build("writer");
        String probe = " | head -c 100 | wc -c; echo \"status ${PIPESTATUS[0]}\"";
        CliGuests.Result q = bash(Toolchain.requireQemu() + " " + writer + probe, 60);
        CliGuests.Result v = bash(vitrine() + " run " + writer + probe, 60);
        assertEquals(q.out(), v.out(), "vitrine's stderr: " + v.err());
    }

    @Test void anIgnoredSigpipeLeavesEpipe() throws Exception {
        Path writer = build("writer");
        String probe = " ignore | head -c 100 >/dev/null; echo \"status ${PIPESTATUS[0]}\"";
        CliGuests.Result q = bash(Toolchain.requireQemu() + " " + writer + probe, 60);
        CliGuests.Result v = bash(vitrine() + " run " + writer + probe, 60);
        assertEquals(q.out(), v.out());
        assertEquals(q.err(), v.err());
    }

    /** Without the launcher, the JVM's own files at fds 0-2 tell; with it, -Dvitrine.closed does. */
    @Test void aClosedHostFdIsAClosedGuestFd() throws Exception {
        Path probe = build("stdio_probe");
        Path qemu = Toolchain.requireQemu();
        for (String redirect : List.of("<&-", ">&-", "2>&-")) {
            String asQemu = bash("{ " + qemu + " " + probe + " " + redirect + "; } 2>&1; echo \"status $?\"", 60).out();
            assertEquals(asQemu, bash("{ " + vitrine() + " run " + probe + " " + redirect + "; } 2>&1; echo \"status $?\"", 60).out(), redirect);
            assertTrue(asQemu.contains("Bad file descriptor"), asQemu);
        }
        // What the launcher passes after reopening a closed fd 0 on /dev/null.
        String launched = bash(vitrine("-Dvitrine.closed=0") + " run " + probe + " 2>&1", 60).out();
        assertEquals(bash(qemu + " " + probe + " <&- 2>&1", 60).out(), launched);
    }

    /** The run that used to freeze: one process waits on a host pipe that stays open, the other prints. */
    @Test void stdinThatStaysOpenDoesNotStopTheMachine() throws Exception {
        Path prog = build("stdin_wait");
        List<String> cmd = new ArrayList<>(CliGuests.command());
        cmd.addAll(List.of("run", "--max-time", "0.05", prog.toString()));
        Process p = new ProcessBuilder(cmd).start();   // stdin: a pipe this test holds open and never writes
        try {
            CliGuests.Result r = CliGuests.finish(p, 120);
            assertEquals(124, r.status(), r.err());
            assertTrue(r.out().contains("tick 0\ntick 1\ntick 2\n"), r.out());
            assertFalse(r.out().contains("child read"), r.out());
            assertTrue(r.err().contains("virtual time limit reached"), r.err());
        } finally {
            p.getOutputStream().close();
        }
    }

    /** The other way round: a host reader that stops reading stops only the guest that writes to it. */
    @Test void aStalledStdoutDoesNotStopTheMachine() throws Exception {
        List<String> cmd = new ArrayList<>(CliGuests.command());
        cmd.addAll(List.of("run", "--max-time", "0.02", build("stdout_stall").toString()));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        // This test is the host reader that stalls: it reads stdout only once the ticks came (the
        // report line would wait for the guests' output to reach the host first).
        Thread watchdog = new Thread(() -> {
            try {
                if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException ignored) {
                p.destroyForcibly();
            }
        });
        watchdog.start();
        StringBuilder err = new StringBuilder();
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            err.append(line).append('\n');
            if (line.equals("tick 2")) break;
        }
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        for (String line; (line = lines.readLine()) != null; ) err.append(line).append('\n');
        watchdog.join();
        assertEquals(124, p.exitValue(), err.toString());
        assertTrue(err.toString().contains("tick 0\ntick 1\ntick 2\n"), err.toString());
        assertTrue(err.toString().contains("virtual time limit reached"), err.toString());
    }

    /** Everyone waits for the host: the machine keeps host time, so --max-time still ends the wait. */
    @Test void aLoneReaderOfAnOpenStdinStopsAtMaxTime() throws Exception {
        List<String> cmd = new ArrayList<>(CliGuests.command());
        cmd.addAll(List.of("run", "--max-time", "0.5", build("stdio_probe").toString()));
        CliGuests.Result r = heldOpen(cmd);
        assertEquals(124, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("virtual time limit reached"), r.err());
    }

    @Test void anOpenEmptyStdinIsNotReady() throws Exception {
        Path prog = build("stdin_nonblock");
        String expected = heldOpen(List.of(Toolchain.requireQemu().toString(), prog.toString())).out();
        List<String> cmd = new ArrayList<>(CliGuests.command());
        cmd.addAll(List.of("run", prog.toString()));
        assertEquals(expected, heldOpen(cmd).out());
        assertTrue(expected.contains("Resource temporarily unavailable"), expected);
    }

    /** A pipe from a finished writer reads the same as the same bytes from a file, run after run. */
    @Test void pipedStdinIsDeterministic() throws Exception {
        Path prog = build("stdin_race");
        Path input = Path.of("src/test/resources/cli/writer.c").toAbsolutePath();
        String run = vitrine() + " run --quantum 3000 " + prog;
        String fromFile = bash(run + " < " + input, 120).out();
        assertTrue(fromFile.contains("EOF"), fromFile);
        for (int i = 0; i < 2; i++) assertEquals(fromFile, bash("cat " + input + " | " + run, 120).out(), "run " + i);
    }

    private static CliGuests.Result heldOpen(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        try {
            return CliGuests.finish(p, 120);
        } finally {
            p.getOutputStream().close();
        }
    }
}
