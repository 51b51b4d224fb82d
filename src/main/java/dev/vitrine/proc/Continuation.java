package dev.vitrine.proc;

import dev.vitrine.fs.Fifo;

/**
 * What a sleeping syscall keeps across its restarts (Linux keeps it on the kernel stack or in
 * restart_block; our syscalls run again from their ecall, so it lives on the task). One value
 * per sleeping call, dropped when the call completes; each kind says what giving it up means.
 */
public sealed interface Continuation
        permits Continuation.Progress, Continuation.Deadline, Continuation.Nanosleep, Continuation.SignalSleep,
                Continuation.SigWait, Continuation.FifoOpen, Continuation.IpcWait, Futexes.Waiter, Futexes.Group {

    /** How a sleeping call ended early: a handler made it EINTR, a handler ran and it restarts, or its thread died. */
    enum Abandon { EINTR, RESTART, EXIT }

    /** Undoes what the sleeping call holds (a queue entry, a half-open FIFO, a wait set). */
    default void abandon(Kernel k, Task t, Abandon how) {}

    /** What the call returns when a handler cuts it short (EINTR), after its last word to user memory. */
    default long interrupted(Kernel k, Task t) { return -dev.vitrine.abi.Errno.EINTR; }

    /** A read or write that moved {@code done} of {@code n} bytes before it slept; {@code key} tells a restart of the same call. */
    record Progress(int fd, long key, long n, long done) implements Continuation {
        public boolean same(int fd, long key, long n) { return this.fd == fd && this.key == key && this.n == n; }
    }

    /** A relative timeout turned into a deadline on the monotonic clock once (poll, select). */
    record Deadline(long at) implements Continuation {}

    /** nanosleep/clock_nanosleep: EINTR writes the time left into {@code remVa} (0: relative sleeps with rem only). */
    record Nanosleep(long deadline, long remVa) implements Continuation {
        /** nanosleep_copyout: a rem that cannot be written makes the call EFAULT instead. */
        @Override public long interrupted(Kernel k, Task t) {
            if (remVa != 0 && !t.memory().write(remVa, timespec(Math.max(0, deadline - k.clock().now()))))
                return -dev.vitrine.abi.Errno.EFAULT;
            return -dev.vitrine.abi.Errno.EINTR;
        }
    }

    /** rt_sigsuspend and pause/ppoll without descriptors: the temporary mask is in place; {@code deadline} -1 for none. */
    record SignalSleep(long deadline) implements Continuation {}

    /** rt_sigtimedwait: the set it takes signals from stays open until the call ends. */
    record SigWait(long deadline) implements Continuation {
        @Override public void abandon(Kernel k, Task t, Abandon how) { t.waitSet = 0; }
    }

    /** open of a FIFO waiting for its other end: giving up uncounts the half-made end. */
    record FifoOpen(Fifo fifo) implements Continuation {
        @Override public void abandon(Kernel k, Task t, Abandon how) { fifo.cancel(t); }
    }

    /**
     * semop/semtimedop or msgsnd/msgrcv asleep on a System V object: the object it waits on
     * (whose removal ends the wait with EIDRM), its deadline on the monotonic clock (-1: none)
     * and how it leaves the object's list of sleepers (what GETNCNT/GETZCNT count).
     */
    record IpcWait(Object object, long deadline, Runnable leave) implements Continuation {
        @Override public void abandon(Kernel k, Task t, Abandon how) { leave.run(); }
    }

    private static byte[] timespec(long ns) {
        byte[] b = new byte[16];
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, ns / 1_000_000_000L).putLong(8, ns % 1_000_000_000L);
        return b;
    }
}
