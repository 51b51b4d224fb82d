package dev.vitrine.proc;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine's tables of who exists (Linux's pid table and task list): live threads by tid,
 * live and zombie processes by pid, and pid allocation (never reused). A thread leaves when
 * it dies and a process when it is reaped (release_task), so nothing here grows with the
 * processes that ever lived; what --stats keeps of the reaped is in {@link RunStats.Reaped}.
 * Counts the one guest user's tasks for RLIMIT_NPROC as it goes.
 */
final class Pids {
    private final Map<Integer, Process> processes = new LinkedHashMap<>();
    private final Map<Integer, Task> threads = new LinkedHashMap<>();
    private final RunStats.Reaped reaped = new RunStats.Reaped();
    private final UserCounts users;
    private int nextPid = 1;
    private long threadsCreated;

    Pids(UserCounts users) { this.users = users; }

    /** /proc/sys/kernel/pid_max: PID_MAX_LIMIT on 64-bit; past it alloc_pid starts again above RESERVED_PIDS. */
    static final int PID_MAX = 4194304, RESERVED_PIDS = 300;

    int alloc() {
        while (true) {
            if (nextPid >= PID_MAX) nextPid = RESERVED_PIDS;
            int pid = nextPid++;
            if (!processes.containsKey(pid) && !threads.containsKey(pid)) return pid;
        }
    }

    /** The pid alloc gave last (idr_get_cursor - 1). */
    int lastPid() { return nextPid - 1; }

    Process process(int pid) { return processes.get(pid); }

    Task thread(int tid) { return threads.get(tid); }

    /** Live and zombie processes, in pid order (a view). */
    Collection<Process> processes() { return Collections.unmodifiableCollection(processes.values()); }

    /** Live threads, in creation order (a view). */
    Collection<Task> threads() { return Collections.unmodifiableCollection(threads.values()); }

    int processCount() { return processes.size(); }

    boolean anyLive() { return !threads.isEmpty(); }

    long threadsCreated() { return threadsCreated; }

    RunStats.Reaped reaped() { return reaped; }

    void add(Process p) { processes.put(p.pid, p); }

    void add(Task t) {
        threads.put(t.tid, t);
        threadsCreated++;
        users.tasks++;
    }

    /** A thread died: it leaves the table; one other than the leader is released now, the leader with its zombie. */
    void release(Task t) {
        threads.remove(t.tid);
        if (t.proc.threads.get(0) != t) {
            t.proc.threads.remove(t);
            users.tasks--;
        }
    }

    /** release_task for a process whose status was collected (or that no one will wait for). */
    void reap(Process p) {
        if (p.state == Process.State.REAPED) return;
        p.state = Process.State.REAPED;
        processes.remove(p.pid);
        users.tasks--;   // the zombie's leader
        reaped.add(p);
    }
}
