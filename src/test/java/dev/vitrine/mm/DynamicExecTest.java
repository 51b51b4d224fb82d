package dev.vitrine.mm;

import dev.vitrine.Machine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Dynamic executables: ld.so from the sysroot at /lib maps libc through the page cache, one set of text frames for all. */
class DynamicExecTest {
    private static final Path DIR = Path.of("target/mm-test/dyn").toAbsolutePath();

    @BeforeAll static void compile() throws Exception {
        Files.createDirectories(DIR);
        cc(List.of(), "dyn_hello");
        cc(List.of("-static"), "spawn_two");
    }

    private static void cc(List<String> flags, String name) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("riscv64-linux-gnu-gcc", "-O2"));
        cmd.addAll(flags);
        cmd.addAll(List.of("-o", DIR.resolve(name).toString(), Path.of("src/test/resources/mm/" + name + ".c").toAbsolutePath().toString()));
        assertEquals(0, new ProcessBuilder(cmd).inheritIO().start().waitFor(), String.join(" ", cmd));
    }

    private static Machine.Result run(String program, ByteArrayOutputStream out) {
        return Machine.builder().stdout(out).stderr(out).mount(DIR + ":/mnt")
                .diagnostics(new PrintStream(new ByteArrayOutputStream()))
                .build().run(DIR.resolve(program), List.of(program));
    }

    @Test void aDynamicHelloWorldRuns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Machine.Result r = run("dyn_hello", out);
        assertEquals("hello from a dynamic executable\n", out.toString(), r.report());
        assertEquals(0, r.exitStatus());
    }

    @Test void twoRunningAtOnceShareLibcTextFrames() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Machine.Result r = run("spawn_two", out);
        assertEquals("hello from a dynamic executable, slept 10\nhello from a dynamic executable, slept 20\n2 finished\n",
                out.toString(), r.report());
        // The first to exit shared with the other: libc's and ld.so's text pages it touched (dozens).
        long shared = ((Number) r.stats().get("frames.shared_peak")).longValue();
        assertTrue(shared >= 40, "shared frames: " + shared);
    }
}
