package dev.vitrine.proc;

import dev.vitrine.mm.MemStats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.vitrine.abi.Errno.*;

/**
 * wait4 and waitid (Linux's do_wait): find a child that matches, report an exit, a stop or a
 * continue in Linux's encoding, reap zombies; with none to report, sleep on the parent until
 * a child changes state (the syscall restarts), or return at once with WNOHANG.
 */
public final class Wait {
    private Wait() {}

    public static final int WNOHANG = 1, WUNTRACED = 2, WSTOPPED = 2, WEXITED = 4, WCONTINUED = 8, WNOWAIT = 0x1000000,
            WNOTHREAD = 0x20000000, WALL = 0x40000000, WCLONE = 0x80000000;
    public static final int P_ALL = 0, P_PID = 1, P_PGID = 2, P_PIDFD = 3;
    /** Returned when the caller went to sleep: the syscall must return Syscall.RESTART. */
    public static final long SLEEPING = Long.MIN_VALUE + 1;

    /** What was found: the child's pid, its wait status, and the siginfo code and value waitid reports. */
    public record Report(int pid, int status, int code, int value, long cpu, int uid) {}

    /** A selection of children (wait4's pid argument or waitid's idtype/id). */
    public record Which(int idtype, int id) {
        static Which ofPid(int pid, Process caller) {
            if (pid < -1) return new Which(P_PGID, -pid);
            if (pid == -1) return new Which(P_ALL, 0);
            if (pid == 0) return new Which(P_PGID, caller.pgid);
            return new Which(P_PID, pid);
        }
        boolean matches(Process c) {
            return switch (idtype) {
                case P_PID -> c.pid == id;
                case P_PGID -> c.pgid == id;
                default -> true;
            };
        }
    }

    /** wait4: the report, or null with WNOHANG and nothing to report; throws nothing; errors as {@link #error}. */
    public static Object wait4(Kernel k, Task t, int pid, int options) {
        if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED | WNOTHREAD | WALL | WCLONE)) != 0) return -EINVAL;
        return find(k, t, Which.ofPid(pid, t.proc), options | WEXITED);
    }

    public static Object waitid(Kernel k, Task t, int idtype, int id, int options) {
        if ((options & ~(WNOHANG | WSTOPPED | WEXITED | WCONTINUED | WNOWAIT | WNOTHREAD | WALL | WCLONE)) != 0) return -EINVAL;
        if ((options & (WEXITED | WSTOPPED | WCONTINUED)) == 0) return -EINVAL;
        if (idtype == P_PIDFD) {
            // The pidfd's process, if it is a child; O_NONBLOCK on the pidfd is WNOHANG with EAGAIN for "not yet".
            var d = t.proc.fds.get(id);
            if (d == null || !(d.file() instanceof PidFd p)) return -EBADF;
            if ((d.flags() & dev.vitrine.abi.Fcntl.O_NONBLOCK) != 0) {
                Object r = find(k, t, new Which(P_PID, p.process().pid), options | WNOHANG);
                return r == null ? (Object) (long) -EAGAIN : r;
            }
            return find(k, t, new Which(P_PID, p.process().pid), options);
        }
        if (idtype < P_ALL || idtype > P_PGID) return -EINVAL;
        Which w = idtype == P_PGID && id == 0 ? new Which(P_PGID, t.proc.pgid) : new Which(idtype, id);
        if (idtype == P_PID && id <= 0) return -EINVAL;
        return find(k, t, w, options);
    }

    /** Returns a Report, null (WNOHANG, nothing yet), a Long -errno, or the Long {@link #SLEEPING}. */
    private static Object find(Kernel k, Task t, Which which, int options) {
        Process parent = t.proc;
        boolean any = false;
        for (Process c : parent.children) {
            if (!which.matches(c)) continue;
            // __WCLONE selects children whose exit signal is not SIGCHLD; __WALL both kinds.
            boolean cloneChild = c.exitSignal != Signals.SIGCHLD;
            if ((options & WALL) == 0 && cloneChild != ((options & WCLONE) != 0)) continue;
            any = true;
            boolean keep = (options & WNOWAIT) != 0;
            if (c.state == Process.State.ZOMBIE && (options & WEXITED) != 0) {
                int st = c.waitStatus;
                int code = (st & 0x7f) == 0 ? SigInfo.CLD_EXITED : (st & 0x80) != 0 ? SigInfo.CLD_DUMPED : SigInfo.CLD_KILLED;
                int value = (st & 0x7f) == 0 ? (st >> 8) & 0xff : st & 0x7f;
                Report r = new Report(c.pid, st, code, value, c.cpu + c.childCpu, c.cred().uid());
                if (!keep) reap(k, parent, c);
                return r;
            }
            if (c.alive() && c.stopped && c.stopReport && (options & WSTOPPED) != 0) {
                if (!keep) c.stopReport = false;
                return new Report(c.pid, (c.stopSignal << 8) | 0x7f, SigInfo.CLD_STOPPED, c.stopSignal, c.cpu, c.cred().uid());
            }
            if (c.alive() && c.continueReport && (options & WCONTINUED) != 0) {
                if (!keep) c.continueReport = false;
                return new Report(c.pid, 0xffff, SigInfo.CLD_CONTINUED, Signals.SIGCONT, c.cpu, c.cred().uid());
            }
        }
        if (!any) return (long) -ECHILD;
        if ((options & WNOHANG) != 0) return null;
        k.sleep(t, parent, "wait for a child of pid " + parent.pid + " to exit");
        return SLEEPING;
    }

    private static void reap(Kernel k, Process parent, Process c) {
        k.traceProc(parent.pid, "wait", c.pid, null);
        parent.children.remove(c);
        parent.childCpu += c.cpu + c.childCpu;
        MemStats cm = c.memStats();
        if (cm != null) { parent.childMinFlt += cm.minorFaults; parent.childMajFlt += cm.majorFaults; }
        parent.childMinFlt += c.childMinFlt;
        parent.childMajFlt += c.childMajFlt;
        k.reap(c);
    }

    /** struct rusage (144 bytes): user time from the child's instructions, the rest zero. */
    public static byte[] rusage(long cpuNs) { return rusage(cpuNs, 0, 0); }

    /** struct rusage: ru_utime, then ru_minflt and ru_majflt (the 5th and 6th longs after the two timevals). */
    public static byte[] rusage(long cpuNs, long minflt, long majflt) {
        ByteBuffer b = ByteBuffer.allocate(144).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, cpuNs / 1_000_000_000L).putLong(8, cpuNs % 1_000_000_000L / 1000);
        b.putLong(64, minflt).putLong(72, majflt);
        return b.array();
    }
}
