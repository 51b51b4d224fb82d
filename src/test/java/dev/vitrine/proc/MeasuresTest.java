package dev.vitrine.proc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Per-process measures in --stats-json: the MMU's counts charged to each process add up to the
 * machine's exactly, a child's resident and page-table peaks follow what it touched, swap
 * entries are counted per process when memory runs short, and the machine-wide page-table peak
 * covers every table alive at once.
 */
class MeasuresTest {
    @Test void tlbCountsAndWalksOfTheProcessesAddUpToTheMachines() throws Exception {
        Guests.Run r = Guests.run("measures", b -> b, "3", "256");
        assertEquals(0, r.result().exitStatus(), r.result().report());
        Map<String, Object> s = r.result().stats();
        List<Map<String, Object>> rows = rows(s);
        assertEquals(4, rows.size());
        for (String[] k : new String[][]{{"tlb_fetch_hits", "tlb.fetch.hits"}, {"tlb_fetch_misses", "tlb.fetch.misses"},
                {"tlb_data_hits", "tlb.data.hits"}, {"tlb_data_misses", "tlb.data.misses"}, {"walks", "walks"}})
            assertEquals(n(s, k[1]), rows.stream().mapToLong(x -> n(x, k[0])).sum(), k[0]);
        for (String k : List.of("faults_minor", "faults_major", "faults_invalid", "cow_copies", "syscalls"))
            assertEquals(n(s, k.replace("faults_", "faults.")), rows.stream().mapToLong(x -> n(x, k)).sum(), k);
        // Everything a process is charged for happens between its start and its end, its exit's own costs included.
        for (Map<String, Object> row : rows) assertTrue(n(row, "cpu_ns") <= n(row, "turnaround_ns"), row.toString());
        // Child i touched (i+1) * 256 KiB = (i+1) * 64 pages of heap: its resident peak holds them.
        long pt = 0;
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> child = rows.get(i);
            assertTrue(n(child, "resident_pages_peak") >= i * 64L, child.toString());
            assertTrue(n(child, "resident_pages_peak") >= n(child, "resident_pages"), child.toString());
            assertTrue(n(child, "faults_minor") >= i * 64L, child.toString());
            assertTrue(n(child, "page_table_frames_peak") >= 3, child.toString()); // root, one middle, one leaf table at least
            pt += n(child, "page_table_frames_peak");
        }
        pt += n(rows.get(0), "page_table_frames_peak");
        // fork shares the parent's pages with each child until a write or exit: the parent's peak shows it, and the
        // machine's count of frames mapped by two spaces at once is at least as high.
        Map<String, Object> parent = rows.get(0);
        assertTrue(n(parent, "shared_pages_peak") >= n(parent, "resident_pages_peak") / 2, parent.toString());
        assertTrue(n(s, "frames.shared_peak") >= n(parent, "shared_pages_peak"), s.get("frames.shared_peak") + " " + parent);
        assertEquals(0, n(parent, "shared_pages"), "nothing is shared once the children are gone");
        // All four lived at once (the children waited at the pipe after touching their memory).
        assertTrue(n(s, "page_table_frames.peak") >= pt, s.get("page_table_frames.peak") + " < " + pt);
        assertTrue(n(s, "mapped_pages.peak") >= rows.stream().mapToLong(x -> n(x, "resident_pages_peak")).sum() - n(rows.get(0), "resident_pages_peak"),
                s.toString());
    }

    @Test void pagesOnSwapAreCountedForTheProcessThatOwnsThem() throws Exception {
        // 2 MiB of RAM cannot hold a child's 3 MiB: its pages go to swap while it waits at the pipe.
        Guests.Run r = Guests.run("measures", b -> b.memory(2L << 20).swap(16L << 20), "1", "3072");
        assertEquals(0, r.result().exitStatus(), r.result().report());
        Map<String, Object> s = r.result().stats();
        Map<String, Object> child = rows(s).get(1);
        assertTrue(n(s, "swap_outs") > 0, s.toString());
        assertTrue(n(child, "swapped_pages_peak") > 0, child.toString());
        assertTrue(n(child, "swapped_pages_peak") <= n(s, "swap.peak_used"), child + " vs " + s.get("swap.peak_used"));
        assertTrue(n(child, "resident_pages_peak") <= n(s, "frames.total"), child.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> s) {
        return (List<Map<String, Object>>) s.get("processes");
    }

    private static long n(Map<String, Object> m, String k) {
        Object v = m.get(k);
        assertNotNull(v, k + " missing in " + m.keySet());
        return ((Number) v).longValue();
    }
}
