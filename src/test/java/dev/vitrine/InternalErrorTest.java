package dev.vitrine;

import dev.vitrine.mm.FilePages;
import dev.vitrine.mm.MappedFile;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;
import dev.vitrine.proc.Guests;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One boundary for bugs: a syscall handler that throws (made to, here) kills only the calling
 * process, as Linux's oops does, with one line on the diagnostics stream and in the report;
 * the machine goes on, writes its figures and ends with status 70.
 */
class InternalErrorTest {
    private record Run(Machine.Result result, String stdout, String diagnostics, String strace) {}

    private static Run run(int nr, dev.vitrine.sys.Syscall.Handler h, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), diag = new ByteArrayOutputStream(), strace = new ByteArrayOutputStream();
        Machine m = Machine.builder().stdout(out).stderr(new ByteArrayOutputStream()).tty(false)
                .diagnostics(new PrintStream(diag, true, StandardCharsets.UTF_8))
                .strace(new PrintStream(strace, true, StandardCharsets.UTF_8)).maxInstructions(500_000_000L).build();
        if (h != null) m.replaceSyscall(nr, h);
        List<String> argv = new java.util.ArrayList<>(List.of("oops_child"));
        argv.addAll(List.of(args));
        Machine.Result r = m.run(Guests.build("oops_child"), argv);
        return new Run(r, out.toString(StandardCharsets.UTF_8), diag.toString(StandardCharsets.UTF_8), strace.toString(StandardCharsets.UTF_8));
    }

    @Test void aThrowingHandlerKillsItsProcessAndTheMachineGoesOn() throws Exception {
        Run r = run(179, (k, t, a0, a1, a2, a3, a4, a5) -> { throw new IllegalStateException("on purpose"); });
        assertTrue(r.stdout().startsWith("child signaled=1 sig=11\nsecond child exit=7\ngetppid="), r.stdout());
        String[] lines = r.diagnostics().split("\n");
        assertEquals(1, lines.length, r.diagnostics());
        assertTrue(lines[0].matches("vitrine: internal error in sysinfo\\(0x[0-9a-f]+\\): IllegalStateException \\(on purpose\\) at InternalErrorTest\\.java:\\d+"),
                lines[0]);
        assertTrue(r.result().report().contains(lines[0].substring("vitrine: ".length()) + "; pid 3 (oops_child) killed by SIGSEGV"),
                r.result().report());
        assertTrue(r.strace().matches("(?s).*\\[pid 3\\] sysinfo\\(0x[0-9a-f]+\\) += \\? <internal error>\n.*"), r.strace());
        assertEquals(70, r.result().exitStatus());
        assertEquals(70, r.result().stats().get("exit_status"));
        assertEquals(1, r.result().stats().get("internal_errors"));
        assertTrue(((Number) r.result().stats().get("instructions")).longValue() > 0);
    }

    @Test void aBugInThePageFaultPathIsTheSameOops() throws Exception {
        // sysinfo maps a page of a file whose read throws; the child's load from it faults into that read.
        MappedFile broken = new MappedFile() {
            private final FilePages pages = new FilePages(this);
            public long size() { return 4096; }
            public int read(long offset, byte[] dst, int off, int len) { throw new IllegalStateException("on purpose"); }
            public FilePages pages() { return pages; }
            public String name() { return "broken"; }
        };
        Run r = run(179, (k, t, a0, a1, a2, a3, a4, a5) -> {
            long va = t.space().findFree(4096);
            t.space().map(new Vma(va, va + 4096, Prot.READ, Prot.MAP_PRIVATE, broken, 0, Long.MAX_VALUE, "broken"));
            return va;
        }, "fault");
        assertTrue(r.stdout().startsWith("child signaled=1 sig=11\nsecond child exit=7\n"), r.stdout());
        String[] lines = r.diagnostics().split("\n");
        assertEquals(1, lines.length, r.diagnostics());
        assertTrue(lines[0].matches("vitrine: internal error in page fault at 0x[0-9a-f]+: IllegalStateException \\(on purpose\\) at InternalErrorTest\\.java:\\d+"),
                lines[0]);
        assertEquals(70, r.result().exitStatus());
        assertEquals(1, r.result().stats().get("internal_errors"));
    }

    @Test void aBugInTheKernelLoopStopsTheRunWithAReportAndFigures() throws Exception {
        // Outside any syscall or fault no one process is to blame: the run stops, reported and counted.
        Run r = run(179, (k, t, a0, a1, a2, a3, a4, a5) -> {
            k.postFromHost(() -> { throw new IllegalStateException("on purpose"); });
            return 0;
        });
        String[] lines = r.diagnostics().split("\n");
        assertEquals(1, lines.length, r.diagnostics());
        assertTrue(lines[0].matches("vitrine: internal error in the kernel: IllegalStateException \\(on purpose\\) at InternalErrorTest\\.java:\\d+; the run was stopped"),
                lines[0]);
        assertTrue(r.result().report().contains(lines[0].substring("vitrine: ".length())), r.result().report());
        assertEquals(70, r.result().exitStatus());
        assertEquals(1, r.result().stats().get("internal_errors"));
        assertTrue(((Number) r.result().stats().get("instructions")).longValue() > 0);
    }

    @Test void withoutTheBugTheSameProgramEndsWell() throws Exception {
        Run r = run(0, null);
        assertTrue(r.stdout().startsWith("child survived\nchild signaled=0 sig=0\nsecond child exit=7\n"), r.stdout());
        assertEquals("", r.diagnostics());
        assertEquals(0, r.result().exitStatus());
        assertEquals(0, r.result().stats().get("internal_errors"));
    }

    @Test void aResultEqualToAnOldMarkerIsAnOrdinaryValue() throws Exception {
        // Long.MIN_VALUE and MIN_VALUE + 1 were NO_RETURN and RESTART: a handler returning one re-executed forever.
        for (long v : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            Run r = run(173, (k, t, a0, a1, a2, a3, a4, a5) -> v);
            assertTrue(r.stdout().endsWith("getppid=" + Long.toHexString(v) + "\n"), r.stdout());
            assertEquals(0, r.result().exitStatus());
        }
    }

    @Test void aKernelInternalErrnoAsAResultIsABug() throws Exception {
        Run r = run(173, (k, t, a0, a1, a2, a3, a4, a5) -> -600);
        assertTrue(r.diagnostics().startsWith("vitrine: internal error in getppid(): IllegalStateException (result -600 is a kernel-internal errno)"),
                r.diagnostics());
        assertEquals(70, r.result().exitStatus());
    }
}
