package dev.vitrine.proc;

import dev.vitrine.fs.FdTable;
import dev.vitrine.fs.ProcSource;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;

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

    @Override public List<Integer> pids() {
        List<Integer> out = new ArrayList<>();
        for (Process p : kernel.processes()) if (listed(p)) out.add(p.pid);
        return out;
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

    @Override public String comm(int pid) {
        Task t = task(pid);
        return t == null ? "" : t.comm();
    }

    @Override public String status(int pid) {
        Process p = process(pid);
        return p == null ? "" : ProcStat.status(p, leader(p), kernel.users().sigpending);
    }

    @Override public String stat(int pid) {
        Process p = process(pid);
        return p == null ? "" : ProcStat.stat(p, leader(p), true);
    }

    @Override public List<Integer> tids(int pid) {
        Process p = process(pid);
        List<Integer> out = new ArrayList<>();
        if (p != null) for (Task t : p.threads) if (t.state != Task.State.DEAD || t == p.threads.get(0)) out.add(t.tid);
        out.sort(null);
        return out;
    }

    @Override public String threadStat(int pid, int tid) {
        Process p = process(pid);
        Task t = p == null ? null : thread(p, tid);
        return t == null ? "" : ProcStat.stat(p, t, false);
    }

    @Override public String threadStatus(int pid, int tid) {
        Process p = process(pid);
        Task t = p == null ? null : thread(p, tid);
        return t == null ? "" : ProcStat.status(p, t, kernel.users().sigpending);
    }

    /** Live processes and zombies not yet reaped, as Linux lists them. */
    private Process process(int pid) {
        Process p = kernel.process(pid);
        return p != null && listed(p) ? p : null;
    }

    private static boolean listed(Process p) { return p.state != Process.State.REAPED && !p.threads.isEmpty(); }

    /** The thread group leader, whose state /proc/PID/stat shows (the first thread, Linux's group_leader). */
    private static Task leader(Process p) { return p.threads.get(0); }

    private static Task thread(Process p, int tid) {
        for (Task t : p.threads) if (t.tid == tid) return t;
        return null;
    }

    @Override public int pidMax() { return Pids.PID_MAX; }

    @Override public String cpuinfo() {
        // riscv's c_show for one hart: "uarch" only when the device tree names one beyond "riscv".
        return "processor\t: 0\nhart\t\t: 0\nisa\t\t: rv64imafdc_zicsr_zifencei\n"
                + "mmu\t\t: " + kernel.mmu().geometry().name() + "\n"
                + "mvendorid\t: 0x0\nmarchid\t\t: 0x0\nmimpid\t\t: 0x0\n"
                + "hart isa\t: rv64imafdc_zicsr_zifencei\n\n";
    }

    @Override public String deadlock() { return Deadlocks.report(kernel); }

    @Override public String wchan(int pid) {
        Process p = process(pid);
        return p == null ? "" : Deadlocks.wchan(leader(p));
    }

    @Override public String vmstat() {
        dev.vitrine.mm.Pager pg = kernel.frames().pager();
        // Linux's vmstat_text order; pgsteal_direct: every eviction is reclaim in the allocating path.
        return "nr_free_pages " + kernel.frames().free() + "\n"
                + "pswpin " + pg.swapIns() + "\npswpout " + pg.swapOuts() + "\n"
                + "pgfault " + pg.faults() + "\npgmajfault " + pg.majorFaults() + "\n"
                + "pgsteal_direct " + pg.evictions() + "\n";
    }

    /** Linux's show_map_vma: "start-end perms offset major:minor inode", padded to column 73, then the name. */
    @Override public String maps(int pid) {
        Task t = task(pid);
        if (t == null || t.space() == null) return "";
        StringBuilder sb = new StringBuilder();
        for (Vma v : t.space().vmas()) {
            long dev = 0, ino = 0;
            String name = v.name() == null ? "" : v.name();
            if (v.file() instanceof RegularFile f) { dev = f.dev(); ino = f.ino(); }
            else if (v.file() != null && name.isEmpty()) name = v.file().name();
            String perms = Prot.string(v.prot()) + (v.shared() ? 's' : 'p');
            String line = String.format("%08x-%08x %s %08x %02x:%02x %d", v.start(), v.end(), perms,
                    v.file() == null ? 0 : v.offset(), (dev >>> 8) & 0xfff, dev & 0xff, ino);
            if (!name.isEmpty()) line = String.format("%-72s %s", line, name);
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    @Override public String meminfo() {
        long total = kernel.frames().total() * 4, free = kernel.frames().free() * 4;
        return String.format("MemTotal:       %8d kB\nMemFree:        %8d kB\nMemAvailable:   %8d kB\n"
                + "Buffers:        %8d kB\nCached:         %8d kB\nSwapTotal:      %8d kB\nSwapFree:       %8d kB\n",
                total, free, free + kernel.frames().pager().cachedPages() * 4, 0, kernel.frames().pager().cachedPages() * 4,
                kernel.frames().pager().swap().slots() * 4, (kernel.frames().pager().swap().slots() - kernel.frames().pager().swap().used()) * 4);
    }
}
