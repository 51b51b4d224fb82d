package dev.vitrine.lab.sched;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Expected values are OSTEP ch. 7's ("Scheduling: Introduction") worked examples. */
class SchedSimTest {
    static Schedule run(String jobs, String policy, long quantum) {
        return SchedSim.run(JobReader.inline(jobs), SchedPolicy.parse(policy, quantum, false, 3, 0));
    }

    @Test void fcfsThreeTenSecondJobs() {
        assertEquals(20.0, run("10,10,10", "fcfs", 1).avgTurnaround());
    }

    @Test void convoyEffectAndSjf() {
        assertEquals(110.0, run("100,10,10", "fcfs", 1).avgTurnaround());
        assertEquals(50.0, run("100,10,10", "sjf", 1).avgTurnaround());
    }

    @Test void stcfWhenShortJobsArriveLater() {
        Schedule sjf = run("A=100@0,B=10@10,C=10@10", "sjf", 1);
        assertEquals((100 + (110 - 10) + (120 - 10)) / 3.0, sjf.avgTurnaround(), 1e-9); // OSTEP: 103.33
        assertEquals(50.0, run("A=100@0,B=10@10,C=10@10", "stcf", 1).avgTurnaround());
    }

    @Test void roundRobinResponseAgainstSjf() {
        Schedule rr = run("5,5,5", "rr", 1);
        assertEquals(1.0, rr.avgResponse());
        assertEquals(14.0, rr.avgTurnaround());
        assertEquals(5.0, run("5,5,5", "sjf", 1).avgResponse());
    }

    @Test void waitingThroughputAndUtilizationWithAnIdleGap() {
        Schedule s = run("A=2@0,B=2@4", "fcfs", 1);
        assertEquals(List.of(new Schedule.Segment("A", 0, 2), new Schedule.Segment(null, 2, 4), new Schedule.Segment("B", 4, 6)), s.timeline());
        assertEquals(4.0 / 6, s.utilization(), 1e-9);
        assertEquals(2.0 / 6, s.throughput(), 1e-9);
        assertEquals(0.0, s.avgWaiting());
    }

    @Test void priorityPreemptiveOrNot() {
        List<Job> jobs = JobReader.inline("A=4@0/3,B=2@1/1");
        Schedule non = SchedSim.run(jobs, SchedPolicy.parse("priority", 1, false, 3, 0));
        Schedule pre = SchedSim.run(jobs, SchedPolicy.parse("priority", 1, true, 3, 0));
        assertEquals(4, non.stats().get(0).completion());
        assertEquals(6, pre.stats().get(0).completion());
        assertEquals(3, pre.stats().get(1).completion());
    }

    @Test void mlfqDemotesLongJobsAndPreemptsForNewOnes() {
        Schedule s = SchedSim.run(JobReader.inline("A=30@0,B=5@12"), SchedPolicy.parse("mlfq", 10, false, 3, 0));
        // A uses its top-level slice (0-10), drops a level, and B arriving at 12 preempts it at the top.
        assertEquals(List.of(new Schedule.Segment("A", 0, 12), new Schedule.Segment("B", 12, 17), new Schedule.Segment("A", 17, 35)), s.timeline());
    }

    @Test void badJobsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> JobReader.inline("10,x"));
        assertThrows(IllegalArgumentException.class, () -> JobReader.inline("A=0"));
        assertThrows(IllegalArgumentException.class, () -> JobReader.inline("A=1,A=2"));
        assertThrows(IllegalArgumentException.class, () -> SchedPolicy.parse("nosuch", 1, false, 3, 0));
    }
}
