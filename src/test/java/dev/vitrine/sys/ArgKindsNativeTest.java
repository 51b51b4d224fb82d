package dev.vitrine.sys;

import dev.vitrine.Machine;
import dev.vitrine.proc.Guests;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The argument kinds where qemu-user is no oracle (it locks a buffer for the full 64-bit
 * length, so getcwd(buf, SIZE_MAX) is EFAULT there and a length in an int's low bits never
 * arrives): the same C program built for the host (x86-64 Linux, same syscall semantics)
 * decides, as the brief's rule for qemu's corners says.
 */
class ArgKindsNativeTest {
    @Test void argumentsDecodeAsOnTheHostsLinux() throws Exception {
        Path src = Path.of("src/test/resources/proc/arg_kinds_native.c");
        Path nativeBin = Path.of("target/proc-guests/arg_kinds_native.host");
        Files.createDirectories(nativeBin.getParent());
        run(List.of("gcc", "-O2", "-o", nativeBin.toString(), src.toString()));
        String expected = run(List.of(nativeBin.toAbsolutePath().toString()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Machine.Result r = Machine.builder().stdout(out).stderr(new ByteArrayOutputStream()).tty(false).build()
                .run(Guests.build("arg_kinds_native"), List.of("arg_kinds_native"));
        assertEquals(0, r.exitStatus(), r.report());
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }

    private static String run(List<String> cmd) throws Exception {
        java.lang.Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(cmd + " failed: " + out);
        return out;
    }
}
