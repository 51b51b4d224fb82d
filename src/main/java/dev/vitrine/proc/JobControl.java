package dev.vitrine.proc;

import static dev.vitrine.abi.Errno.EIO;

/**
 * The terminal's job-control check (Linux's __tty_check_change, drivers/tty/tty_jobctrl.c): a
 * process outside the terminal's foreground process group that reads it (SIGTTIN), or writes
 * it under TOSTOP or changes its settings (SIGTTOU), stops its whole group instead. The
 * terminal belongs to the first process's session (0: a login that is not modelled); a process
 * that left it with setsid has no controlling terminal and is never checked.
 */
public final class JobControl {
    private JobControl() {}

    /** The caller's group was sent the signal: it restarts the call, which runs again once the group is continued. */
    public static final long SIGNALLED = 1;

    private static final int TERMINAL_SESSION = 0;

    /** 0 (go on), -EIO, or {@link #SIGNALLED} after sending {@code sig} to the caller's process group. */
    public static long check(Kernel k, Task t, int sig) { return check(k, t, sig, TERMINAL_SESSION, k.foregroundPgid()); }

    /**
     * The same for a terminal that is session {@code sid}'s controlling terminal with foreground
     * group {@code fg} (a pseudo-terminal that is some session's).
     */
    public static long check(Kernel k, Task t, int sig, int sid, int fg) {
        Process p = t.proc;
        if (p.sid != sid || p.pgid == fg || p.ttyDropped) return 0;   // not its controlling terminal

        boolean ignored = (t.blocked & Signals.bit(sig)) != 0 || p.actions[sig].isIgnore();
        // A blocked or ignored SIGTTOU lets the change through (a shell taking the terminal back);
        // a blocked or ignored SIGTTIN, or a group no one would continue, makes the read fail.
        if (ignored) return sig == Signals.SIGTTIN ? -EIO : 0;
        if (orphaned(k, p.pgid, p.sid)) return -EIO;
        for (Process q : k.processes())
            if (q.alive() && q.pgid == p.pgid) SignalDelivery.sendProcess(k, q, SigInfo.kill(sig, SigInfo.SI_KERNEL, 0, 0));
        return SIGNALLED;
    }

    /**
     * will_become_orphaned_pgrp: no live member has a parent in another group of the same
     * session (a job control shell that could continue it). The first program stands for the
     * host's shell, outside the machine, that started it: its group is never orphaned.
     */
    static boolean orphaned(Kernel k, int pgid, int sid) {
        for (Process q : k.processes()) {
            if (!q.alive() || q.pgid != pgid) continue;
            if (q == k.first()) return false;
            if (q.parent.pgid != pgid && q.parent.sid == sid) return false;
        }
        return true;
    }
}
