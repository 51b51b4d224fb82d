package dev.vitrine.lab;

import dev.vitrine.trace.Json;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Base-and-bounds and segment translations, each line as OSTEP's -c prints it with the working after it, and as JSON. */
public final class SegmentReport {
    private SegmentReport() {}

    public static String text(SegmentSim.Setup s, List<SegmentSim.Result> rs) {
        StringBuilder b = new StringBuilder();
        if (s.baseAndBounds()) {
            SegmentSim.Segment g = s.segments().get(0);
            b.append(String.format(Locale.ROOT, "base and bounds: base 0x%08x (decimal %d), limit %d; a %d-byte address space in %d bytes of memory%n",
                    g.base(), g.base(), g.limit(), s.asize(), s.psize()));
        } else {
            b.append(String.format(Locale.ROOT, "segments: the top %d bit%s of a %d-byte address space pick%s one of %d, each a slice of %d bytes; %d bytes of memory%n",
                    s.segBits(), s.segBits() == 1 ? "" : "s", s.asize(), s.segBits() == 1 ? "s" : "", s.segments().size(), s.segmentSize(), s.psize()));
            for (int i = 0; i < s.segments().size(); i++) {
                SegmentSim.Segment g = s.segments().get(i);
                b.append(String.format(Locale.ROOT, "  segment %d base (grows %s) : 0x%08x (decimal %d), limit %d%n", i, g.growsDown() ? "negative" : "positive", g.base(), g.base(), g.limit()));
            }
        }
        for (int i = 0; i < rs.size(); i++) {
            SegmentSim.Result r = rs.get(i);
            String seg = s.baseAndBounds() ? "" : " (SEG" + r.segment() + ")";
            String verdict = r.valid() ? String.format(Locale.ROOT, "VALID%s: 0x%08x (decimal: %4d)", s.baseAndBounds() ? "" : " in SEG" + r.segment(), r.pa(), r.pa())
                    : "SEGMENTATION VIOLATION" + seg;
            b.append(String.format(Locale.ROOT, "  VA %2d: 0x%08x (decimal: %4d) --> %s   [%s]%n", i, r.va(), r.va(), verdict, r.why()));
        }
        return b.toString();
    }

    public static Map<String, Object> json(SegmentSim.Setup s, SegmentSim.Result r) {
        Map<String, Object> o = Json.object();
        o.put("va", r.va());
        o.put("segment", r.segment());
        o.put("offset", r.offset());
        o.put("valid", r.valid());
        o.put("pa", r.pa());
        SegmentSim.Segment g = s.segments().get(r.segment());
        o.put("base", g.base());
        o.put("limit", g.limit());
        o.put("growsDown", g.growsDown());
        o.put("why", r.why());
        return o;
    }
}
