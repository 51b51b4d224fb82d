package dev.vitrine.proc;

import dev.vitrine.mm.Fault;

/** Traps that are not syscalls: page faults the kernel cannot satisfy become SIGSEGV/SIGBUS, bad instructions SIGILL. */
final class Faults {
    private Faults() {}

    static void pageFault(Kernel k, Task t) {
        long va = k.hart().trapValue;
        Fault f;
        try {
            f = t.space().fault(va, k.mmu().faultAccess());
        } catch (dev.vitrine.fs.FsException e) {
            f = Fault.BUS; // a file page that cannot be read in: Linux's VM_FAULT_SIGBUS
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // The fault path is the dispatcher's twin: the one other place a kernel bug surfaces.
            Oops.kill(k, t, String.format("page fault at 0x%x", va), e);
            return;
        }
        switch (f) {
            case HANDLED -> { }
            case MAPERR -> { t.space().stats().invalidFaults++; force(k, t, SigInfo.fault(Signals.SIGSEGV, Signals.SEGV_MAPERR, va)); }
            case ACCERR -> { t.space().stats().invalidFaults++; force(k, t, SigInfo.fault(Signals.SIGSEGV, Signals.SEGV_ACCERR, va)); }
            case BUS -> { t.space().stats().invalidFaults++; force(k, t, SigInfo.fault(Signals.SIGBUS, Signals.BUS_ADRERR, va)); }
            case OOM -> oomKill(k, t, va);
        }
    }

    /**
     * No free frame and nothing the pager can evict (no swap, or swap full): Linux's OOM
     * killer picks the process with the largest resident set; the faulting task retries its
     * access if it survives. The kernel log line is Linux's, with the address that started it.
     */
    private static void oomKill(Kernel k, Task faulting, long va) {
        Process victim = faulting.proc;
        for (Task x : k.tasks())
            if (x.proc.alive() && x.space() != null && x.space().residentPages() > victim.space().residentPages()) victim = x.proc;
        var s = victim.space();
        long kb = s.pageSize() / 1024, vm = 0;
        for (var v : s.vmas()) vm += v.length();
        k.note("Out of memory: Killed process " + victim.pid + " (" + victim.comm + ") total-vm:" + vm / 1024 + "kB, rss:"
                + s.residentPages() * kb + "kB, swap:" + s.swappedPages() * kb + "kB (no frame free or evictable for "
                + String.format("0x%x", va) + " in pid " + faulting.pid() + ")");
        Exit.killProcess(k, victim, Signals.SIGKILL, false);
    }

    /**
     * Linux's force_sig_info: a fault's signal cannot be blocked or ignored away, since the
     * instruction would only fault again; blocked or ignored, it reverts to the default action.
     */
    static void force(Kernel k, Task t, SigInfo info) {
        int sig = info.signo();
        Process p = t.proc;
        boolean blocked = (t.blocked & Signals.bit(sig)) != 0;
        if (blocked || p.actions[sig].isIgnore()) {
            p.actions[sig] = SigAction.DEFAULT;
            t.blocked &= ~Signals.bit(sig);
        }
        SignalDelivery.sendThread(k, t, info);
    }
}
