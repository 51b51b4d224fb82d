package dev.vitrine.view;

import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Process;
import dev.vitrine.proc.Watch;
import dev.vitrine.trace.Category;
import dev.vitrine.trace.Event;
import dev.vitrine.trace.Sink;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What `--show VIEWS --show-at MOMENT` asks for, and the watch that takes the views when the
 * moment comes. VIEWS is a list of pagetable, frames, tlb, each with an optional :PID (the
 * page table of that process; the TLB entries tagged with its ASID); a kind may come twice
 * (pagetable:2,pagetable:3 shows both trees). MOMENT is
 * <ul>
 *   <li>{@code exit}: the first process the views name (else the first program, pid 2) is about to free its memory;</li>
 *   <li>{@code instret:N}: the machine has retired N instructions;</li>
 *   <li>{@code EVENT[:N]}: the Nth (default first) fork, exec, cow, fault:minor, fault:major,
 *       fault:invalid, signal:NAME, evict, swap:out or swap:in, counted in the first process the
 *       views name, or machine-wide when they name none. Without a PID the page table is that
 *       of the process where it happened.</li>
 * </ul>
 * The views are taken once, at the first such moment. Exec and exit come from the kernel's
 * watch points (the state they show is in place there); the other events are the trace's
 * (trace.Event), heard as a sink that wants only their category, so a run without
 * --show-at EVENT costs the event stream nothing.
 */
public final class Show implements Watch, Sink {
    public static final List<String> KINDS = List.of("pagetable", "frames", "tlb");
    private static final List<String> EVENTS = List.of("fork", "exec", "cow", "fault:minor", "fault:major", "fault:invalid",
            "evict", "swap:out", "swap:in", "exit");

    /** The views asked for, in order: kind and pid (0: none named). */
    private record Item(String kind, int pid) {}

    private final List<Item> views;
    private final int pid;
    private final String event;
    private final long count;
    private long seen;
    private Snapshot taken;
    private Kernel kernel;

    private Show(List<Item> views, String event, long count) {
        this.views = views;
        int p = 0;
        for (Item v : views) if (v.pid() != 0 && p == 0) p = v.pid();
        this.pid = p;
        this.event = event;
        this.count = count;
    }

    /** Parses the two options; a bad one is an IllegalArgumentException that says what is allowed. */
    public static Show parse(String show, String at) {
        List<Item> views = new ArrayList<>();
        for (String item : show.split(",")) {
            String[] p = item.trim().split(":");
            if (p.length > 2 || !KINDS.contains(p[0]))
                throw new IllegalArgumentException("bad --show '" + item + "': expected pagetable, frames or tlb, each with an optional :PID");
            views.add(new Item(p[0], p.length == 2 ? (int) positive(p[1], "--show " + item, Integer.MAX_VALUE) : 0));
        }
        String a = at == null ? "exit" : at.trim().toLowerCase();
        if (a.equals("exit")) return new Show(views, "exit", 1);
        if (a.startsWith("instret:")) return new Show(views, "instret", positive(a.substring(8), "--show-at " + at, Long.MAX_VALUE));
        String name = a;
        long n = 1;
        int colon = a.lastIndexOf(':');
        if (colon > 0 && a.substring(colon + 1).chars().allMatch(Character::isDigit) && colon < a.length() - 1) {
            name = a.substring(0, colon);
            n = positive(a.substring(colon + 1), "--show-at " + at, Integer.MAX_VALUE);
        }
        if (name.startsWith("signal:")) {
            String sig = name.substring(7).toUpperCase();
            return new Show(views, "signal:" + (sig.startsWith("SIG") ? sig : "SIG" + sig), n);
        }
        if (!EVENTS.contains(name))
            throw new IllegalArgumentException("bad --show-at '" + at + "': expected exit, instret:N, or an event (fork, exec, cow, "
                    + "fault:minor, fault:major, fault:invalid, signal:NAME, evict, swap:out, swap:in) with an optional :N for its Nth time");
        return new Show(views, name, n);
    }

    private static long positive(String s, String what, long max) {
        try {
            long v = Long.parseLong(s);
            if (v >= 1 && v <= max) return v;
        } catch (NumberFormatException e) { /* below */ }
        throw new IllegalArgumentException("bad " + what + ": '" + s + "' is not a positive number");
    }

    /** The views as taken, or null when the moment never came. */
    public Snapshot taken() { return taken; }

    /** The moment asked for, in the option's words. */
    public String moment() {
        return event.equals("instret") ? "instret:" + count : event.equals("exit") ? "exit" : event + ":" + count;
    }

    @Override public void attach(Kernel k) { kernel = k; }

    /** The trace category that carries the moment asked for; none for exit, exec and instret:N. */
    @Override public Set<Category> wants() {
        if (event.equals("fork")) return EnumSet.of(Category.PROC);
        if (event.equals("cow")) return EnumSet.of(Category.COW);
        if (event.startsWith("fault:")) return EnumSet.of(Category.FAULT);
        if (event.startsWith("signal:")) return EnumSet.of(Category.SIGNAL);
        if (event.equals("evict")) return EnumSet.of(Category.EVICT);
        if (event.startsWith("swap:")) return EnumSet.of(Category.SWAP);
        return EnumSet.noneOf(Category.class);
    }

    /** The trace's event as a moment's name: a new process's fork, a copy, a fault by kind, a signal about to be acted on. */
    @Override public void accept(Event e) {
        if (taken != null || kernel == null) return;
        String name = null;
        if (e instanceof Event.Proc p && (p.op().equals("fork") || p.op().equals("vfork"))) name = "fork";
        else if (e instanceof Event.Cow) name = "cow";
        else if (e instanceof Event.Fault f) name = "fault:" + f.kind();
        else if (e instanceof Event.Signal s && s.phase().equals("delivered")) name = "signal:" + s.name();
        else if (e instanceof Event.Evict) name = "evict";
        else if (e instanceof Event.Swap s) name = "swap:" + s.direction();
        Process p = name == null ? null : kernel.process(e.pid());
        if (p != null) event(kernel, name, p);
    }

    @Override public void close() {}

    @Override public long nextInstret() { return taken == null && event.equals("instret") ? count : Long.MAX_VALUE; }

    @Override public void instret(Kernel k) {
        if (taken == null) take(k, null, "instret:" + count);
    }

    @Override public void event(Kernel k, String name, Process p) {
        if (taken != null || !name.equals(event)) return;
        if (name.equals("exit")) {
            if (p.pid() == (pid != 0 ? pid : Kernel.FIRST_PID)) take(k, p, "exit of pid " + p.pid());
            return;
        }
        if (pid != 0 && p.pid() != pid) return;
        if (++seen == count) take(k, p, name + ":" + count + " in pid " + p.pid());
    }

    private void take(Kernel k, Process at, String moment) {
        List<View> out = new ArrayList<>();
        List<Process> procs = k.processes();
        for (Item e : views) {
            switch (e.kind()) {
                case "pagetable" -> {
                    int want = e.pid() != 0 ? e.pid() : at != null ? at.pid() : Kernel.FIRST_PID;
                    Process p = k.process(want);
                    if (p != null && p.space() != null) out.add(PageTableView.of(p.pid(), p.comm(), p.space()));
                }
                case "frames" -> {
                    Map<Integer, String> comms = new LinkedHashMap<>();
                    for (Process p : procs) if (p.space() != null) comms.put(p.pid(), p.comm());
                    out.add(FrameMapView.of(k.frames(), FrameMapView.spaces(procs), comms));
                }
                default -> out.add(TlbView.of(k.mmu(), e.pid()));
            }
        }
        taken = new Snapshot(moment, k.retired(), List.copyOf(out));
    }
}
