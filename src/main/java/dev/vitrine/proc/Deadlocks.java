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
import java.util.List;
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

    /** One line per stuck process: pid, name, what it waits for, who holds the other end. */
    static String report(Kernel k) {
        List<Task> tasks = k.tasks();
        Set<Task> stuck = new LinkedHashSet<>();
        for (Task t : tasks) if (candidate(t)) stuck.add(t);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Task t : List.copyOf(stuck)) {
                List<Task> wakers = wakers(k, t, tasks);
                for (Task w : wakers) {
                    if (!stuck.contains(w)) {
                        stuck.remove(t);
                        changed = true;
                        break;
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        Set<Integer> shown = new HashSet<>();
        for (Task t : stuck) {
            if (!shown.add(t.tid)) continue;
            sb.append(t.proc.pid).append(' ').append(t.proc.comm).append(": ").append(t.waitReason);
            if (t.channel instanceof Pipe p) {
                boolean reading = t.waitReason != null && t.waitReason.startsWith("read");
                List<String> holders = new ArrayList<>();
                for (Process q : holders(k, p, reading)) holders.add("pid " + q.pid + " (" + q.comm + ")");
                sb.append("; its ").append(reading ? "write" : "read").append(" end is open in ")
                        .append(holders.isEmpty() ? "no process" : String.join(", ", holders));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean candidate(Task t) {
        if (t.state != Task.State.SLEEPING || t.proc.stopped || !t.proc.alive()) return false;
        if (t.timer != null) return false;   // a timeout wakes it
        Object c = t.channel;
        return c != null && !(c instanceof Terminal || c instanceof HostInput || c instanceof HostOutput);
    }

    /** The tasks that could wake {@code t}; every other live task when that cannot be narrowed. */
    private static List<Task> wakers(Kernel k, Task t, List<Task> all) {
        Object c = t.channel;
        List<Task> w = new ArrayList<>();
        if (c instanceof Pipe p) {
            boolean reading = t.waitReason != null && t.waitReason.startsWith("read");
            for (Process q : holders(k, p, reading)) w.addAll(live(q));
            return w;
        }
        if (c instanceof Process parent && parent == t.proc) {
            for (Process child : parent.children()) w.addAll(live(child));
            return w;
        }
        if (c instanceof Task child && child != t) return List.of(child);
        for (Task x : all) if (x != t && x.state != Task.State.DEAD) w.add(x);
        return w;
    }

    private static List<Task> live(Process p) {
        List<Task> l = new ArrayList<>();
        for (Task x : p.threads) if (x.state != Task.State.DEAD) l.add(x);
        return l;
    }

    /** The live processes with the write end ({@code writeEnd}) or the read end of {@code p} open. */
    private static List<Process> holders(Kernel k, Pipe p, boolean writeEnd) {
        List<Process> out = new ArrayList<>();
        for (Process q : k.processes()) {
            if (!q.alive() || q.threads.isEmpty()) continue;
            Task any = q.threads.get(0);
            if (any.fds() == null) continue;
            for (int fd : any.fds().openFds()) {
                FileDescription f = any.fds().get(fd);
                if (f != null && f.file() instanceof PipeEnd e && e.pipe() == p && (writeEnd ? f.writable() : f.readable())) {
                    out.add(q);
                    break;
                }
            }
        }
        return out;
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
        if (c instanceof Futexes.Waiter) return "futex_wait_queue";
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
