package dev.vitrine.sys;

import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

/**
 * One row of the syscall table: number, name, how to show its arguments and result, and
 * the handler. Dispatch, strace, the ENOSYS report and docs/linux-compat.md all read it.
 */
public record Syscall(int nr, String name, Arg[] args, Result result, Status status, Handler handler) {

    /** A handler's return is the value for a0: a result, or -errno. */
    @FunctionalInterface
    public interface Handler {
        long call(Kernel k, Task t, long a0, long a1, long a2, long a3, long a4, long a5);
    }

    /** How strace shows the result. */
    public enum Result { DEC, HEX, NONE }

    /** How complete the implementation is, for docs/linux-compat.md. */
    public enum Status { IMPLEMENTED, PARTIAL }

    /** The handler did not return to the caller (exit, exec): leave a0 and pc alone. */
    public static final long NO_RETURN = Long.MIN_VALUE;

    /**
     * The handler put the task to sleep ({@code Kernel.sleep}): leave pc at the ecall so the
     * call runs again, with the same arguments, when the task is woken (Linux's restart idea).
     */
    public static final long RESTART = Long.MIN_VALUE + 1;
}
