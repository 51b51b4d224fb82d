package dev.vitrine.lab.sched;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The scheduling policies and their parameters. */
public sealed interface SchedPolicy {
    /** First come, first served: run each job to completion in arrival order. */
    record Fcfs() implements SchedPolicy {}
    /** Shortest job first, non-preemptive. */
    record Sjf() implements SchedPolicy {}
    /** Shortest time-to-completion first: SJF that preempts when a shorter job arrives. */
    record Stcf() implements SchedPolicy {}
    /** Round robin with a time slice. */
    record RoundRobin(long quantum) implements SchedPolicy {}
    /** Smallest priority number first; preemptive or not. */
    record Priority(boolean preemptive) implements SchedPolicy {}
    /**
     * Lottery (OSTEP's lottery.py): every quantum a number from Python's generator seeded
     * with {@code seed}, modulo the tickets held, picks the winner walking the job list.
     */
    record Lottery(long quantum, long seed) implements SchedPolicy {}
    /** Stride: each job's pass grows by BIG/tickets when it runs; the smallest pass runs next. */
    record Stride(long quantum) implements SchedPolicy {
        public static final long BIG = 10_000;
    }
    /**
     * OSTEP's MLFQ as mlfq.py runs it: {@code quanta} and {@code allotments} (in quanta) per
     * queue, top queue first; a job that uses its allotment drops a queue; higher queues
     * preempt lower ones; every {@code boost} units all jobs go back to the top (0: never);
     * an I/O lasts {@code ioTime}; {@code stay} resets a job's allotment when it issues I/O;
     * {@code ioBump} puts a job back at the front of its queue when its I/O completes.
     */
    record Mlfq(long[] quanta, int[] allotments, long boost, long ioTime, boolean stay, boolean ioBump) implements SchedPolicy {
        public int queues() { return quanta.length; }
    }
    /**
     * Round robin on several CPUs with multi.py's cache model: one central queue or one per
     * CPU (with stealing every {@code peek} units), affinity, a cache of {@code cacheSize} per
     * CPU that warms after {@code warmup} units and then runs a job {@code warmRate} times faster.
     */
    record Multi(int cpus, long quantum, boolean perCpuQueues, Map<String, Set<Integer>> affinity, long peek,
                 long warmup, long warmRate, long cacheSize, boolean randomOrder, long seed) implements SchedPolicy {}

    default String label() {
        if (this instanceof RoundRobin r) return "rr (quantum " + r.quantum() + ")";
        if (this instanceof Priority p) return p.preemptive() ? "priority (preemptive)" : "priority";
        if (this instanceof Lottery l) return "lottery (quantum " + l.quantum() + ", seed " + l.seed() + ")";
        if (this instanceof Stride s) return "stride (quantum " + s.quantum() + ", BIG " + Stride.BIG + ")";
        if (this instanceof Mlfq m) return mlfqLabel(m);
        if (this instanceof Multi m) return "multi (" + m.cpus() + " CPUs, " + (m.perCpuQueues() ? "per-CPU queues" + (m.peek() > 0 ? ", peek every " + m.peek() : "") : "one queue")
                    + ", quantum " + m.quantum() + ", cache " + m.cacheSize() + ", warmup " + m.warmup() + ", warm rate " + m.warmRate() + ")";
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String mlfqLabel(Mlfq m) {
        boolean sameQ = Arrays.stream(m.quanta()).distinct().count() == 1, oneA = Arrays.stream(m.allotments()).allMatch(a -> a == 1);
        StringBuilder b = new StringBuilder("mlfq (").append(m.queues()).append(" queues, ");
        b.append(sameQ ? "quantum " + m.quanta()[0] : "quanta " + join(m.quanta()));
        if (!oneA) b.append(Arrays.stream(m.allotments()).distinct().count() == 1 ? ", allotment " + m.allotments()[0] : ", allotments " + join(Arrays.stream(m.allotments()).asLongStream().toArray()));
        if (m.boost() > 0) b.append(", boost every ").append(m.boost());
        if (m.ioTime() != Options.DEFAULT_IO_TIME) b.append(", I/O ").append(m.ioTime());
        if (m.stay()) b.append(", stay");
        if (m.ioBump()) b.append(", iobump");
        return b.append(')').toString();
    }

    private static String join(long[] v) {
        StringBuilder b = new StringBuilder();
        for (long x : v) b.append(b.length() == 0 ? "" : ",").append(x);
        return b.toString();
    }

    /** Every knob of every policy; a policy reads the ones it has. */
    record Options(long quantum, boolean preemptive, int queues, long boost, long[] quantumList, int allotment, int[] allotmentList,
                   long ioTime, boolean stay, boolean ioBump, long seed,
                   int cpus, boolean perCpuQueues, Map<String, Set<Integer>> affinity, long peek, long warmup, long warmRate, long cacheSize, boolean randomOrder) {
        public static final long DEFAULT_IO_TIME = 5;

        public static Options of(long quantum, boolean preemptive, int queues, long boost) {
            return new Options(quantum, preemptive, queues, boost, null, 1, null, DEFAULT_IO_TIME, false, false, 0,
                    2, false, Map.of(), 30, 10, 2, 100, false);
        }
    }

    static SchedPolicy parse(String name, long quantum, boolean preemptive, int queues, long boost) {
        return parse(name, Options.of(quantum, preemptive, queues, boost));
    }

    static SchedPolicy parse(String name, Options o) {
        if (o.quantum() <= 0) throw new IllegalArgumentException("--quantum must be > 0");
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "fcfs", "fifo" -> new Fcfs();
            case "sjf" -> new Sjf();
            case "stcf", "srtf", "psjf" -> new Stcf();
            case "rr" -> new RoundRobin(o.quantum());
            case "priority", "prio" -> new Priority(o.preemptive());
            case "lottery" -> new Lottery(o.quantum(), o.seed());
            case "stride" -> new Stride(o.quantum());
            case "mlfq" -> mlfq(o);
            case "multi" -> {
                if (o.cpus() < 1 || o.cpus() > 64) throw new IllegalArgumentException("--cpus must be 1-64");
                if (o.warmRate() < 1) throw new IllegalArgumentException("--warm-rate must be >= 1");
                if (o.warmup() < 0 || o.cacheSize() < 0 || o.peek() < 0) throw new IllegalArgumentException("--warmup, --cache-size and --peek must be >= 0");
                if (o.perCpuQueues() && o.peek() > 0 && o.cpus() < 2) throw new IllegalArgumentException("stealing (--peek) needs at least 2 CPUs");
                for (Set<Integer> cs : o.affinity().values())
                    for (int c : cs) if (c < 0 || c >= o.cpus()) throw new IllegalArgumentException("--affinity names CPU " + c + " of " + o.cpus());
                yield new Multi(o.cpus(), o.quantum(), o.perCpuQueues(), Map.copyOf(o.affinity()), o.peek(), o.warmup(), o.warmRate(), o.cacheSize(), o.randomOrder(), o.seed());
            }
            default -> throw new IllegalArgumentException("unknown scheduling policy '" + name + "' (known: fcfs, sjf, stcf, rr, priority, lottery, stride, mlfq, multi)");
        };
    }

    private static Mlfq mlfq(Options o) {
        long[] quanta;
        if (o.quantumList() != null) {
            quanta = o.quantumList().clone();
        } else {
            if (o.queues() < 1) throw new IllegalArgumentException("--queues must be >= 1");
            quanta = new long[o.queues()];
            Arrays.fill(quanta, o.quantum());
        }
        for (long q : quanta) if (q <= 0) throw new IllegalArgumentException("every quantum must be > 0");
        int[] allot;
        if (o.allotmentList() != null) {
            if (o.allotmentList().length != quanta.length)
                throw new IllegalArgumentException("--allotment-list gives " + o.allotmentList().length + " allotments for " + quanta.length + " queues");
            allot = o.allotmentList().clone();
        } else {
            allot = new int[quanta.length];
            Arrays.fill(allot, o.allotment());
        }
        for (int a : allot) if (a <= 0) throw new IllegalArgumentException("every allotment must be > 0 (in quanta)");
        if (o.ioTime() < 0) throw new IllegalArgumentException("--io-time must be >= 0");
        if (o.boost() < 0) throw new IllegalArgumentException("--boost must be >= 0 (0 = never)");
        return new Mlfq(quanta, allot, o.boost(), o.ioTime(), o.stay(), o.ioBump());
    }
}
