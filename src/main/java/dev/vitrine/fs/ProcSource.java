package dev.vitrine.fs;

import java.util.List;

/** What /proc shows of the processes; proc implements it (fs sits below proc and cannot look). */
public interface ProcSource {
    /** Live pids, ascending. */
    List<Integer> pids();

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
}
