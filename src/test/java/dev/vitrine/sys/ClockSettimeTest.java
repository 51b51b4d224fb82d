package dev.vitrine.sys;

import dev.vitrine.Machine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * clock_settime's success, which the corpus cannot compare with qemu-riscv64 (it would set the
 * host's clock): root sets the machine's wall clock, and realtime, gettimeofday, time, a new
 * file's mtime and /proc/stat's btime follow while the monotonic clock does not jump. The
 * errors (a user's EPERM, EINVAL, EFAULT) are the corpus's time_settime and time_settime_root.
 */
class ClockSettimeTest {
    @Test
    void rootSetsTheMachinesWallClock() throws Exception {
        Path bin = dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/java/dev/vitrine/sys/clock_settime_root.c").toAbsolutePath());
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Machine.Result r = Machine.builder().stdout(out).stderr(err).root(true).build().run(bin, List.of("clock_settime_root"));
        assertEquals(0, r.exitStatus(), err.toString());
        String[] lines = out.toString().split("\n");
        assertEquals(9, lines.length, out.toString());
        for (String line : lines) assertTrue(line.endsWith(": 1"), "clock_settime as root: " + line + "\n" + out);
    }
}
