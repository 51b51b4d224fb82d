package dev.vitrine.serve;

import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;
import dev.vitrine.proc.Watch;
import dev.vitrine.trace.Category;
import dev.vitrine.trace.Event;
import dev.vitrine.trace.Sink;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One served run: holds the machine before a slice the way the gdb stub does (the task is
 * current, its signals delivered), and lets the page run it, pause it, or step it by one
 * instruction, one syscall, one event or to the next event of a kind. Everything the page asks
 * about the machine is a job run on the machine's thread, at that stopping point or at the next
 * one while it runs, so no other thread ever touches the kernel. A step shortens a slice through
 * {@link #nextInstret()}, as a timer would, and looking reads without counting: what the program
 * prints and every counter are those of the same run unwatched (ServeTest).
 */
public final class Session implements Watch, Sink {
    /** Event kinds the page can run to: the stream's categories and the proc ops by name. */
    public static final Set<String> KINDS = Set.of("syscall", "fault", "cow", "evict", "swap", "switch", "signal", "pipe",
            "block", "wake", "fork", "exec", "exit", "wait", "event");

    private enum Mode { PAUSED, RUN, STEP, UNTIL }

    private final LinkedBlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>();
    private final EventLog log = new EventLog();
    private final Output output;
    private final Consumer<Session> changed;

    // Written on the machine's thread only (jobs run there).
    private Kernel kernel;
    private Mode mode = Mode.PAUSED;
    private String until = "";
    private boolean reached;
    private Event matched;
    private long stepTarget = Long.MAX_VALUE;
    private long instructionsPerSecond;
    private long paceStart, paceRetired;
    private long lastPublish;
    private volatile String status = "starting";
    private volatile String why = "the machine has not started yet";
    private volatile boolean over;
    private volatile long stops;
    private volatile String report = "";

    /** {@code changed}: told (on the machine's thread) whenever what the page shows has moved. */
    public Session(Output output, Consumer<Session> changed) {
        this.output = output;
        this.changed = changed;
    }

    public String status() { return status; }
    public String why() { return why; }
    public boolean over() { return over; }
    /** How many times the machine has stopped so far (a page or a test waits for the next). */
    public long stops() { return stops; }
    public EventLog log() { return log; }
    public Output output() { return output; }
    Kernel kernel() { return kernel; }

    // ---- the page's side (any thread)

    /**
     * Runs {@code query} on the machine's thread at its next stopping point (at once when the run
     * is over: then nothing else runs) and returns its answer, or null if none came in time.
     */
    public <T> T ask(Function<Session, T> query, long timeoutMs) {
        if (over) {
            synchronized (this) { return query.apply(this); }
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        jobs.add(() -> {
            try {
                answer.complete(query.apply(this));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            if (over) synchronized (this) { return query.apply(this); }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A control from the page: run, pause, step (unit insn|syscall|event|KIND), speed (instructions per second, 0 = all out). */
    public String control(String action, String unit, long speed) {
        if (over) return "the run is over";
        switch (action) {
            case "run" -> jobs.add(() -> { mode = Mode.RUN; pace(); });
            case "pause" -> jobs.add(() -> { if (mode != Mode.PAUSED) pause("paused"); });
            case "speed" -> {
                if (speed < 0) throw new IllegalArgumentException("speed: expected instructions per second >= 0");
                jobs.add(() -> { instructionsPerSecond = speed; pace(); });
            }
            case "step" -> {
                String u = unit == null ? "insn" : unit;
                if (!u.equals("insn") && !KINDS.contains(u))
                    throw new IllegalArgumentException("step " + u + ": expected insn or one of " + String.join(",", new java.util.TreeSet<>(KINDS)));
                jobs.add(() -> {
                    if (u.equals("insn")) {
                        mode = Mode.STEP;
                        stepTarget = kernel.retired() + 1;
                    } else {
                        mode = Mode.UNTIL;
                        until = u;
                        reached = false;
                    }
                });
            }
            default -> throw new IllegalArgumentException(action + ": expected run, pause, step or speed");
        }
        return "ok";
    }

    // ---- the machine's side

    @Override public void attach(Kernel k) { kernel = k; }

    @Override public Set<Category> wants() { return Category.DEFAULT; }

    @Override public void accept(Event e) {
        log.add(e);
        if (mode == Mode.UNTIL && !reached && matches(e)) {
            reached = true;
            matched = e;
        }
    }

    private boolean matches(Event e) {
        if (e instanceof Event.Counters) return false;
        if (until.equals("event")) return true;
        if (e instanceof Event.Proc p) return p.op().equals(until);
        if (e instanceof Event.SyscallEnter) return false;   // a syscall step ends when it returns (or sleeps)
        return e.category().label().equals(until);
    }

    @Override public void close() {}

    @Override public long nextInstret() {
        if (mode == Mode.STEP) return stepTarget;
        if (mode == Mode.RUN && instructionsPerSecond > 0 && kernel != null)
            return kernel.retired() + Math.max(1, instructionsPerSecond / 20);
        return Long.MAX_VALUE;
    }

    @Override public void beforeSlice(Kernel k, Task t) {
        kernel = k;
        runJobs();
        boolean stop = switch (mode) {
            case PAUSED -> true;
            case STEP -> k.retired() >= stepTarget;
            case UNTIL -> reached;
            case RUN -> false;
        };
        if (stop) {
            pause(mode == Mode.STEP ? "stepped one instruction" : mode == Mode.UNTIL ? reachedWhat() : "paused");
            hold();
        } else if (mode == Mode.RUN) {
            status = "running";
            why = "running";
            slowDown();
            long now = System.nanoTime();
            if (now - lastPublish > 200_000_000L) {
                lastPublish = now;
                publish();
            }
        }
    }

    /** "reached the next fork event: pid 2 fork" (the event the step ran to, as the page's event list names it). */
    private String reachedWhat() {
        String what = until.equals("event") ? "reached the next event" : "reached the next " + until + " event";
        if (matched == null) return what;
        String type = matched instanceof Event.Proc p ? p.op() : matched instanceof Event.SyscallExit x ? x.name() : matched.type();
        return what + ": pid " + matched.pid() + " " + type;
    }

    /** The machine's own last words (a deadlock's report, a limit, an internal error), once the run is over. */
    public String report() { return report; }

    /** The run is over (told by whoever ran the machine, after it returned), with the machine's report. */
    public void finished(int exitStatus, String report) {
        synchronized (this) {
            over = true;
            status = "ended";
            why = "the run ended with status " + exitStatus;
            this.report = report == null ? "" : report;
        }
        for (Runnable r; (r = jobs.poll()) != null; ) synchronized (this) { r.run(); }
        publish();
    }

    /**
     * Tells the page; a bug of ours in taking the state stays out of the kernel (the machine
     * would count it as its own internal error and stop): the page hears of it instead.
     */
    private void publish() {
        try {
            changed.accept(this);
        } catch (RuntimeException | StackOverflowError e) {
            why = why + " (the page's view failed: " + e + ")";
        }
    }

    private void pause(String reason) {
        mode = Mode.PAUSED;
        stepTarget = Long.MAX_VALUE;
        reached = false;
        matched = null;
        status = "paused";
        why = reason;
        stops++;
    }

    /** Paused: answers the page's questions until a control lets the machine go on. */
    private void hold() {
        publish();
        while (mode == Mode.PAUSED) {
            try {
                jobs.take().run();
            } catch (InterruptedException e) {
                // The server is going away: let the machine run to its end rather than hang.
                mode = Mode.RUN;
                Thread.currentThread().interrupt();
            }
        }
        status = "running";
        why = mode == Mode.RUN ? "running" : "stepping";
        pace();
        publish();
    }

    private void runJobs() {
        for (Runnable r; (r = jobs.poll()) != null; ) r.run();
    }

    private void pace() {
        paceStart = System.nanoTime();
        paceRetired = kernel == null ? 0 : kernel.retired();
    }

    /** At a chosen speed, waits (host time) until the instructions run so far are due. */
    private void slowDown() {
        if (instructionsPerSecond <= 0) return;
        long due = paceStart + (kernel.retired() - paceRetired) * 1_000_000_000L / instructionsPerSecond;
        long wait = due - System.nanoTime();
        if (wait <= 0) return;
        try {
            // Woken early by a control (pause) posted meanwhile: it runs at the next slice.
            Runnable r = jobs.poll(Math.min(wait, 500_000_000L), TimeUnit.NANOSECONDS);
            if (r != null) r.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long now = System.nanoTime();
        if (now - lastPublish > 100_000_000L) {
            lastPublish = now;
            publish();
        }
    }
}
