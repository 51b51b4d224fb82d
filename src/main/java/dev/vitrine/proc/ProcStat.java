package dev.vitrine.proc;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Rlimit;
import dev.vitrine.loader.Exec;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.MemStats;
import dev.vitrine.mm.Vma;

/**
 * /proc/PID/stat and /proc/PID/status as fs/proc/array.c prints them (do_task_stat,
 * proc_pid_status with task_mem). A thread's files (task/TID/…) show that thread's state,
 * mask and pending set; what Vitrine counts only per process (faults, switches) is the
 * process's figure in both.
 */
final class ProcStat {
    private ProcStat() {}

    /** USER_HZ: what times(2) and AT_CLKTCK say too. */
    private static final long TICK_NS = 10_000_000L;
    private static final int PF_FORKNOEXEC = 0x40;

    static char state(Process p, Task t) {
        if (p.state != Process.State.ALIVE || t.state == Task.State.DEAD) return 'Z';
        if (p.stopped) return 'T';
        return t.state == Task.State.SLEEPING ? 'S' : 'R';
    }

    private static String stateWords(char c) {
        return switch (c) {
            case 'R' -> "R (running)";
            case 'S' -> "S (sleeping)";
            case 'T' -> "T (stopped)";
            default -> "Z (zombie)";
        };
    }

    /** Its threads not yet dead; init, which has none of its own, counts the one /proc shows. */
    private static int liveThreads(Process p) {
        if (p.threads.isEmpty()) return 1;
        int n = 0;
        for (Task x : p.threads) if (x.state != Task.State.DEAD) n++;
        return n;
    }

    /** collect_sigign_sigcatch: [ignored, caught]. */
    private static long[] ignCatch(Process p) {
        long ign = 0, cgt = 0;
        for (int s = 1; s <= Signals.NSIG; s++) {
            if (p.actions[s].isIgnore()) ign |= Signals.bit(s);
            else if (p.actions[s].isHandler()) cgt |= Signals.bit(s);
        }
        return new long[] {ign, cgt};
    }

    /** do_task_stat: 52 fields; {@code whole} for /proc/PID/stat, else task/TID/stat. */
    static String stat(Process p, Task t, boolean whole) { return stat(p, t, whole, 0, -1); }

    /** {@code ttyNr}, {@code tpgid}: the controlling terminal's new_encode_dev number and foreground group (0 and -1: none). */
    static String stat(Process p, Task t, boolean whole, long ttyNr, long tpgid) {
        AddressSpace as = p.space;
        MemStats ms = p.memStats();
        long[] ic = ignCatch(p);
        long cpu = whole ? p.cpu : t.cpu;
        Exec.Bounds b = p.bounds;
        boolean mm = as != null;
        StringBuilder sb = new StringBuilder();
        sb.append(whole ? p.pid : t.tid).append(" (").append(p.comm).append(") ").append(state(p, t));
        long[] f = {
                p.ppid(), p.pgid, p.sid, ttyNr, tpgid, (p.parent != null && !p.execed ? PF_FORKNOEXEC : 0),
                ms == null ? 0 : ms.minorFaults, whole ? p.childMinFlt : 0,
                ms == null ? 0 : ms.majorFaults, whole ? p.childMajFlt : 0,
                cpu / TICK_NS, 0, whole ? p.childCpu / TICK_NS : 0, 0,
                20 + p.nice, p.nice, liveThreads(p), 0, p.created / TICK_NS,
                mm ? as.totalVm() * as.pageSize() : 0, mm ? as.residentPages() : 0, p.rlimCur[Rlimit.RSS],
                mm ? b.startCode() : 0, mm ? b.endCode() : 0, mm ? p.startStack : 0, 0, 0,
                // The obsolete decimal signal fields: the first 31 signals only (array.c's 0x7fffffff).
                t.pending.set() & 0x7fffffffL, t.blocked & 0x7fffffffL, ic[0] & 0x7fffffffL, ic[1] & 0x7fffffffL,
                0, 0, 0, t.tid == p.pid ? p.exitSignal : -1, 0, 0, 0, 0, 0, 0,
                mm ? b.startData() : 0, mm ? b.endData() : 0, mm ? as.brkStart() : 0,
                mm ? b.argStart() : 0, mm ? b.argEnd() : 0, mm ? b.envStart() : 0, mm ? b.envEnd() : 0,
                p.state == Process.State.ALIVE ? 0 : p.waitStatus};
        for (int i = 0; i < f.length; i++) sb.append(' ').append(SIGNED[i] ? Long.toString(f[i]) : Long.toUnsignedString(f[i]));
        return sb.append('\n').toString();
    }

    /** The fields array.c prints signed (tpgid, priority, nice, exit_signal, exit_code); the rest are unsigned. */
    private static final boolean[] SIGNED = new boolean[49];
    static { for (int i : new int[] {4, 14, 15, 34, 48}) SIGNED[i] = true; }

    /** proc_pid_status: the lines Vitrine keeps, in Linux's order and layout. */
    static String status(Process p, Task t, long sigpending) {
        char st = state(p, t);
        long[] ic = ignCatch(p);
        int fdMax = p.fds == null ? 0 : fdSize(p.fds.openFds());
        Cred c = t.cred;
        StringBuilder sb = new StringBuilder();
        sb.append("Name:\t").append(p.comm).append('\n')
                .append(String.format("Umask:\t%04o\n", p.fds == null ? 022 : p.fds.umask()))
                .append("State:\t").append(stateWords(st)).append('\n')
                .append("Tgid:\t").append(p.pid).append("\nNgid:\t0\nPid:\t").append(t.tid)
                .append("\nPPid:\t").append(p.ppid()).append("\nTracerPid:\t0\n")
                .append(String.format("Uid:\t%d\t%d\t%d\t%d\nGid:\t%d\t%d\t%d\t%d\n",
                        id(c.uid()), id(c.euid()), id(c.suid()), id(c.fsuid()), id(c.gid()), id(c.egid()), id(c.sgid()), id(c.fsgid())))
                .append("FDSize:\t").append(fdMax).append('\n')
                .append("Groups:\t").append(groups(c)).append(" \n")
                .append("NStgid:\t").append(p.pid).append("\nNSpid:\t").append(t.tid)
                .append("\nNSpgid:\t").append(p.pgid).append("\nNSsid:\t").append(p.sid).append("\nKthread:\t0\n");
        // task_core_dumping and task_thp_status follow task_mem while there is an mm; no THP here (a kernel without it prints 0).
        if (p.space != null) sb.append(mem(p, p.space)).append("CoreDumping:\t0\nTHP_enabled:\t0\n");
        sb.append("Threads:\t").append(liveThreads(p)).append('\n')
                .append("SigQ:\t").append(sigpending).append('/').append(Long.toUnsignedString(p.rlimCur[Rlimit.SIGPENDING])).append('\n')
                .append(String.format("SigPnd:\t%016x\nShdPnd:\t%016x\nSigBlk:\t%016x\nSigIgn:\t%016x\nSigCgt:\t%016x\n",
                        t.pending.set(), p.shared.set(), t.blocked, ic[0], ic[1]))
                .append(String.format("CapInh:\t%016x\nCapPrm:\t%016x\nCapEff:\t%016x\nCapBnd:\t%016x\nCapAmb:\t%016x\n",
                        c.capInheritable(), c.capPermitted(), c.capEffective(), c.capBounding(), 0L))
                // One hart: CPU 0 is every task's only choice.
                .append("Cpus_allowed:\t1\nCpus_allowed_list:\t0\n")
                .append("voluntary_ctxt_switches:\t").append(p.voluntary)
                .append("\nnonvoluntary_ctxt_switches:\t").append(p.involuntary).append('\n');
        return sb.toString();
    }

    private static long id(int v) { return v & 0xffff_ffffL; }

    /** The supplementary groups, space-separated (the line's trailing space is Linux's too). */
    private static String groups(Cred c) {
        StringBuilder sb = new StringBuilder();
        for (int g : c.groups()) sb.append(sb.length() == 0 ? "" : " ").append(id(g));
        return sb.toString();
    }

    /**
     * fdt->max_fds: 64 (BITS_PER_LONG) until an fd at or past it opens, then expand_fdtable's
     * size, a power of two times 128 (1 KiB of pointers). Vitrine has no table to grow, so the
     * size follows the highest open fd; Linux's never shrinks.
     */
    private static int fdSize(java.util.List<Integer> open) {
        int high = -1;
        for (int fd : open) high = Math.max(high, fd);
        if (high < 64) return 64;
        int n = high / 128 + 1;
        return (Integer.bitCount(n) == 1 ? n : Integer.highestOneBit(n) * 2) * 128;
    }

    /**
     * task_statm: total_vm; resident = shared + anonymous; shared = file and shmem pages;
     * text = the pages from start_code's page to end_code rounded up; data = data_vm + stack_vm;
     * lib and dt are always 0. A zombie, with no mm, shows seven zeros.
     */
    static String statm(Process p) {
        AddressSpace as = p.space;
        if (as == null) return "0 0 0 0 0 0 0\n";
        long ps = as.pageSize(), stackVm = 0;
        for (Vma v : as.vmas()) if (v.growsDown()) stackVm += v.length() / ps;
        long[] rss = as.residentByKind();
        Exec.Bounds b = p.bounds;
        long text = b == Exec.Bounds.NONE ? 0 : Math.max(0, as.pageUp(b.endCode()) - as.pageDown(b.startCode())) / ps;
        long shared = rss[1] + rss[2];
        return as.totalVm() + " " + (shared + rss[0]) + " " + shared + " " + text + " 0 " + (as.dataVm() + stackVm) + " 0\n";
    }

    /** task_mem: VmHWM is the most frames the space has mapped at once (hiwater_rss, kept exactly). */
    private static String mem(Process p, AddressSpace as) {
        long ps = as.pageSize();
        long execVm = 0, stackVm = 0;
        for (Vma v : as.vmas()) {
            long pages = v.length() / ps;
            if (v.growsDown()) stackVm += pages;
            else if ((v.prot() & dev.vitrine.mm.Prot.EXEC) != 0 && (v.prot() & dev.vitrine.mm.Prot.WRITE) == 0) execVm += pages;
        }
        long[] rss = as.residentByKind();
        Exec.Bounds b = p.bounds;
        long text = Math.max(0, Math.min(as.pageUp(b.endCode()) - as.pageDown(b.startCode()), execVm * ps));
        if (b == Exec.Bounds.NONE) text = 0;
        long lib = execVm * ps - text;
        return kb("VmPeak", as.peakVm() * ps) + kb("VmSize", as.totalVm() * ps) + kb("VmLck", as.lockedVm() * ps)
                + kb("VmPin", 0) + kb("VmHWM", Math.max(as.peakResident(), rss[0] + rss[1] + rss[2]) * ps) + kb("VmRSS", (rss[0] + rss[1] + rss[2]) * ps) + kb("RssAnon", rss[0] * ps)
                + kb("RssFile", rss[1] * ps) + kb("RssShmem", rss[2] * ps) + kb("VmData", as.dataVm() * ps)
                + kb("VmStk", stackVm * ps) + kb("VmExe", text) + kb("VmLib", lib)
                + kb("VmPTE", as.pageTable().tableFrames() * ps) + kb("VmSwap", as.swappedPages() * ps)
                + kb("HugetlbPages", 0);
    }

    private static String kb(String name, long bytes) {
        return String.format("%s:\t%8d kB\n", name, bytes >> 10);
    }
}
