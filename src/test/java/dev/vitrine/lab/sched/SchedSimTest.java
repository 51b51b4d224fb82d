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
        // A million switches is refused before the timeline outgrows the heap.
        assertThrows(IllegalArgumentException.class, () -> run("5000000,5000000", "rr", 1));
    }

    @Test void jlistTakesEachOfOstepsForms() {
        List<Job> mlfq = JobReader.jlist("0,100,0:5,20,3");
        assertEquals(new Job("1", 5, 20, 0, Job.DEFAULT_TICKETS, 3, 0), mlfq.get(1));
        List<Job> lottery = JobReader.jlist("10:100,20:50");
        assertEquals(50, lottery.get(1).tickets());
        assertEquals(20, lottery.get(1).length());
        List<Job> multi = JobReader.jlist("a:30:100,b:20:50");
        assertEquals("b", multi.get(1).name());
        assertEquals(50, multi.get(1).workingSet());
        assertThrows(IllegalArgumentException.class, () -> JobReader.jlist("1,2"));
        assertThrows(IllegalArgumentException.class, () -> JobReader.withTickets(lottery, "1,2,3"));
    }

    @Test void strideRunsTheChaptersExampleInProportion() {
        // OSTEP ch. 9: A, B, C with 100, 50, 250 tickets have strides 100, 200, 40; over 8 quanta C runs 5, A 2, B 1.
        List<Job> jobs = JobReader.withTickets(JobReader.inline("A=100,B=100,C=100"), "100,50,250");
        Schedule s = SchedSim.run(jobs, new SchedPolicy.Stride(1));
        long[] ran = new long[3];
        for (Schedule.Segment g : s.timeline()) if (g.start() < 8) ran[g.job().charAt(0) - 'A'] += Math.min(8, g.end()) - g.start();
        assertArrayEquals(new long[] {2, 1, 5}, ran);
    }

    @Test void lotteryIsRepeatableBySeedAndDiffersAcrossSeeds() {
        List<Job> jobs = JobReader.jlist("10:100,10:100,10:100");
        assertEquals(SchedSim.run(jobs, new SchedPolicy.Lottery(1, 7)).timeline(), SchedSim.run(jobs, new SchedPolicy.Lottery(1, 7)).timeline());
        assertNotEquals(SchedSim.run(jobs, new SchedPolicy.Lottery(1, 7)).timeline(), SchedSim.run(jobs, new SchedPolicy.Lottery(1, 8)).timeline());
    }

    @Test void multiKeepsJobsOnTheirCpus() {
        SchedPolicy.Multi p = new SchedPolicy.Multi(2, 10, true, java.util.Map.of("a", java.util.Set.of(1), "b", java.util.Set.of(1)), 30, 10, 2, 100, false, 0);
        Schedule s = SchedSim.run(JobReader.jlist("a:30:10,b:30:10,c:30:10"), p);
        for (Schedule.Segment g : s.timeline()) if ("a".equals(g.job()) || "b".equals(g.job())) assertEquals(1, g.cpu(), g.toString());
        assertEquals(2, s.cpus());
        assertThrows(IllegalArgumentException.class, () -> SchedSim.run(JobReader.inline("A=5@3"), p), "multi.py's jobs all arrive at 0");
    }
}
