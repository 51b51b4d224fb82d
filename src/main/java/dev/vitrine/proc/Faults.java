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
        // Pages evicting each other with no instruction retired in between (the faulting
        // instruction's own pages): no progress is possible, which Linux's allocator also
        // ends by calling the OOM killer after its retries.
        if (f == Fault.HANDLED && t.space().stalled(k.hart().instret)) f = Fault.OOM;
        if (f != Fault.HANDLED && f != Fault.OOM) {
            var tr = k.tracer();
            if (tr.on(dev.vitrine.trace.Category.FAULT))
                tr.emit(new dev.vitrine.trace.Event.Fault(k.now(), t.proc.pid, t.tid, va, dev.vitrine.mmu.Access.name(k.mmu().faultAccess()),
                        "invalid", f == Fault.BUS ? "SIGBUS" : "SIGSEGV"));
        }
        if (f == Fault.MAPERR || f == Fault.ACCERR || f == Fault.BUS)
            t.faultSite = new DeathNote.FaultSite(va, k.mmu().faultAccess(), k.hart().pc);
        switch (f) {
            case HANDLED -> { }
            case MAPERR -> { t.space().stats().invalidFaults++; force(k, t, SigInfo.fault(Signals.SIGSEGV, Signals.SEGV_MAPERR, va)); }
            case ACCERR -> { t.space().stats().invalidFaults++; force(k, t, SigInfo.fault(Signals.SIGSEGV, Signals.SEGV_ACCERR, va)); }
            case BUS -> { t.space().stats().invalidFaults++; force(k, t, SigInfo.fault(Signals.SIGBUS, Signals.BUS_ADRERR, va)); }
            case OOM -> OomKiller.kill(k, t, va);
        }
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
