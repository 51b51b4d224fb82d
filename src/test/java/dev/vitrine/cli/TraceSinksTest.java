package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.trace.Category;
import dev.vitrine.trace.Cost;
import dev.vitrine.trace.Costs;
import dev.vitrine.trace.JsonLines;
import dev.vitrine.trace.Perfetto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The event stream's sinks against the run's own counters: --trace, --trace-events, --perfetto, --trace-mem, and the cost model's clock. */
class TraceSinksTest {
    record Run(Machine.Result result, String stdout) {
        long stat(String key) { return ((Number) result.stats().get(key)).longValue(); }
    }

    static Run run(String guest, UnaryOperator<Machine.Builder> config) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Machine.Builder b = Machine.builder().stdout(out).stderr(err).tty(false).maxInstructions(500_000_000L);
        Machine.Result r = config.apply(b).build().run(CliGuests.build(guest), List.of(guest));
        assertEquals(0, r.exitStatus(), r.report() + err.toString(StandardCharsets.UTF_8));
        return new Run(r, out.toString(StandardCharsets.UTF_8));
    }

    static List<Map<String, Object>> lines(ByteArrayOutputStream out) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) continue;
            @SuppressWarnings("unchecked") Map<String, Object> e = (Map<String, Object>) new LabJsonTest.Parser(line).whole();
            events.add(e);
        }
        return events;
    }

    static long count(List<Map<String, Object>> events, String type, String field, Object value) {
        return events.stream().filter(e -> e.get("type").equals(type) && (field == null || value.equals(e.get(field)))).count();
    }

    @Test void eventCountsEqualTheStatsCounters() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        Run r = run("trace_pipeline", b -> b.trace(new JsonLines(trace, Category.ALL)));
        assertTrue(r.stdout().startsWith("read 102400 bytes, child status 0, signal 1"), r.stdout());
        List<Map<String, Object>> ev = lines(trace);
        assertEquals(r.stat("syscalls"), count(ev, "syscall_enter", null, null));
        assertEquals(r.stat("faults.minor"), count(ev, "fault", "kind", "minor"));
        assertEquals(r.stat("faults.major"), count(ev, "fault", "kind", "major"));
        assertEquals(r.stat("faults.invalid"), count(ev, "fault", "kind", "invalid"));
        assertEquals(r.stat("cow_copies"), count(ev, "cow", null, null));
        assertEquals(r.stat("sched.context_switches"), count(ev, "switch", null, null));
        assertEquals(r.stat("tlb.fetch.misses") + r.stat("tlb.data.misses"), count(ev, "tlb_miss", null, null));
        assertEquals(r.stat("walks"), count(ev, "walk", null, null));
        long pteReads = ev.stream().filter(e -> e.get("type").equals("walk")).mapToLong(e -> ((List<?>) e.get("ptes")).size()).sum();
        assertEquals(r.stat("pte_reads"), pteReads);
        assertEquals(1, count(ev, "proc", "op", "fork"));
        assertEquals(2, count(ev, "proc", "op", "exit"));
        assertEquals(1, count(ev, "proc", "op", "wait"));
        assertEquals(1, ev.stream().filter(e -> e.get("type").equals("signal") && "SIGUSR1".equals(e.get("name"))
                && "generated".equals(e.get("phase"))).count());
        assertTrue(ev.stream().anyMatch(e -> e.get("type").equals("signal") && "SIGUSR1".equals(e.get("name"))
                && "delivered".equals(e.get("phase")) && "handler".equals(e.get("action"))));
        long written = ev.stream().filter(e -> e.get("type").equals("pipe") && e.get("op").equals("write"))
                .mapToLong(e -> ((Number) e.get("bytes")).longValue()).sum();
        long read = ev.stream().filter(e -> e.get("type").equals("pipe") && e.get("op").equals("read"))
                .mapToLong(e -> ((Number) e.get("bytes")).longValue()).sum();
        assertEquals(102400, written);
        assertEquals(102400, read);
        assertTrue(ev.stream().anyMatch(e -> e.get("type").equals("pipe") && ((Number) e.get("fill")).longValue() == 65536),
                "the writer filled the pipe");
        assertTrue(ev.stream().anyMatch(e -> e.get("type").equals("switch") && "blocked".equals(e.get("reason"))));
        assertEquals(count(ev, "block", null, null), count(ev, "syscall_exit", "sleeping", "true"), "each sleeping syscall blocked once");
        // Virtual time never goes back.
        long t = 0;
        for (Map<String, Object> e : ev) {
            long ns = ((Number) e.get("ns")).longValue();
            assertTrue(ns >= t, "time went back at " + e);
            t = ns;
        }
    }

    @Test void traceEventsFilterKeepsOnlyTheNamedKinds() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        Run r = run("trace_pipeline", b -> b.trace(new JsonLines(trace, Category.parse("fault,switch"))));
        List<Map<String, Object>> ev = lines(trace);
        assertEquals(Set.of("fault", "switch"), new java.util.HashSet<>(ev.stream().map(e -> (String) e.get("type")).toList()));
        assertEquals(r.stat("sched.context_switches"), count(ev, "switch", null, null));
        assertThrows(IllegalArgumentException.class, () -> Category.parse("fault,bogus"));
    }

    @Test void aSameRunGivesTheSameTrace() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream(), b = new ByteArrayOutputStream();
        run("trace_pipeline", x -> x.trace(new JsonLines(a, Category.DEFAULT)));
        run("trace_pipeline", x -> x.trace(new JsonLines(b, Category.DEFAULT)));
        assertEquals(a.toString(StandardCharsets.UTF_8), b.toString(StandardCharsets.UTF_8));
    }

    @Test void perfettoTimelineHasTheTracksAndSlicesTheRunImplies() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Run r = run("trace_pipeline", b -> b.trace(new Perfetto(out)));
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) new LabJsonTest.Parser(out.toString(StandardCharsets.UTF_8).strip()).whole();
        @SuppressWarnings("unchecked") List<Map<String, Object>> ev = (List<Map<String, Object>>) doc.get("traceEvents");
        Map<Long, String> processNames = new HashMap<>();
        for (Map<String, Object> e : ev)
            if ("M".equals(e.get("ph")) && "process_name".equals(e.get("name")))
                processNames.put(((Number) e.get("pid")).longValue(), (String) ((Map<?, ?>) e.get("args")).get("name"));
        // The program and its child: whatever pids the machine gave them, the tracks carry their names.
        List<Long> pids = processNames.entrySet().stream().filter(n -> n.getValue().startsWith("trace_pipeline ("))
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(2, pids.size(), processNames.toString());
        long parent = pids.get(0), child = pids.get(1);
        assertEquals("trace_pipeline (" + parent + ")", processNames.get(parent));
        assertEquals("trace_pipeline (" + child + ")", processNames.get(child));
        // State slices: both threads ran; the writer blocked on the full pipe, the reader on the empty one.
        for (long tid : new long[] {parent, child}) {
            List<Map<String, Object>> states = ev.stream().filter(e -> "X".equals(e.get("ph")) && ((Number) e.get("tid")).longValue() == tid).toList();
            assertTrue(states.stream().anyMatch(e -> e.get("name").equals("running")), "tid " + tid + " ran");
            assertTrue(states.stream().anyMatch(e -> ((String) e.get("name")).startsWith("blocked: ")), "tid " + tid + " blocked");
            // One thread's state slices follow each other without overlap.
            double end = -1;
            for (Map<String, Object> s : states.stream().sorted(java.util.Comparator.comparingDouble(e -> ((Number) e.get("ts")).doubleValue())).toList()) {
                double ts = ((Number) s.get("ts")).doubleValue(), dur = ((Number) s.get("dur")).doubleValue();
                assertTrue(ts >= end - 1e-9, "overlapping state slices on tid " + tid + " at " + s);
                assertTrue(dur >= 0);
                end = ts + dur;
            }
        }
        long switches = r.stat("sched.context_switches");
        long running = ev.stream().filter(e -> "X".equals(e.get("ph")) && "running".equals(e.get("name"))).count();
        assertEquals(switches + 1, running, "a running slice per switch, and the first one");
        // Syscall slices on their own tracks, one per syscall made.
        long syscallSlices = ev.stream().filter(e -> "X".equals(e.get("ph")) && ((Number) e.get("tid")).longValue() >= Perfetto.SYSCALL_TRACK).count();
        assertEquals(r.stat("syscalls"), syscallSlices);
        assertTrue(ev.stream().anyMatch(e -> "X".equals(e.get("ph")) && "write".equals(e.get("name"))
                && ((Number) e.get("tid")).longValue() == child + Perfetto.SYSCALL_TRACK));
        for (String kind : List.of("minor", "major"))
            assertEquals(r.stat("faults." + kind), ev.stream().filter(e -> "i".equals(e.get("ph"))
                    && ((String) e.get("name")).startsWith("fault " + kind + " ")).count(), kind);
        assertTrue(ev.stream().anyMatch(e -> "i".equals(e.get("ph")) && "SIGUSR1 handler".equals(e.get("name"))));
        Set<String> counters = new java.util.HashSet<>();
        for (Map<String, Object> e : ev) if ("C".equals(e.get("ph"))) counters.add((String) e.get("name"));
        assertTrue(counters.contains("resident pages"), counters.toString());
        assertTrue(counters.contains("free frames"), counters.toString());
        assertTrue(counters.contains("TLB hit rate (%)"), counters.toString());
        assertTrue(counters.stream().anyMatch(n -> n.matches("pipe \\d+ fill \\(bytes\\)")), counters.toString());
        // Resident pages follow each change: the child's climb as it touches pages, and none once it has exited.
        List<Long> childRss = ev.stream().filter(e -> "C".equals(e.get("ph")) && "resident pages".equals(e.get("name"))
                && ((Number) e.get("pid")).longValue() == child)
                .sorted(java.util.Comparator.comparingDouble(e -> ((Number) e.get("ts")).doubleValue()))
                .map(e -> ((Number) ((Map<?, ?>) e.get("args")).get("value")).longValue()).toList();
        assertTrue(childRss.stream().distinct().count() > 5, "the child's resident pages change over its run: " + childRss);
        assertEquals(0L, childRss.get(childRss.size() - 1), "an exited process holds no pages: " + childRss);
        // Processes sort in pid order, the machine's counters after them.
        Map<Long, Long> sortIndex = new java.util.HashMap<>();
        for (Map<String, Object> e : ev)
            if ("M".equals(e.get("ph")) && "process_sort_index".equals(e.get("name")))
                sortIndex.put(((Number) e.get("pid")).longValue(), ((Number) ((Map<?, ?>) e.get("args")).get("sort_index")).longValue());
        assertTrue(sortIndex.get(parent) < sortIndex.get(child) && sortIndex.get(child) < sortIndex.get(0L), sortIndex.toString());
    }

    @Test void lackeyReplayGivesTheRunsTlbCountsExactly(@TempDir Path dir) throws Exception {
        for (String tlb : new String[] {"64:64:lru", "16:4:fifo", "8:2:random"}) {
            for (boolean split : new boolean[] {true, false}) {
                Path file = dir.resolve("mem-" + tlb.replace(':', '_') + split + ".lackey");
                var cfg = dev.vitrine.mmu.TlbConfig.parse(tlb, split, false, 7);
                Run r;
                try (var out = Files.newOutputStream(file)) {
                    r = run("trace_pipeline", b -> b.tlb(cfg).traceMemory(out));
                }
                String[] parts = tlb.split(":");
                List<String> args = new ArrayList<>(List.of("sim", "tlb", file.toString(), "--entries", parts[0], "--ways", parts[1],
                        "--policy", parts[2], "--seed", "7", "--json"));
                if (split) args.add("--split");
                LabRun sim = LabRun.of(args.toArray(String[]::new));
                assertEquals(0, sim.status(), sim.err());
                long hits = r.stat("tlb.fetch.hits") + r.stat("tlb.data.hits"), misses = r.stat("tlb.fetch.misses") + r.stat("tlb.data.misses");
                String what = tlb + (split ? " split" : " unified");
                assertEquals(hits, sim.number("hits"), what);
                assertEquals(misses, sim.number("misses"), what);
                if (split) assertEquals(r.stat("tlb.fetch.misses"), sim.number("fetchMisses"), what);
                if (tlb.startsWith("64") && split) {
                    // sim replace reads the same file: its F and ! lines are no page references.
                    LabRun replace = LabRun.of("sim", "replace", file.toString(), "--frames", "8", "--policy", "lru", "--json");
                    assertEquals(0, replace.status(), replace.err());
                }
            }
        }
    }

    @Test void tracingChangesNoFigure() throws Exception {
        Run plain = run("trace_pipeline", b -> b);
        Run traced = run("trace_pipeline", b -> b.trace(new JsonLines(new ByteArrayOutputStream(), Category.ALL))
                .traceMemory(new ByteArrayOutputStream()));
        for (String k : List.of("instructions", "virtual_time_ns", "tlb.fetch.hits", "tlb.data.misses", "walks", "pte_reads", "faults.minor"))
            assertEquals(plain.stat(k), traced.stat(k), k);
    }

    private static long elapsed(String stdout) {
        Matcher m = Pattern.compile("64 pages in (\\d+) ns").matcher(stdout);
        assertTrue(m.find(), stdout);
        return Long.parseLong(m.group(1));
    }

    @Test void theGuestsClockSeesTheCostModel() throws Exception {
        Run off = run("trace_pipeline", b -> b.costs(Costs.OFF));
        Run on = run("trace_pipeline", b -> b.costs(Costs.DEFAULT));
        // Without costs the clock is the instruction count (nothing here sleeps: no idle time).
        assertEquals(off.stat("instructions") + off.stat("sched.idle_ns"), off.stat("virtual_time_ns"));
        long charged = 0;
        for (var e : on.result().stats().entrySet())
            if (e.getKey().startsWith("time.") && !e.getKey().equals("time.instructions_ns")) charged += ((Number) e.getValue()).longValue();
        assertEquals(on.stat("instructions") + charged + on.stat("sched.idle_ns"), on.stat("virtual_time_ns"));
        // 64 first touches are 64 minor faults at least, each charged before the second clock_gettime.
        assertTrue(elapsed(on.stdout()) >= 64 * Costs.DEFAULT.of(Cost.MINOR_FAULT), on.stdout());
        assertTrue(elapsed(off.stdout()) < 64 * Costs.DEFAULT.of(Cost.MINOR_FAULT), off.stdout());
        Costs custom = Costs.parse("minor_fault=5000,switch=0");
        assertEquals(5000, custom.of(Cost.MINOR_FAULT));
        assertEquals(0, custom.of(Cost.SWITCH));
        assertEquals(Costs.DEFAULT.of(Cost.WALK_REF), custom.of(Cost.WALK_REF));
        assertThrows(IllegalArgumentException.class, () -> Costs.parse("minor_fault=-1"));
        assertThrows(IllegalArgumentException.class, () -> Costs.parse("nothing=3"));
    }
}
