package dev.vitrine.mm;

import dev.vitrine.Machine;
import dev.vitrine.mm.replace.PolicyKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A real program larger than memory: same output with swap, major faults, fifo worse than lru, OOM without swap. */
class SwapRunTest {
    private static Path exe;

    @BeforeAll static void compile() throws Exception {
        exe = dev.vitrine.conformance.GuestBuild.build(Path.of("userland/tests/mm_thrash.c"));
    }

    private record Run(Machine.Result result, String stdout) {}

    private static Run run(long mem, long swap, PolicyKind policy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Machine.Result r = Machine.builder().memory(mem).swap(swap).policy(policy)
                .stdout(out).stderr(new ByteArrayOutputStream()).diagnostics(new PrintStream(new ByteArrayOutputStream()))
                .build().run(exe, List.of("mm_thrash"));
        return new Run(r, out.toString());
    }

    private static long n(Machine.Result r, String key) { return ((Number) r.stats().get(key)).longValue(); }

    @Test void swapKeepsTheOutputAndShowsMajorFaultsFifoWorseThanLru() {
        Run big = run(256L << 20, 64L << 20, PolicyKind.CLOCK);
        assertEquals(0, big.result().exitStatus());
        assertEquals(0, n(big.result(), "swap_outs"));
        Run fifo = run(4L << 20, 64L << 20, PolicyKind.FIFO);
        Run lru = run(4L << 20, 64L << 20, PolicyKind.LRU);
        for (Run r : List.of(fifo, lru)) {
            assertEquals(big.stdout(), r.stdout());
            assertEquals(0, r.result().exitStatus());
            assertTrue(n(r.result(), "faults.major") > 1000);
            assertTrue(n(r.result(), "swap_ins") > 1000 && n(r.result(), "swap_outs") >= n(r.result(), "swap_ins"));
        }
        assertTrue(n(fifo.result(), "faults.major") > n(lru.result(), "faults.major"),
                "fifo " + n(fifo.result(), "faults.major") + " vs lru " + n(lru.result(), "faults.major"));
    }

    @Test void withoutSwapTheProgramIsOomKilledWithAReport() {
        // 6 MiB of RAM: the 6 MiB mapping passes Linux's overcommit heuristic (not more than RAM plus
        // swap), but the program, its tables and the files leave less than that free.
        Run r = run(6L << 20, 0, PolicyKind.CLOCK);
        assertEquals(137, r.result().exitStatus());
        assertTrue(r.result().report().contains("Out of memory: Killed process"), r.result().report());
    }

    @Test void aMappingLargerThanRamPlusSwapIsRefusedAsLinuxGuesses() {
        Run r = run(4L << 20, 0, PolicyKind.CLOCK);
        assertEquals(139, r.result().exitStatus(), "mmap failed with ENOMEM and the program used MAP_FAILED");
    }

    @Test void randomIsRepeatableForASeed() {
        Run a = run(4L << 20, 64L << 20, PolicyKind.RANDOM), b = run(4L << 20, 64L << 20, PolicyKind.RANDOM);
        assertEquals(a.stdout(), b.stdout());
        assertEquals(n(a.result(), "faults.major"), n(b.result(), "faults.major"));
    }
}
