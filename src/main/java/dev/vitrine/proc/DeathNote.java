package dev.vitrine.proc;

import dev.vitrine.fs.FsException;
import dev.vitrine.loader.Symbols;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;
import dev.vitrine.mmu.Access;

/**
 * The report's line for a process a signal killed, saying what happened:
 * "Segmentation fault (pid 1, t): write to 0x0 (no mapping), pc 0x10552 in main".
 * A fault names the access, the address and why the kernel refused it; a signal another
 * process sent names the sender; the pc is named by the ELF's symbol table when it has one.
 */
final class DeathNote {
    private DeathNote() {}

    /** Where a page fault the kernel could not satisfy happened: the task keeps it for this line. */
    record FaultSite(long va, int access, long pc) {}

    /** {@code text} is the signal's description; {@code on} the current task when it belongs to {@code p}, else null. */
    static String line(Kernel k, Process p, Task on, String text, SigInfo info) {
        StringBuilder sb = new StringBuilder(text).append(" (pid ").append(p.pid).append(", ").append(p.comm).append(')');
        String what = what(p, on, info);
        if (what != null) sb.append(": ").append(what);
        if (on != null) {
            long pc = k.hart().pc;
            sb.append(what != null ? ", " : ": ").append(String.format("pc 0x%x", pc));
            String fn = function(p, pc);
            if (fn != null) sb.append(" in ").append(fn);
        }
        return sb.toString();
    }

    private static String what(Process p, Task on, SigInfo info) {
        if (info == null) return null;
        if (info.kind() == SigInfo.Kind.FAULT) {
            FaultSite f = on != null ? on.faultSite : null;
            if (f == null || f.va() != info.addr()) return String.format("at 0x%x", info.addr());
            String verb = switch (f.access()) { case Access.FETCH -> "execute at"; case Access.STORE -> "write to"; default -> "read from"; };
            return String.format("%s 0x%x (%s)", verb, f.va(), reason(p, info, f));
        }
        boolean sent = info.code() == SigInfo.SI_USER || info.code() == SigInfo.SI_TKILL || info.code() == SigInfo.SI_QUEUE;
        if (sent && info.pid() != 0 && info.pid() != p.pid) return "sent by pid " + info.pid();
        return null;
    }

    /** Why the kernel refused the access (do_user_addr_fault's outcome). */
    private static String reason(Process p, SigInfo info, FaultSite f) {
        if (info.signo() == Signals.SIGBUS) return "past the end of the mapped file";
        if (info.code() == Signals.SEGV_MAPERR) return "no mapping";
        Vma v = p.space != null ? p.space.find(f.va()) : null;
        if (v == null) return "no mapping";
        String prot = Prot.string(v.prot());
        if (v.prot() == Prot.NONE) return "PROT_NONE mapping";
        return switch (f.access()) {
            case Access.STORE -> (v.prot() & Prot.WRITE) == 0 ? "read-only mapping " + prot : "permission, mapping " + prot;
            case Access.FETCH -> (v.prot() & Prot.EXEC) == 0 ? "mapping not executable " + prot : "permission, mapping " + prot;
            default -> (v.prot() & Prot.READ) == 0 ? "mapping not readable " + prot : "permission, mapping " + prot;
        };
    }

    /** The function at {@code pc} from the symbol table of the file mapped there, or null. */
    private static String function(Process p, long pc) {
        Vma v = p.space != null ? p.space.find(pc) : null;
        if (v == null || v.file() == null) return null;
        try {
            return Symbols.at(v.file(), v.fileOffset(pc));
        } catch (FsException e) {
            return null; // the file cannot be read now (a host file gone): the line goes without a name
        }
    }
}
