package dev.vitrine.proc;

import dev.vitrine.fs.FdTable;
import dev.vitrine.fs.ProcSource;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.mm.AddressSpace;
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
        for (Task t : kernel.tasks()) if (t.state() != Task.State.DEAD) out.add(t.pid());
        out.sort(Integer::compare);
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

    @Override public String cmdline(int pid) {
        Task t = task(pid);
        return t == null ? "" : t.comm() + "\0";
    }

    @Override public String comm(int pid) {
        Task t = task(pid);
        return t == null ? "" : t.comm();
    }

    @Override public String status(int pid) {
        Task t = task(pid);
        if (t == null) return "";
        long pages = 0, rss = t.residentPages();
        AddressSpace as = t.space();
        if (as != null) for (Vma v : as.vmas()) pages += (v.end() - v.start()) / as.pageSize();
        return "Name:\t" + t.comm() + "\n"
                + "Umask:\t" + String.format("%04o", t.fds().umask()) + "\n"
                + "State:\t" + (t.state() == Task.State.SLEEPING ? "S (sleeping)" : "R (running)") + "\n"
                + "Tgid:\t" + t.pid() + "\nNgid:\t0\nPid:\t" + t.pid() + "\nPPid:\t" + t.ppid() + "\nTracerPid:\t0\n"
                + "Uid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\n"
                + "FDSize:\t" + Math.max(64, Integer.highestOneBit(Math.max(1, t.fds().openFds().size())) * 2) + "\n"
                + "Groups:\t1000 \n"
                + String.format("VmSize:\t%8d kB\nVmRSS:\t%8d kB\n", pages * 4, rss * 4)
                + "Threads:\t1\n";
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
                total, free, free, 0, 0, 0, 0);
    }
}
