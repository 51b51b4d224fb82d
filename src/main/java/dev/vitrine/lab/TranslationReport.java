package dev.vitrine.lab;

import dev.vitrine.trace.Json;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Pte;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text and JSON forms of a {@link Translation}. */
public final class TranslationReport {
    private TranslationReport() {}

    public static String text(Translation t) {
        Geometry g = t.geometry();
        StringBuilder s = new StringBuilder();
        s.append("address ").append(Sizes.hex(t.va())).append(" (").append(Long.toUnsignedString(t.va())).append(") in ")
                .append(GeometrySpec.describe(g)).append('\n');
        String[] bits = fieldBits(g, t.va());
        StringBuilder row = new StringBuilder(), labels = new StringBuilder();
        for (int i = 0; i < bits.length; i++) {
            String label = i < g.levels() ? "L" + i + " index" : "offset";
            int w = Math.max(bits[i].length(), label.length());
            row.append(pad(bits[i], w)).append(' ');
            labels.append(pad(label, w)).append(' ');
        }
        s.append("  binary    ").append(row.toString().stripTrailing()).append('\n');
        s.append("            ").append(labels.toString().stripTrailing()).append('\n');
        if (g.signExtended()) s.append("  (bits 63..").append(g.vaBits()).append(" repeat bit ").append(g.vaBits() - 1).append(": the address is canonical)\n");
        for (int l = 0; l < g.levels(); l++) {
            int lo = g.shift(l);
            s.append(String.format(Locale.ROOT, "  L%d index  bits %d..%d = %s = %d (%s)%n", l, lo + g.levelBits(l) - 1, lo, bits[l],
                    t.indices()[l], Sizes.hex(t.indices()[l])));
        }
        s.append(String.format(Locale.ROOT, "  offset    bits %d..0  = %s = %d (%s)%n", g.pageBits() - 1, bits[g.levels()], t.offset(), Sizes.hex(t.offset())));
        long vpn = t.vpn() & mask(g.vaBits() - g.pageBits());
        s.append(String.format(Locale.ROOT, "  page number (VPN) bits %d..%d = %s = %s (%s)%n", g.vaBits() - 1, g.pageBits(),
                String.join("", java.util.Arrays.copyOf(bits, g.levels())), Long.toUnsignedString(vpn), Sizes.hex(vpn)));
        if (t.outcome() instanceof Translation.NoTable) return s.toString();
        s.append("walk of a user-mode ").append(Access.name(t.access())).append(", root table at ")
                .append(Sizes.hex(t.walk().get(0).tablePa())).append(":\n");
        for (Translation.Step st : t.walk()) {
            s.append(String.format(Locale.ROOT, "  L%d  PTE at %s + %d x %d = %s  value %s  flags %s  ppn %s%n      %s%n", st.level(),
                    Sizes.hex(st.tablePa()), st.index(), g.pteBytes(), Sizes.hex(st.ptePa()), pte(g, st.pte()), Pte.flags(st.pte()),
                    Sizes.hex(Pte.ppn(st.pte())), st.meaning()));
        }
        if (t.outcome() instanceof Translation.Mapped m) {
            s.append(String.format(Locale.ROOT, "  physical address = frame %s << %d | offset %s = %s%n", Sizes.hex(m.frame()), g.pageBits(),
                    Sizes.hex(t.offset()), Sizes.hex(m.physical())));
            if (m.pageSize() != g.pageSize())
                s.append("  (a ").append(Sizes.bytes(m.pageSize())).append(" superpage: the low ").append(Long.numberOfTrailingZeros(m.pageSize()))
                        .append(" bits of the address pass through)\n");
            String sets = m.setBits() == 0 ? "A" + (t.access() == Access.STORE ? " and D are" : " is") + " already set in the leaf"
                    : "the hardware sets " + ((m.setBits() & Pte.A) != 0 ? "A" : "") + ((m.setBits() & Pte.A) != 0 && (m.setBits() & Pte.D) != 0 ? " and " : "")
                    + ((m.setBits() & Pte.D) != 0 ? "D" : "") + " in the leaf";
            s.append(String.format(Locale.ROOT, "  memory accesses: %d PTE reads + 1 for the data; %s%n", t.walk().size(), sets));
        } else if (t.outcome() instanceof Translation.Faulted f) {
            s.append("  page fault on a ").append(Access.name(t.access())).append(" at ").append(Sizes.hex(t.va())).append(": ").append(f.why()).append('\n');
            s.append("  kernel: ").append(f.kind().label().toUpperCase(Locale.ROOT)).append(" fault: ").append(f.kernel()).append('\n');
        }
        return s.toString();
    }

    public static Map<String, Object> json(Translation t) {
        Geometry g = t.geometry();
        Map<String, Object> o = Json.object();
        o.put("geometry", g.name());
        o.put("va", unsigned(t.va()));
        o.put("vaHex", Sizes.hex(t.va()));
        o.put("binary", String.join(" ", fieldBits(g, t.va())));
        o.put("vpn", unsigned(t.vpn() & mask(g.vaBits() - g.pageBits())));
        o.put("offset", t.offset());
        o.put("indices", t.indices());
        if (t.outcome() instanceof Translation.NoTable) return o;
        o.put("access", Access.name(t.access()));
        List<Object> walk = new ArrayList<>();
        for (Translation.Step st : t.walk()) {
            Map<String, Object> j = Json.object();
            j.put("level", st.level());
            j.put("table", st.tablePa());
            j.put("index", st.index());
            j.put("pteAddress", st.ptePa());
            j.put("pte", unsigned(st.pte()));
            j.put("flags", Pte.flags(st.pte()));
            j.put("meaning", st.meaning());
            walk.add(j);
        }
        o.put("walk", walk);
        if (t.outcome() instanceof Translation.Mapped m) {
            o.put("pte", unsigned(m.pte()));
            o.put("frame", m.frame());
            o.put("physical", m.physical());
            o.put("physicalHex", Sizes.hex(m.physical()));
            o.put("pageSize", m.pageSize());
        } else if (t.outcome() instanceof Translation.Faulted f) {
            Map<String, Object> j = Json.object();
            j.put("level", f.level());
            j.put("cause", f.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            j.put("kind", f.kind().label());
            j.put("why", f.why());
            j.put("kernel", f.kernel());
            o.put("fault", j);
        }
        return o;
    }

    /** Each level's index bits, then the offset bits, as binary strings of their exact widths. */
    static String[] fieldBits(Geometry g, long va) {
        String[] out = new String[g.levels() + 1];
        for (int l = 0; l < g.levels(); l++) out[l] = binary(g.index(va, l), g.levelBits(l));
        out[g.levels()] = binary(g.offset(va), g.pageBits());
        return out;
    }

    static String binary(long v, int width) {
        StringBuilder s = new StringBuilder(width);
        for (int b = width - 1; b >= 0; b--) s.append((v >>> b & 1) == 1 ? '1' : '0');
        return s.toString();
    }

    private static String pte(Geometry g, long pte) {
        String h = Long.toHexString(pte);
        return "0x" + "0".repeat(Math.max(0, 2 * g.pteBytes() - h.length())) + h;
    }

    private static String pad(String s, int w) { return s + " ".repeat(w - s.length()); }

    private static long mask(int bits) { return bits >= 64 ? -1L : (1L << bits) - 1; }

    static Object unsigned(long v) { return v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v)); }
}
