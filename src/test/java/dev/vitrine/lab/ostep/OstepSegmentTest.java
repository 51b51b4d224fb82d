package dev.vitrine.lab.ostep;

import dev.vitrine.lab.SegmentReport;
import dev.vitrine.lab.SegmentSim;
import dev.vitrine.lab.Sizes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Base and bounds and segmentation against OSTEP's relocation.py and segmentation.py on
 * recorded seeded problems: from the same seed the same registers and addresses are drawn,
 * and every address line OSTEP's -c printed appears, word for word, in ours.
 */
class OstepSegmentTest {
    @Test void baseAndBoundsMatchesRelocationPy() { check("relocation", false); }

    @Test void segmentsMatchSegmentationPy() { check("segmentation", true); }

    private static void check(String fixture, boolean segments) {
        int lines = 0;
        for (OstepFixtures.Case c : OstepFixtures.load(fixture)) {
            SegmentSim.Problem p = SegmentSim.ostep(segments, c.num("-s", 0), Sizes.parse(c.flag("-a", "1k"), "a"), Sizes.parse(c.flag("-p", "16k"), "p"),
                    new Long[2], new Long[2], null, (int) c.num("-n", 5));
            List<SegmentSim.Result> rs = new ArrayList<>();
            for (long va : p.addresses()) rs.add(SegmentSim.translate(p.setup(), va));
            String ours = SegmentReport.text(p.setup(), rs);
            List<String[]> vas = c.all("^(  VA +\\d+: .*)$");
            assertEquals(p.addresses().size(), vas.size(), c.toString());
            for (String[] g : vas) {
                assertTrue(ours.contains(g[0] + "   ["), c + ": " + g[0] + " not in\n" + ours);
                lines++;
            }
            if (segments) {
                for (String[] g : c.all("^  Segment (\\d) base +\\(grows \\w+\\) : (0x[0-9a-f]+)"))
                    assertEquals(Long.decode(g[1]), p.setup().segments().get(Integer.parseInt(g[0])).base(), c.toString());
            } else {
                assertEquals(Long.decode(c.one("^  Base   : (0x[0-9a-f]+)")[0]), p.setup().segments().get(0).base(), c.toString());
                assertEquals(Long.parseLong(c.one("^  Limit  : (\\d+)")[0]), p.setup().segments().get(0).limit(), c.toString());
            }
        }
        assertTrue(lines >= 160, lines + " lines");
    }

    @Test void givenSegmentsGrowingBothWays() {
        SegmentSim.Setup s = new SegmentSim.Setup(1024, 16384, 1, List.of(new SegmentSim.Segment(1000, 100, false), new SegmentSim.Segment(5000, 100, true)));
        assertEquals(1099L, SegmentSim.translate(s, 99).pa());
        assertFalse(SegmentSim.translate(s, 100).valid());
        assertEquals(4900L, SegmentSim.translate(s, 924).pa()); // 100 bytes below the top of the space
        assertFalse(SegmentSim.translate(s, 923).valid());
        assertEquals(4999L, SegmentSim.translate(s, 1023).pa());
        assertThrows(IllegalArgumentException.class, () -> SegmentSim.translate(s, 1024));
    }
}
