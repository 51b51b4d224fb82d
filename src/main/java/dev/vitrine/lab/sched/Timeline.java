package dev.vitrine.lab.sched;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds a timeline tick by tick (or stretch by stretch), merging a CPU's consecutive runs of one job. */
final class Timeline {
    /** A schedule with more stretches than this (a million switches) is past what a chart or a table can show, and past the heap's comfort. */
    static final int MAX_SEGMENTS = 1_000_000;

    private final List<Schedule.Segment> segments = new ArrayList<>();
    private final Map<Integer, Integer> lastOf = new HashMap<>();

    void add(String job, long start, long end, int cpu) {
        Integer i = lastOf.get(cpu);
        if (i != null) {
            Schedule.Segment last = segments.get(i);
            if (Objects.equals(last.job(), job) && last.end() == start) {
                segments.set(i, new Schedule.Segment(job, last.start(), end, cpu));
                return;
            }
        }
        if (segments.size() >= MAX_SEGMENTS)
            throw new IllegalArgumentException("the schedule switches more than " + MAX_SEGMENTS + " times; give shorter jobs or a longer quantum");
        segments.add(new Schedule.Segment(job, start, end, cpu));
        lastOf.put(cpu, segments.size() - 1);
    }

    void tick(String job, long t, int cpu) { add(job, t, t + 1, cpu); }

    List<Schedule.Segment> segments() { return List.copyOf(segments); }
}
