package dev.vitrine.mm;

import dev.vitrine.Machine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The rlimits mm obeys, where qemu-user cannot be the oracle (it runs the guest inside its own
 * address space, as root here): each expectation is what hogs/limits.c printed when built
 * natively and run on Linux 6.18 as an unprivileged user (Vitrine's guest is uid 1000).
 */
class MemLimitsTest {
    private static Path exe;

    @BeforeAll static void compile() throws Exception {
        exe = dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/java/dev/vitrine/mm/hogs/limits.c"));
    }

    private record Run(int status, String out, String report) {}

    private static Run run(String what, long mem, long swap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Machine.Result r = Machine.builder().memory(mem).swap(swap).stdout(out).stderr(new ByteArrayOutputStream())
                .diagnostics(new PrintStream(new ByteArrayOutputStream())).maxInstructions(2_000_000_000L)
                .build().run(exe, List.of("limits", what));
        return new Run(r.exitStatus(), out.toString(), r.report());
    }

    @Test void anUnlimitedStackGrowsAndAnEightMebibyteOneStops() {
        Run inf = run("stack", 64L << 20, 0);
        assertEquals("32 MiB of stack: 512\n", inf.out(), "RLIM_INFINITY is the largest unsigned limit, not -1");
        assertEquals(0, inf.status());
        assertEquals(139, run("stack8m", 64L << 20, 0).status(), "past 8 MiB: SIGSEGV");
    }

    @Test void addressSpaceAndDataLimits() {
        assertEquals("mmap 128M: ENOMEM\nmmap 16M: ok\nsbrk 64M: ENOMEM\n", run("as", 64L << 20, 0).out());
        assertEquals("sbrk 4M: ENOMEM\nmmap 4M rw private: ENOMEM\nmmap 4M read-only: ok\nmmap 4M shared: ok\n",
                run("data", 64L << 20, 0).out(), "RLIMIT_DATA counts private writable mappings only");
    }

    @Test void memlockAsForAnUnprivilegedUser() {
        assertEquals("""
                mlock 128K: ENOMEM
                mlock 64K: ok
                mlock the same again: ok
                mlock 4K more: ENOMEM
                munlock: ok
                MAP_LOCKED 128K: EAGAIN
                mlockall: ENOMEM
                mlock with limit 0: EPERM
                """, run("memlock", 64L << 20, 0).out());
    }

    @Test void lockedPagesStayInRamWhileOthersSwap() {
        Run r = run("pressure", 8L << 20, 16L << 20);
        assertEquals("locked resident 256 of 256; the rest: partly swapped\n", r.out(), r.report());
    }

    @Test void mremapPastTaskSizeIsEinvalAsLinux616Says() {
        String out = run("mremap", 64L << 20, 0).out();
        assertTrue(out.startsWith("mremap to 2^62 may move: EINVAL\nmremap to SIZE_MAX: EINVAL\n"), out);
    }
}
