package dev.vitrine.proc;

import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;

import java.util.List;

/**
 * The point of no return of execve (Linux's begin_new_exec): the other threads die, the old
 * memory goes (or is handed back to a vfork parent), close-on-exec descriptors close, caught
 * signals revert to SIG_DFL while ignored ones and the mask stay, and the task starts
 * afresh at the new entry point.
 */
public final class ExecImage {
    private ExecImage() {}

    public static void commit(Kernel k, Task t, AddressSpace space, long entry, long sp, String exePath, String comm) {
        Process p = t.proc;
        for (Task other : List.copyOf(p.threads))
            if (other != t && other.state != Task.State.DEAD) Exit.endThreadForExec(k, other);
        // The old image is gone: a joiner of this thread would wait on memory that no longer exists.
        t.clearChildTid = 0;
        t.robustList = 0;
        t.rseq = 0;
        k.traceProc(t, "exec", p.pid, exePath);
        AddressSpace old = p.space;
        // min_flt and maj_flt are the task's, not the mm's: they survive exec (a vfork child's borrowed space counts its parent's).
        if (k.spaceUsers(old) == 1) {
            p.measures.fold(old);
            space.stats().minorFaults += old.stats().minorFaults;
            space.stats().majorFaults += old.stats().majorFaults;
        }
        k.releaseSpace(old);
        p.setSpace(space);
        k.space(space);
        k.sharing().useSpace(space);
        if (t.vforkParent != null) Exit.vforkRelease(k, t);
        if (k.sharing().fdUsers(p.fds) > 1) {
            FdTable own = p.fds.copy();
            k.releaseFds(p.fds);
            p.fds = own;
            k.sharing().useFds(own);
        }
        p.fds.closeOnExec();
        for (int s = 1; s <= Signals.NSIG; s++)
            if (p.actions[s].isHandler()) p.actions[s] = SigAction.DEFAULT;
        t.altSp = 0;
        t.altSize = 0;
        t.altFlags = SigFrame.SS_DISABLE;
        p.execed = true;
        PosixTimers.deleteAll(k, p);   // exit_itimers: POSIX timers do not survive exec (ITIMER_REAL does)
        p.exePath = exePath;
        p.comm = comm.length() > 15 ? comm.substring(0, 15) : comm;
        Context c = t.context;
        java.util.Arrays.fill(c.x, 0);
        java.util.Arrays.fill(c.f, 0);
        c.fcsr = 0;
        c.pc = entry;
        c.x[2] = sp;
        k.newImage(t);
        k.moment("exec", p);
    }
}
