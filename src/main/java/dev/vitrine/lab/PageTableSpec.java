package dev.vitrine.lab;

import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Pte;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A page table as a student writes it down, one statement a line:
 * <pre>
 *   # comment
 *   root 1                      frame of the top-level table (default 1; tables follow it)
 *   map 0x00403000 0x1234 rxu   the page holding this address is in frame 0x1234, flags from r w x u g a d
 *   swap 0x00405000 7           the page is out on swap slot 7: not present, a major fault
 *   region 0x00400000-0x00410000 rwu   valid addresses (a VMA): a page in it with no frame is a minor fault
 * </pre>
 * Numbers are hex with 0x or decimal. The kernel's view (which faults are minor, major
 * or invalid) comes from the regions, the swapped pages, and each mapped page itself.
 */
public record PageTableSpec(long rootFrame, List<Mapping> maps, List<Swapped> swapped, List<VmRegion> regions) {

    public record Mapping(long vpn, long frame, long flags, int line) {}
    public record Swapped(long vpn, long slot, int line) {}
    public record VmRegion(Region range, long flags, int line) {}

    public static PageTableSpec read(Path file, Geometry g) {
        try {
            return parse(Files.readAllLines(file), file.toString(), g);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read page table " + file + ": " + IoErrors.reason(e));
        }
    }

    public static PageTableSpec parse(List<String> lines, String source, Geometry g) {
        long root = 1;
        List<Mapping> maps = new ArrayList<>();
        List<Swapped> swapped = new ArrayList<>();
        List<VmRegion> regions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String s = lines.get(i);
            int hash = s.indexOf('#');
            if (hash >= 0) s = s.substring(0, hash);
            s = s.strip();
            if (s.isEmpty()) continue;
            String[] w = s.split("\\s+");
            String where = source + " line " + line + ": ";
            try {
                switch (w[0]) {
                    case "root" -> {
                        need(w, 2, 2, where, "root FRAME");
                        root = TraceReader.number(w[1]);
                    }
                    case "map" -> {
                        need(w, 3, 4, where, "map ADDRESS FRAME [FLAGS]");
                        long frame = TraceReader.number(w[2]);
                        if (frame > g.maxPpn()) throw new IllegalArgumentException(where + "frame " + Sizes.hex(frame)
                                + " does not fit a " + g.pteBytes() + "-byte PTE (largest " + Sizes.hex(g.maxPpn()) + ")");
                        maps.add(new Mapping(vpn(w[1], g, where), frame, w.length == 4 ? flags(w[3], where) : Pte.R | Pte.W | Pte.U, line));
                    }
                    case "swap" -> {
                        need(w, 2, 3, where, "swap ADDRESS [SLOT]");
                        swapped.add(new Swapped(vpn(w[1], g, where), w.length == 3 ? TraceReader.number(w[2]) : swapped.size(), line));
                    }
                    case "region" -> {
                        need(w, 3, 3, where, "region START-END FLAGS");
                        Region r = Region.parse(w[1]);
                        if (!g.representable(r.first()) || !g.representable(r.last()))
                            throw new IllegalArgumentException(where + "region " + r + " is outside the " + g.vaBits() + "-bit address space");
                        regions.add(new VmRegion(r, flags(w[2], where), line));
                    }
                    default -> throw new IllegalArgumentException(where + "unknown statement '" + w[0] + "' (expected root, map, swap or region)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "bad number in '" + s + "'");
            } catch (IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().startsWith(source) ? e : new IllegalArgumentException(where + e.getMessage());
            }
        }
        return new PageTableSpec(root, List.copyOf(maps), List.copyOf(swapped), List.copyOf(regions));
    }

    private static void need(String[] w, int min, int max, String where, String form) {
        if (w.length < min || w.length > max) throw new IllegalArgumentException(where + "expected '" + form + "'");
    }

    private static long vpn(String text, Geometry g, String where) {
        long va = TraceReader.number(text);
        if (!g.representable(va)) throw new IllegalArgumentException(where + "address " + text + " does not fit the " + g.vaBits() + "-bit geometry");
        return va >>> g.pageBits();
    }

    /** Letters r w x u g a d in any order; '-' is a placeholder ("r-xu"). V is implied. */
    static long flags(String text, String where) {
        long f = 0;
        for (char c : text.toLowerCase().toCharArray()) {
            f |= switch (c) {
                case 'r' -> Pte.R;
                case 'w' -> Pte.W;
                case 'x' -> Pte.X;
                case 'u' -> Pte.U;
                case 'g' -> Pte.G;
                case 'a' -> Pte.A;
                case 'd' -> Pte.D;
                case '-' -> 0L;
                default -> throw new IllegalArgumentException(where + "unknown flag '" + c + "' in '" + text + "' (flags: r w x u g a d)");
            };
        }
        if ((f & (Pte.R | Pte.W | Pte.X)) == 0) throw new IllegalArgumentException(where + "flags '" + text + "' need at least one of r, w, x");
        return f;
    }

    /** The file text that reproduces this spec (what --seed generated, for the student to read). */
    public String text(Geometry g) {
        StringBuilder s = new StringBuilder("# page table for ").append(g.name()).append("; vitrine translate --table FILE reads this\n");
        s.append("root ").append(rootFrame).append('\n');
        for (VmRegion r : regions) s.append("region ").append(r.range()).append(' ').append(letters(r.flags())).append('\n');
        for (Mapping m : maps) s.append("map ").append(Sizes.hex(m.vpn() << g.pageBits())).append(' ').append(Sizes.hex(m.frame()))
                .append(' ').append(letters(m.flags())).append('\n');
        for (Swapped w : swapped) s.append("swap ").append(Sizes.hex(w.vpn() << g.pageBits())).append(' ').append(w.slot()).append('\n');
        return s.toString();
    }

    static String letters(long f) {
        StringBuilder s = new StringBuilder();
        s.append((f & Pte.R) != 0 ? 'r' : '-').append((f & Pte.W) != 0 ? 'w' : '-').append((f & Pte.X) != 0 ? 'x' : '-')
                .append((f & Pte.U) != 0 ? 'u' : '-');
        if ((f & Pte.G) != 0) s.append('g');
        if ((f & Pte.A) != 0) s.append('a');
        if ((f & Pte.D) != 0) s.append('d');
        return s.toString();
    }
}
