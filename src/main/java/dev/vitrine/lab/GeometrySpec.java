package dev.vitrine.lab;

import dev.vitrine.mmu.Geometry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds an mmu {@link Geometry} from a preset name or from fields, as the lab's commands take them. */
public final class GeometrySpec {
    private GeometrySpec() {}

    /**
     * Any argument may be null. With none, the chapter's two-level x86-32. With fields,
     * {@code vaBits} is needed; levels come from a list of index widths (top first) or a
     * depth that splits the page-number bits as evenly as possible, the top levels taking
     * the remainder; with neither, one level. PTEs are 4 bytes up to 32-bit addresses, else 8.
     */
    public static Geometry build(String preset, Integer vaBits, String pageSize, String levels, Integer depth, Integer pteBytes) {
        boolean fields = vaBits != null || pageSize != null || levels != null || depth != null;
        if (preset != null && fields) throw new IllegalArgumentException("give --paging or the fields (--va-bits, --page-size, --levels), not both");
        if (preset != null) return pteBytes == null ? Geometry.preset(preset) : withPte(Geometry.preset(preset), pteBytes);
        if (!fields) return pteBytes == null ? Geometry.X86_32 : withPte(Geometry.X86_32, pteBytes);
        if (vaBits == null) throw new IllegalArgumentException("--va-bits is needed with --page-size/--levels/--depth");
        if (vaBits < 2 || vaBits > 64) throw new IllegalArgumentException("--va-bits must be between 2 and 64, not " + vaBits);
        int pageBits = Sizes.log2(Sizes.parse(pageSize == null ? "4K" : pageSize, "page size"), "page size");
        int vpnBits = vaBits - pageBits;
        if (vpnBits < 1) throw new IllegalArgumentException("a " + (1L << pageBits) + "-byte page leaves no page-number bits in a " + vaBits + "-bit address");
        if (levels != null && depth != null) throw new IllegalArgumentException("give --levels or --depth, not both");
        int[] bits = levels != null ? list(levels) : split(vpnBits, depth == null ? 1 : depth);
        int pte = pteBytes != null ? pteBytes : vaBits <= 32 ? 4 : 8;
        return new Geometry(name(vaBits, pageBits, bits), vaBits, pageBits, bits, pte);
    }

    static Geometry withPte(Geometry g, int pteBytes) {
        return new Geometry(g.name(), g.vaBits(), g.pageBits(), g.levelBits(), pteBytes);
    }

    /** The page-number bits split over {@code depth} levels, top levels taking the remainder. */
    public static int[] split(int vpnBits, int depth) {
        if (depth < 1 || depth > vpnBits) throw new IllegalArgumentException("--depth must be between 1 and " + vpnBits + ", not " + depth);
        int[] bits = new int[depth];
        for (int i = 0; i < depth; i++) bits[i] = vpnBits / depth + (i < vpnBits % depth ? 1 : 0);
        return bits;
    }

    private static int[] list(String text) {
        try {
            return Arrays.stream(text.split("[,/]")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad --levels '" + text + "': expected index widths top first, e.g. 10,10");
        }
    }

    static String name(int vaBits, int pageBits, int[] bits) {
        return String.format(Locale.ROOT, "%d-bit %s+%d", vaBits,
                Arrays.stream(bits).mapToObj(Integer::toString).collect(Collectors.joining("+")), pageBits);
    }

    /** "x86-32: 32-bit addresses, 4 KiB pages, 2 levels 10+10, offset 12, 4-byte PTEs". */
    public static String describe(Geometry g) {
        return String.format(Locale.ROOT, "%s: %d-bit addresses, page size %s, %d level%s %s, offset %d bits, %d-byte PTEs",
                g.name(), g.vaBits(), Sizes.bytes(g.pageSize()), g.levels(), g.levels() == 1 ? "" : "s",
                Arrays.stream(g.levelBits()).mapToObj(Integer::toString).collect(Collectors.joining("+")),
                g.pageBits(), g.pteBytes());
    }
}
