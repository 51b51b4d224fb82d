package dev.vitrine.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * --perfetto FILE: the run as a Chrome trace-event JSON timeline (ui.perfetto.dev and
 * chrome://tracing open it). Each guest process is a process track, each thread a thread
 * track holding its state as complete slices ("running", "ready: quantum", "blocked: read
 * from a pipe ...") with page faults and signals as instants on it; each thread's syscalls
 * are slices on a track of their own ("comm syscalls", tid + {@link #SYSCALL_TRACK}), since
 * a syscall that blocks would not nest inside its running slice. Counter tracks: each
 * process's resident pages, and on the "machine" process (pid 0) free frames, the TLB hit
 * rate between two switches, and each pipe's fill level. Times are µs with ns precision.
 */
public final class Perfetto implements Sink {
    /** Added to a tid for the track of its syscalls (guest tids stay below Linux's PID_MAX_LIMIT, 2^22). */
    public static final int SYSCALL_TRACK = 1 << 24;
    /** The machine-wide counters sort after every process. */
    private static final int MACHINE_LAST = 1 << 30;

    private static final Set<Category> WANTS = EnumSet.of(Category.SYSCALL, Category.FAULT, Category.SWITCH, Category.SIGNAL,
            Category.PIPE, Category.WAKE, Category.PROC, Category.COUNTER, Category.COW, Category.EVICT);

    private final BufferedWriter out;
    private boolean first = true;
    private long last;
    /** Each thread's open state slice: its name and start, by tid. */
    private final Map<Integer, Open> state = new TreeMap<>();
    private final Map<Integer, Integer> pidOf = new HashMap<>();
    /** Each thread's syscall in progress. */
    private final Map<Integer, Event.SyscallEnter> inSyscall = new HashMap<>();
    /** Tracks named so far (tid to name) and each process's command (pid to name). */
    private final Map<Integer, String> named = new HashMap<>(), comm = new HashMap<>();
    private long lastHits, lastMisses;
    /** Threads that ended: a late event of theirs (exit_group's own exit) opens no slice. */
    private final Set<Integer> gone = new java.util.HashSet<>();

    private record Open(String name, long start) {}

    public Perfetto(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        raw("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
        meta("process_name", 0, 0, "machine");
        // Viewers order processes by sort index, else by their own whim: pid order, machine last.
        meta("process_sort_index", 0, 0, Map.of("sort_index", MACHINE_LAST));
    }

    @Override public Set<Category> wants() { return WANTS; }

    @Override public void accept(Event e) {
        last = Math.max(last, e.ns());
        // A program's name before its first slice, so its tracks are named by it from the start.
        if (e instanceof Event.Proc p && p.op().equals("exec") && !pidOf.containsKey(p.tid())) proc(p);
        if (e.pid() != 0 && !state.containsKey(e.tid()) && !pidOf.containsKey(e.tid()) && !gone.contains(e.tid()))
            begin(e.pid(), e.tid(), "running", e.ns());
        if (e instanceof Event.Switch s) {
            String next = switch (s.reason()) {
                case "exit" -> null;
                case "blocked" -> "blocked: " + s.detail();
                case "stopped" -> "stopped: " + s.detail();
                default -> "ready: " + s.reason();
            };
            change(s.pid(), s.tid(), next, s.ns());
            change(s.toPid(), s.toTid(), "running", s.ns());
        } else if (e instanceof Event.Wake w) {
            Open o = state.get(w.wokenTid());
            if (o != null && !o.name().equals("running"))
                change(w.wokenPid(), w.wokenTid(), "ready: woken by " + (w.pid() == 0 ? "the kernel (a timer, the host)" : "pid " + w.pid()), w.ns());
        } else if (e instanceof Event.Proc p) {
            proc(p);
        } else if (e instanceof Event.SyscallEnter s) {
            inSyscall.put(s.tid(), s);
        } else if (e instanceof Event.SyscallExit s) {
            Event.SyscallEnter in = inSyscall.remove(s.tid());
            long start = in == null ? s.ns() : in.ns();
            int track = s.tid() + SYSCALL_TRACK;
            if (!named.containsKey(track)) thread(s.pid(), track, comm(s.pid()) + " syscalls");
            Map<String, Object> args = new LinkedHashMap<>();
            if (s.text() != null) args.put("call", s.text());
            args.put("result", s.sleeping() ? "blocked, restarts" : Long.toString(s.result()));
            // A handler takes no virtual time: a slice of at least 1 ns stays visible.
            complete(s.pid(), track, s.name(), start, Math.max(1, s.ns() - start), args);
        } else if (e instanceof Event.Fault f) {
            instant(f.pid(), f.tid(), "fault " + f.kind() + " " + f.resolution(), f.ns(),
                    Map.of("va", "0x" + Long.toHexString(f.va()), "access", f.access()));
        } else if (e instanceof Event.Cow c) {
            instant(c.pid(), c.tid(), "cow copy", c.ns(), Map.of("va", "0x" + Long.toHexString(c.va())));
        } else if (e instanceof Event.Evict v) {
            instant(0, 0, "evict " + v.outcome(), v.ns(), Map.of("frame", v.frame(), "policy", v.policy()));
        } else if (e instanceof Event.Signal g) {
            if (g.phase().equals("delivered")) instant(g.pid(), g.tid(), g.name() + " " + g.action(), g.ns(), Map.of("code", g.code()));
            else if (g.pid() != 0) instant(g.pid(), g.tid(), "sends " + g.name() + " to " + g.targetPid(), g.ns(), Map.of("code", g.code()));
        } else if (e instanceof Event.Pipe p) {
            counter(0, "pipe " + p.pipe() + " fill (bytes)", p.ns(), p.fill());
        } else if (e instanceof Event.Rss r) {
            counter(r.pid(), "resident pages", r.ns(), r.pages());
        } else if (e instanceof Event.Counters c) {
            counter(c.pid(), "resident pages", c.ns(), c.rssPages());
            counter(0, "free frames", c.ns(), c.freeFrames());
            long h = c.tlbHits() - lastHits, m = c.tlbMisses() - lastMisses;
            lastHits = c.tlbHits();
            lastMisses = c.tlbMisses();
            if (h + m > 0) counter(0, "TLB hit rate (%)", c.ns(), 100.0 * h / (h + m));
        }
    }

    private void proc(Event.Proc p) {
        switch (p.op()) {
            case "fork", "vfork" -> {
                gone.remove(p.other());
                pidOf.put(p.other(), p.other());
                process(p.other(), p.detail());
                begin(p.other(), p.other(), "ready: new", p.ns());
            }
            case "clone" -> {
                gone.remove(p.other());
                begin(p.pid(), p.other(), "ready: new", p.ns());
            }
            case "exec" -> process(p.pid(), p.detail() == null ? "?" : p.detail().substring(p.detail().lastIndexOf('/') + 1));
            case "exit" -> {
                for (var e : Map.copyOf(pidOf).entrySet())
                    if (e.getValue() == p.pid()) change(p.pid(), e.getKey(), null, p.ns());
            }
            default -> { }
        }
    }

    /** Ends the thread's open slice at {@code ns} and opens {@code next} (null: none, the thread is gone). */
    private void change(int pid, int tid, String next, long ns) {
        Open o = state.remove(tid);
        if (o != null) complete(pidOf.getOrDefault(tid, pid), tid, o.name(), o.start(), ns - o.start(), Map.of());
        if (next != null) begin(pid, tid, next, ns);
        else {
            pidOf.remove(tid);
            gone.add(tid);
        }
    }

    private void begin(int pid, int tid, String name, long ns) {
        pidOf.putIfAbsent(tid, pid);
        if (!comm.containsKey(pid)) process(pid, "pid " + pid);
        if (!named.containsKey(tid)) thread(pid, tid, comm(pid) + " [" + tid + "]");
        Open o = state.remove(tid);
        if (o != null) complete(pid, tid, o.name(), o.start(), ns - o.start(), Map.of());
        state.put(tid, new Open(name, ns));
    }

    private String comm(int pid) { return comm.getOrDefault(pid, "pid " + pid); }

    /** Names (or renames, at exec) a process and its main thread's tracks. */
    private void process(int pid, String name) {
        if (comm.put(pid, name) == null) meta("process_sort_index", pid, pid, Map.of("sort_index", pid));
        meta("process_name", pid, pid, name + " (" + pid + ")");
        thread(pid, pid, name);
        if (named.containsKey(pid + SYSCALL_TRACK)) thread(pid, pid + SYSCALL_TRACK, name + " syscalls");
    }

    /** Names a thread's track (the last name given wins in the viewers). */
    private void thread(int pid, int tid, String name) {
        named.put(tid, name);
        meta("thread_name", pid, tid, name);
    }

    private void meta(String what, int pid, int tid, String name) {
        meta(what, pid, tid, Map.of("name", name));
    }

    private void meta(String what, int pid, int tid, Map<String, Object> args) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ph", "M");
        m.put("name", what);
        m.put("pid", pid);
        m.put("tid", tid);
        m.put("args", args);
        write(m);
    }

    private void complete(int pid, int tid, String name, long start, long dur, Map<String, Object> args) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ph", "X");
        m.put("name", name);
        m.put("pid", pid);
        m.put("tid", tid);
        m.put("ts", new Us(start));
        m.put("dur", new Us(dur));
        if (!args.isEmpty()) m.put("args", args);
        write(m);
    }

    private void instant(int pid, int tid, String name, long ns, Map<String, Object> args) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ph", "i");
        m.put("s", pid == 0 ? "g" : "t");
        m.put("name", name);
        m.put("pid", pid);
        m.put("tid", tid);
        m.put("ts", new Us(ns));
        m.put("args", args);
        write(m);
    }

    private void counter(int pid, String name, long ns, Number value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ph", "C");
        m.put("name", name);
        m.put("pid", pid);
        m.put("ts", new Us(ns));
        m.put("args", Map.of("value", value));
        write(m);
    }

    /** Virtual ns as the format's µs, exact: "12.345". */
    private record Us(long ns) {
        @Override public String toString() {
            return Long.toString(ns / 1000) + "." + String.format("%03d", ns % 1000);
        }
    }

    private void write(Map<String, Object> m) {
        String s = Json.write(m);
        // Us prints as a JSON string through Json's fallback: make it the number it is.
        s = s.replaceAll("\"(ts|dur)\":\"([0-9]+\\.[0-9]{3})\"", "\"$1\":$2");
        raw(first ? s : ",\n" + s);
        first = false;
    }

    private void raw(String s) {
        try {
            out.write(s);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    @Override public void close() {
        for (var e : Map.copyOf(state).entrySet()) change(pidOf.getOrDefault(e.getKey(), 0), e.getKey(), null, last);
        raw("\n]}\n");
        try {
            out.close();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
