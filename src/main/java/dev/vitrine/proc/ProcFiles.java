package dev.vitrine.proc;

import dev.vitrine.fs.FdTable;
import dev.vitrine.fs.ProcSource;

import java.util.ArrayList;
import java.util.List;

/** What /proc shows, read off the kernel's tasks (fs defines the interface, being below proc). */
public final class ProcFiles implements ProcSource {
    private final Kernel kernel;

    public ProcFiles(Kernel kernel) { this.kernel = kernel; }

    private Task task(int pid) {
        for (Task t : kernel.tasks()) if (t.pid() == pid && t.state() != Task.State.DEAD) return t;
        return null;
    }

    /**
     * init first: /proc/1 shows pid 1 as Linux's does (comm "init", state S, root's, ppid 0),
     * with what a process without an address space shows (an empty cmdline, no Vm lines).
     */
    @Override public List<Integer> pids() {
        List<Integer> out = new ArrayList<>();
        out.add(kernel.init().pid);
        for (Process p : kernel.processes()) if (listed(p)) out.add(p.pid);
        return out;
    }

    /**
     * __ptrace_may_access for reading: the caller's own process; else its file-system ids are
     * the target's real, effective and saved ones, or it has CAP_SYS_PTRACE; and then a
     * process with memory that is not dumpable (set-id, setuid) needs CAP_SYS_PTRACE too.
     * init is root's, so only root looks into it.
     */
    @Override public boolean mayTrace(int pid, dev.vitrine.abi.Cred c, int callerPid) {
        Process p = process(pid);
        if (p == null || pid == callerPid) return true;   // gone: nothing to show; one's own thread group
        dev.vitrine.abi.Cred tc = p.cred();
        boolean cap = c.capable(dev.vitrine.abi.Cred.CAP_SYS_PTRACE);
        boolean ids = c.fsuid() == tc.euid() && c.fsuid() == tc.suid() && c.fsuid() == tc.uid()
                && c.fsgid() == tc.egid() && c.fsgid() == tc.sgid() && c.fsgid() == tc.gid();
        if (!ids && !cap) return false;
        return cap || p.dumpable || p.space == null;
    }

    @Override public FdTable fds(int pid) {
        Task t = task(pid);
        return t == null ? null : t.fds();
    }

    @Override public String exe(int pid) {
        Task t = task(pid);
        return t == null ? "" : t.exePath();
    }

    /** argv as execve gave it, each string NUL-ended (a zombie has no memory to show: empty, as on Linux). */
    @Override public String cmdline(int pid) {
        Task t = task(pid);
        if (t == null || t.space() == null) return "";
        StringBuilder sb = new StringBuilder();
        for (String a : t.process().argv) sb.append(a).append('\0');
        return sb.toString();
    }

    @Override public byte[] environ(int pid) {
        Process p = process(pid);
        if (p == null || p.memory == null) return new byte[0];
        long start = p.bounds.envStart(), end = p.bounds.envEnd();
        // The block execve laid out is at most the arguments' limit (MAX_ARG_STRLEN pages at most); a bad range reads as nothing.
        if (end <= start || end - start > 32L << 20) return new byte[0];
        byte[] b = new byte[(int) (end - start)];
        return p.memory.read(start, b, 0, b.length) ? b : new byte[0];
    }

    @Override public String comm(int pid) {
        if (pid == Kernel.INIT_PID) return kernel.init().comm;
        Task t = task(pid);
        return t == null ? "" : t.comm();
    }

    @Override public String status(int pid) {
        Process p = process(pid);
        return p == null ? "" : ProcStat.status(p, leader(p), kernel.users().sigpending);
    }

    @Override public String stat(int pid) {
        Process p = process(pid);
        return p == null ? "" : tty(p, leader(p), true);
    }

    @Override public List<Integer> tids(int pid) {
        Process p = process(pid);
        List<Integer> out = new ArrayList<>();
        if (p == kernel.init()) out.add(kernel.initThread().tid);
        if (p != null) for (Task t : p.threads) if (t.state != Task.State.DEAD || t == p.threads.get(0)) out.add(t.tid);
        out.sort(null);
        return out;
    }

    @Override public String threadStat(int pid, int tid) {
        Process p = process(pid);
        Task t = p == null ? null : thread(p, tid);
        return t == null ? "" : tty(p, t, false);
    }

    @Override public String threadStatus(int pid, int tid) {
        Process p = process(pid);
        Task t = p == null ? null : thread(p, tid);
        return t == null ? "" : ProcStat.status(p, t, kernel.users().sigpending);
    }

    @Override public String threadComm(int pid, int tid) {
        Process p = process(pid);
        Task t = p == null ? null : thread(p, tid);
        return t == null ? "" : t.comm();
    }

    @Override public int[] owner(int pid) {
        Process p = process(pid);
        if (p == null) return null;
        // task_dump_owner: an undumpable process's entries are root's
        if (!p.dumpable) return new int[] {0, 0};
        dev.vitrine.abi.Cred c = p.cred();
        return new int[] {c.euid(), c.egid()};
    }

    /** do_task_stat with the controlling pty, if the process's session has one: tty_nr as new_encode_dev(136:N), tpgid its foreground group. */
    private String tty(Process p, Task t, boolean whole) {
        dev.vitrine.fs.Pty pty = Ctty.of(kernel, p);
        if (pty == null) return ProcStat.stat(p, t, whole);
        int n = pty.index();
        long nr = (n & 0xff) | (dev.vitrine.fs.Devpts.SLAVE_MAJOR << 8) | ((long) (n & ~0xff) << 12);
        return ProcStat.stat(p, t, whole, nr, Math.max(pty.terminal().foregroundPgid(), 0));
    }

    /** Live processes and zombies not yet reaped, as Linux lists them, and init. */
    private Process process(int pid) {
        Process p = kernel.process(pid);
        return p != null && (p == kernel.init() || listed(p)) ? p : null;
    }

    private static boolean listed(Process p) { return p.state != Process.State.REAPED && !p.threads.isEmpty(); }

    /** The thread group leader, whose state /proc/PID/stat shows (the first thread, Linux's group_leader; init's own). */
    private Task leader(Process p) { return p == kernel.init() ? kernel.initThread() : p.threads.get(0); }

    private Task thread(Process p, int tid) {
        if (p == kernel.init()) return tid == p.pid ? kernel.initThread() : null;
        for (Task t : p.threads) if (t.tid == tid) return t;
        return null;
    }

    @Override public int pidMax() { return Pids.PID_MAX; }

    /**
     * uptime_proc_show: the boot-time clock (CLOCK_BOOTTIME, the virtual clock) and the one
     * hart's idle time (what --stats calls idle: neither instructions nor the cost model's
     * charges), each as seconds and hundredths, truncated.
     */
    @Override public String uptime() {
        long now = kernel.clock().now(), idle = Math.max(0, now - kernel.retired() - kernel.charged());
        return hundredths(now) + " " + hundredths(idle) + "\n";
    }

    /**
     * show_stat (fs/proc/stat.c) for one hart: user time is the instructions retired, system
     * time the cost model's charges (faults, walks, the kernel's work), idle the rest, in
     * USER_HZ (100) ticks; every other column is 0. Then ctxt, btime (the fixed boot epoch),
     * processes (every task ever created, init's included, as total_forks counts clones), procs_running and
     * procs_blocked (tasks in D state: Vitrine's sleeps are all interruptible, so 0).
     */
    @Override public String stat() {
        long now = kernel.clock().now(), user = kernel.retired(), sys = kernel.charged(), idle = Math.max(0, now - user - sys);
        String times = ticks(user) + " 0 " + ticks(sys) + " " + ticks(idle) + " 0 0 0 0 0 0";
        int running = 0;
        for (Task t : kernel.tasks()) if (t.runnable()) running++;
        return "cpu  " + times + "\ncpu0 " + times + "\nintr 0\nctxt " + kernel.contextSwitches()
                + "\nbtime " + kernel.clock().realtimeAtBoot() / 1_000_000_000L + "\nprocesses " + kernel.totalForks()
                + "\nprocs_running " + running + "\nprocs_blocked 0\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n";
    }

    private static long ticks(long ns) { return ns / 10_000_000L; }

    private static String hundredths(long ns) {
        return String.format("%d.%02d", ns / 1_000_000_000L, ns % 1_000_000_000L / 10_000_000L);
    }

    @Override public String cpuinfo() {
        // riscv's c_show for one hart: "uarch" only when the device tree names one beyond "riscv".
        return "processor\t: 0\nhart\t\t: 0\nisa\t\t: rv64imafdc_zicsr_zifencei\n"
                + "mmu\t\t: " + kernel.mmu().geometry().name() + "\n"
                + "mvendorid\t: 0x0\nmarchid\t\t: 0x0\nmimpid\t\t: 0x0\n"
                + "hart isa\t: rv64imafdc_zicsr_zifencei\n\n";
    }

    /** loadavg_proc_show: the averages, nr_running()/nr_threads (init's thread counted), and the last pid allocated. */
    @Override public String loadavg() {
        long[] a = kernel.loadAverages();
        int running = 0;
        for (Task t : kernel.tasks()) if (t.runnable()) running++;
        return LoadAverage.format(a[0]) + " " + LoadAverage.format(a[1]) + " " + LoadAverage.format(a[2]) + " "
                + running + "/" + kernel.nrThreads() + " " + kernel.lastPid() + "\n";
    }

    @Override public String statm(int pid) {
        Process p = process(pid);
        return p == null ? "" : ProcStat.statm(p);
    }

    @Override public String deadlock() { return Deadlocks.report(kernel); }

    @Override public String wchan(int pid) {
        Process p = process(pid);
        return p == null ? "" : Deadlocks.wchan(leader(p));
    }

    @Override public String vmstat() {
        dev.vitrine.mm.Pager pg = kernel.frames().pager();
        dev.vitrine.mm.Pager.Census c = pg.census();
        // Linux's vmstat_text order; pgsteal_direct: every eviction is reclaim in the allocating path.
        return "nr_free_pages " + kernel.frames().free() + "\nnr_anon_pages " + c.anonymous() + "\nnr_mapped " + c.mapped()
                + "\nnr_file_pages " + c.fileCache() + "\nnr_shmem " + c.shmem() + "\nnr_page_table_pages " + tableFrames() + "\n"
                + "pswpin " + pg.swapIns() + "\npswpout " + pg.swapOuts() + "\n"
                + "pgfault " + pg.faults() + "\npgmajfault " + pg.majorFaults() + "\n"
                + "pgsteal_direct " + pg.evictions() + "\n";
    }

    /** Frames holding page tables, over every live address space (threads and vfork children share one). */
    private long tableFrames() {
        java.util.Set<dev.vitrine.mm.AddressSpace> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long n = 0;
        for (Process p : kernel.processes()) if (p.space != null && seen.add(p.space)) n += p.space.pageTable().tableFrames();
        return n;
    }

    @Override public String maps(int pid) {
        Task t = task(pid);
        return t == null || t.space() == null ? "" : ProcSmaps.maps(t.space());
    }

    @Override public String smaps(int pid) {
        Task t = task(pid);
        return t == null || t.space() == null ? "" : ProcSmaps.smaps(t.space());
    }

    @Override public String smapsRollup(int pid) {
        Task t = task(pid);
        return t == null || t.space() == null ? "" : ProcSmaps.rollup(t.space());
    }

    @Override public int pagemap(int pid, long vpn, long[] out, boolean showPfn) {
        Task t = task(pid);
        if (t == null || t.space() == null) return 0;
        long pages = t.space().layout().stackTop() / t.space().pageSize();
        if (vpn < 0 || vpn >= pages) return 0;
        int n = (int) Math.min(out.length, pages - vpn);
        long[] got = n == out.length ? out : new long[n];
        ProcSmaps.pagemap(t.space(), vpn, got, showPfn);
        if (got != out) System.arraycopy(got, 0, out, 0, n);
        return n;
    }

    /**
     * meminfo_proc_show's lines that Vitrine's counts answer, in its order: Cached is the page
     * cache (shmem included, as Linux counts it), AnonPages the mapped anonymous frames.
     */
    @Override public String meminfo() {
        dev.vitrine.mm.Pager pg = kernel.frames().pager();
        dev.vitrine.mm.Pager.Census c = pg.census();
        long kb = kernel.mmu().geometry().pageSize() >> 10;
        long total = kernel.frames().total(), free = kernel.frames().free();
        long swapTotal = pg.swap().slots(), swapFree = swapTotal - pg.swap().used();
        StringBuilder sb = new StringBuilder();
        for (Object[] l : new Object[][] {{"MemTotal", total}, {"MemFree", free}, {"MemAvailable", free + c.fileCache() - c.shmem()},
                {"Buffers", 0L}, {"Cached", c.fileCache()}, {"SwapCached", 0L}, {"SwapTotal", swapTotal}, {"SwapFree", swapFree},
                {"AnonPages", c.anonymous()}, {"Mapped", c.mapped()}, {"Shmem", c.shmem()}, {"PageTables", tableFrames()}})
            sb.append(String.format("%-15s %8d kB\n", l[0] + ":", (Long) l[1] * kb));
        return sb.toString();
    }
}
