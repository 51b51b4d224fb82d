package dev.vitrine.lab;

import dev.vitrine.mmu.Geometry;
import dev.vitrine.trace.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A memory-image walk in words (entry by entry, as OSTEP's -c answers show it) and as JSON. */
public final class ImageReport {
    private ImageReport() {}

    public static String text(Geometry g, ImageWalk w, int entryBytes) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "virtual address 0x%x:", w.va()));
        for (int l = 0; l < w.indices().length; l++) b.append(String.format(Locale.ROOT, " L%d index %d (0x%x),", l, w.indices()[l], w.indices()[l]));
        b.append(String.format(Locale.ROOT, " offset %d (0x%x)%n", w.offset(), w.offset()));
        for (ImageWalk.Step s : w.steps()) {
            boolean last = s.level() == g.levels() - 1;
            b.append(String.format(Locale.ROOT, "  L%d  entry at frame 0x%x: 0x%x + %d x %d = 0x%x  value 0x%0" + 2 * entryBytes + "x  valid %d, pfn 0x%x (%d)",
                    s.level(), s.tableFrame(), s.tableFrame() << g.pageBits(), s.index(), entryBytes, s.entryPa(), s.entry(), s.valid() ? 1 : 0, s.pfn(), s.pfn()));
            if (s.valid()) b.append(last || w.pa() != null && s == w.steps().get(w.steps().size() - 1) ? ": the page is in frame 0x" + Long.toHexString(s.pfn()) : ": next table in frame 0x" + Long.toHexString(s.pfn()));
            b.append('\n');
        }
        if (w.fault() != null) b.append("  fault: ").append(w.fault()).append('\n');
        else b.append(String.format(Locale.ROOT, "  physical address 0x%x (frame 0x%x, offset 0x%x) holds 0x%02x%n", w.pa(), w.pa() >>> g.pageBits(), w.pa() & (g.pageSize() - 1), w.value()));
        return b.toString();
    }

    public static Map<String, Object> json(ImageWalk w) {
        Map<String, Object> o = Json.object();
        o.put("va", w.va());
        o.put("vaHex", "0x" + Long.toHexString(w.va()));
        List<Object> idx = new ArrayList<>();
        for (long i : w.indices()) idx.add(i);
        o.put("indices", idx);
        o.put("offset", w.offset());
        List<Object> walk = new ArrayList<>();
        for (ImageWalk.Step s : w.steps()) {
            Map<String, Object> j = Json.object();
            j.put("level", s.level());
            j.put("tableFrame", s.tableFrame());
            j.put("index", s.index());
            j.put("entryAddress", s.entryPa());
            j.put("entry", s.entry());
            j.put("valid", s.valid());
            j.put("pfn", s.pfn());
            walk.add(j);
        }
        o.put("walk", walk);
        o.put("pa", w.fault() == null ? w.pa() : null);
        o.put("value", w.value());
        o.put("fault", w.fault());
        return o;
    }
}
