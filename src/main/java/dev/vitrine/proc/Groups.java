package dev.vitrine.proc;

import static dev.vitrine.abi.Errno.*;

/** Process groups and sessions: setpgid, getpgid, getsid, setsid, with Linux's rules, enough for a shell's job control. */
public final class Groups {
    private Groups() {}

    public static long setpgid(Kernel k, Task t, int pid, int pgid) {
        if (pgid < 0) return -EINVAL;
        Process self = t.proc;
        Process p = pid == 0 ? self : k.process(pid);
        if (p == null || (p != self && p.parent != self)) return -ESRCH;
        if (p != self && p.execed) return -EACCES;
        if (p != self && p.sid != self.sid) return -EPERM;
        if (p.sid == p.pid) return -EPERM;
        int target = pgid == 0 ? p.pid : pgid;
        if (target != p.pid) {
            boolean exists = false;
            for (Process q : k.processes())
                if (q.state != Process.State.REAPED && q.pgid == target && q.sid == p.sid) { exists = true; break; }
            if (!exists) return -EPERM;
        }
        p.pgid = target;
        return 0;
    }

    public static long getpgid(Kernel k, Task t, int pid) {
        Process p = pid == 0 ? t.proc : k.process(pid);
        return p == null ? -ESRCH : p.pgid;
    }

    public static long getsid(Kernel k, Task t, int pid) {
        Process p = pid == 0 ? t.proc : k.process(pid);
        return p == null ? -ESRCH : p.sid;
    }

    public static long setsid(Kernel k, Task t) {
        Process p = t.proc;
        for (Process q : k.processes())
            if (q.state != Process.State.REAPED && q.pgid == p.pid) return -EPERM;
        p.sid = p.pgid = p.pid;
        p.ttyDropped = false;
        return p.pid;
    }
}
