package dev.vitrine.proc;

/**
 * What a sleeping syscall becomes when a signal handler runs before it completes: Linux's
 * -ERESTARTSYS (run again if the handler has SA_RESTART, else EINTR) or -ERESTARTNOHAND and
 * -ERESTART_RESTARTBLOCK (always EINTR after a handler: sleeps, sigsuspend, poll, select).
 * The syscall table's row says which; the dispatcher hands it to {@link Task#syscallSleeps}.
 */
public enum RestartPolicy {
    RESTARTSYS, RESTARTNOHAND;

    /** Whether the call ends with EINTR when a handler with these flags runs. */
    boolean eintr(SigAction handler) {
        return this == RESTARTNOHAND || !handler.has(SigAction.SA_RESTART);
    }
}
