package dev.vitrine.view;

import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.FrameAllocator;
import dev.vitrine.mm.PageInfo;
import dev.vitrine.mm.Pager;
import dev.vitrine.mm.ShmemFile;
import dev.vitrine.trace.Json;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Physical memory as WeensyOS draws it: one cell per frame, coloured by what holds it: a
 * process's private page (its pid), a page table (#, its owner's colour), a page shared
 * copy-on-write (C) or shared for good (S) between processes, a file's page-cache page
 * mapped (f) or only cached (c), shared anonymous memory (s), the kernel's (K), free (.). The
 * cells cover the frames ever handed out (0 to the allocator's high-water mark); the rest are free.
 */
public record FrameMapView(long frames, long pageSize, List<Cell> cells, Map<Integer, String> processes, long kernelPages)
        implements View {

    public enum Kind {
        FREE('.'), KERNEL('K'), TABLE('#'), PRIVATE('?'), COW('C'), SHARED('S'), FILE('f'), CACHE('c'), SHMEM('s');
        final char symbol;
        Kind(char c) { symbol = c; }
    }

    /** One frame: what holds it, the owning pid (-1: none or several), and how many PTEs map it. */
    public record Cell(Kind kind, int pid, int mapCount) {}

    static final int ROW = 64;

    /** {@code spaces}: each live address space and the pid it belongs to (threads share one). */
    public static FrameMapView of(FrameAllocator fa, Map<AddressSpace, Integer> spaces, Map<Integer, String> comms) {
        Pager pager = fa.pager();
        // Frames never handed out are free: cells stop at the allocator's high-water mark, so a
        // 16 GiB machine's map costs what it has touched, not 4 Mi cells.
        int n = (int) fa.touched();
        Map<Long, Integer> tables = new LinkedHashMap<>();
        for (Map.Entry<AddressSpace, Integer> e : spaces.entrySet())
            e.getKey().pageTable().tableFrames(f -> tables.put(f, e.getValue()));
        List<Cell> cells = new ArrayList<>(n);
        for (long f = 0; f < n; f++) cells.add(cell(fa, pager, spaces, tables, f));
        // The last used frame bounds the map; frames past it are all free.
        return new FrameMapView(fa.total(), 1L << fa.memory().pageBits(), List.copyOf(cells), Map.copyOf(comms), fa.reserved());
    }

    private static Cell cell(FrameAllocator fa, Pager pager, Map<AddressSpace, Integer> spaces, Map<Long, Integer> tables, long f) {
        if (fa.refCount(f) == 0) return new Cell(Kind.FREE, -1, 0);
        Integer owner = tables.get(f);
        if (owner != null) return new Cell(Kind.TABLE, owner, 0);
        List<Pager.Mapper> maps = pager.mappers(f);
        int pid = -1;
        boolean several = false, cow = false;
        for (Pager.Mapper m : maps) {
            Integer p = spaces.get(m.space());
            if (p == null) continue;
            if (pid != -1 && pid != p) several = true;
            pid = p;
            PageInfo info = m.space().page(m.va());
            cow |= info != null && info.cow();
        }
        int count = maps.size();
        if (pager.inPageCache(f)) {
            Kind k = pager.cachedFile(f) instanceof ShmemFile ? Kind.SHMEM : count > 0 ? Kind.FILE : Kind.CACHE;
            return new Cell(k, several ? -1 : pid, count);
        }
        if (count == 0) return new Cell(Kind.KERNEL, -1, 0);
        if (several) return new Cell(cow ? Kind.COW : Kind.SHARED, -1, count);
        return new Cell(cow && count > 1 ? Kind.COW : Kind.PRIVATE, pid, count);
    }

    @Override public String kind() { return "frames"; }

    /** The frames worth drawing: up to the last one in use. */
    private int shown() {
        int last = -1;
        for (int i = 0; i < cells.size(); i++) if (cells.get(i).kind() != Kind.FREE) last = i;
        return last + 1;
    }

    static char symbol(Cell c) {
        if (c.kind() != Kind.PRIVATE) return c.kind().symbol;
        String digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        return c.pid() >= 0 && c.pid() < digits.length() ? digits.charAt(c.pid()) : '+';
    }

    private static String ansi(Cell c) {
        return switch (c.kind()) {
            case FREE -> Palette.ANSI_FREE;
            case KERNEL -> Palette.ANSI_KERNEL;
            case PRIVATE, TABLE -> c.pid() > 0 ? Palette.ansiPid(c.pid()) : Palette.ANSI_SHARED;
            case COW -> Palette.ANSI_COW;
            case SHARED, SHMEM -> Palette.ANSI_SHARED;
            case FILE, CACHE -> c.pid() > 0 ? Palette.ansiPid(c.pid()) : Palette.ANSI_CACHE;
        };
    }

    static String hex(Cell c) {
        return switch (c.kind()) {
            case FREE -> Palette.HEX_FREE;
            case KERNEL -> Palette.HEX_KERNEL;
            case PRIVATE, TABLE -> c.pid() > 0 ? Palette.hexPid(c.pid()) : Palette.HEX_SHARED;
            case COW -> Palette.HEX_COW;
            case SHARED, SHMEM -> Palette.HEX_SHARED;
            case FILE, CACHE -> Palette.HEX_CACHE;
        };
    }

    /** Frames of each kind. */
    public Map<Kind, Long> counts() {
        Map<Kind, Long> m = new LinkedHashMap<>();
        for (Kind k : Kind.values()) m.put(k, 0L);
        for (Cell c : cells) m.merge(c.kind(), 1L, Long::sum);
        m.merge(Kind.FREE, frames - cells.size(), Long::sum);
        return m;
    }

    @Override public String text(boolean color) {
        StringBuilder sb = new StringBuilder();
        int shown = shown();
        sb.append(String.format("physical memory: %d frames of %d KiB; %d in use, %d shown%n", frames, pageSize >> 10,
                frames - counts().get(Kind.FREE), shown));
        for (int row = 0; row < shown; row += ROW) {
            sb.append(String.format("%06x ", row));
            for (int i = row; i < Math.min(row + ROW, shown); i++) {
                Cell c = cells.get(i);
                String s = String.valueOf(symbol(c));
                sb.append(color ? Palette.paint(true, ansi(c), s) : s);
            }
            sb.append('\n');
        }
        if (shown < frames) sb.append(String.format("frames 0x%x-0x%x: free%n", shown, frames - 1));
        sb.append(legend());
        return sb.toString();
    }

    private String legend() {
        StringBuilder sb = new StringBuilder("legend: ");
        List<String> parts = new ArrayList<>();
        processes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(symbol(new Cell(Kind.PRIVATE, e.getKey(), 1)) + " pid " + e.getKey() + " (" + e.getValue() + ")"));
        parts.add("# page table");
        parts.add("C copy-on-write shared");
        parts.add("S shared");
        parts.add("f file page mapped");
        parts.add("c file page cached");
        parts.add("s shared anonymous");
        parts.add("K kernel (tmpfs files, pipes)");
        parts.add(". free");
        sb.append(String.join(", ", parts)).append('\n');
        Map<Kind, Long> n = counts();
        sb.append(String.format("counts: private %d, page tables %d, cow %d, shared %d, file %d, cached %d, shmem %d, kernel %d, free %d",
                n.get(Kind.PRIVATE), n.get(Kind.TABLE), n.get(Kind.COW), n.get(Kind.SHARED), n.get(Kind.FILE), n.get(Kind.CACHE),
                n.get(Kind.SHMEM), n.get(Kind.KERNEL), n.get(Kind.FREE)));
        if (kernelPages > 0) sb.append(String.format("; %d more held by the kernel outside frames (tmpfs, pipes)", kernelPages));
        return sb.append('\n').toString();
    }

    @Override public Map<String, Object> json() {
        Map<String, Object> o = Json.object();
        o.put("view", kind());
        o.put("frames", frames);
        o.put("page_size", pageSize);
        Map<String, Object> procs = Json.object();
        processes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> procs.put(Integer.toString(e.getKey()), e.getValue()));
        o.put("processes", procs);
        Map<String, Object> counts = Json.object();
        counts().forEach((k, v) -> counts.put(k.name().toLowerCase(), v));
        o.put("counts", counts);
        o.put("kernel_pages", kernelPages);
        List<Object> used = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (c.kind() == Kind.FREE) continue;
            Map<String, Object> x = Json.object();
            x.put("frame", i);
            x.put("kind", c.kind().name().toLowerCase());
            if (c.pid() > 0) x.put("pid", c.pid());
            x.put("map_count", c.mapCount());
            used.add(x);
        }
        o.put("used", used);
        return o;
    }

    @Override public Svg.Fragment svg() {
        int cell = 10, shown = Math.max(shown(), 1);
        StringBuilder b = new StringBuilder(Svg.text(0, 12, String.format("physical memory: %d frames, %d shown", frames, shown), "#000000"));
        int top = 20;
        for (int i = 0; i < shown; i++) {
            Cell c = cells.get(i);
            String title = String.format("frame 0x%x: %s%s, %d mapping%s", i, c.kind().name().toLowerCase(),
                    c.pid() > 0 ? " pid " + c.pid() : "", c.mapCount(), c.mapCount() == 1 ? "" : "s");
            b.append(Svg.rect((i % ROW) * cell, top + (i / ROW) * cell, cell, cell, hex(c), title));
        }
        int y = top + ((shown + ROW - 1) / ROW) * cell + 16;
        for (String line : legend().split("\n")) {
            b.append(Svg.text(0, y, line, "#000000"));
            y += Svg.LINE_H;
        }
        return new Svg.Fragment(b.toString(), Math.max(ROW * cell, legend().lines().mapToInt(String::length).max().orElse(0) * Svg.CHAR_W), y);
    }

    /** Each live address space once, with the pid of the first process that uses it. */
    public static Map<AddressSpace, Integer> spaces(List<dev.vitrine.proc.Process> processes) {
        Map<AddressSpace, Integer> m = new IdentityHashMap<>();
        for (dev.vitrine.proc.Process p : processes) if (p.space() != null) m.putIfAbsent(p.space(), p.pid());
        return m;
    }
}
