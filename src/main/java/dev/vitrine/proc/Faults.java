package dev.vitrine.proc;

import dev.vitrine.mm.Fault;

/** Traps that are not syscalls: page faults the kernel cannot satisfy become SIGSEGV/SIGBUS, bad instructions SIGILL. */
final class Faults {
    private Faults() {}

    static void pageFault(Kernel k, Task t) {
        long va = k.hart().trapValue;
        Fault f = t.space().fault(va, k.mmu().faultAccess());
        switch (f) {
            case HANDLED -> { }
            case MAPERR -> { t.space().stats().invalidFaults++; force(k, t, SigInfo.fault(Signals.SIGSEGV, Signals.SEGV_MAPERR, va)); }
            case ACCERR -> { t.space().stats().invalidFaults++; force(k, t, SigInfo.fault(Signals.SIGSEGV, Signals.SEGV_ACCERR, va)); }
            case BUS -> force(k, t, SigInfo.fault(Signals.SIGBUS, Signals.BUS_ADRERR, va));
            case OOM -> {
                k.note("Out of memory: killed process " + t.pid() + " (" + t.comm() + "), no free frame for a page at "
                        + String.format("0x%x", va));
                Exit.killProcess(k, t.proc, Signals.SIGKILL, false);
            }
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
