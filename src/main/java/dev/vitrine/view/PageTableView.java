package dev.vitrine.view;

import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.PageInfo;
import dev.vitrine.mm.PageTable;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;
import dev.vitrine.trace.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A process's page table as it is in physical memory: every present entry of every level,
 * depth first; a table entry names the frame of the next table, a leaf its page's frame (or
 * swap slot) with the hardware flags, what the kernel knows of it (copy-on-write, file page,
 * swapped), its VMA and how many PTEs map its frame. Runs of like leaves print as one line.
 */
public record PageTableView(int pid, String comm, Geometry geometry, long rootFrame, int tableFrames, int pageBits,
                            List<Entry> entries) implements View {

    /** One present entry: a pointer to a lower table ({@code page} null) or a leaf. */
    public record Entry(int level, long index, long va, long pte, long frame, PageInfo page) {
        public boolean leaf() { return page != null; }
    }

    /** Leaves this many or more alike in a row print as one line. */
    static final int RUN = 3;

    public static PageTableView of(int pid, String comm, AddressSpace as) {
        Geometry g = as.geometry();
        List<Entry> out = new ArrayList<>();
        walk(as, g, as.frames().memory(), as.pageTable().rootPa(), 0, 0, out);
        return new PageTableView(pid, comm, g, as.pageTable().rootPa() >>> g.pageBits(), as.pageTable().tableFrames(),
                g.pageBits(), List.copyOf(out));
    }

    private static void walk(AddressSpace as, Geometry g, PhysicalMemory mem, long table, int level, long base, List<Entry> out) {
        long n = 1L << g.levelBits(level);
        boolean last = level == g.levels() - 1;
        for (long i = 0; i < n; i++) {
            long pte = mem.readPte(table + i * g.pteBytes(), g.pteBytes());
            long va = base + (i << g.shift(level));
            if (Pte.valid(pte) && !Pte.leaf(pte) && !last) {
                out.add(new Entry(level, i, va, pte, Pte.ppn(pte), null));
                walk(as, g, mem, Pte.ppn(pte) << g.pageBits(), level + 1, va, out);
            } else if (Pte.valid(pte) || (last && (PageTable.holdsFrame(pte) || PageTable.isSwap(pte)))) {
                PageInfo p = as.page(va);
                if (p != null) out.add(new Entry(level, i, va, pte, p.frame(), p));
            }
        }
    }

    @Override public String kind() { return "pagetable"; }

    /** V R W X U G A D in the spec's order, '-' for a clear bit. */
    static String flags(long pte) {
        char[] c = "VRWXUGAD".toCharArray();
        long[] bits = {Pte.V, Pte.R, Pte.W, Pte.X, Pte.U, Pte.G, Pte.A, Pte.D};
        for (int i = 0; i < bits.length; i++) if ((pte & bits[i]) == 0) c[i] = '-';
        return new String(c);
    }

    /** What the kernel knows beyond the bits: cow, swapped, file, shmem, prot_none. */
    static List<String> marks(PageInfo p) {
        List<String> m = new ArrayList<>();
        if (p.swapped()) m.add("swapped");
        if (p.cow()) m.add("cow");
        if (p.protNone()) m.add("prot_none");
        if (p.shmem()) m.add("shmem");
        else if (p.pageCache()) m.add("file");
        return m;
    }

    static String vma(Vma v) {
        if (v == null) return "(no vma)";
        String name = v.name() != null && !v.name().isEmpty() ? v.name() : v.file() != null ? v.file().name() : "";
        return String.format("%x-%x %s%c%s", v.start(), v.end(), Prot.string(v.prot()), v.shared() ? 's' : 'p',
                name.isEmpty() ? "" : " " + name);
    }

    /** Leaves that print alike: same level, flags, marks, sharing and area, at consecutive addresses. */
    private static boolean alike(Entry a, Entry b, long span) {
        if (!a.leaf() || !b.leaf() || a.level() != b.level() || b.va() != a.va() + span) return false;
        PageInfo p = a.page(), q = b.page();
        return flags(a.pte()) .equals(flags(b.pte())) && marks(p).equals(marks(q)) && p.mapCount() == q.mapCount()
                && p.vma() == q.vma();
    }

    /** The entries grouped into runs (a run of one is a single entry). */
    List<List<Entry>> runs() {
        List<List<Entry>> out = new ArrayList<>();
        for (Entry e : entries) {
            List<Entry> last = out.isEmpty() ? null : out.get(out.size() - 1);
            long span = 1L << (pageBits + levelShift(e.level()));
            if (last != null && alike(last.get(last.size() - 1), e, span)) last.add(e);
            else out.add(new ArrayList<>(List.of(e)));
        }
        // Short runs print entry by entry.
        List<List<Entry>> split = new ArrayList<>();
        for (List<Entry> r : out) {
            if (r.size() >= RUN) split.add(r);
            else for (Entry e : r) split.add(List.of(e));
        }
        return split;
    }

    private int levelShift(int level) { return geometry.shift(level) - geometry.pageBits(); }

    @Override public String text(boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("page table of pid %d (%s): %s, root frame 0x%x, %d table frame%s%n", pid, comm, geometry.name(),
                rootFrame, tableFrames, tableFrames == 1 ? "" : "s"));
        for (List<Entry> run : runs()) {
            Entry e = run.get(0);
            String indent = "  ".repeat(e.level() + 1);
            if (!e.leaf()) {
                sb.append(String.format("%sL%d[%3d] va %#x: table at frame 0x%x%n", indent, e.level(), e.index(), e.va(), e.frame()));
                continue;
            }
            PageInfo p = e.page();
            String where = run.size() == 1 ? String.format("va %#x", e.va())
                    : String.format("va %#x-%#x (%d pages)", e.va(), run.get(run.size() - 1).va() + (1L << pageBits) - 1, run.size());
            String target = p.swapped() ? String.format("swap slot %d", p.swapSlot()) + (run.size() > 1 ? "..." : "")
                    : run.size() == 1 ? String.format("frame 0x%x", p.frame()) : frames(run);
            List<String> m = marks(p);
            String markText = m.isEmpty() ? "" : " " + String.join(",", m);
            String line = String.format("%sL%d[%3d] %s -> %s  %s%s  maps %d  vma %s", indent, e.level(), e.index(), where, target,
                    flags(e.pte()), markText, p.mapCount(), vma(p.vma()));
            String ansi = p.swapped() ? Palette.ANSI_DIM : p.cow() ? Palette.ANSI_COW : p.mapCount() > 1 ? Palette.ANSI_SHARED : null;
            sb.append(ansi == null ? line : Palette.paint(color, ansi, line)).append('\n');
        }
        return sb.toString();
    }

    /** A run's frames: a range when they are consecutive, else the first and last. */
    private static String frames(List<Entry> run) {
        long first = run.get(0).frame(), last = run.get(run.size() - 1).frame();
        boolean consecutive = true;
        for (int i = 1; i < run.size(); i++) consecutive &= run.get(i).frame() == first + i;
        return consecutive ? String.format("frames 0x%x-0x%x", first, last) : String.format("frames 0x%x..0x%x (not consecutive)", first, last);
    }

    @Override public Map<String, Object> json() {
        Map<String, Object> o = Json.object();
        o.put("view", kind());
        o.put("pid", pid);
        o.put("comm", comm);
        o.put("geometry", geometry.name());
        o.put("root_frame", rootFrame);
        o.put("table_frames", tableFrames);
        List<Object> list = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> x = Json.object();
            x.put("level", e.level());
            x.put("index", e.index());
            x.put("va", e.va());
            x.put("pte", e.pte());
            if (!e.leaf()) {
                x.put("table_frame", e.frame());
            } else {
                PageInfo p = e.page();
                if (p.swapped()) x.put("swap_slot", p.swapSlot());
                else x.put("frame", p.frame());
                x.put("flags", flags(e.pte()));
                x.put("marks", List.copyOf(marks(p)));
                x.put("map_count", p.mapCount());
                x.put("vma", vma(p.vma()));
            }
            list.add(x);
        }
        o.put("entries", list);
        return o;
    }

    @Override public Svg.Fragment svg() {
        StringBuilder b = new StringBuilder();
        int y = 0, width = 0;
        b.append(Svg.text(0, 12, String.format("page table of pid %d (%s), %s, root frame 0x%x", pid, comm, geometry.name(), rootFrame), "#000000"));
        y += Svg.LINE_H + 4;
        for (List<Entry> run : runs()) {
            Entry e = run.get(0);
            int x = e.level() * 24;
            String label;
            String fill;
            if (!e.leaf()) {
                label = String.format("L%d[%d] va %#x -> table frame 0x%x", e.level(), e.index(), e.va(), e.frame());
                fill = "#dddddd";
            } else {
                PageInfo p = e.page();
                String where = run.size() == 1 ? String.format("%#x", e.va()) : String.format("%#x +%d pages", e.va(), run.size());
                String target = p.swapped() ? "swap " + p.swapSlot() : run.size() == 1 ? String.format("0x%x", p.frame()) : frames(run);
                List<String> m = marks(p);
                label = String.format("L%d[%d] %s -> %s %s %s maps %d", e.level(), e.index(), where, target, flags(e.pte()),
                        String.join(",", m), p.mapCount());
                fill = p.swapped() ? Palette.HEX_SWAP : p.cow() ? Palette.HEX_COW : p.mapCount() > 1 ? Palette.HEX_SHARED
                        : p.pageCache() ? Palette.HEX_CACHE : Palette.hexPid(pid);
            }
            int w = label.length() * Svg.CHAR_W + 8;
            b.append(Svg.rect(x, y, w, Svg.LINE_H, fill, e.leaf() ? vma(e.page().vma()) : null));
            b.append(Svg.text(x + 4, y + 12, label, "#000000"));
            width = Math.max(width, x + w);
            y += Svg.LINE_H + 2;
        }
        return new Svg.Fragment(b.toString(), width, y);
    }
}
