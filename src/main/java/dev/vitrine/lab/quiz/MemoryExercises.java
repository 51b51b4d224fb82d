package dev.vitrine.lab.quiz;

import dev.vitrine.lab.GeometryReport;
import dev.vitrine.lab.GeometrySpec;
import dev.vitrine.trace.Json;
import dev.vitrine.lab.PageTableBuilder;
import dev.vitrine.lab.PageTableSpec;
import dev.vitrine.lab.Region;
import dev.vitrine.lab.SeededTable;
import dev.vitrine.lab.Sizes;
import dev.vitrine.lab.TableSizes;
import dev.vitrine.lab.Translation;
import dev.vitrine.lab.TranslationReport;
import dev.vitrine.lab.Translator;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Exercises on the address split, page-table walks and table sizes; answers come from the lab's engines. */
final class MemoryExercises {
    private MemoryExercises() {}

    private static final int[] VA_BITS = {16, 20, 24, 32, 32, 39, 48, 64};

    static Geometry randomGeometry(SplittableRandom rnd, QuizOptions o) {
        if (o.geometry() != null) return o.geometry();
        int va = VA_BITS[switch (o.difficulty()) {
            case EASY -> rnd.nextInt(4);
            case MEDIUM -> rnd.nextInt(VA_BITS.length);
            case HARD -> 5 + rnd.nextInt(3);
        }];
        int pageBits = va <= 20 ? 6 + rnd.nextInt(4) : 8 + rnd.nextInt(9); // 64 B-512 B small, 256 B-64 KiB otherwise
        int depth = 1 + rnd.nextInt(Math.min(4, va - pageBits));
        return GeometrySpec.build(null, va, Long.toString(1L << pageBits), null, depth, null);
    }

    static String shape(Geometry g) {
        return String.format(Locale.ROOT, "%d-bit virtual addresses, pages of %s and a %d-level page table", g.vaBits(),
                Sizes.bytes(g.pageSize()), g.levels());
    }

    static Exercise split(SplittableRandom rnd, QuizOptions o) {
        Geometry g = randomGeometry(rnd, o);
        long va = g.vaBits() == 64 ? rnd.nextLong() : rnd.nextLong(1L << g.vaBits());
        // RISC-V-style layouts above 32 bits are sign-extended: make the address canonical.
        if (g.signExtended()) va = (va << (64 - g.vaBits())) >> (64 - g.vaBits());
        String q = String.format(Locale.ROOT, "A machine has %s whose page-number bits are split as evenly as possible, "
                + "the top levels taking any extra bit. (a) How many bits does each level's index take, and the offset? "
                + "(b) How many virtual pages are there? (c) Split the address %s: each index, the offset and the page number.",
                shape(g), Sizes.hex(va));
        Translation t = Translator.translate(g, va, Access.LOAD, null);
        StringBuilder bits = new StringBuilder();
        for (int l = 0; l < g.levels(); l++) bits.append(l == 0 ? "" : " + ").append(g.levelBits(l));
        String a = String.format(Locale.ROOT, "(a) %s index bits + %d offset bits; (b) 2^%d pages; (c) indices %s, offset %s, page number %s",
                bits, g.pageBits(), g.vaBits() - g.pageBits(), hexList(t.indices()), Sizes.hex(t.offset()), Sizes.hex(t.vpn()));
        String w = "offset bits = log2(page size) = " + g.pageBits() + "; page-number bits = " + g.vaBits() + " - " + g.pageBits() + " = "
                + (g.vaBits() - g.pageBits()) + "; over " + g.levels() + " level(s) that is " + (g.vaBits() - g.pageBits()) / g.levels()
                + " each" + ((g.vaBits() - g.pageBits()) % g.levels() == 0 ? "" : ", with one more for the top " + (g.vaBits() - g.pageBits()) % g.levels()) + "\n"
                + "pages = 2^" + g.vaBits() + " / 2^" + g.pageBits() + " = 2^" + (g.vaBits() - g.pageBits()) + "\n"
                + TranslationReport.text(t);
        Map<String, Object> v = TranslationReport.json(t);
        v.put("levelBits", g.levelBits());
        v.put("offsetBits", g.pageBits());
        v.put("pages", TableSizes.pages(g));
        List<Check> checks = new ArrayList<>();
        for (int l = 0; l < g.levels(); l++) checks.add(Check.of("L" + l + " index bits", g.levelBits(l)));
        checks.add(Check.of("offset bits", g.pageBits()));
        checks.add(Check.of("page-number bits (2^N pages)", g.vaBits() - g.pageBits()));
        for (int l = 0; l < g.levels(); l++) checks.add(Check.hex("L" + l + " index", t.indices()[l]));
        checks.add(Check.hex("offset", t.offset()));
        checks.add(Check.hex("page number", t.vpn()));
        return new Exercise("split", q, a, w, v, checks);
    }

    /** Small geometries whose tables print on a page. */
    private static final Geometry[] WALKABLE = {
            GeometrySpec.build(null, 16, "256", null, 2, null),
            GeometrySpec.build(null, 18, "256", "5,5", null, null),
            GeometrySpec.build(null, 20, "1K", null, 2, null),
            Geometry.X86_32,
    };

    static Exercise translate(SplittableRandom rnd, QuizOptions o) {
        Geometry g = o.geometry() != null ? o.geometry() : WALKABLE[switch (o.difficulty()) {
            case EASY -> rnd.nextInt(2);
            case MEDIUM -> rnd.nextInt(WALKABLE.length);
            case HARD -> 2 + rnd.nextInt(2);
        }];
        PageTableSpec spec = SeededTable.generate(g, rnd.nextLong());
        long va = pickAddress(g, spec, rnd);
        int access = rnd.nextInt(4) == 0 ? Access.STORE : rnd.nextInt(5) == 0 ? Access.FETCH : Access.LOAD;
        PageTableBuilder.Built built = PageTableBuilder.build(g, spec);
        StringBuilder q = new StringBuilder();
        q.append(String.format(Locale.ROOT, "A machine has %s (index bits %s, %d-byte PTEs). A PTE holds flags in bits 0-7 "
                + "(V R W X U G A D, V lowest) and the frame number from bit 10; an entry with V=1 and R=W=X=0 points to the next table; "
                + "the kernel marks a page on swap with V=0, bit 8 set and the swap slot in the frame-number field. "
                + "The root table is at %s. These are all the non-zero PTEs in memory:%n", shape(g), levelList(g), g.pteBytes(), Sizes.hex(built.rootPa())));
        q.append(dump(g, built.memory()));
        q.append("The kernel's view: ");
        for (PageTableSpec.VmRegion r : spec.regions()) q.append("region ").append(r.range()).append(' ').append(letters(r.flags())).append("; ");
        for (PageTableSpec.Swapped s : spec.swapped()) q.append("page ").append(Sizes.hex(s.vpn() << g.pageBits())).append(" is in swap slot ").append(s.slot()).append("; ");
        q.setLength(q.length() - 2);
        q.append(String.format(Locale.ROOT, ".%nA user program does a %s at %s. What physical address does it reach, or which fault (minor, major, invalid) does the kernel take?",
                Access.name(access), Sizes.hex(va)));
        Translation t = Translator.translate(g, va, access, spec);
        String a = t.outcome() instanceof Translation.Mapped m ? "physical address " + Sizes.hex(m.physical())
                : t.outcome() instanceof Translation.Faulted f ? f.kind().label() + " fault (" + f.why() + ")" : "";
        Check c = t.outcome() instanceof Translation.Mapped m ? Check.hex("physical address", m.physical())
                : Check.word("fault kind", t.outcome() instanceof Translation.Faulted f && f.kind() != dev.vitrine.lab.FaultKind.INVALID ? f.kind().label() : "fault");
        return new Exercise("translate", q.toString(), a, TranslationReport.text(t), TranslationReport.json(t), List.of(c));
    }

    private static long pickAddress(Geometry g, PageTableSpec spec, SplittableRandom rnd) {
        int roll = rnd.nextInt(10);
        long offset = rnd.nextLong(g.pageSize());
        if (roll < 6 && !spec.maps().isEmpty()) return (spec.maps().get(rnd.nextInt(spec.maps().size())).vpn() << g.pageBits()) | offset;
        if (roll < 8 && !spec.swapped().isEmpty()) return (spec.swapped().get(rnd.nextInt(spec.swapped().size())).vpn() << g.pageBits()) | offset;
        if (roll < 9) {
            Region r = spec.regions().get(rnd.nextInt(spec.regions().size())).range();
            return r.first() + (rnd.nextLong((r.last() - r.first()) / g.pageSize() + 1) << g.pageBits()) + offset;
        }
        return rnd.nextLong(g.userTop()); // anywhere: most likely outside every region
    }

    /** Every non-zero entry, grouped by the table (page) it lies in. */
    static String dump(Geometry g, PhysicalMemory mem) {
        StringBuilder s = new StringBuilder();
        long lastTable = -1;
        for (long pa = 0; pa + g.pteBytes() <= mem.size(); pa += g.pteBytes()) {
            long pte = mem.readPte(pa, g.pteBytes());
            if (pte == 0) continue;
            long table = pa & ~g.pageMask();
            if (table != lastTable) {
                s.append("  page at ").append(Sizes.hex(table)).append(":\n");
                lastTable = table;
            }
            s.append(String.format(Locale.ROOT, "    %s: 0x%0" + 2 * g.pteBytes() + "x%n", Sizes.hex(pa), pte));
        }
        return s.toString();
    }

    static Exercise tableSize(SplittableRandom rnd, QuizOptions o) {
        Geometry g = randomGeometry(rnd, o);
        while (o.geometry() == null && g.levels() < 2 && g.vaBits() - g.pageBits() >= 2) g = randomGeometry(rnd, o);
        List<Region> regions = new ArrayList<>();
        long top = g.vaBits() == 64 ? 0 : g.userTop();
        long low = g.pageSize() * (1 + rnd.nextInt(64));
        long lowSize = g.pageSize() * (1 + rnd.nextInt(256)), stack = g.pageSize() * (1 + rnd.nextInt(64));
        regions.add(new Region(low, low + lowSize - 1));
        regions.add(new Region(top - stack, top - 1));
        GeometryReport r = GeometryReport.of(g, null, regions, 64);
        String q = String.format(Locale.ROOT, "A machine has %s (index bits %s) and %d-byte PTEs. A process maps %s (code, data, heap) and %s (stack). "
                        + "(a) How big would a single-level page table be? (b) How many tables of each level does the multi-level table need, and how many bytes in all?",
                shape(g), levelList(g), g.pteBytes(), regions.get(0), regions.get(1));
        TableSizes.MultiLevel m = TableSizes.multiLevel(g, regions, r.entryBytes());
        String a = String.format(Locale.ROOT, "(a) %s; (b) %s tables, %s", exact(TableSizes.singleLevelBytes(g, g.pteBytes())),
                hexless(m.tables()), exact(m.total()));
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("single-level table bytes", TableSizes.singleLevelBytes(g, g.pteBytes()).toString(), 0));
        for (int l = 0; l < g.levels(); l++) checks.add(Check.of("level " + l + " tables", m.tables()[l]));
        checks.add(new Check("multi-level bytes", m.total().toString(), 0));
        return new Exercise("tablesize", q, a, r.text(), r.json(), checks);
    }

    /** A size in its unit, and in bytes when the unit does not say it in one number ("1 KiB + 896 bytes = 1920 bytes"). */
    private static String exact(java.math.BigInteger b) {
        String s = Sizes.bytes(b);
        return s.contains("+") ? s + " = " + b + " bytes" : s;
    }

    private static String levelList(Geometry g) {
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < g.levels(); l++) s.append(l == 0 ? "" : "+").append(g.levelBits(l));
        return s.toString();
    }

    private static String hexList(long[] v) {
        StringBuilder s = new StringBuilder();
        for (long x : v) s.append(s.length() == 0 ? "" : ", ").append(Sizes.hex(x));
        return s.toString();
    }

    private static String hexless(long[] v) {
        StringBuilder s = new StringBuilder();
        for (long x : v) s.append(s.length() == 0 ? "" : " + ").append(x);
        return s.toString();
    }

    private static String letters(long f) {
        return "" + ((f & Pte.R) != 0 ? 'r' : '-') + ((f & Pte.W) != 0 ? 'w' : '-') + ((f & Pte.X) != 0 ? 'x' : '-');
    }

    static Map<String, Object> noValues() { return Json.object(); }
}
