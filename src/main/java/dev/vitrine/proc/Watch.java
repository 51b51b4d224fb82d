package dev.vitrine.proc;

/**
 * Moments of a run that an observer above the kernel (the views' --show-at) waits for, told
 * on the machine's thread as they happen, while the state they concern is still in place.
 * A watch only looks: it must not change the machine.
 */
public interface Watch {
    Watch NONE = new Watch() {};

    /** The kernel this watch looks at, told once when it is set. */
    default void attach(Kernel k) {}

    /** The instruction count at which {@link #instret} wants to be called (a slice ends there); MAX_VALUE for none. */
    default long nextInstret() { return Long.MAX_VALUE; }

    /**
     * Task {@code t}, current on the hart with its registers loaded and its signals delivered,
     * is about to run a slice from {@code k.hart().pc}: the moment a debugger stops at.
     */
    default void beforeSlice(Kernel k, Task t) {}

    /** The machine has retired {@link #nextInstret()} instructions. */
    default void instret(Kernel k) {}

    /**
     * Something happened in process {@code p} at a point the event stream does not mark:
     * "exec" (the new image is in place; the stream's exec comes before) and "exit" (the
     * process is about to release its memory, its threads still whole). Fork, copy-on-write,
     * faults and signals are the trace's events (view.Show is a trace.Sink for them).
     */
    default void event(Kernel k, String name, Process p) {}
}
