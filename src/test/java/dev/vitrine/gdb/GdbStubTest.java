package dev.vitrine.gdb;

import dev.vitrine.Machine;
import dev.vitrine.conformance.GuestBuild;
import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real gdb (gdb-multiarch, batch mode) drives --gdb on a program built with -g: a breakpoint
 * in a function shows its arguments, next and stepi move as the source says, memory and
 * registers read back what the program computed, monitor commands print the views, and the
 * run's output and every counter equal those of the same run without gdb.
 */
class GdbStubTest {
    private static final String SCRIPT = """
            set pagination off
            set confirm off
            target remote :%d
            break add
            continue
            info registers a0 a1
            print counter
            next
            next
            print x
            print counter
            stepi
            print $instret > 1000
            monitor pagetable
            continue
            """;

    @Test void gdbStopsStepsAndReadsWithoutChangingTheRun() throws Exception {
        Path gdb = Toolchain.requireHost("gdb-multiarch", "apt-get install gdb-multiarch");
        Path elf = new GuestBuild(Toolchain.requireCompiler(), Path.of("target/guests").toAbsolutePath())
                .binary(Path.of("src/test/resources/gdb/answer.c").toAbsolutePath(), List.of("-static", "-O0", "-g"), List.of());

        Run plain = run(elf, false, gdb);
        Run debugged = run(elf, true, gdb);

        String g = debugged.gdbOutput;
        assertTrue(g.contains("Breakpoint 1, add (a=41, b=1)"), g);
        assertTrue(g.matches("(?s).*a0\\s+0x29\\s+41\\s+a1\\s+0x1\\s+1.*"), g);
        assertTrue(g.contains("$1 = 41"), g);
        assertTrue(g.contains("$2 = 42"), g);
        assertTrue(g.contains("$3 = 42"), "the store to counter, read back through the page tables: " + g);
        assertTrue(g.contains("$4 = 1"), g);
        assertTrue(g.contains("page table of pid ") && g.contains("L0["), "monitor pagetable prints the view: " + g);
        assertTrue(g.contains("exited normally"), g);
        assertFalse(g.contains("Cannot access memory"), "untouched anonymous pages read as zeros: " + g);

        assertEquals("answer 42\n", debugged.stdout);
        assertEquals(plain.stdout, debugged.stdout);
        for (String key : List.of("instructions", "syscalls", "walks", "tlb.fetch.hits", "tlb.fetch.misses", "tlb.data.hits",
                "tlb.data.misses", "faults.minor", "faults.major", "cow_copies"))
            assertEquals(plain.stats.get(key), debugged.stats.get(key), key + " with and without gdb");
    }

    private record Run(String stdout, Map<String, Object> stats, String gdbOutput) {}

    private static Run run(Path elf, boolean withGdb, Path gdb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), log = new ByteArrayOutputStream();
        Machine.Builder b = Machine.builder().stdout(out).stderr(new ByteArrayOutputStream());
        if (!withGdb) {
            Machine.Result r = b.build().run(elf, List.of("answer"));
            return new Run(out.toString(StandardCharsets.UTF_8), r.stats(), "");
        }
        b.gdb(0, new PrintStream(log, true, StandardCharsets.UTF_8));
        int port = b.gdbStub().port();
        Machine m = b.build();
        CompletableFuture<Machine.Result> result = CompletableFuture.supplyAsync(() -> m.run(elf, List.of("answer")));
        Path script = Files.createTempFile("vitrine-gdb-", ".gdb");
        Files.writeString(script, SCRIPT.formatted(port));
        Process p = new ProcessBuilder(gdb.toString(), "-nx", "-batch", "-x", script.toString(), elf.toString())
                .redirectErrorStream(true).start();
        byte[] text = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "gdb finished");
        Machine.Result r = result.get(60, TimeUnit.SECONDS);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("waits for gdb on 127.0.0.1:" + port), log.toString());
        return new Run(out.toString(StandardCharsets.UTF_8), r.stats(), new String(text, StandardCharsets.UTF_8));
    }
}
