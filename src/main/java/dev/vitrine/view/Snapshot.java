package dev.vitrine.view;

import dev.vitrine.trace.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The views taken at one moment of a run, and that moment in words ("exit of pid 2", "cow:1 in pid 3"). */
public record Snapshot(String moment, long instret, List<View> views) {
    public String text(boolean color) {
        StringBuilder sb = new StringBuilder("== at " + moment + ", instruction " + instret + " ==\n");
        for (View v : views) sb.append(v.text(color)).append('\n');
        return sb.toString();
    }

    public String json() {
        Map<String, Object> o = Json.object();
        o.put("moment", moment);
        o.put("instret", instret);
        List<Object> vs = new ArrayList<>();
        for (View v : views) vs.add(v.json());
        o.put("views", vs);
        return Json.write(o) + "\n";
    }

    public String svg() {
        List<Svg.Fragment> parts = new ArrayList<>();
        for (View v : views) parts.add(v.svg());
        return Svg.document("Vitrine at " + moment + ", instruction " + instret, parts);
    }

    /** The first view of one kind, or null. */
    public View view(String kind) {
        for (View v : views) if (v.kind().equals(kind)) return v;
        return null;
    }

    /** The page table view of {@code pid}, or null. */
    public PageTableView pageTable(int pid) {
        for (View v : views) if (v instanceof PageTableView p && p.pid() == pid) return p;
        return null;
    }
}
