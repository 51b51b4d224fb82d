package dev.vitrine.proc;

import dev.vitrine.mm.AddressSpace;

/**
 * Linux's OOM killer: no free frame and nothing the pager can evict (no swap, or swap full),
 * so the process with the largest resident set is killed. The kernel log line is Linux's,
 * with the address that started it.
 */
public final class OomKiller {
    private OomKiller() {}

    /** A user page fault found no memory: the victim dies now; the faulting task retries its access if it survives. */
    static void kill(Kernel k, Task faulting, long va) {
        Process victim = choose(k, faulting.proc);
        report(k, victim, faulting.pid(), va);
        Exit.killProcess(k, victim, Signals.SIGKILL, false);
    }

    /**
     * A kernel copy to or from user memory (copy_to_user) found no memory: as in Linux the
     * allocator runs the OOM killer. Another victim dies at once and its memory is free (true:
     * retry the copy); when the victim is the caller itself it gets SIGKILL, which ends it as
     * the syscall returns, and the copy fails (EFAULT, never seen).
     */
    public static boolean duringCopy(Kernel k, AddressSpace space, long va) {
        Task current = k.current();
        if (current == null || current.space() != space) return false;
        Process victim = choose(k, current.proc);
        report(k, victim, current.pid(), va);
        if (victim == current.proc) {
            k.signal(current, Signals.SIGKILL);
            return false;
        }
        Exit.killProcess(k, victim, Signals.SIGKILL, false);
        return true;
    }

    private static Process choose(Kernel k, Process start) {
        Process victim = start;
        for (Task x : k.tasks())
            if (x.proc.alive() && x.space() != null && x.space().residentPages() > victim.space().residentPages()) victim = x.proc;
        return victim;
    }

    private static void report(Kernel k, Process victim, int pid, long va) {
        if (victim.oomVictim) return;
        victim.oomVictim = true;
        var s = victim.space();
        long kb = s.pageSize() / 1024;
        k.note("Out of memory: Killed process " + victim.pid + " (" + victim.comm + ") total-vm:" + s.totalVm() * kb + "kB, rss:"
                + s.residentPages() * kb + "kB, swap:" + s.swappedPages() * kb + "kB (no frame free or evictable for "
                + String.format("0x%x", va) + " in pid " + pid + ")");
    }
}
