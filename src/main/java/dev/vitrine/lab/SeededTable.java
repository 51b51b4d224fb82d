package dev.vitrine.lab;

import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Pte;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A small process's page table made up from a seed, in the shape of a real one: code
 * (r-x) and data/heap (rw-) low, a stack (rw-) at the top of user space; most pages
 * mapped, some never touched (minor faults), some swapped out (major faults).
 */
public final class SeededTable {
    private SeededTable() {}

    public static PageTableSpec generate(Geometry g, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long page = g.pageSize();
        long vpnLimit = g.vaBits() - g.pageBits() >= 62 ? Long.MAX_VALUE : 1L << (g.vaBits() - g.pageBits());
        long codeStart = Math.min(16 + rnd.nextInt(16), Math.max(1, vpnLimit / 8)) * page;
        int codePages = 3 + rnd.nextInt(4), dataPages = 2 + rnd.nextInt(4), stackPages = 2 + rnd.nextInt(3);
        long dataStart = codeStart + (long) codePages * page;
        long stackEnd = g.vaBits() == 64 ? 0 : g.userTop(); // 2^64 wraps to 0
        long stackStart = stackEnd - (long) stackPages * page;
        List<PageTableSpec.VmRegion> regions = List.of(
                new PageTableSpec.VmRegion(new Region(codeStart, dataStart - 1), Pte.R | Pte.X | Pte.U, 0),
                new PageTableSpec.VmRegion(new Region(dataStart, dataStart + (long) dataPages * page - 1), Pte.R | Pte.W | Pte.U, 0),
                new PageTableSpec.VmRegion(new Region(stackStart, stackEnd - 1), Pte.R | Pte.W | Pte.U, 0));
        List<PageTableSpec.Mapping> maps = new ArrayList<>();
        List<PageTableSpec.Swapped> swapped = new ArrayList<>();
        Set<Long> frames = new HashSet<>();
        long frameRange = Math.min(g.maxPpn(), 4096) - 64;
        for (PageTableSpec.VmRegion r : regions) {
            boolean stack = r == regions.get(2);
            long pages = (r.range().last() - r.range().first()) / page + 1;
            for (long p = 0; p < pages; p++) {
                long va = r.range().first() + p * page;
                int roll = rnd.nextInt(10);
                if (roll < 6 || (stack && p == pages - 1)) {
                    long f;
                    do f = 64 + rnd.nextLong(frameRange); while (!frames.add(f));
                    // A writable page mapped read-only is what fork leaves behind: copy-on-write.
                    long flags = roll == 5 && (r.flags() & Pte.W) != 0 ? r.flags() & ~Pte.W : r.flags();
                    maps.add(new PageTableSpec.Mapping(va >>> g.pageBits(), f, flags, 0));
                } else if (roll < 8) {
                    swapped.add(new PageTableSpec.Swapped(va >>> g.pageBits(), swapped.size() + 1, 0));
                } // else: valid but never touched
            }
        }
        return new PageTableSpec(1, List.copyOf(maps), List.copyOf(swapped), regions);
    }
}
