package dev.vitrine.proc;

import java.io.PrintStream;

/**
 * A Vitrine bug met while serving a task: Linux's oops. The syscall dispatcher and the page
 * fault path are the only places one can surface. It is reported in one line (on the
 * machine's diagnostics stream and in the run's report), the task's process dies as Linux's
 * die() makes an oopsing task die, by SIGSEGV (make_task_dead(SIGSEGV): its parent's wait
 * sees WIFSIGNALED with SIGSEGV, no core), and the rest of the machine goes on. Unlike Linux,
 * which ends only the oopsing thread, the whole process ends: its kernel state may be half
 * changed, and a process with a thread missing mid-call would hang on what that thread held.
 * A run that met one ends with status 70 (EX_SOFTWARE) once every process has exited.
 */
public final class Oops {
    private PrintStream diagnostics;
    private int count;

    Oops() {}

    /** Where the one-line reports go besides the run's report; null for nowhere. */
    public void setDiagnostics(PrintStream d) { diagnostics = d; }

    /** How many internal errors the run met. */
    public int count() { return count; }

    /**
     * Reports {@code e}, met while doing {@code what} for {@code t} ("getrandom(0x7c260, ...)",
     * "page fault at 0x..."), and kills t's process.
     */
    public static void kill(Kernel k, Task t, String what, Throwable e) {
        Oops o = k.oops();
        o.count++;
        String line = "internal error in " + what + ": " + describe(e);
        if (o.diagnostics != null) o.diagnostics.println("vitrine: " + line);
        k.note(line + "; pid " + t.pid() + " (" + t.comm() + ") killed by SIGSEGV");
        t.syscallDone();
        Exit.killProcess(k, t.proc, Signals.SIGSEGV, false);
    }

    /** A bug outside any task's syscall or fault (the kernel loop itself): reported the same way; the caller stops the run. */
    public static void stop(Kernel k, Throwable e) {
        Oops o = k.oops();
        o.count++;
        String line = "internal error in the kernel: " + describe(e) + "; the run was stopped";
        if (o.diagnostics != null) o.diagnostics.println("vitrine: " + line);
        k.note(line);
    }

    /** "NegativeArraySizeException (-1) at SysProc.java:130": the first frame in Vitrine's code. */
    static String describe(Throwable e) {
        String msg = e.getMessage();
        String s = e.getClass().getSimpleName() + (msg != null && !msg.isEmpty() && msg.length() <= 100 ? " (" + msg + ")" : "");
        StackTraceElement[] st = e.getStackTrace();
        StackTraceElement at = st.length > 0 ? st[0] : null;
        for (StackTraceElement f : st)
            if (f.getClassName().startsWith("dev.vitrine.")) { at = f; break; }
        return at == null ? s : s + " at " + at.getFileName() + ":" + at.getLineNumber();
    }
}
