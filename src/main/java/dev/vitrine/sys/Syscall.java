package dev.vitrine.sys;

import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.RestartPolicy;
import dev.vitrine.proc.Task;

/**
 * One row of the syscall table: number, name, the kinds of its arguments (how the dispatcher
 * decodes and strace shows them), how to show its result, and the handler. Dispatch, strace,
 * the ENOSYS report and docs/linux-compat.md all read it. {@code restart} is what a signal
 * handler makes of the call while it sleeps (Linux's -ERESTARTSYS or -ERESTARTNOHAND); the
 * dispatcher hands it to the task, so proc applies it without knowing syscall numbers.
 */
public record Syscall(int nr, String name, Arg[] args, Result result, Status status, RestartPolicy restart, Handler handler) {

    /**
     * A handler's return is the value for a0: a result, or -errno. It sees its arguments
     * decoded by their {@link Arg} kinds. It may throw {@code FsException} for an errno; any
     * other exception is a Vitrine bug, which the dispatcher reports and survives.
     */
    @FunctionalInterface
    public interface Handler {
        long call(Kernel k, Task t, long a0, long a1, long a2, long a3, long a4, long a5);
    }

    /** How strace shows the result. */
    public enum Result { DEC, HEX, NONE }

    /** How complete the implementation is, for docs/linux-compat.md. */
    public enum Status { IMPLEMENTED, PARTIAL }

    /*
     * The markers live where Linux keeps its own kernel-internal errnos (ERESTARTSYS 512,
     * ERESTARTNOINTR 513, ...; include/linux/errno.h): user space reads -4095..-1 as an error
     * (IS_ERR_VALUE), so no address, count or offset a handler returns can equal them, and no
     * errno we hand out is that large. The dispatcher treats any other result in
     * -4095..-512 as a bug.
     */

    /** The handler did not return to the caller (exit, exec, sigreturn): leave a0 and pc alone. */
    public static final long NO_RETURN = -513;

    /**
     * The handler put the task to sleep ({@code Kernel.sleep}): leave pc at the ecall so the
     * call runs again, with the same arguments, when the task is woken (Linux's -ERESTARTSYS).
     */
    public static final long RESTART = -512;

    /** The lowest kernel-internal errno: results in [-MAX_ERRNO, -FIRST_INTERNAL] are never real. */
    static final long FIRST_INTERNAL = 512, MAX_ERRNO = 4095;
}
