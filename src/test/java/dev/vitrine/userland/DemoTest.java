package dev.vitrine.userland;

import dev.vitrine.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `vitrine demo` and `vitrine sh -c`: the chapter's pipeline on the machine, its output and the
 * report (processes, pipes with their bytes, faults, TLB, copy-on-write). Runs once the kernel has
 * processes and files and the CLI has `sh` (cli/ShCommand, which comes with the new demo).
 */
class DemoTest {
    @Test
    void demoRunsThePipelineAndReports() throws Exception {
        Userland.build();
        Userland.requireKernel();
        requireShCommand();
        String out = capture(() -> assertEquals(0, Main.execute("demo")));
        assertTrue(out.contains("$ ls -1 | cut -d. -f1 | sort | uniq | tee dirents\nMakefile\nREADME\nhello\nnotes\npipes\n"), out);
        assertTrue(out.contains("ls    -> cut       66 bytes written,     66 read"), out);
        assertTrue(out.contains("uniq  -> tee       34 bytes written,     34 read"), out);
        for (String s : new String[] {"context switches", "Page faults. minor", "TLB.", "Copy-on-write.", "Sharing."})
            assertTrue(out.contains(s), s + " missing from:\n" + out);
    }

    @Test
    void shDashCExitsWithTheLinesStatus() throws Exception {
        Userland.build();
        Userland.requireKernel();
        requireShCommand();
        // through the command object itself: its registration in cli/Main is the lead's one line
        var ctor = Class.forName("dev.vitrine.cli.ShCommand").getDeclaredConstructor();
        ctor.setAccessible(true);
        picocli.CommandLine cl = new picocli.CommandLine(ctor.newInstance());
        String out = capture(() -> assertEquals(3, cl.execute("-c", "seq 3 | wc -l; ls /bin | grep -c '^sh$'; exit 3")));
        assertEquals("3\n1\n", out);
    }

    private static void requireShCommand() {
        try {
            Class.forName("dev.vitrine.cli.ShCommand");
        } catch (ClassNotFoundException e) {
            Assumptions.abort("no `vitrine sh` yet (cli/ShCommand)");
        }
    }

    interface Body { void run() throws Exception; }

    private static String capture(Body body) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
