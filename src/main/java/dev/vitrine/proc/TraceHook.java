package dev.vitrine.proc;

/**
 * What a tracer attached to the machine (sys's strace) hears from proc besides syscalls:
 * the moments ptrace stops a traced Linux process at, which strace -f prints as
 * {@code --- SIGPIPE {...} ---}, {@code --- stopped by SIGTSTP ---} and {@code +++ exited with 0 +++}.
 */
public interface TraceHook {
    /**
     * Task {@code t} takes signal {@code info} off its queue (signal-delivery-stop);
     * {@code interrupts} when the syscall it sleeps in ends because of it (a handler runs or
     * the process dies), so the tracer can close that call first.
     */
    void signal(Kernel k, Task t, SigInfo info, boolean interrupts);

    /** Task {@code t}'s process stopped by {@code sig}. */
    void stopped(Kernel k, Task t, int sig);

    /** Process {@code pid} (or one thread {@code pid} of a process that goes on) ended with wait status {@code status}; the thread is gone already. */
    void exited(Kernel k, int pid, int status);
}
