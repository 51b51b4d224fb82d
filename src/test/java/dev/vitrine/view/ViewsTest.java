package dev.vitrine.view;

import dev.vitrine.Machine;
import dev.vitrine.mm.PageInfo;
import dev.vitrine.mm.Prot;
import dev.vitrine.mmu.Pte;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The views against the kernel's own state, through the lab API: smaps_cow.c maps an 8-page
 * private area, writes it, forks, and the child writes its first page (see the C file).
 */
class ViewsTest {
    record Run(Machine.Result result, String stdout) {}

    static Run run(String views, String at) throws Exception {
        Path bin = dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/java/dev/vitrine/view/smaps_cow.c").toAbsolutePath());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Machine.Result r = Machine.builder().stdout(out).stderr(new ByteArrayOutputStream()).maxInstructions(200_000_000L)
                .show(views, at).build().run(bin, List.of("smaps_cow"));
        assertEquals(0, r.exitStatus(), r.report());
        return new Run(r, out.toString());
    }

    /** The leaves of the 8-page read-write anonymous area between its PROT_NONE guards. */
    static List<PageTableView.Entry> area(PageTableView t) {
        List<PageTableView.Entry> out = new ArrayList<>();
        for (PageTableView.Entry e : t.entries()) {
            if (!e.leaf()) continue;
            var v = e.page().vma();
            if (v != null && v.file() == null && v.prot() == (Prot.READ | Prot.WRITE) && v.length() == 8 * 4096 && !v.growsDown())
                out.add(e);
        }
        return out;
    }

    @Test void forkSharesEveryPageReadOnlyInBothTreesWithTwoMappings() throws Exception {
        Snapshot s = run("pagetable:2,pagetable:3,frames", "fork:1").result().shown();
        assertNotNull(s, "the fork happened");
        List<PageTableView.Entry> parent = area(s.pageTable(2)), child = area(s.pageTable(3));
        assertEquals(8, parent.size(), s.text(false));
        assertEquals(8, child.size(), s.text(false));
        FrameMapView frames = (FrameMapView) s.view("frames");
        for (int i = 0; i < 8; i++) {
            PageInfo p = parent.get(i).page(), c = child.get(i).page();
            assertEquals(p.frame(), c.frame(), "page " + i + ": one frame for both");
            assertEquals(p.va(), c.va());
            assertEquals(0, p.pte() & Pte.W, "read-only in the parent");
            assertEquals(0, c.pte() & Pte.W, "read-only in the child");
            assertTrue(p.cow() && c.cow());
            assertEquals(2, p.mapCount());
            assertEquals(2, p.refCount());
            assertEquals(FrameMapView.Kind.COW, frames.cells().get((int) p.frame()).kind());
        }
        assertTrue(s.pageTable(2).text(false).contains("cow  maps 2"), s.pageTable(2).text(false));
    }

    @Test void afterTheChildsWriteItHasOnePrivateCopyAndSmapsAndPagemapSayTheSame() throws Exception {
        Run r = run("pagetable:3,pagetable:2,frames", "exit");
        Snapshot s = r.result().shown();
        assertNotNull(s);
        assertEquals("exit of pid 3", s.moment());
        List<PageTableView.Entry> child = area(s.pageTable(3)), parent = area(s.pageTable(2));
        PageInfo c0 = child.get(0).page(), p0 = parent.get(0).page();
        assertNotEquals(p0.frame(), c0.frame(), "the child's write made its own copy");
        assertEquals(1, c0.mapCount());
        assertNotEquals(0, c0.pte() & Pte.W, "the copy is writable");
        assertFalse(c0.cow());
        assertEquals(1, p0.mapCount(), "the parent's frame has one mapping left");
        FrameMapView frames = (FrameMapView) s.view("frames");
        assertEquals(FrameMapView.Kind.PRIVATE, frames.cells().get((int) c0.frame()).kind());
        assertEquals(3, frames.cells().get((int) c0.frame()).pid());
        for (int i = 1; i < 8; i++) {
            assertEquals(parent.get(i).page().frame(), child.get(i).page().frame());
            assertEquals(2, child.get(i).page().mapCount());
        }
        // The seven still-shared pages print as one run in the text.
        assertTrue(s.pageTable(3).text(false).contains(String.format("va %#x-%#x (7 pages)", child.get(1).va(), child.get(7).va() + 4095)),
                s.pageTable(3).text(false));
        // The child printed its smaps and pagemap just before exiting: the same numbers as the view's.
        long pss = 0, privateDirty = 0, sharedDirty = 0;
        for (PageTableView.Entry e : child) {
            PageInfo p = e.page();
            pss += 4096L / p.mapCount();
            if (p.mapCount() == 1) privateDirty += p.dirty() ? 4096 : 0;
            else sharedDirty += p.dirty() ? 4096 : 0;
        }
        String out = r.stdout();
        assertTrue(out.contains(String.format("child: %-16s%8d kB", "Pss:", pss >> 10)), out);
        assertTrue(out.contains(String.format("child: %-16s%8d kB", "Private_Dirty:", privateDirty >> 10)), out);
        assertTrue(out.contains(String.format("child: %-16s%8d kB", "Shared_Dirty:", sharedDirty >> 10)), out);
        for (int i = 0; i < 8; i++)
            assertTrue(out.contains("child: page " + i + " present 1 swapped 0 file 0 exclusive " + (child.get(i).page().mapCount() == 1 ? 1 : 0)), out);
    }

    @Test void everyTlbEntryAgreesWithThePageTableAtThatMoment() throws Exception {
        Snapshot s = run("pagetable:2,tlb:2", "instret:20000").result().shown();
        assertNotNull(s);
        assertEquals(20000, s.instret());
        PageTableView t = s.pageTable(2);
        TlbView tlb = (TlbView) s.view("tlb");
        Map<Long, PageTableView.Entry> leaves = new java.util.HashMap<>();
        for (PageTableView.Entry e : t.entries()) if (e.leaf()) leaves.put(e.va(), e);
        int checked = 0;
        for (TlbView.Side side : tlb.sides())
            for (TlbView.Entry e : side.entries()) {
                PageTableView.Entry leaf = leaves.get(e.vpn() << 12);
                assertNotNull(leaf, "TLB entry for " + Long.toHexString(e.vpn() << 12) + " has a leaf");
                assertEquals(leaf.page().frame(), e.ppn(), "same frame");
                assertEquals(leaf.pte() & 0xff & ~(Pte.A | Pte.D), e.perms() & 0xff & ~(Pte.A | Pte.D), "same permissions");
                checked++;
            }
        assertTrue(checked > 2, tlb.text(false));
        // LRU ages in a set are 0..n-1, each once.
        for (TlbView.Side side : tlb.sides()) {
            boolean[] seen = new boolean[side.entries().size()];
            for (TlbView.Entry e : side.entries()) {
                assertFalse(seen[e.age()], "ages are distinct");
                seen[e.age()] = true;
            }
        }
    }

    @Test void theFrameMapCountsEveryTableAndLeafOfTheOnlyProcess() throws Exception {
        Snapshot s = run("pagetable,frames", "instret:20000").result().shown();
        PageTableView t = s.pageTable(2);
        FrameMapView f = (FrameMapView) s.view("frames");
        assertEquals((long) t.tableFrames(), f.counts().get(FrameMapView.Kind.TABLE));
        long tables = t.entries().stream().filter(e -> !e.leaf()).count() + 1;
        assertEquals(t.tableFrames(), tables, "the root and one table per pointer");
        for (PageTableView.Entry e : t.entries()) {
            FrameMapView.Cell c = f.cells().get((int) e.frame());
            if (!e.leaf()) assertEquals(FrameMapView.Kind.TABLE, c.kind());
            else if (e.page().pageCache()) assertEquals(FrameMapView.Kind.FILE, c.kind());
            else assertEquals(new FrameMapView.Cell(FrameMapView.Kind.PRIVATE, 2, 1), c);
        }
        String text = f.text(false);
        assertFalse(text.contains("\u001b"), "plain text has no colours");
        assertTrue(f.text(true).contains("\u001b["), "the terminal gets colours");
    }

    /**
     * smaps, pagemap, meminfo, vmstat and status as smaps_cow.c reads them: the same lines as the
     * program built for this host and run on its Linux as an unprivileged user (uid 1000, whose
     * frame numbers pagemap hides, as Vitrine's guest is).
     */
    @Test void smapsAndPagemapReadAsOnLinux() throws Exception {
        Path src = Path.of("src/test/java/dev/vitrine/view/smaps_cow.c").toAbsolutePath();
        Path gcc = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            if (!d.isEmpty() && java.nio.file.Files.isExecutable(Path.of(d, "gcc"))) gcc = Path.of(d, "gcc");
        if (gcc == null) {
            if (dev.vitrine.conformance.Toolchain.ci()) fail("CI=true and the host's gcc is not on PATH");
            org.junit.jupiter.api.Assumptions.abort("the host's gcc is not on PATH");
        }
        Path dir = java.nio.file.Files.createDirectories(Path.of("target/view-native").toAbsolutePath());
        Path bin = dir.resolve("smaps_cow");
        Process cc = new ProcessBuilder(gcc.toString(), "-O2", "-Wall", "-o", bin.toString(), src.toString()).redirectErrorStream(true).start();
        String log = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), log);
        int uid = (Integer) java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        List<String> cmd = new ArrayList<>();
        if (uid == 0) cmd.addAll(List.of("setpriv", "--reuid=1000", "--regid=1000", "--clear-groups"));
        else org.junit.jupiter.api.Assumptions.assumeTrue(uid != 0);
        cmd.add(bin.toString());
        Process p = new ProcessBuilder(cmd).redirectInput(new java.io.File("/dev/null")).start();
        String expected = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(expected.contains("child: Pss:"), expected);
        assertEquals(expected, run("frames", "exit").stdout());
    }

    @Test void aFatalSignalIsAMomentWhileTheProcessStillHasItsMemory() throws Exception {
        Path bin = dev.vitrine.conformance.GuestBuild.build(Path.of("userland/tests/killed_segv.c").toAbsolutePath());
        Machine.Result r = Machine.builder().stdout(new ByteArrayOutputStream()).stderr(new ByteArrayOutputStream())
                .show("pagetable,tlb", "signal:segv").build().run(bin, List.of("killed_segv"));
        assertEquals(128 + 11, r.exitStatus());
        Snapshot s = r.shown();
        assertNotNull(s, "the SIGSEGV was a moment");
        assertEquals("signal:SIGSEGV:1 in pid 2", s.moment());
        assertTrue(s.pageTable(2).entries().stream().anyMatch(PageTableView.Entry::leaf), "its pages are still mapped");
    }

    @Test void eventsFromTheTraceStreamAreCountedInTheNamedProcess() throws Exception {
        Snapshot first = run("pagetable:2", "cow:1").result().shown(), second = run("pagetable:2", "cow:2").result().shown();
        assertEquals("cow:1 in pid 2", first.moment());
        assertEquals("cow:2 in pid 2", second.moment());
        assertTrue(second.instret() > first.instret(), "the second copy comes later");
        // The copy just made is in the table: pid 2 maps a page that no one else does, writable, in a writable private area.
        assertTrue(first.pageTable(2).entries().stream().anyMatch(e -> e.leaf() && e.page().anonymous() && e.page().mapCount() == 1
                && (e.pte() & Pte.W) != 0), first.pageTable(2).text(false));
        Snapshot major = run("frames", "fault:major:2").result().shown();
        assertTrue(major.moment().startsWith("fault:major:2 in pid "), major.moment());
    }

    @Test void aMomentThatNeverComesTakesNothing() throws Exception {
        assertNull(run("frames", "instret:999999999999").result().shown());
        assertNull(run("frames", "signal:SIGSEGV").result().shown());
    }

    @Test void badRequestsSayWhatIsAllowed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Show.parse("pagetables", null));
        assertTrue(e.getMessage().contains("pagetable, frames or tlb"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Show.parse("tlb", "forks:2"));
        assertTrue(e.getMessage().contains("instret:N"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Show.parse("tlb", "instret:0"));
        assertEquals("fault:major:3", Show.parse("tlb", "fault:major:3").moment());
        assertEquals("signal:SIGSEGV:1", Show.parse("tlb", "signal:segv").moment());
    }
}
