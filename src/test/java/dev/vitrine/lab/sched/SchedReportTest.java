package dev.vitrine.lab.sched;

import dev.vitrine.trace.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SchedReportTest {
    @Test void ganttUsesDistinctSymbolsWhenNamesShareALetter() {
        Schedule s = SchedSim.run(JobReader.inline("J1=3,J2=2,K=1"), new SchedPolicy.RoundRobin(1));
        String g = SchedReport.gantt(s);
        assertTrue(g.contains("|ABCABA|"), g);
        assertTrue(g.contains("A=J1 B=J2 C=K"), g);
    }

    @Test void longSchedulesAreBucketedToTheChartWidth() {
        Schedule s = SchedSim.run(JobReader.inline("A=150,B=50"), new SchedPolicy.Fcfs());
        String bar = SchedReport.gantt(s).lines().findFirst().orElseThrow();
        assertEquals("|" + "A".repeat(75) + "B".repeat(25) + "|", bar.substring(2, bar.indexOf('|', 3) + 1));
        assertTrue(bar.contains("one column per 2 time units"), bar);
    }

    @Test void jsonCarriesEveryMeasure() {
        String j = Json.write(SchedReport.json(SchedSim.run(JobReader.inline("5,5,5"), new SchedPolicy.RoundRobin(1))));
        for (String k : new String[] {"avgTurnaround\":14", "avgResponse\":1", "avgWaiting\":9", "throughput\":0.2", "utilization\":1", "\"switches\":14"})
            assertTrue(j.contains(k), k + " in " + j);
    }

    @Test void roundRobinChartKeepsTheTimelinesOrder() {
        // 150 units of RR with quantum 1 do not fit a line: the chart wraps instead of bucketing (which drew A C B).
        Schedule s = SchedSim.run(JobReader.inline("50,50,50"), new SchedPolicy.RoundRobin(1));
        String g = SchedReport.gantt(s);
        assertTrue(g.contains("|" + "ABC".repeat(33) + "A|"), g);
        assertTrue(g.contains("|BC" + "ABC".repeat(16) + "|"), g);
        assertFalse(g.contains("ACB"), g);
    }

    @Test void longMixedSchedulesMarkSharedColumns() {
        Schedule s = SchedSim.run(JobReader.inline("1500,1500"), new SchedPolicy.RoundRobin(7));
        String g = SchedReport.gantt(s);
        assertTrue(g.contains("'*' several jobs"), g);
        assertEquals(2, g.lines().count(), g);
    }

    @Test void sideBySideAndSvgShowEveryPolicy() {
        List<Schedule> runs = List.of(SchedSim.run(JobReader.inline("5,5,5"), new SchedPolicy.Fcfs()), SchedSim.run(JobReader.inline("5,5,5"), new SchedPolicy.RoundRobin(1)));
        String t = SchedReport.sideBySide(runs);
        assertTrue(t.contains("fcfs |AAAAABBBBBCCCCC|"), t);
        assertTrue(t.contains("rr   |ABCABCABCABCABC|"), t);
        String svg = SchedReport.svg(runs);
        assertTrue(svg.contains(">fcfs<") && svg.contains(">rr (quantum 1)<"), svg);
    }
}
