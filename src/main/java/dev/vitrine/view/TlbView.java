package dev.vitrine.view;

import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.Tlb;
import dev.vitrine.mmu.TlbConfig;
import dev.vitrine.trace.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The TLB's entries as the MMU holds them: per side (instruction and data, or one unified),
 * each valid entry's set and way, ASID, tag (the virtual page), frame, size, flags, and its
 * place in the set's replacement order (0 = the entry the policy keeps longest: most recently
 * used for LRU, newest fill for FIFO; RANDOM keeps no order). {@code pid}, when not 0, keeps
 * only the entries that process's ASID tags (and global ones).
 */
public record TlbView(String config, String policy, boolean asidTagged, int currentAsid, int pid, List<Side> sides) implements View {

    public record Side(String name, int sets, int ways, List<Entry> entries) {}

    public record Entry(int set, int way, int asid, long vpn, long ppn, long pages, int perms, int age) {}

    public static TlbView of(Mmu mmu, int pid) {
        TlbConfig c = mmu.tlbConfig();
        List<Side> sides = new ArrayList<>();
        boolean unified = mmu.fetchTlb() == mmu.dataTlb();
        sides.add(side(unified ? "unified" : "instruction", mmu.fetchTlb(), pid));
        if (!unified) sides.add(side("data", mmu.dataTlb(), pid));
        String cfg = c.entries() + " entries, " + (c.ways() == c.entries() ? "fully associative" : c.ways() + "-way");
        return new TlbView(cfg, c.policy().name().toLowerCase(), c.asidTagged(), mmu.asid(), pid, List.copyOf(sides));
    }

    private static Side side(String name, Tlb t, int pid) {
        List<Entry> out = new ArrayList<>();
        int ways = t.ways(), sets = t.sets();
        for (int slot = 0; slot < t.size(); slot++) {
            if (!t.valid(slot)) continue;
            if (pid != 0 && t.asid(slot) != pid && t.asid(slot) != Tlb.ANY_ASID) continue;
            int base = slot - slot % ways, age = 0;
            for (int i = base; i < base + ways; i++) if (i != slot && t.valid(i) && t.stamp(i) > t.stamp(slot)) age++;
            if (t.policy() == TlbConfig.Policy.RANDOM) age = -1;
            long vpn = t.vpn(slot);
            out.add(new Entry(slot / ways, slot % ways, t.asid(slot), vpn, t.ppnFor(slot, vpn), t.pages(slot), t.perms(slot), age));
        }
        return new Side(name, sets, ways, List.copyOf(out));
    }

    @Override public String kind() { return "tlb"; }

    @Override public String text(boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("TLB: %s, %s, %s; current ASID %d%s%n", config, policy,
                asidTagged ? "ASID-tagged" : "flushed on switch", currentAsid, pid != 0 ? "; entries of pid " + pid : ""));
        for (Side s : sides) {
            sb.append(String.format("%s side: %d sets x %d ways, %d valid%n", s.name(), s.sets(), s.ways(), s.entries().size()));
            if (s.entries().isEmpty()) continue;
            sb.append(String.format("  %4s %4s %5s %14s %10s %6s %8s %s%n", "set", "way", "asid", "va (tag)", "frame", "pages", "flags",
                    policy.equals("random") ? "" : policy + " age"));
            for (Entry e : s.entries()) {
                String line = String.format("  %4d %4d %5s %#14x %#10x %6d %8s %s", e.set(), e.way(), e.asid() == Tlb.ANY_ASID ? "G" : Integer.toString(e.asid()),
                        e.vpn() << 12, e.ppn(), e.pages(), PageTableView.flags(e.perms()), e.age() < 0 ? "" : Integer.toString(e.age()));
                sb.append(color && e.asid() > 0 ? Palette.paint(true, Palette.ansiPid(e.asid()), line) : line).append('\n');
            }
        }
        return sb.toString();
    }

    @Override public Map<String, Object> json() {
        Map<String, Object> o = Json.object();
        o.put("view", kind());
        o.put("config", config);
        o.put("policy", policy);
        o.put("asid_tagged", asidTagged);
        o.put("current_asid", currentAsid);
        if (pid != 0) o.put("pid", pid);
        List<Object> ss = new ArrayList<>();
        for (Side s : sides) {
            Map<String, Object> x = Json.object();
            x.put("side", s.name());
            x.put("sets", s.sets());
            x.put("ways", s.ways());
            List<Object> es = new ArrayList<>();
            for (Entry e : s.entries()) {
                Map<String, Object> y = Json.object();
                y.put("set", e.set());
                y.put("way", e.way());
                y.put("asid", e.asid());
                y.put("va", e.vpn() << 12);
                y.put("frame", e.ppn());
                y.put("pages", e.pages());
                y.put("flags", PageTableView.flags(e.perms()));
                if (e.age() >= 0) y.put("age", e.age());
                es.add(y);
            }
            x.put("entries", es);
            ss.add(x);
        }
        o.put("sides", ss);
        return o;
    }

    @Override public Svg.Fragment svg() {
        int cw = 150, ch = 18, y = 0, width = 0;
        StringBuilder b = new StringBuilder(Svg.text(0, 12, "TLB: " + config + ", " + policy, "#000000"));
        y += 20;
        for (Side s : sides) {
            b.append(Svg.text(0, y + 12, s.name() + " side", "#000000"));
            y += 18;
            Entry[][] grid = new Entry[Math.max(s.sets(), 1)][Math.max(s.ways(), 1)];
            for (Entry e : s.entries()) grid[e.set()][e.way()] = e;
            int cols = Math.min(s.ways(), 8);
            for (int set = 0; set < grid.length; set++) {
                for (int way = 0; way < grid[set].length; way++) {
                    Entry e = grid[set][way];
                    int slot = set * grid[set].length + way;
                    int x = (slot % cols) * cw, yy = y + (slot / cols) * ch;
                    String label = e == null ? "-" : String.format("%x->%x", e.vpn() << 12, e.ppn());
                    String fill = e == null ? Palette.HEX_FREE : e.asid() > 0 ? Palette.hexPid(e.asid()) : Palette.HEX_CACHE;
                    String title = e == null ? "set " + set + " way " + way + ": empty"
                            : String.format("set %d way %d: asid %d, %s, age %d", set, way, e.asid(), PageTableView.flags(e.perms()), e.age());
                    b.append(Svg.rect(x, yy, cw, ch, fill, title));
                    b.append(Svg.text(x + 3, yy + 13, label, "#000000"));
                    width = Math.max(width, x + cw);
                }
            }
            int slots = grid.length * grid[0].length;
            y += ((slots + cols - 1) / cols) * ch + 8;
        }
        return new Svg.Fragment(b.toString(), width, y);
    }
}
