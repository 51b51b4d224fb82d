package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.mm.UserMemory;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.RestartPolicy;
import dev.vitrine.proc.SigFrame;
import dev.vitrine.proc.SigInfo;
import dev.vitrine.proc.Task;
import dev.vitrine.proc.TraceHook;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The --strace log, written as strace -f writes it: {@code [pid N] } while more than one
 * thread lives, optional -tt timestamps of the virtual wall clock, the result at column 40,
 * a call that sleeps while others run as {@code read(0,  <unfinished ...>)} and
 * {@code <... read resumed>"x", 4096) = 1}, {@code --- SIGPIPE {...} ---}, and
 * {@code +++ exited with 0 +++}. Which calls get lines is the {@link StraceFilter}'s.
 * The decoding of one call is {@link StraceCall}'s.
 */
public final class Strace implements TraceHook {
    /** strace's -a default: the column "= result" starts at. */
    private static final int RESULT_COLUMN = 40;

    private final PrintStream out;
    private final StraceFilter filter;
    private final boolean timestamps;

    /** A call that went to sleep: what was shown when it entered, and whether its line is still held back. */
    private record Pending(Syscall call, String[] pre, long[] raw, String head) {}

    private final Map<Integer, Pending> sleeping = new HashMap<>();
    /** The tid whose entry line is held, waiting to see whether anything comes between it and its end; 0 for none. */
    private int held;

    public Strace(PrintStream out, StraceFilter filter, boolean timestamps) {
        this.out = out;
        this.filter = filter;
        this.timestamps = timestamps;
    }

    // ---- syscalls, from the dispatcher

    /** Whether call {@code nr} gets lines. */
    boolean traces(long nr) { return filter.traces(nr); }

    /** exit and exit_group: shown as they enter, since the process is gone when they "return". */
    static boolean endsCaller(Syscall s) { return s.name().equals("exit") || s.name().equals("exit_group"); }

    /** The inputs of the call task {@code t} enters now, or of the call it resumes. */
    String[] enter(Kernel k, Task t, Syscall s, long[] raw) {
        Pending p = sleeping.get(t.tid());
        if (p != null && p.call == s) return p.pre;
        if (p != null) sleeping.remove(t.tid()); // its end went unseen; this is a new call
        // rt_sigreturn takes no argument; strace shows the mask it restores from the frame at sp.
        if (s.name().equals("rt_sigreturn"))
            return new String[]{"{mask=" + StraceStructs.sigset(t.memory(), k.hart().x[2] + SigFrame.SIGINFO_SIZE + SigFrame.UC_SIGMASK) + "}"};
        return StraceCall.before(s, t.memory(), raw);
    }

    /** The call ended with {@code result} (a value, -errno, or {@code Syscall.NO_RETURN}). */
    void exit(Kernel k, Task t, Syscall s, String[] pre, long[] raw, long result, UserMemory m) {
        String r;
        if (result == Syscall.NO_RETURN) {
            // exec that worked returns 0 to the new image; rt_sigreturn's a0 is the one restored.
            r = s.name().startsWith("execve") ? "0" : s.name().equals("rt_sigreturn") ? StraceCall.number(k.hart().x[10]) : "?";
            m = null;
        } else {
            r = StraceCall.result(s, raw, result);
        }
        finish(k, t, s, pre, m, raw, result == Syscall.NO_RETURN ? 0 : result, r);
    }

    /** The call went to sleep (Syscall.RESTART): its entry is shown now or, if nothing comes between, with its end. */
    void sleeps(Kernel k, Task t, Syscall s, String[] pre, long[] raw) {
        if (sleeping.containsKey(t.tid())) return;
        String head = prefix(k, t.tid(), 0) + s.name() + "(" + String.join(", ", java.util.Arrays.copyOf(pre, StraceCall.shownAtEntry(pre)));
        if (StraceCall.shownAtEntry(pre) > 0 && StraceCall.shownAtEntry(pre) < pre.length) head += ", ";
        flushHeld();
        sleeping.put(t.tid(), new Pending(s, pre, raw, head));
        held = t.tid();
    }

    /**
     * The first program, which the machine loads itself: strace's first line is the execve
     * that started it, so this is shown as one, with the stack's argv and envp.
     */
    public void firstExec(Kernel k, Task t, String path, java.util.List<String> argv, int envc, long envp) {
        if (!filter.traces(221)) return;
        java.util.List<String> args = new java.util.ArrayList<>();
        for (String a : argv) {
            byte[] b = a.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            args.add(StraceText.quote(b, b.length, Integer.MAX_VALUE));
        }
        byte[] p = path.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        line(prefix(k, t.tid(), 0) + "execve(" + StraceText.quote(p, p.length, Integer.MAX_VALUE) + ", [" + String.join(", ", args)
                + "], " + StraceStructs.ptr(envp) + " /* " + envc + (envc == 1 ? " var" : " vars") + " */)", "0");
    }

    /** A call we lack: ENOSYS. */
    void missing(Kernel k, Task t, String name) {
        line(prefix(k, t.tid(), 0) + name + "(...)", "-1 ENOSYS (" + Errno.text(Errno.ENOSYS) + ")");
    }

    /** A call that met a Vitrine bug. */
    void internalError(Kernel k, Task t, Syscall s, long[] raw) {
        sleeping.remove(t.tid());
        line(prefix(k, t.tid(), 0) + StraceCall.plain(s, raw), "? <internal error>");
    }

    private void finish(Kernel k, Task t, Syscall s, String[] pre, UserMemory m, long[] raw, long result, String r) {
        Pending p = sleeping.remove(t.tid());
        if (p == null) {
            line(prefix(k, t.tid(), 0) + s.name() + "(" + StraceCall.args(s, pre, m, raw, result, 0) + ")", r);
        } else if (held == t.tid()) {
            held = 0;
            line(prefix(k, t.tid(), 0) + s.name() + "(" + StraceCall.args(s, p.pre, m, p.raw, result, 0) + ")", r);
        } else {
            line(prefix(k, t.tid(), 0) + "<... " + s.name() + " resumed>"
                    + StraceCall.args(s, p.pre, m, p.raw, result, StraceCall.shownAtEntry(p.pre)) + ")", r);
        }
    }

    // ---- signals and exits, from proc

    @Override public void signal(Kernel k, Task t, SigInfo info, boolean interrupts) {
        Pending p = sleeping.get(t.tid());
        if (p != null && interrupts) finish(k, t, p.call, p.pre, null, p.raw, -1, interrupted(p.call));
        print(prefix(k, t.tid(), 0) + "--- " + StraceNames.signal(info.signo()) + " " + StraceStructs.siginfo(info) + " ---");
    }

    @Override public void stopped(Kernel k, Task t, int sig) {
        print(prefix(k, t.tid(), 0) + "--- stopped by " + StraceNames.signal(sig) + " ---");
    }

    @Override public void exited(Kernel k, int pid, int status) {
        // The process's threads are gone from the kernel's table: count it as strace still does.
        String prefix = prefix(k, pid, 1);
        Pending p = sleeping.remove(pid);
        if (p != null) {
            if (held == pid) { held = 0; line(p.head + " <unfinished ...>)", "?"); }
            else line(prefix + "<... " + p.call.name() + " resumed> <unfinished ...>)", "?");
        }
        // Other threads of a process that died with it leave calls that never end: forget them.
        flushHeld();
        sleeping.keySet().removeIf(tid -> k.thread(tid) == null);
        if ((status & 0x7f) == 0) print(prefix + "+++ exited with " + ((status >> 8) & 0xff) + " +++");
        else print(prefix + "+++ killed by " + StraceNames.signal(status & 0x7f) + ((status & 0x80) != 0 ? " (core dumped)" : "") + " +++");
    }

    /** What strace sees a sleeping call return when a signal cuts it short: the kernel's restart codes. */
    private static String interrupted(Syscall s) {
        if (s.name().endsWith("nanosleep")) return "? ERESTART_RESTARTBLOCK (Interrupted by signal)";
        return s.restart() == RestartPolicy.RESTARTNOHAND ? "? ERESTARTNOHAND (To be restarted if no handler)"
                : "? ERESTARTSYS (To be restarted if SA_RESTART is set)";
    }

    /** Flushes a held entry line: something else is printed, so the call shows as unfinished. */
    public void flush() { flushHeld(); }

    // ---- output

    private void line(String call, String result) {
        print(call + " " + pad(call + " ") + "= " + result);
    }

    private static String pad(String s) {
        return s.length() < RESULT_COLUMN ? " ".repeat(RESULT_COLUMN - s.length()) : "";
    }

    private void print(String line) {
        flushHeld();
        out.println(line);
    }

    private void flushHeld() {
        if (held == 0) return;
        Pending p = sleeping.get(held);
        held = 0;
        if (p != null) out.println(p.head + " <unfinished ...>");
    }

    /** "[pid N] " while more than one thread lives, then the -tt time. */
    private String prefix(Kernel k, int tid, int gone) {
        String p = k.liveThreads() + gone > 1 ? "[pid " + tid + "] " : "";
        if (!timestamps) return p;
        long ns = k.clock().realtime();
        long secOfDay = Math.floorMod(Math.floorDiv(ns, 1_000_000_000L), 86_400L);
        long micros = Math.floorMod(ns, 1_000_000_000L) / 1000;
        return p + String.format("%02d:%02d:%02d.%06d ", secOfDay / 3600, secOfDay / 60 % 60, secOfDay % 60, micros);
    }
}
