package dev.vitrine.fs;

import java.util.List;

/** What /proc shows of the processes; proc implements it (fs sits below proc and cannot look). */
public interface ProcSource {
    /** Live pids, ascending. */
    List<Integer> pids();

    /** The owner /proc/PID's entries show: the process's effective uid and gid; null once it is gone. */
    int[] owner(int pid);

    /**
     * __ptrace_may_access(PTRACE_MODE_READ_FSCREDS), which proc_mem_open asks before maps,
     * smaps, smaps_rollup, pagemap and environ open: whether {@code c}, of process
     * {@code callerPid}, may look into process {@code pid}'s memory.
     */
    boolean mayTrace(int pid, dev.vitrine.abi.Cred c, int callerPid);

    /** The process's descriptor table, or null if it is gone. */
    FdTable fds(int pid);

    String exe(int pid);

    /** argv joined with NULs, each ended by one. */
    String cmdline(int pid);

    String comm(int pid);

    /** /proc/PID/status text. */
    String status(int pid);

    /** /proc/PID/maps text, Linux's format. */
    String maps(int pid);

    String meminfo();

    /** /proc/PID/smaps and smaps_rollup (empty for a zombie, as Linux shows). */
    String smaps(int pid);

    String smapsRollup(int pid);

    /**
     * /proc/PID/pagemap: fills {@code out} with the 64-bit entries of the pages from {@code vpn}
     * ({@code showPfn}: the reader may see frame numbers). Returns how many entries lie below the
     * end of the user address space (0 past it, or when the process has no memory).
     */
    int pagemap(int pid, long vpn, long[] out, boolean showPfn);

    /** /proc/sys/kernel/pid_max: the largest pid plus one that fork hands out. */
    int pidMax();

    /** /proc/PID/stat (do_task_stat's 52 fields). */
    String stat(int pid);

    /** The process's thread ids, ascending (/proc/PID/task). */
    List<Integer> tids(int pid);

    /** task/TID/stat and task/TID/status. */
    String threadStat(int pid, int tid);

    String threadStatus(int pid, int tid);

    /** task/TID/comm: the thread's own name (prctl PR_SET_NAME names one thread). */
    String threadComm(int pid, int tid);

    /** /proc/PID/environ: the bytes between env_start and env_end of its memory, as environ_read copies them (none for a zombie). */
    byte[] environ(int pid);

    /** /proc/stat: the one hart's times in USER_HZ ticks, context switches, boot time, forks, tasks running and blocked. */
    String stat();

    /** /proc/uptime: seconds since boot and seconds the hart was idle, as fs/proc/uptime.c prints them. */
    String uptime();

    /** /proc/cpuinfo, riscv's c_show for the one hart. */
    String cpuinfo();

    /** /proc/vmstat: the counters Vitrine keeps, under Linux's names, in its order. */
    String vmstat();

    /** /proc/deadlock (Vitrine's own): the sleepers nothing can wake, what each waits for and who holds the other end. */
    String deadlock();

    /** /proc/loadavg: the three load averages, runnable/all threads, the last pid given out. */
    String loadavg();

    /** /proc/PID/statm: size resident shared text lib data dt, in pages (all 0 for a zombie). */
    String statm(int pid);

    /** /proc/PID/wchan: where the process's main thread sleeps, as a kernel function's name; "0" while it runs. */
    String wchan(int pid);
}
