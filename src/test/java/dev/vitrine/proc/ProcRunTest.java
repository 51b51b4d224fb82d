package dev.vitrine.proc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** Whole runs of small guests: the chapter's mmap example, races under the random policy, limits, copy on write. */
class ProcRunTest {
    /** Arguments and environment are bytes: a host argument arrives as its UTF-8 bytes, and execve keeps any bytes. */
    @Test void argvAndEnvironmentKeepTheirBytesAcrossExecve() throws Exception {
        Guests.Run r = Guests.run("argv_bytes", b -> b, "\u00e9");
        assertEquals("""
                from the host: c3 a9
                argv[1]: ff fe 80
                argv[2]: 63 61 66 c3 a9
                env: e9 74 e9
                """, r.stdout(), r.result().report());
    }

    @Test void chapterMmapExamplePrints30UnderEveryPolicy() throws Exception {
        for (String policy : List.of("rr", "fifo", "priority", "random")) {
            Guests.Run r = Guests.run("chapter_mmap", b -> b.sched(policy).seed(3));
            assertEquals(0, r.result().exitStatus(), policy);
            assertTrue(r.stdout().endsWith("30\n"), policy + ": " + r.stdout());
            assertTrue(((Number) r.result().stats().get("virtual_time_ns")).longValue() >= 1_000_000_000L, "the child slept 1 s of virtual time");
        }
    }

    @Test void withoutTheSleepSeedsShowBothOutcomesAndEachSeedRepeats() throws Exception {
        Set<String> outcomes = new TreeSet<>();
        for (int seed = 0; seed < 12; seed++) {
            int s = seed;
            String a = last(Guests.run("chapter_mmap_race", b -> b.sched("random").seed(s)).stdout());
            String again = last(Guests.run("chapter_mmap_race", b -> b.sched("random").seed(s)).stdout());
            assertEquals(a, again, "seed " + seed + " must replay the same interleaving");
            outcomes.add(a);
        }
        assertEquals(Set.of("0", "30"), outcomes);
    }

    private static String last(String out) {
        for (String line : out.split("\n")) if (line.matches("\\d+")) return line;
        return out;
    }

    @Test void forkFailsWithEagainAtTheProcessLimit() throws Exception {
        Guests.Run r = Guests.run("fork_limit", b -> b.maxProcesses(40));
        assertEquals(0, r.result().exitStatus());
        assertEquals("fork failed after 39 children: Resource temporarily unavailable\nreaped 39\n", r.stdout());
        assertTrue(r.result().report().contains("process limit reached (40 processes)"), r.result().report());
    }

    /**
     * pid 1 is init (Kernel.init): the program's parent, the orphans' adopter and reaper, and no
     * signal's target; the EPERM lines are what the same program prints under qemu-riscv64 run as
     * uid 1000 (`setpriv --reuid=1000 --regid=1000 --clear-groups`), where pid 1 is the host's init.
     */
    @SuppressWarnings("unchecked")
    @Test void theProgramIsInitsChildAndInitAdoptsAndReapsOrphans() throws Exception {
        Guests.Run r = Guests.run("init_rules", b -> b);
        assertEquals(0, r.result().exitStatus(), r.result().report());
        assertEquals("""
                pid 2 ppid 1
                init: pgid 1 sid 1
                kill(1, 0) = -1 Operation not permitted
                kill(1, SIGKILL) = -1 Operation not permitted
                tkill(1, SIGTERM) = -1 Operation not permitted
                tgkill(1, 1, 0) = -1 Operation not permitted
                sigqueue(1, SIGUSR1) = -1 Operation not permitted
                child forked 4
                orphan's ppid 1
                orphan's ppid after signalling init 1
                the orphan was reaped by init: yes
                wait: -1 (No child processes)
                """, r.stdout());
        // --stats describe the program and its descendants, not init.
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.result().stats().get("processes");
        assertEquals(List.of(2, 3, 4), rows.stream().map(m -> ((Number) m.get("pid")).intValue()).toList());
        assertEquals(List.of(1, 2, 1), rows.stream().map(m -> ((Number) m.get("ppid")).intValue()).toList());
        assertEquals(3, ((Number) r.result().stats().get("sched.processes")).intValue());
    }

    @Test void anInfiniteLoopStopsAtTheInstructionLimit() throws Exception {
        Guests.Run r = Guests.run("forever", b -> b.maxInstructions(3_000_000));
        assertEquals(124, r.result().exitStatus());
        assertEquals(3_000_000L, ((Number) r.result().stats().get("instructions")).longValue());
        assertTrue(r.result().report().contains("instruction limit reached: 3000000 instructions"), r.result().report());
    }

    @Test void anInfiniteLoopStopsAtTheVirtualTimeLimit() throws Exception {
        // Without the cost model the clock is the instruction count and the run stops exactly at the limit.
        Guests.Run r = Guests.run("forever", b -> b.maxTime(2_000_000).costs(dev.vitrine.trace.Costs.OFF));
        assertEquals(124, r.result().exitStatus());
        assertTrue(r.result().report().contains("virtual time limit reached"), r.result().report());
        assertEquals(2_000_000L, ((Number) r.result().stats().get("virtual_time_ns")).longValue());
    }

    @Test void aChildWritingOnePageOfALargeHeapCopiesOneFrame() throws Exception {
        long none = childCow(0), one = childCow(1), hundred = childCow(100);
        assertEquals(1, one - none, "one page written, one frame copied");
        assertEquals(100, hundred - none);
        assertTrue(none < 10, "a child that writes nothing of the 2048-page heap copies only its stack and TLS: " + none);
    }

    @SuppressWarnings("unchecked")
    private static long childCow(int pages) throws Exception {
        Guests.Run r = Guests.run("cow_pages", b -> b, Integer.toString(pages));
        assertEquals(1, r.result().exitStatus(), "the parent's heap is unchanged by the child's writes");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.result().stats().get("processes");
        assertEquals(2, rows.size());
        return ((Number) rows.get(1).get("cow_copies")).longValue();
    }

    @Test void aDeadlockStopsTheRunAndSaysWhoWaitsForWhat() throws Exception {
        Guests.Run r = Guests.run("deadlock", b -> b);
        assertEquals(125, r.result().exitStatus());
        String report = r.result().report();
        assertTrue(report.startsWith("deadlock: every process is waiting"), report);
        assertEquals(3, report.lines().filter(l -> l.contains("blocked in futex wait")).count(), report);
        assertTrue(report.contains("pid 2 (deadlock) blocked in futex wait"), report);
        assertTrue(report.contains("pid 2 thread 3 (deadlock) blocked in futex wait"), report);
        assertTrue(report.contains("(pthread_join: thread 3 has not exited)"), report);
        assertTrue(report.contains("(a mutex held by thread 4)") && report.contains("(a mutex held by thread 3)"), report);
    }

    @Test void aProcessDyingWithARobustMutexHeldLeavesEownerdead() throws Exception {
        Guests.Run r = Guests.run("robust", b -> b);
        assertEquals(0, r.result().exitStatus());
        assertEquals("thread died holding it: EOWNERDEAD\nlock again: 0\nprocess died holding it: EOWNERDEAD\n", r.stdout());
    }
}
