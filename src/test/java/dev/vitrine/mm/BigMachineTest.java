package dev.vitrine.mm;

import dev.vitrine.Machine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A machine past the old 2 GiB ceiling: physical memory is allocated as the guest touches it. */
class BigMachineTest {
    @Test void aSixteenGibibyteMachineRunsAProgramThatTouchesSomeOfIt() throws Exception {
        Path exe = dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/java/dev/vitrine/mm/bigmem.c"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Machine.Result r = Machine.builder().memory(16L << 30).stdout(out).stderr(new ByteArrayOutputStream())
                .diagnostics(new PrintStream(new ByteArrayOutputStream()))
                .build().run(exe, List.of("bigmem", "64"));
        assertEquals("ram 16384 MiB\nok 64 MiB\n", out.toString(), r.report());
        assertEquals(0, r.exitStatus());
    }
}
