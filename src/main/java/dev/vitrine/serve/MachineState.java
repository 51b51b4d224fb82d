package dev.vitrine.serve;

import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.Pipe;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.mmu.MmuStats;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Process;
import dev.vitrine.proc.Task;
import dev.vitrine.trace.Event;
import dev.vitrine.trace.Json;
import dev.vitrine.view.FrameMapView;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole machine as the page's first look shows it, in one JSON object: where the run is,
 * the counters, the process tree with each thread's state and wait reason, the pipes and FIFOs
 * with their fill and who sleeps on each end, the frame map, the latest events and syscalls and
 * what the program printed. Made on the machine's thread, by reading only (software walks and
 * the reverse map, as the views do): no counter moves.
 */
final class MachineState {
    private MachineState() {}

    /** The last bytes of output a state carries (the page asks /api/output for all of it). */
    static final int OUTPUT_TAIL = 64 << 10;

    static String json(Session s) {
        Map<String, Object> o = Json.object();
        o.put("status", s.status());
        o.put("why", s.why());
        o.put("report", s.report());
        Kernel k = s.kernel();
        o.put("counters", counters(k, s.log()));
        o.put("processes", k == null ? List.of() : processes(k));
        o.put("pipes", k == null ? List.of() : pipes(k));
        if (k != null) {
            o.put("frames", FrameMapView.of(k.frames(), FrameMapView.spaces(k.processes()), comms(k)).json());
            o.put("current", k.current() == null ? 0 : k.current().pid());
        }
        Event.Cow cow = s.log().lastCow();
        if (cow != null) {
            Map<String, Object> m = Json.object();
            m.put("pid", cow.pid());
            m.put("ns", cow.ns());
            m.putAll(cow.fields());
            o.put("last_cow", m);
        }
        o.put("events", s.log().events());
        o.put("syscalls", s.log().syscalls());
        String out = s.output().text();
        o.put("output_total", s.output().total());
        o.put("output", out.length() > OUTPUT_TAIL ? out.substring(out.length() - OUTPUT_TAIL) : out);
        return Json.write(o);
    }

    static Map<String, Object> counters(Kernel k, EventLog log) {
        Map<String, Object> c = Json.object();
        if (k == null) return c;
        MmuStats m = k.mmu().stats();
        c.put("instructions", k.retired());
        c.put("time_ns", k.clock().now());
        c.put("tlb_hits", m.hits());
        c.put("tlb_misses", m.misses());
        c.put("walks", m.walks);
        c.put("pte_reads", m.pteReads);
        c.put("context_switches", k.contextSwitches());
        c.put("free_frames", k.frames().free());
        c.put("used_frames", k.frames().used());
        c.put("syscall_returns", log.count("syscall_exit"));
        c.put("minor_faults", log.count("fault_minor"));
        c.put("major_faults", log.count("fault_major"));
        c.put("cow_copies", log.count("cow"));
        c.put("forks", log.count("fork"));
        c.put("evictions", log.count("evict"));
        return c;
    }

    private static Map<Integer, String> comms(Kernel k) {
        Map<Integer, String> m = new TreeMap<>();
        for (Process p : k.processes()) m.put(p.pid(), p.comm());
        return m;
    }

    private static List<Object> processes(Kernel k) {
        List<Object> list = new ArrayList<>();
        List<Process> all = new ArrayList<>(k.processes());
        all.add(k.init());   // pid 1, the tree's root, as ps shows it; last, so the page still selects the user's program first
        for (Process p : all) {
            Map<String, Object> x = Json.object();
            x.put("pid", p.pid());
            x.put("ppid", p.ppid());
            x.put("comm", p.comm());
            x.put("state", state(p));
            x.put("resident_pages", p.residentPages());
            List<Object> threads = new ArrayList<>();
            for (Task t : p.threads()) {
                Map<String, Object> th = Json.object();
                th.put("tid", t.tid());
                th.put("state", t == k.current() ? "running" : t.state().name().toLowerCase());
                if (t.state() == Task.State.SLEEPING && t.waitReason() != null) th.put("wait", t.waitReason());
                threads.add(th);
            }
            x.put("threads", threads);
            list.add(x);
        }
        return list;
    }

    private static String state(Process p) {
        if (p.state() == Process.State.ZOMBIE) return "zombie";
        if (p.stopped()) return "stopped";
        if (p.threads().isEmpty()) return "sleeping";   // init: the kernel does its work, it only waits
        boolean sleeping = !p.threads().isEmpty();
        for (Task t : p.threads()) sleeping &= t.state() == Task.State.SLEEPING;
        return sleeping ? "sleeping" : "runnable";
    }

    /** Every pipe and FIFO some process holds an end of, by who holds and who sleeps on which end. */
    private static List<Object> pipes(Kernel k) {
        Map<Pipe, Map<String, Object>> found = new IdentityHashMap<>();
        List<Object> list = new ArrayList<>();
        for (Process p : k.processes()) {
            if (p.fds() == null) continue;
            for (int fd : p.fds().openFds()) {
                FileDescription d = p.fds().get(fd);
                if (d == null || !(d.file() instanceof PipeEnd end)) continue;
                Pipe pipe = end.pipe();
                Map<String, Object> x = found.get(pipe);
                if (x == null) {
                    x = Json.object();
                    x.put("id", found.size() + 1);
                    x.put("name", d.path() == null ? "pipe" : d.path());
                    x.put("fifo", end.isFifo());
                    x.put("fill", pipe.queued());
                    x.put("capacity", pipe.capacity());
                    x.put("readers", new ArrayList<String>());
                    x.put("writers", new ArrayList<String>());
                    x.put("blocked_readers", new ArrayList<Integer>());
                    x.put("blocked_writers", new ArrayList<Integer>());
                    found.put(pipe, x);
                    list.add(x);
                }
                @SuppressWarnings("unchecked") List<String> ends = (List<String>) x.get(d.readable() ? "readers" : "writers");
                ends.add(p.pid() + ":" + fd);
            }
        }
        for (Task t : k.tasks()) {
            if (t.state() != Task.State.SLEEPING || !(t.sleepsOn() instanceof Pipe pipe)) continue;
            Map<String, Object> x = found.get(pipe);
            if (x == null) continue;
            String why = t.waitReason() == null ? "" : t.waitReason();
            @SuppressWarnings("unchecked") List<Integer> who = (List<Integer>) x.get(why.startsWith("read") ? "blocked_readers" : "blocked_writers");
            who.add(t.tid());
        }
        return list;
    }
}
