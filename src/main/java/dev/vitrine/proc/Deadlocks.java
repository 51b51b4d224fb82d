package dev.vitrine.proc;

import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.Fifo;
import dev.vitrine.fs.HostInput;
import dev.vitrine.fs.HostOutput;
import dev.vitrine.fs.Pipe;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.fs.Terminal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sleepers can never be woken, while the rest of the machine goes on: Vitrine's
 * /proc/deadlock (Linux has no such file; its hung-task detector only counts time). A
 * sleeper is stuck when every task that could wake it is stuck too: a pipe's reader by the
 * holders of its write end and a writer by the readers', a wait4 by the children, a vfork
 * by its child; anything else (a futex, pause, a lock) by anyone at all. A sleeper with a
 * timeout, one waiting for the host (the terminal, host stdin or stdout) and a stopped
 * process are never stuck, so neither is what waits for them. The shell reads the file to
 * report a foreground job that can never finish; wchan names where each sleeper waits.
 */
final class Deadlocks {
    private Deadlocks() {}

    /** Who has each pipe's ends open: read ends [0], write ends [1]; one pass over every descriptor table. */
    private static Map<Pipe, List<Set<Process>>> ends(Kernel k) {
        Map<Pipe, List<Set<Process>>> ends = new IdentityHashMap<>();
        for (Process q : k.processes()) {
            if (!q.alive() || q.threads.isEmpty() || q.threads.get(0).fds() == null) continue;
            var fds = q.threads.get(0).fds();
            for (int fd : fds.openFds()) {
                FileDescription f = fds.get(fd);
                if (f == null || !(f.file() instanceof PipeEnd e)) continue;
                List<Set<Process>> both = ends.computeIfAbsent(e.pipe(), p -> List.of(new LinkedHashSet<>(), new LinkedHashSet<>()));
                if (f.readable()) both.get(0).add(q);
                if (f.writable()) both.get(1).add(q);
            }
        }
        return ends;
    }

    /**
     * One line per stuck process: pid, name, what it waits for, who holds the other end. A
     * fixpoint: each round drops the sleepers some waker outside the set can still wake;
     * "anyone" is one count, so a round costs the tasks plus the named wakers.
     */
    static String report(Kernel k) {
        List<Task> tasks = k.tasks();
        Map<Pipe, List<Set<Process>>> ends = ends(k);
        Set<Task> stuck = new LinkedHashSet<>();
        int live = 0;
        for (Task t : tasks) {
            if (t.state != Task.State.DEAD) live++;
            if (candidate(t)) stuck.add(t);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Task t : List.copyOf(stuck)) {
                List<Task> wakers = wakers(t, ends);
                boolean wakeable = wakers == null ? stuck.size() < live : wakers.stream().anyMatch(w -> !stuck.contains(w));
                if (wakeable) {
                    stuck.remove(t);
                    changed = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        Set<Integer> shown = new HashSet<>();
        for (Task t : stuck) {
            if (!shown.add(t.proc.pid)) continue;
            sb.append(t.proc.pid).append(' ').append(t.proc.comm).append(": ").append(t.waitReason);
            if (t.channel instanceof Pipe p) {
                boolean reading = reading(t);
                List<String> holders = new ArrayList<>();
                for (Process q : holders(ends, p, reading)) holders.add("pid " + q.pid + " (" + q.comm + ")");
                sb.append("; its ").append(reading ? "write" : "read").append(" end is open in ")
                        .append(holders.isEmpty() ? "no process" : String.join(", ", holders));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean reading(Task t) { return t.waitReason != null && t.waitReason.startsWith("read"); }

    private static boolean candidate(Task t) {
        if (t.state != Task.State.SLEEPING || t.proc.stopped || !t.proc.alive()) return false;
        if (t.timer != null) return false;   // a timeout wakes it
        Object c = t.channel;
        return c != null && !(c instanceof Terminal || c instanceof HostInput || c instanceof HostOutput);
    }

    /** The tasks that could wake {@code t}; null when that cannot be narrowed (anyone could). */
    private static List<Task> wakers(Task t, Map<Pipe, List<Set<Process>>> ends) {
        Object c = t.channel;
        List<Task> w = new ArrayList<>();
        if (c instanceof Pipe p) {
            for (Process q : holders(ends, p, reading(t))) w.addAll(live(q));
            return w;
        }
        if (c instanceof Process parent && parent == t.proc) {
            for (Process child : parent.children()) w.addAll(live(child));
            return w;
        }
        if (c instanceof Task child && child != t) return List.of(child);
        return null;
    }

    private static List<Task> live(Process p) {
        List<Task> l = new ArrayList<>();
        for (Task x : p.threads) if (x.state != Task.State.DEAD) l.add(x);
        return l;
    }

    /** The processes with the write end ({@code writeEnd}) or the read end of {@code p} open. */
    private static Set<Process> holders(Map<Pipe, List<Set<Process>>> ends, Pipe p, boolean writeEnd) {
        List<Set<Process>> both = ends.get(p);
        return both == null ? Set.of() : both.get(writeEnd ? 1 : 0);
    }

    /** /proc/PID/wchan: where the task sleeps, as Linux's function names say it; "0" when it runs. */
    static String wchan(Task t) {
        if (t.state != Task.State.SLEEPING || t.proc.stopped) return t.proc.stopped ? "do_signal_stop" : "0";
        Object c = t.channel;
        String why = t.waitReason == null ? "" : t.waitReason;
        if (c instanceof Pipe) return why.startsWith("read") ? "pipe_read" : "pipe_write";
        if (c instanceof Terminal || c instanceof HostInput) return "n_tty_read";
        if (c instanceof HostOutput) return "n_tty_write";
        if (c instanceof Process) return "do_wait";
        if (c instanceof Fifo) return "fifo_open";
        if (c instanceof dev.vitrine.fs.Pty) return why.startsWith("read") ? "n_tty_read" : "n_tty_write";
        if (c instanceof Futexes.Waiter) return "futex_wait_queue";
        if (c instanceof dev.vitrine.fs.Epoll) return "do_epoll_wait";
        if (why.startsWith("vfork")) return "wait_for_vfork_done";
        if (why.startsWith("sleep")) return "hrtimer_nanosleep";
        if (why.startsWith("sigwait")) return "do_sigtimedwait";
        if (why.startsWith("pause") || why.startsWith("ppoll: waiting for a signal")) return "sigsuspend";
        if (why.startsWith("ppoll") || why.startsWith("poll")) return "do_sys_poll";
        if (why.startsWith("pselect") || why.startsWith("select")) return "do_select";
        if (why.startsWith("fcntl")) return "fcntl_setlk";
        return "do_wait_event";
    }
}
