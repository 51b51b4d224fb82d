package dev.vitrine.lab;

import dev.vitrine.mmu.Geometry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The chapter's size arithmetic for a geometry: pages, the single-level table, and how
 * many tables of each level a multi-level table needs for a set of mapped regions.
 * Entry sizes may differ per level for paper exercises (the chapter rounds top-level
 * entries to 2 bytes); by default every level uses the geometry's PTE size.
 */
public final class TableSizes {
    private TableSizes() {}

    public static BigInteger pages(Geometry g) { return BigInteger.ONE.shiftLeft(g.vaBits() - g.pageBits()); }

    public static BigInteger singleLevelBytes(Geometry g, int entryBytes) {
        return pages(g).multiply(BigInteger.valueOf(entryBytes));
    }

    public static BigInteger tableBytes(Geometry g, int level, int entryBytes) {
        return BigInteger.ONE.shiftLeft(g.levelBits(level)).multiply(BigInteger.valueOf(entryBytes));
    }

    /** Tables at {@code level} needed so every page of {@code regions} can be mapped. */
    public static long tablesAt(Geometry g, int level, List<Region> regions) {
        if (regions.isEmpty()) return 0;
        if (level == 0) return 1;
        int k = g.shift(level - 1); // a level-L table is named by the address bits above level L-1's index
        List<long[]> ids = new ArrayList<>();
        for (Region r : regions) ids.add(new long[] {r.first() >>> k, r.last() >>> k});
        ids.sort(Comparator.comparing((long[] a) -> a[0], Long::compareUnsigned));
        long count = 0, curLo = ids.get(0)[0], curHi = ids.get(0)[1];
        for (long[] id : ids.subList(1, ids.size())) {
            if (Long.compareUnsigned(id[0], curHi) <= 0 || id[0] == curHi + 1) {
                if (Long.compareUnsigned(id[1], curHi) > 0) curHi = id[1];
            } else {
                count += curHi - curLo + 1;
                curLo = id[0];
                curHi = id[1];
            }
        }
        return count + (curHi - curLo + 1);
    }

    /** Each level's table count and bytes, and the total. */
    public record MultiLevel(long[] tables, BigInteger[] bytes, BigInteger total) {}

    public static MultiLevel multiLevel(Geometry g, List<Region> regions, int[] entryBytes) {
        long[] tables = new long[g.levels()];
        BigInteger[] bytes = new BigInteger[g.levels()];
        BigInteger total = BigInteger.ZERO;
        for (int l = 0; l < g.levels(); l++) {
            tables[l] = tablesAt(g, l, regions);
            bytes[l] = tableBytes(g, l, entryBytes[l]).multiply(BigInteger.valueOf(tables[l]));
            total = total.add(bytes[l]);
        }
        return new MultiLevel(tables, bytes, total);
    }

    /** Every table of every level present: what a fully mapped address space costs. */
    public static BigInteger fullMultiLevel(Geometry g, int[] entryBytes) {
        BigInteger total = BigInteger.ZERO, count = BigInteger.ONE;
        for (int l = 0; l < g.levels(); l++) {
            total = total.add(count.multiply(tableBytes(g, l, entryBytes[l])));
            count = count.shiftLeft(g.levelBits(l));
        }
        return total;
    }

    /**
     * The chapter's small process: 16 pages at the bottom (code, data, heap), 16 at the top of
     * user space (stack). A space of fewer than 34 user pages gets a quarter of its pages at
     * each end (at least one), so both regions stay inside it and apart.
     */
    public static List<Region> smallProcess(Geometry g) {
        long top = g.vaBits() == 64 ? 0 : g.userTop(); // 2^64 wraps to 0: the region ends at the very top
        long userPages = g.vaBits() == 64 ? Long.MAX_VALUE : g.userTop() >>> g.pageBits();
        long pages = userPages >= 34 ? 16 : Math.max(1, userPages / 4);
        long span = pages * g.pageSize();
        long low = userPages >= 3 ? g.pageSize() : 0; // page 0 stays unmapped so NULL faults, when there is room
        return List.of(new Region(low, low + span - 1), new Region(top - span, top - 1));
    }
}
