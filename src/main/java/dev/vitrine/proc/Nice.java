package dev.vitrine.proc;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Rlimit;

/**
 * Nice values (-20 best .. 19 worst), which the priority policy schedules by. As on Linux,
 * with RLIMIT_NICE 0 anyone may lower their priority, and only CAP_SYS_NICE raise it.
 */
public final class Nice {
    private Nice() {}

    static final int PRIO_PROCESS = 0, PRIO_PGRP = 1, PRIO_USER = 2, EINVAL = 22, ESRCH = 3, EACCES = 13, EPERM = 1;

    /** getpriority: the kernel returns 20 - nice (1..40) so that no result looks like an error. */
    public static long get(Kernel k, Task t, int which, int who) {
        int best = Integer.MAX_VALUE;
        for (Process p : targets(k, t, which, who)) best = Math.min(best, p.nice);
        if (which < PRIO_PROCESS || which > PRIO_USER) return -EINVAL;
        return best == Integer.MAX_VALUE ? -ESRCH : 20 - best;
    }

    public static long set(Kernel k, Task t, int which, int who, int prio) {
        if (which < PRIO_PROCESS || which > PRIO_USER) return -EINVAL;
        int nice = Math.max(-20, Math.min(19, prio));
        var targets = targets(k, t, which, who);
        if (targets.isEmpty()) return -ESRCH;
        // set_one_prio: another user's process needs CAP_SYS_NICE (EPERM); raising priority past
        // RLIMIT_NICE needs it too (EACCES). The first refusal is the answer; earlier targets keep the change.
        Cred c = t.cred;
        for (Process p : targets) {
            Cred pc = p.cred();
            if (pc.uid() != c.euid() && pc.euid() != c.euid() && !c.capable(Cred.CAP_SYS_NICE)) return -EPERM;
            if (nice < p.nice && p.rlimCur[Rlimit.NICE] < 20 - nice && !c.capable(Cred.CAP_SYS_NICE)) return -EACCES;
            p.nice = nice;
        }
        return 0;
    }

    private static java.util.List<Process> targets(Kernel k, Task t, int which, int who) {
        java.util.List<Process> out = new java.util.ArrayList<>();
        java.util.List<Process> all = new java.util.ArrayList<>(k.processes());
        all.add(0, k.init());   // root's, nice 0: getpriority finds it, another user's setpriority is EPERM
        for (Process p : all) {
            if (!p.alive()) continue;
            boolean hit = switch (which) {
                case PRIO_PROCESS -> p.pid == (who == 0 ? t.pid() : who);
                case PRIO_PGRP -> p.pgid == (who == 0 ? t.proc.pgid : who);
                case PRIO_USER -> p.cred().uid() == (who == 0 ? t.cred.uid() : who);
                default -> false;
            };
            if (hit) out.add(p);
        }
        return out;
    }
}
