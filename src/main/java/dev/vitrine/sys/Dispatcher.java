package dev.vitrine.sys;

import dev.vitrine.cpu.Hart;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FsException;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Oops;
import dev.vitrine.proc.Task;

import dev.vitrine.trace.Category;
import dev.vitrine.trace.Event;
import dev.vitrine.trace.Tracer;

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
    private final PrintStream strace;
    private final PrintStream diagnostics;
    private final Map<String, Long> missing = new LinkedHashMap<>();

    public Dispatcher(SyscallTable table, PrintStream strace, PrintStream diagnostics) {
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
        Tracer tr = k.tracer();
        boolean traced = tr.on(Category.SYSCALL);
        if (traced) tr.emit(new Event.SyscallEnter(k.now(), t.pid(), t.tid(), (int) nr, s == null ? SyscallNames.of(nr) : s.name(), raw.clone()));
        if (s == null) {
            String name = SyscallNames.of(nr);
            if (missing.merge(name, 1L, Long::sum) == 1 && diagnostics != null)
                diagnostics.println("vitrine: " + name + " (syscall " + nr + ") is not implemented; it returns ENOSYS");
            if (strace != null) strace.println(prefix(k, t) + name + "(...) = -1 ENOSYS (" + Errno.text(Errno.ENOSYS) + ")");
            h.x[10] = -Errno.ENOSYS;
            h.pc += 4;
            if (traced) exit(k, t, nr, SyscallNames.of(nr), -Errno.ENOSYS, false, null);
            return;
        }
        String prefix = strace != null ? prefix(k, t) : null;
        String[] pre = null;
        long r;
        try {
            if (strace != null || traced) pre = Strace.before(s, t.memory(), raw);
            r = call(k, t, s, raw);
            if (r <= -Syscall.FIRST_INTERNAL && r >= -Syscall.MAX_ERRNO && r != Syscall.RESTART && r != Syscall.NO_RETURN)
                throw new IllegalStateException("result " + r + " is a kernel-internal errno");
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // OutOfMemoryError is not caught: what the guest may hold is bounded by the memory budget.
            if (strace != null) strace.println(prefix + Strace.plain(s, raw) + " = ? <internal error>");
            if (traced) exit(k, t, nr, s.name(), 0, false, Strace.plain(s, raw) + " = ? <internal error>");
            Oops.kill(k, t, Strace.plain(s, raw), e);
            return;
        }
        if (r == Syscall.RESTART) {
            t.syscallSleeps(nr, s.restart());
            if (strace != null) strace.println(prefix + Strace.line(s, pre, null, raw, 0).replaceFirst(" = 0$", " = ? <sleeping>"));
            if (traced) exit(k, t, nr, s.name(), 0, true, Strace.line(s, pre, null, raw, 0).replaceFirst(" = 0$", " = ? <sleeping>"));
            return;
        }
        t.syscallDone();
        if (r == Syscall.NO_RETURN) {
            if (strace != null) strace.println(prefix + Strace.line(s, pre, null, raw, 0).replaceFirst(" = 0$", " = ?"));
            if (traced) exit(k, t, nr, s.name(), 0, false, Strace.line(s, pre, null, raw, 0).replaceFirst(" = 0$", " = ?"));
            return;
        }
        h.x[10] = r;
        h.pc += 4;
        String line = strace != null || traced ? Strace.line(s, pre, t.memory(), raw, r) : null;
        if (strace != null) strace.println(prefix + line);
        if (traced) exit(k, t, nr, s.name(), r, false, line);
    }

    /** The exit event, stamped after the handler ran (a blocked call's time is its sleep's start). */
    private static void exit(Kernel k, Task t, long nr, String name, long result, boolean sleeping, String text) {
        Tracer tr = k.tracer();
        // exit and exit_group leave no task behind: stamp with the caller anyway.
        tr.emit(new Event.SyscallExit(k.now(), t.pid(), t.tid(), (int) nr, name, result, sleeping, text));
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

    private static String prefix(Kernel k, Task t) {
        return k.threadsCreated() > 1 ? "[pid " + t.tid() + "] " : "";
    }
}
