package dev.vitrine.sys;

import dev.vitrine.cpu.Hart;
import dev.vitrine.fs.Errno;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ecall: read a7 and a0-a5, run the table's handler, put the result in a0 and step past
 * the ecall. Also where strace lines are written and missing syscalls are reported.
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
        long[] a = {h.x[10], h.x[11], h.x[12], h.x[13], h.x[14], h.x[15]};
        Syscall s = table.get(nr);
        if (s == null) {
            String name = SyscallNames.of(nr);
            if (missing.merge(name, 1L, Long::sum) == 1 && diagnostics != null)
                diagnostics.println("vitrine: " + name + " (syscall " + nr + ") is not implemented; it returns ENOSYS");
            if (strace != null) strace.println(prefix(k, t) + name + "(...) = -1 ENOSYS (" + Errno.text(Errno.ENOSYS) + ")");
            h.x[10] = -Errno.ENOSYS;
            h.pc += 4;
            return;
        }
        String[] pre = strace != null ? Strace.before(s, t.memory(), a) : null;
        String prefix = strace != null ? prefix(k, t) : null;
        long r = s.handler().call(k, t, a[0], a[1], a[2], a[3], a[4], a[5]);
        if (r == Syscall.RESTART) {
            t.syscallSleeps(nr);
            if (strace != null) strace.println(prefix + Strace.line(s, pre, null, a, 0).replaceFirst(" = 0$", " = ? <sleeping>"));
            return;
        }
        t.syscallDone();
        if (r == Syscall.NO_RETURN) {
            if (strace != null) strace.println(prefix + Strace.line(s, pre, null, a, 0).replaceFirst(" = 0$", " = ?"));
            return;
        }
        h.x[10] = r;
        h.pc += 4;
        if (strace != null) strace.println(prefix + Strace.line(s, pre, t.memory(), a, r));
    }

    private static String prefix(Kernel k, Task t) {
        return k.threadsCreated() > 1 ? "[pid " + t.tid() + "] " : "";
    }
}
