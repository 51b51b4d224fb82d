package dev.vitrine.mm;

import dev.vitrine.Machine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * mmap-family behaviors where qemu-riscv64 7.2 strays from Linux (it ignores
 * MAP_FIXED_NOREPLACE, MAP_POPULATE and madvise's checks, and errs differently on mprotect
 * and mremap with length 0, and on MAP_SYNC, and calls a stack overflow SEGV_ACCERR): the expected text is the program's output
 * built natively and run on x86-64 Linux 6.x.
 */
class LinuxOnlyTest {
    private static final String LINUX = """
            MAP_FIXED_NOREPLACE over a mapping   -1 EEXIST
            MAP_FIXED_NOREPLACE on free space    ok
            placed where asked: 1
            mprotect length 0                    ok
            madvise bad advice                   -1 EINVAL
            madvise over a hole                  -1 ENOMEM
            mremap to length 0                   -1 EINVAL
            MAP_POPULATE resident: 1111
            MAP_SHARED_VALIDATE|MAP_SYNC         -1 EOPNOTSUPP
            stack overflow: SEGV_MAPERR
            """;

    @Test void vitrineFollowsLinuxWhereQemuDoesNot() throws Exception {
        Path dir = Path.of("target/mm-test").toAbsolutePath();
        Files.createDirectories(dir);
        Path exe = dir.resolve("linux_only");
        Process cc = new ProcessBuilder("riscv64-linux-gnu-gcc", "-static", "-O2", "-o", exe.toString(),
                Path.of("src/test/resources/mm/linux_only.c").toAbsolutePath().toString()).inheritIO().start();
        assertEquals(0, cc.waitFor());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Machine.Result r = Machine.builder().stdout(out).stderr(out).diagnostics(new PrintStream(new ByteArrayOutputStream()))
                .build().run(exe, List.of("linux_only"));
        assertEquals(LINUX, out.toString(), r.report());
        assertEquals(0, r.exitStatus());
    }
}
