package dev.vitrine.fuzz;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The syscall fuzzer's bounded slice for CI: a few seeds of random calls with hostile arguments
 * (userland/fuzz/sysfuzz.c), each in a child JVM of 512 MiB. A run fails on an internal error, a
 * Java exception or JVM error, a hang, or a change on the host outside the mount.
 *
 * <p>The soak (scripts/fuzz) runs the same test with {@code -Dvitrine.fuzz.seeds=1,2,3,4,5
 * -Dvitrine.fuzz.treeseeds=6,7 -Dvitrine.fuzz.calls=20000}; any seed lists and call count can be
 * given that way.
 */
class SysFuzzTest {
    static final String SEEDS = System.getProperty("vitrine.fuzz.seeds", "1,2");
    static final int CALLS = Integer.getInteger("vitrine.fuzz.calls", 2000);
    /** Seeds run with sysfuzz's m flag: seven calls in ten at the file tree, the mount and its host symlinks. */
    static final String TREE_SEEDS = System.getProperty("vitrine.fuzz.treeseeds", "3");

    @TestFactory
    Stream<DynamicTest> seeds() throws Exception {
        Path sysfuzz = FuzzGuest.build("sysfuzz", "-static");
        return Stream.concat(tests(sysfuzz, SEEDS, ""), tests(sysfuzz, TREE_SEEDS, "m"));
    }

    private static Stream<DynamicTest> tests(Path sysfuzz, String seeds, String flags) {
        if (seeds.isBlank()) return Stream.empty();
        return Arrays.stream(seeds.split(",")).map(String::strip).map(Long::parseLong).map(seed ->
                DynamicTest.dynamicTest("sysfuzz seed " + seed + ", " + CALLS + " calls" + (flags.isEmpty() ? "" : ", flags " + flags), () -> {
                    SysFuzz.Outcome o = SysFuzz.run(sysfuzz, seed, CALLS, 60 + CALLS / 50, flags);
                    System.out.println(o.summary() + "\n(seed " + seed + flags + ": " + o.millis() + " ms, " + o.problems().size() + " problems)");
                    if (!o.problems().isEmpty())
                        fail("sysfuzz seed " + seed + " with " + CALLS + " calls (rerun: ./vitrine run --mount DIR:/mnt/host:rw sysfuzz "
                                + seed + " " + CALLS + " 50 v" + flags + ", which logs each call before it is made):\n  " + String.join("\n  ", o.problems()));
                    assertTrue(o.summary().contains("calls="), "sysfuzz printed its summary");
                }));
    }

    /** The seed alone decides every call, and Vitrine is deterministic: two runs print the same summary. */
    @Test void aSeedRepeatsItself() throws Exception {
        Path sysfuzz = FuzzGuest.build("sysfuzz", "-static");
        SysFuzz.Outcome a = SysFuzz.run(sysfuzz, 3, 600, 60), b = SysFuzz.run(sysfuzz, 3, 600, 60);
        assertTrue(a.problems().isEmpty() && b.problems().isEmpty(), a.problems() + " " + b.problems());
        assertTrue(a.summary().contains("calls="), a.summary());
        assertEquals(a.summary(), b.summary());
    }
}
