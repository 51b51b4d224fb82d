package dev.vitrine.lab.sched;

import dev.vitrine.lab.PyRandom;
import dev.vitrine.lab.ostep.OstepFixtures;
import dev.vitrine.lab.ostep.OstepFixtures.Case;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The schedulers against OSTEP's homework simulators on recorded seeded random cases:
 * each case's job list and knobs are read from the recorded run, simulated here, and every
 * job's response and turnaround (lottery: every draw and completion; multi: the finish time
 * and each CPU's utilization and warm share) must equal what OSTEP's program printed.
 */
class OstepSchedTest {
    @Test void mlfqMatchesMlfqPy() {
        for (Case c : OstepFixtures.load("mlfq")) {
            int queues = Integer.parseInt(c.one("^OPTIONS queues (\\d+)")[0]);
            long[] quanta = new long[queues];
            int[] allot = new int[queues];
            for (String[] g : c.all("^OPTIONS quantum length for queue +(\\d+) is +(\\d+)")) quanta[queues - 1 - Integer.parseInt(g[0])] = Long.parseLong(g[1]);
            for (String[] g : c.all("^OPTIONS allotments for queue +(\\d+) is +(\\d+)")) allot[queues - 1 - Integer.parseInt(g[0])] = Integer.parseInt(g[1]);
            SchedPolicy.Mlfq p = new SchedPolicy.Mlfq(quanta, allot, Long.parseLong(c.one("^OPTIONS boost (\\d+)")[0]),
                    Long.parseLong(c.one("^OPTIONS ioTime (\\d+)")[0]), c.one("^OPTIONS stayAfterIO (\\w+)")[0].equals("True"),
                    c.one("^OPTIONS iobump (\\w+)")[0].equals("True"));
            List<Job> jobs = new ArrayList<>();
            for (String[] g : c.all("^  Job +(\\d+): startTime +(\\d+) - runTime +(\\d+) - ioFreq +(\\d+)"))
                jobs.add(new Job(g[0], Long.parseLong(g[1]), Long.parseLong(g[2]), 0, Job.DEFAULT_TICKETS, Long.parseLong(g[3]), 0));
            Schedule s = SchedSim.run(jobs, p);
            List<String[]> fin = c.all("^  Job +(\\d+): startTime +\\d+ - response +(\\d+) - turnaround +(\\d+)");
            assertEquals(jobs.size(), fin.size(), c.toString());
            for (String[] g : fin) {
                Schedule.JobStats st = s.stats().get(Integer.parseInt(g[0]));
                assertEquals(Long.parseLong(g[1]), st.response(), c + ": job " + g[0] + " response");
                assertEquals(Long.parseLong(g[2]), st.turnaround(), c + ": job " + g[0] + " turnaround");
            }
        }
    }

    @Test void lotteryMatchesLotteryPyDrawForDraw() {
        for (Case c : OstepFixtures.load("lottery")) {
            List<Job> jobs = JobReader.jlist(c.flag("-l", null));
            Schedule s = SchedSim.run(jobs, new SchedPolicy.Lottery(c.num("-q", 1), c.num("-s", 0)));
            List<String[]> draws = c.all("^Random (\\d+) -> Winning ticket (\\d+) \\(of (\\d+)\\) -> Run (\\d+)");
            assertEquals(draws.size(), s.notes().size(), c.toString());
            for (int i = 0; i < draws.size(); i++) {
                String[] g = draws.get(i);
                assertTrue(s.notes().get(i).endsWith(String.format(Locale.ROOT, "random %s -> winning ticket %s (of %s) -> run %s", g[0], g[1], g[2], g[3])),
                        c + ": draw " + i + ": " + s.notes().get(i));
            }
            for (String[] g : c.all("^--> JOB (\\d+) DONE at time (\\d+)"))
                assertEquals(Long.parseLong(g[1]), s.stats().get(Integer.parseInt(g[0])).completion(), c + ": job " + g[0]);
        }
    }

    @Test void multiMatchesMultiPyWithOneQueue() { multi("multi-central"); }

    @Test void multiMatchesMultiPyWithPerCpuQueues() { multi("multi-percpu"); }

    private static void multi(String fixture) {
        for (Case c : OstepFixtures.load(fixture)) {
            List<Job> jobs = JobReader.jlist(c.flag("-L", null));
            Map<String, Set<Integer>> aff = new HashMap<>();
            if (c.has("-A"))
                for (String e : c.flag("-A", "").split(",")) {
                    Set<Integer> cs = new TreeSet<>();
                    for (String x : e.split(":")[1].split("\\.")) cs.add(Integer.parseInt(x));
                    aff.put(e.split(":")[0], cs);
                }
            SchedPolicy.Multi p = new SchedPolicy.Multi((int) c.num("-n", 2), c.num("-q", 10), c.has("-p"), aff, c.num("-P", 30),
                    c.num("-w", 10), c.num("-r", 2), c.num("-M", 100), c.has("-o"), c.num("-s", 0));
            Schedule s = SchedSim.run(jobs, p);
            assertEquals("finished time " + c.one("^Finished time (\\d+)")[0], s.notes().get(0), c.toString());
            List<String[]> cpus = c.all("^  CPU (\\d+)  utilization +([\\d.]+) \\[ warm +([\\d.]+) \\]");
            assertEquals(p.cpus(), cpus.size(), c.toString());
            for (String[] g : cpus)
                assertEquals(String.format(Locale.ROOT, "CPU %s utilization %s%% [warm %s%%]", g[0], g[1], g[2]), s.notes().get(1 + Integer.parseInt(g[0])), c.toString());
        }
    }

    @Test void fifoSjfRrMatchSchedulerPy() {
        for (Case c : OstepFixtures.load("scheduler")) {
            List<Job> jobs = new ArrayList<>();
            for (String[] g : c.all("^  Job (\\d+) \\( length = (\\d+) \\)")) jobs.add(new Job(g[0], 0, Long.parseLong(g[1]), 0));
            String pol = c.flag("-p", "FIFO").toLowerCase(Locale.ROOT);
            Schedule s = SchedSim.run(jobs, SchedPolicy.parse(pol.equals("fifo") ? "fcfs" : pol, c.num("-q", 1), false, 1, 0));
            List<String[]> fin = c.all("^  Job +(\\d+) -- Response: ([\\d.]+)  Turnaround ([\\d.]+)  Wait ([\\d.]+)");
            assertEquals(jobs.size(), fin.size(), c.toString());
            for (String[] g : fin) {
                Schedule.JobStats st = s.stats().get(Integer.parseInt(g[0]));
                assertEquals(Double.parseDouble(g[1]), st.response(), c + ": job " + g[0] + " response");
                assertEquals(Double.parseDouble(g[2]), st.turnaround(), c + ": job " + g[0] + " turnaround");
                assertEquals(Double.parseDouble(g[3]), st.waiting(), c + ": job " + g[0] + " wait");
            }
        }
    }

    @Test void pyRandomIsCPythonsStream() {
        // python3 -c 'import random; random.seed(5, version=1); print([random.random() for _ in range(3)], random.getrandbits(7), random._inst._randbelow(5))'
        PyRandom r = new PyRandom(5);
        assertEquals(0.6229016948897019, r.random());
        assertEquals(0.7417869892607294, r.random());
        assertEquals(0.7951935655656966, r.random());
        assertEquals(120, r.getrandbits(7));
        assertEquals(4, r.randbelow(5));
        PyRandom big = new PyRandom(8589934599L); // two 32-bit words of key
        assertEquals(0.7042964166818435, big.random());
        List<Integer> l = new ArrayList<>(Arrays.asList(0, 1, 2, 3, 4, 5));
        PyRandom s0 = new PyRandom(0);
        for (int i = 0; i < 3; i++) s0.random();
        s0.getrandbits(7);
        s0.randbelow(5);
        s0.shuffle(l);
        assertEquals(List.of(0, 4, 1, 2, 5, 3), l);
    }
}
