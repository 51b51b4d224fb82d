package dev.vitrine.sys;

import dev.vitrine.cpu.Hart;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FsException;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Oops;
import dev.vitrine.proc.Task;

import dev.vitrine.trace.Category;
import dev.vitrine.trace.Event;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ecall: read a7 and a0-a5, decode the arguments by the table's kinds, run the handler, put
 * the result in a0 and step past the ecall. Also where strace lines are written and missing
 * syscalls are reported. One of the two places a handler's exception can surface (the page
 * fault path is the other): an {@link FsException} is its errno; anything else is a Vitrine
 * bug, reported once and survived as Linux survives an oops ({@link Oops}).
 */
public final class Dispatcher implements Kernel.SyscallHandler {
    private final SyscallTable table;
    private final Strace strace;
    private final PrintStream diagnostics;
    private final Map<String, Long> missing = new LinkedHashMap<>();

    /** {@code strace} writes the --strace log (null for none). */
    public Dispatcher(SyscallTable table, Strace strace, PrintStream diagnostics) {
        this.table = table;
        this.strace = strace;
        this.diagnostics = diagnostics;
    }

    /** Syscalls the guest asked for that we lack, with how often: for --stats. */
    public Map<String, Long> missing() { return Map.copyOf(missing); }

    @Override public void syscall(Kernel k, Task t) {
        Hart h = k.hart();
        long nr = h.x[17];
        long[] raw = {h.x[10], h.x[11], h.x[12], h.x[13], h.x[14], h.x[15]};
        Syscall s = table.get(nr);
        Strace log = strace != null && strace.traces(nr) ? strace : null;
        boolean traced = k.tracer().on(Category.SYSCALL);
        if (traced) k.tracer().emit(new Event.SyscallEnter(k.now(), t.pid(), t.tid(), (int) nr, s == null ? SyscallNames.of(nr) : s.name(), raw.clone()));
        if (s == null) {
            String name = SyscallNames.of(nr);
            if (missing.merge(name, 1L, Long::sum) == 1 && diagnostics != null)
                diagnostics.println("vitrine: " + name + " (syscall " + nr + ") is not implemented; it returns ENOSYS");
            if (log != null) log.missing(k, t, name);
            h.x[10] = -Errno.ENOSYS;
            h.pc += 4;
            if (traced) exit(k, t, nr, SyscallNames.of(nr), -Errno.ENOSYS, false, SyscallNames.of(nr) + "(...) = -1 ENOSYS");
            return;
        }
        String[] pre = null;
        long r;
        try {
            if (log != null) pre = log.enter(k, t, s, raw);
            if (traced && pre == null) pre = StraceCall.before(s, t.memory(), raw);
            // exit and exit_group end the process inside the handler: their line comes before its +++ line.
            if (log != null && Strace.endsCaller(s)) log.exit(k, t, s, pre, raw, Syscall.NO_RETURN, null);
            r = call(k, t, s, raw);
            if (r <= -Syscall.FIRST_INTERNAL && r >= -Syscall.MAX_ERRNO && r != Syscall.RESTART && r != Syscall.NO_RETURN)
                throw new IllegalStateException("result " + r + " is a kernel-internal errno");
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // OutOfMemoryError is not caught: what the guest may hold is bounded by the memory budget.
            if (log != null) log.internalError(k, t, s, raw);
            if (traced) exit(k, t, nr, s.name(), 0, false, StraceCall.plain(s, raw) + " = ? <internal error>");
            Oops.kill(k, t, StraceCall.plain(s, raw), e);
            return;
        }
        if (r == Syscall.RESTART) {
            t.syscallSleeps(nr, s.restart());
            if (log != null) log.sleeps(k, t, s, pre, raw);
            if (traced) exit(k, t, nr, s.name(), 0, true, entered(s, pre) + " = ? <sleeping>");
            return;
        }
        t.syscallDone();
        if (r == Syscall.NO_RETURN) {
            if (log != null && !Strace.endsCaller(s)) log.exit(k, t, s, pre, raw, r, null);
            if (traced) exit(k, t, nr, s.name(), 0, false, entered(s, pre) + " = ?");
            return;
        }
        h.x[10] = r;
        h.pc += 4;
        if (t.space() != null) t.space().reportRss(k.tracer());
        if (log != null) log.exit(k, t, s, pre, raw, r, t.memory());
        if (traced) exit(k, t, nr, s.name(), r, false, StraceCall.formatCall(s, pre, t.memory(), raw, r));
    }

    /** The syscall_exit event, stamped after the handler ran (a blocked call's time is when it went to sleep). */
    private static void exit(Kernel k, Task t, long nr, String name, long result, boolean sleeping, String text) {
        k.tracer().emit(new Event.SyscallExit(k.now(), t.pid(), t.tid(), (int) nr, name, result, sleeping, text));
    }

    /** The call as far as its inputs go, for one that did not return: name(inputs...). */
    private static String entered(Syscall s, String[] pre) {
        int shown = StraceCall.shownAtEntry(pre);
        return s.name() + "(" + String.join(", ", java.util.Arrays.copyOf(pre, shown)) + (shown < pre.length ? ", ...)" : ")");
    }

    /** Decodes the arguments by their kinds, answers what Linux answers before any handler code, runs the handler. */
    private static long call(Kernel k, Task t, Syscall s, long[] raw) {
        long[] a = raw.clone();
        Arg[] kinds = s.args();
        for (int i = 0; i < kinds.length; i++) {
            long refused = kinds[i].refuse(raw[i]);
            if (refused != 0) return refused;
            a[i] = kinds[i].decode(raw[i]);
        }
        try {
            return s.handler().call(k, t, a[0], a[1], a[2], a[3], a[4], a[5]);
        } catch (FsException e) {
            return -e.errno();
        }
    }
}
