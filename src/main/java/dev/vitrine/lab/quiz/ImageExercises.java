package dev.vitrine.lab.quiz;

import dev.vitrine.lab.GeometrySpec;
import dev.vitrine.lab.ImageReport;
import dev.vitrine.lab.ImageWalk;
import dev.vitrine.lab.MemoryImage;
import dev.vitrine.lab.SegmentReport;
import dev.vitrine.lab.SegmentSim;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.trace.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Exercises on base and bounds, segments, and page tables held in a dumped memory image. */
final class ImageExercises {
    private ImageExercises() {}

    static Exercise segment(SplittableRandom rnd, QuizOptions o) {
        boolean segs = o.policy() != null ? o.policy().strip().toLowerCase(Locale.ROOT).startsWith("seg") : o.difficulty() != QuizOptions.Difficulty.EASY && rnd.nextBoolean();
        long asize = 1L << (o.difficulty().pick(8, 10, 12) + rnd.nextInt(3));
        long psize = asize << (3 + rnd.nextInt(3));
        int count = o.difficulty().pick(4, 5, 8);
        SegmentSim.Setup s;
        if (!segs) {
            long limit = asize / 4 + rnd.nextLong(asize / 4 + 1);
            s = new SegmentSim.Setup(asize, psize, 0, List.of(new SegmentSim.Segment(rnd.nextLong(psize - limit), limit, false)));
        } else {
            long half = asize / 2, l0 = asize / 4 + rnd.nextLong(asize / 4), l1 = asize / 4 + rnd.nextLong(asize / 4);
            long b0 = rnd.nextLong(psize / 2 - l0), top1 = psize / 2 + l1 + rnd.nextLong(psize / 2 - l1);
            s = new SegmentSim.Setup(asize, psize, 1, List.of(new SegmentSim.Segment(b0, Math.min(l0, half), false), new SegmentSim.Segment(top1, Math.min(l1, half), true)));
        }
        List<SegmentSim.Result> rs = new ArrayList<>();
        for (int i = 0; i < count; i++) rs.add(SegmentSim.translate(s, rnd.nextLong(asize)));
        StringBuilder q = new StringBuilder();
        if (!segs) {
            q.append(String.format(Locale.ROOT, "A process has a %d-byte address space, relocated by a base register of %d with a bounds (limit) register of %d, in %d bytes of physical memory.",
                    asize, s.segments().get(0).base(), s.segments().get(0).limit(), psize));
        } else {
            q.append(String.format(Locale.ROOT, "A process has a %d-byte address space in two segments: the top address bit picks one. Segment 0 (code and heap) grows up from base %d with limit %d; "
                            + "segment 1 (the stack) grows down: its base %d is its top, and it holds the last %d bytes of the address space (negative offsets from the base). Physical memory is %d bytes.",
                    asize, s.segments().get(0).base(), s.segments().get(0).limit(), s.segments().get(1).base(), s.segments().get(1).limit(), psize));
        }
        q.append(" For each virtual address (decimal) give the physical address, or say it is a segmentation violation: ");
        for (int i = 0; i < rs.size(); i++) q.append(i == 0 ? "" : ", ").append(rs.get(i).va());
        q.append('.');
        StringBuilder a = new StringBuilder();
        List<Check> checks = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        for (SegmentSim.Result r : rs) {
            a.append(a.length() == 0 ? "" : "; ").append(r.va()).append(" -> ").append(r.valid() ? Long.toString(r.pa()) : "violation");
            checks.add(r.valid() ? Check.of(r.va() + " -> physical", r.pa()) : Check.word(r.va() + " -> violation", "fault"));
            vals.add(SegmentReport.json(s, r));
        }
        Map<String, Object> v = Json.object();
        v.put("results", vals);
        return new Exercise("segment", q.toString(), a.toString(), SegmentReport.text(s, rs), v, checks);
    }

    /** OSTEP's own geometry for these problems: 15-bit addresses, 32-byte pages, 5+5 index bits, one-byte entries. */
    static final Geometry OSTEP = GeometrySpec.build(null, 15, "32", "5,5", null, null);

    /**
     * In the manner of paging-multilevel-translate.py: a physical memory of 128 pages (32 when
     * easy, fewer for big pages) holding one process's tables and pages, empty entries 0x7f-style (valid
     * clear, frame bits set), data pages of small random bytes; then addresses to translate,
     * about half of them mapped.
     */
    static Exercise memdump(SplittableRandom rnd, QuizOptions o) {
        Geometry g = o.geometry();
        if (g == null) {
            int levels = o.difficulty().pick(1, 2, 3);
            g = levels == 2 ? OSTEP : levels == 1 ? GeometrySpec.build(null, 10, "32", "5", null, null) : GeometrySpec.build(null, 20, "32", "5,5,5", null, null);
        }
        if (g.pageSize() > 4096) throw new IllegalArgumentException("memdump: pages of at most 4 KiB (the image is printed)");
        int frames = (int) Math.max(8, Math.min(o.difficulty().pick(32, 128, 128), 65536 / g.pageSize()));
        int pfnBits = 32 - Integer.numberOfLeadingZeros(frames - 1);
        int entryBytes = (pfnBits + 1 + 7) / 8;
        for (int l = 0; l < g.levels(); l++)
            if ((1L << g.levelBits(l)) * entryBytes > g.pageSize())
                throw new IllegalArgumentException("memdump: a table of level " + l + " (" + (1L << g.levelBits(l)) + " entries of " + entryBytes + " bytes) does not fit in a page of " + g.pageSize());
        long invalid = (1L << (8 * entryBytes - 1)) - 1;
        byte[] mem = new byte[frames * (int) g.pageSize()];
        boolean[] used = new boolean[frames];
        if (g.vaBits() > 48) throw new IllegalArgumentException("memdump: at most 48-bit addresses (the addresses are drawn from the whole space)");
        long vpages = 1L << (g.vaBits() - g.pageBits());
        int mapped = (int) Math.min(vpages / 2, Math.max(1, o.difficulty().pick(frames / 8, frames / 4, frames / 3)));
        int pdbr = free(rnd, used);
        fill(mem, pdbr, g, entryBytes, invalid);
        List<Long> vps = new ArrayList<>();
        for (int k = 0; k < mapped && countFree(used) > g.levels(); k++) {
            long vp;
            do vp = rnd.nextLong(vpages); while (vps.contains(vp));
            vps.add(vp);
            long table = pdbr;
            for (int l = 0; l < g.levels(); l++) {
                long at = (table << g.pageBits()) + g.index(vp << g.pageBits(), l) * entryBytes;
                long e = read(mem, at, entryBytes);
                boolean valid = (e >>> (8 * entryBytes - 1) & 1) == 1;
                long next;
                if (valid) {
                    next = e & invalid;
                } else {
                    next = free(rnd, used);
                    write(mem, at, entryBytes, (1L << (8 * entryBytes - 1)) | next);
                    if (l < g.levels() - 1) fill(mem, (int) next, g, entryBytes, invalid);
                    else for (int b = 0; b < g.pageSize(); b++) mem[(int) (next * g.pageSize()) + b] = (byte) rnd.nextInt(31);
                }
                table = next;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < frames; p++) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "page %3d:", p));
            for (int i = 0; i < g.pageSize(); i++) b.append(String.format(Locale.ROOT, "%02x", mem[p * (int) g.pageSize() + i] & 0xff));
            lines.add(b.toString());
        }
        MemoryImage image = MemoryImage.parse(lines, (int) g.pageSize(), "memdump");
        int count = o.difficulty().pick(4, 6, 10);
        List<ImageWalk> walks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long va = rnd.nextBoolean() && !vps.isEmpty() ? (vps.get(rnd.nextInt(vps.size())) << g.pageBits()) | rnd.nextLong(g.pageSize()) : rnd.nextLong(1L << g.vaBits());
            if (g.signExtended()) va = (va << (64 - g.vaBits())) >> (64 - g.vaBits()); // canonical, as sv39/sv48 want
            walks.add(ImageWalk.walk(g, image, pdbr, ImageWalk.PteFormat.OSTEP, entryBytes, va));
        }
        StringBuilder q = new StringBuilder(String.format(Locale.ROOT,
                "A machine has %d-bit virtual addresses, %d-byte pages and a %d-level page table (index bits %s, the top level first). "
                        + "Each table entry is %d byte%s: the top bit is valid, the other bits the frame number. "
                        + "The page directory base register (PDBR) holds frame %d. Physical memory (page N: its bytes in hex):%n%s",
                g.vaBits(), g.pageSize(), g.levels(), levels(g), entryBytes, entryBytes == 1 ? "" : "s", pdbr, String.join("\n", lines)));
        q.append("\nFor each virtual address, give the physical address and the byte there, or say which entry is not valid: ");
        for (int i = 0; i < walks.size(); i++) q.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "0x%04x", walks.get(i).va()));
        q.append('.');
        StringBuilder a = new StringBuilder(), w = new StringBuilder();
        List<Check> checks = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        for (ImageWalk iw : walks) {
            String va = String.format(Locale.ROOT, "0x%04x", iw.va());
            if (iw.fault() == null) {
                a.append(a.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s -> 0x%x, value 0x%02x", va, iw.pa(), iw.value()));
                checks.add(Check.hex(va + " -> physical", iw.pa()));
                checks.add(Check.hex(va + " -> value", iw.value()));
            } else {
                a.append(a.length() == 0 ? "" : "; ").append(va).append(" -> fault (").append(iw.fault()).append(')');
                checks.add(Check.word(va + " -> fault", "fault"));
            }
            w.append(ImageReport.text(g, iw, entryBytes));
            vals.add(ImageReport.json(iw));
        }
        Map<String, Object> v = Json.object();
        v.put("pdbr", pdbr);
        v.put("results", vals);
        return new Exercise("memdump", q.toString(), a.toString(), w.toString(), v, checks);
    }

    private static String levels(Geometry g) {
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < g.levels(); l++) s.append(l == 0 ? "" : "+").append(g.levelBits(l));
        return s.toString();
    }

    private static int free(SplittableRandom rnd, boolean[] used) {
        int f;
        do f = rnd.nextInt(used.length); while (used[f]);
        used[f] = true;
        return f;
    }

    private static int countFree(boolean[] used) {
        int n = 0;
        for (boolean u : used) if (!u) n++;
        return n;
    }

    private static void fill(byte[] mem, int frame, Geometry g, int entryBytes, long value) {
        for (long at = (long) frame * g.pageSize(); at < (frame + 1L) * g.pageSize(); at += entryBytes) write(mem, at, entryBytes, value);
    }

    private static long read(byte[] mem, long at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) v = (v << 8) | (mem[(int) at + i] & 0xff);
        return v;
    }

    private static void write(byte[] mem, long at, int n, long v) {
        for (int i = n - 1; i >= 0; i--) {
            mem[(int) at + i] = (byte) v;
            v >>>= 8;
        }
    }
}
