package dev.vitrine.proc;

import dev.vitrine.fs.Devpts;
import dev.vitrine.fs.Pty;

import static dev.vitrine.abi.Errno.*;

/**
 * Controlling terminals of pseudo-terminals (drivers/tty/tty_jobctrl.c). A process's controlling
 * terminal is the pty whose session is its own: setsid leaves it (a new session has none), fork
 * keeps it, a session leader without one gets it by TIOCSCTTY or by opening a slave without
 * O_NOCTTY. (The console belongs to session 0, see {@link JobControl}.)
 */
public final class Ctty {
    private Ctty() {}

    private static boolean leader(Process p) { return p.sid == p.pid; }

    /** The pty that is {@code t}'s process's controlling terminal, or null. */
    public static Pty of(Kernel k, Task t) { return of(k, t.proc); }

    /** The same for a process: none once it dropped its own link (TIOCNOTTY by a member). */
    public static Pty of(Kernel k, Process p) {
        return k.devpts() == null || p.ttyDropped ? null : k.devpts().controlling(p.sid);
    }

    /** Whether the process let go of its terminal by itself, so that not even the console is its. */
    public static boolean dropped(Task t) { return t.proc.ttyDropped; }

    /** tty_open_proc_set_tty: a session leader with no controlling terminal that opens a free slave for reading takes it. */
    public static void opened(Kernel k, Task t, Pty pty, boolean noctty, boolean readable) {
        Process p = t.proc;
        if (noctty || !readable || !leader(p) || of(k, t) != null || pty.session() != 0) return;
        pty.setSession(p.sid, p.pgid);
    }

    /** tiocsctty: 0 or -EPERM; {@code steal} (arg 1) with {@code admin} takes it from another session. */
    public static long set(Kernel k, Task t, Pty pty, boolean steal, boolean admin, boolean readable) {
        Process p = t.proc;
        if (leader(p) && pty.session() == p.sid) return 0;
        if (!leader(p) || of(k, t) != null) return -EPERM;
        if (pty.session() != 0 && !(steal && admin)) return -EPERM;
        if (!readable && !admin) return -EPERM;
        pty.setSession(p.sid, p.pgid);
        return 0;
    }

    /** tiocspgrp past its job-control check: the caller's controlling terminal, a group of its session. */
    public static long setForeground(Kernel k, Task t, Pty pty, int pgrp) {
        Process p = t.proc;
        if (of(k, t) != pty) return -ENOTTY;
        if (pgrp < 0) return -EINVAL;
        Process member = null;
        for (Process q : k.processes()) if (q.alive() && (q.pgid == pgrp || q.pid == pgrp)) { member = q; break; }
        if (member == null) return -ESRCH;
        if (member.sid != p.sid) return -EPERM;
        pty.terminal().setForegroundPgid(pgrp);
        return 0;
    }

    /**
     * TIOCNOTTY by the session leader (disassociate_ctty(0)): the foreground group gets SIGHUP and
     * SIGCONT and the session loses the terminal. Any other member (proc_clear_tty) loses only
     * its own link, quietly.
     */
    public static void detach(Kernel k, Task t, Pty pty) {
        if (!leader(t.proc)) {
            t.proc.ttyDropped = true;
            return;
        }
        int fg = pty.terminal().foregroundPgid();
        pty.setSession(0, 0);
        if (fg > 0) {
            group(k, fg, Signals.SIGHUP);
            group(k, fg, Signals.SIGCONT);
        }
    }

    /** do_exit's disassociate_ctty(1) for a session leader on a pty: SIGHUP to the foreground group, the session loses it. */
    static void exited(Kernel k, Process p) {
        if (!leader(p) || k.devpts() == null) return;
        Pty pty = k.devpts().controlling(p.sid);
        if (pty == null) return;
        int fg = pty.terminal().foregroundPgid();
        pty.setSession(0, 0);
        if (fg > 0) group(k, fg, Signals.SIGHUP);
    }

    /** kill_pgrp with a privileged sender (SI_KERNEL). */
    static void group(Kernel k, int pgid, int sig) {
        for (Process q : k.processes())
            if (q.alive() && q.pgid == pgid) SignalDelivery.sendProcess(k, q, SigInfo.kill(sig, SigInfo.SI_KERNEL, 0, 0));
    }

    /** What a pty asks of the kernel: ISIG and SIGWINCH to its foreground group, the hang-up to its session's leader. */
    static Devpts.Signals signals(Kernel k) {
        return new Devpts.Signals() {
            @Override public void group(int pgid, int sig) { Ctty.group(k, pgid, sig); }

            @Override public void sessionLeader(int sid, int sig) {
                Process leader = k.process(sid);
                if (leader != null && leader.alive() && leader.sid == sid) SignalDelivery.sendProcess(k, leader, SigInfo.kill(sig, SigInfo.SI_KERNEL, 0, 0));
            }
        };
    }
}
