package dev.vitrine.serve;

import dev.vitrine.trace.Event;
import dev.vitrine.trace.Json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the page's timeline, syscall log and counters show of the event stream: the last
 * {@link #KEEP} events and syscall lines, each numbered so a page that missed some can tell,
 * and a tally per kind since the start. Fed on the machine's thread, read there too.
 */
public final class EventLog {
    static final int KEEP = 400;

    private final ArrayDeque<Map<String, Object>> events = new ArrayDeque<>();
    private final ArrayDeque<Map<String, Object>> syscalls = new ArrayDeque<>();
    private final TreeMap<String, Long> tally = new TreeMap<>();
    private long seq;
    private Event.Cow lastCow;

    void add(Event e) {
        String kind = e instanceof Event.Proc p ? p.op() : e instanceof Event.Fault f ? "fault_" + f.kind() : e.type();
        tally.merge(kind, 1L, Long::sum);
        if (e instanceof Event.Counters || e instanceof Event.SyscallEnter) return;
        if (e instanceof Event.Cow c) lastCow = c;
        Map<String, Object> o = Json.object();
        o.put("seq", ++seq);
        o.put("ns", e.ns());
        o.put("pid", e.pid());
        o.put("tid", e.tid());
        o.put("type", e instanceof Event.Proc p ? p.op() : e.type());
        if (e instanceof Event.SyscallExit s) {
            o.put("text", s.text());
            o.put("sleeping", s.sleeping());
            push(syscalls, o);
            Map<String, Object> brief = Json.object();
            brief.putAll(o);
            brief.remove("text");
            brief.put("name", s.name());
            push(events, brief);
            return;
        }
        for (var f : e.fields().entrySet()) o.putIfAbsent(f.getKey(), f.getValue());
        push(events, o);
    }

    private static void push(ArrayDeque<Map<String, Object>> q, Map<String, Object> o) {
        q.addLast(o);
        if (q.size() > KEEP) q.removeFirst();
    }

    List<Map<String, Object>> events() { return new ArrayList<>(events); }
    List<Map<String, Object>> syscalls() { return new ArrayList<>(syscalls); }
    Map<String, Long> tally() { return new TreeMap<>(tally); }
    long count(String kind) { return tally.getOrDefault(kind, 0L); }
    Event.Cow lastCow() { return lastCow; }
}
