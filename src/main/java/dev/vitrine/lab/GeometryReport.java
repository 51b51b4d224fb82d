package dev.vitrine.lab;

import dev.vitrine.trace.Json;

import dev.vitrine.mmu.Geometry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** `vitrine geometry`: the chapter's arithmetic for one geometry, with the working. */
public record GeometryReport(Geometry geometry, int[] entryBytes, List<Region> regions, boolean defaultRegions, int tlbEntries) {

    /** {@code entryBytes} null means the geometry's PTE size at every level; regions null means a small process. */
    public static GeometryReport of(Geometry g, int[] entryBytes, List<Region> regions, int tlbEntries) {
        int[] eb = entryBytes;
        if (eb == null) {
            eb = new int[g.levels()];
            Arrays.fill(eb, g.pteBytes());
        } else if (eb.length != g.levels()) {
            throw new IllegalArgumentException("--entry-bytes gives " + eb.length + " sizes for " + g.levels() + " levels");
        }
        for (int b : eb) if (b < 1 || b > 16) throw new IllegalArgumentException("entry size must be 1-16 bytes, not " + b);
        boolean dflt = regions == null || regions.isEmpty();
        return new GeometryReport(g, eb, dflt ? TableSizes.smallProcess(g) : List.copyOf(regions), dflt, tlbEntries);
    }

    public String text() {
        Geometry g = geometry;
        StringBuilder s = new StringBuilder();
        int vpnBits = g.vaBits() - g.pageBits();
        BigInteger pages = TableSizes.pages(g);
        s.append(GeometrySpec.describe(g)).append('\n');
        s.append(String.format(Locale.ROOT, "  address split: %s%n", fields(g)));
        s.append(String.format(Locale.ROOT, "  pages: 2^%d addresses / 2^%d bytes per page = 2^%d pages = %s%n",
                g.vaBits(), g.pageBits(), vpnBits, Sizes.count(pages)));
        BigInteger single = TableSizes.singleLevelBytes(g, g.pteBytes());
        s.append(String.format(Locale.ROOT, "  single-level table: 2^%d entries x %d bytes = %s bytes = %s%n",
                vpnBits, g.pteBytes(), Sizes.pow2(single), Sizes.bytes(single)));
        s.append(String.format(Locale.ROOT, "  a table of each level:%s%n", perLevel()));
        TableSizes.MultiLevel m = TableSizes.multiLevel(g, regions, entryBytes);
        s.append(String.format(Locale.ROOT, "  multi-level table for %s %s:%n", defaultRegions ? "a small process," : "the regions",
                regions.stream().map(Region::toString).reduce((a, b) -> a + " and " + b).orElse("")));
        for (int l = 0; l < g.levels(); l++)
            s.append(String.format(Locale.ROOT, "    level %d: %d table%s x %s = %s%n", l, m.tables()[l], m.tables()[l] == 1 ? "" : "s",
                    Sizes.bytes(TableSizes.tableBytes(g, l, entryBytes[l])), Sizes.bytes(m.bytes()[l])));
        s.append(String.format(Locale.ROOT, "    total %s, against %s for the single-level table%n", Sizes.bytes(m.total()), Sizes.bytes(single)));
        if (g.levels() > 1)
            s.append(String.format(Locale.ROOT, "  every table present (all of memory mapped): %s%n", Sizes.bytes(TableSizes.fullMultiLevel(g, entryBytes))));
        s.append(String.format(Locale.ROOT, "  memory accesses per access without the TLB: %d (%d table level%s + the data)%n",
                g.levels() + 1, g.levels(), g.levels() == 1 ? "" : "s"));
        s.append(String.format(Locale.ROOT, "  TLB reach: %d entries x %s = %s%n", tlbEntries, Sizes.bytes(g.pageSize()),
                Sizes.bytes(BigInteger.valueOf(tlbEntries).multiply(BigInteger.valueOf(g.pageSize())))));
        return s.toString();
    }

    private String perLevel() {
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < geometry.levels(); l++)
            s.append(String.format(Locale.ROOT, " L%d 2^%d x %d B = %s;", l, geometry.levelBits(l), entryBytes[l],
                    Sizes.bytes(TableSizes.tableBytes(geometry, l, entryBytes[l]))));
        return s.substring(0, s.length() - 1);
    }

    /** "[L0 10 bits: 31..22] [L1 10 bits: 21..12] [offset 12 bits: 11..0]". */
    static String fields(Geometry g) {
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < g.levels(); l++) {
            int lo = g.shift(l), hi = lo + g.levelBits(l) - 1;
            s.append(String.format(Locale.ROOT, "[L%d %d bits: %d..%d] ", l, g.levelBits(l), hi, lo));
        }
        return s.append(String.format(Locale.ROOT, "[offset %d bits: %d..0]", g.pageBits(), g.pageBits() - 1)).toString();
    }

    public Map<String, Object> json() {
        Geometry g = geometry;
        Map<String, Object> o = Json.object();
        o.put("geometry", g.name());
        o.put("vaBits", g.vaBits());
        o.put("pageSize", g.pageSize());
        o.put("offsetBits", g.pageBits());
        o.put("vpnBits", g.vaBits() - g.pageBits());
        o.put("levelBits", g.levelBits());
        o.put("pteBytes", g.pteBytes());
        o.put("pages", TableSizes.pages(g));
        o.put("singleLevelBytes", TableSizes.singleLevelBytes(g, g.pteBytes()));
        TableSizes.MultiLevel m = TableSizes.multiLevel(g, regions, entryBytes);
        Map<String, Object> ml = Json.object();
        List<Object> rs = new ArrayList<>();
        for (Region r : regions) rs.add(r.toString());
        ml.put("regions", rs);
        ml.put("entryBytes", entryBytes);
        ml.put("tables", m.tables());
        ml.put("bytes", m.total());
        o.put("multiLevel", ml);
        o.put("fullMultiLevelBytes", TableSizes.fullMultiLevel(g, entryBytes));
        o.put("memoryAccesses", g.levels() + 1);
        o.put("tlbEntries", tlbEntries);
        o.put("tlbReach", (long) tlbEntries * g.pageSize());
        return o;
    }
}
