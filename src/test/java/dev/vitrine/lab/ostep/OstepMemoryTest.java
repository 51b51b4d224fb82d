package dev.vitrine.lab.ostep;

import dev.vitrine.lab.GeometrySpec;
import dev.vitrine.lab.ImageWalk;
import dev.vitrine.lab.MemoryImage;
import dev.vitrine.lab.Sizes;
import dev.vitrine.mmu.Geometry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The memory-image walk against OSTEP's paging-multilevel-translate.py on recorded seeded
 * problems: its dump and PDBR are read back, and every address must translate to the same
 * physical address and byte, or fault at the same level.
 */
class OstepMemoryTest {
    static final Geometry OSTEP = GeometrySpec.build(null, 15, "32", "5,5", null, null);

    @Test void multilevelMatchesPagingMultilevelTranslatePy() {
        int checked = 0;
        for (OstepFixtures.Case c : OstepFixtures.load("multilevel")) {
            MemoryImage mem = MemoryImage.parse(c.output().lines().toList(), 32, c.command());
            long pdbr = Long.parseLong(c.one("^PDBR: (\\d+)")[0]);
            List<String[]> vas = c.all("^Virtual Address 0x([0-9a-f]+):\\n(?:.*\\n)*?      --> (Translates to Physical Address 0x([0-9a-f]+) --> Value: 0x([0-9a-f]+)|Fault \\((page directory|page table) entry not valid\\))");
            assertEquals(Integer.parseInt(c.flag("-n", "10")), vas.size(), c.toString());
            for (String[] g : vas) {
                ImageWalk w = ImageWalk.walk(OSTEP, mem, pdbr, ImageWalk.PteFormat.OSTEP, 1, Long.parseLong(g[0], 16));
                if (g[2] != null) {
                    assertNull(w.fault(), c + " " + g[0]);
                    assertEquals(Long.parseLong(g[2], 16), w.pa(), c + " " + g[0]);
                    assertEquals(Integer.parseInt(g[3], 16), w.value(), c + " " + g[0]);
                } else {
                    assertEquals(g[4] + " entry not valid", w.fault(), c + " " + g[0]);
                }
                checked++;
            }
        }
        assertTrue(checked >= 200, "checked " + checked);
    }

    /** paging-linear-translate.py: its one-level table (4-byte entries, top bit valid) laid at physical address 0, walked from PDBR 0. */
    @Test void linearMatchesPagingLinearTranslatePy() {
        int checked = 0;
        for (OstepFixtures.Case c : OstepFixtures.load("linear")) {
            long asize = Sizes.parse(c.one("^ARG address space size (\\w+)")[0], "a"), psize = Sizes.parse(c.one("^ARG phys mem size (\\w+)")[0], "p");
            int page = (int) Sizes.parse(c.one("^ARG page size (\\w+)")[0], "P");
            int vaBits = Long.numberOfTrailingZeros(asize), pageBits = Integer.numberOfTrailingZeros(page);
            Geometry g = GeometrySpec.build(null, vaBits, Integer.toString(page), Integer.toString(vaBits - pageBits), null, null);
            String table = c.output().substring(c.output().indexOf("Page Table (from entry 0 down to the max size)\n"));
            List<String[]> entries = new OstepFixtures.Case(c.command(), c.flags(), table.substring(0, table.indexOf("\n\n"))).all("^  0x([0-9a-f]{8})$");
            assertEquals(asize / page, entries.size(), c.toString());
            byte[] mem = new byte[(int) Math.max(psize, entries.size() * 4L)];
            for (int i = 0; i < entries.size(); i++) {
                long e = Long.parseLong(entries.get(i)[0], 16);
                for (int b = 0; b < 4; b++) mem[4 * i + b] = (byte) (e >>> (24 - 8 * b));
            }
            MemoryImage image = new MemoryImage(page, mem);
            for (String[] v : c.all("^  VA 0x([0-9a-f]+) \\(decimal: +\\d+\\) --> +(?:([0-9a-f]{8}) \\(decimal +\\d+\\) \\[VPN \\d+\\]|(Invalid) \\(VPN \\d+ not valid\\))$")) {
                ImageWalk w = ImageWalk.walk(g, image, 0, ImageWalk.PteFormat.OSTEP, 4, Long.parseLong(v[0], 16));
                if (v[1] != null) assertEquals(Long.parseLong(v[1], 16), w.pa(), c + " " + v[0]);
                else assertEquals("page table entry not valid", w.fault(), c + " " + v[0]);
                checked++;
            }
        }
        assertEquals(160, checked);
    }

    @Test void imageLinesAreCheckedAndBounded() {
        assertThrows(IllegalArgumentException.class, () -> MemoryImage.parse(List.of("page 0: 00ff"), 32, "x"));
        assertThrows(IllegalArgumentException.class, () -> MemoryImage.parse(List.of("nothing here"), 32, "x"));
        assertThrows(IllegalArgumentException.class, () -> MemoryImage.parse(List.of("page 99999999: " + "00".repeat(32)), 32, "x"));
        MemoryImage m = MemoryImage.parse(List.of("page 1: " + "80".repeat(32)), 32, "x");
        assertEquals(64, m.size());
        ImageWalk w = ImageWalk.walk(OSTEP, m, 5, ImageWalk.PteFormat.OSTEP, 1, 0x10);
        assertNotNull(w.fault(), "a page directory outside the image is a fault, not a crash");
        assertNotNull(ImageWalk.walk(OSTEP, m, Long.MAX_VALUE, ImageWalk.PteFormat.OSTEP, 1, 0x10).fault(), "nor one whose address overflows");
    }
}
