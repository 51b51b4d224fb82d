package dev.vitrine.proc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * RLIMIT_NPROC and RLIMIT_SIGPENDING: defaults and EAGAIN past them, where qemu-user (run as
 * root, and sharing root's signal count with the host) cannot be the oracle; reaped processes
 * leave the kernel but stay in --stats; wait queues.
 */
class ProcLimitsTest {
    /**
     * nproc_limit.c built natively and run on x86-64 Linux 6.x as uid 1000 (`setpriv --reuid=1000
     * --regid=1000 --clear-groups`): qemu-riscv64 runs as the host's user, and root passes RLIMIT_NPROC.
     */
    private static final String LINUX_UID_1000 = """
            RLIMIT_NPROC cur == max: 1, above 1: 1
            setrlimit(RLIMIT_NPROC, 1): 0
            fork: Resource temporarily unavailable
            pthread_create: Resource temporarily unavailable
            limit 2: a child (1), whose own fork is EAGAIN: 1
            raising the soft limit again: 0
            fork after raising it: exit 7
            """;

    @Test void forkAndThreadsPastRlimitNprocFailWithEagainAsForANonRootUser() throws Exception {
        Guests.Run r = Guests.run("nproc_limit", b -> b);
        assertEquals(LINUX_UID_1000, r.stdout(), r.result().report());
        assertEquals(0, r.result().exitStatus());
    }

    /** sigpending_limit.c built natively and run on x86-64 Linux 6.x as uid 1000, a user with nothing else queued. */
    private static final String SIGPENDING_LINUX_UID_1000 = """
            RLIMIT_SIGPENDING cur == max: 1, above 0: 1
            setrlimit(RLIMIT_SIGPENDING, 3): 0
            6 sigqueue: 3 queued, 3 EAGAIN
            tgkill RTMIN+1 past the limit: -1 Resource temporarily unavailable
            kill RTMIN+1 past the limit: 0
            kill SIGUSR1 past the limit: 0
            after the limit: the 3 queued SIGRTMIN arrived, in order: 1
            then: 2 delivered: RTMIN+1(kill) std10(kill)
            """;

    @Test void sigqueuePastRlimitSigpendingIsEagainAndKillStillDelivers() throws Exception {
        Guests.Run r = Guests.run("sigpending_limit", b -> b);
        assertEquals(SIGPENDING_LINUX_UID_1000, r.stdout(), r.result().report());
        assertEquals(0, r.result().exitStatus());
    }

    @Test void nprocAndSigpendingDefaultToRamOver256KiBAsLinuxsForkInitSetsThem() throws Exception {
        assertEquals("1024 1024 1024 1024\n", Guests.run("rlimits", b -> b.memory(256L << 20)).stdout());
        assertEquals("4096 4096 4096 4096\n", Guests.run("rlimits", b -> b.memory(1L << 30)).stdout());
    }

    @SuppressWarnings("unchecked")
    @Test void reapedChildrenLeaveTheKernelButKeepTheirStatsRows() throws Exception {
        Guests.Run r = Guests.run("reap_many", b -> b, "300");
        assertEquals("300 children, exit statuses sum to " + (255 * 256 / 2 + 43 * 44 / 2) + "\n", r.stdout());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) r.result().stats().get("processes");
        assertEquals(302, rows.size());
        assertEquals(302, ((Number) r.result().stats().get("sched.processes")).intValue());
        for (int i = 0; i < 300; i++) {
            Map<String, Object> row = rows.get(i + 1);
            assertEquals(i + 3, ((Number) row.get("pid")).intValue());
            assertEquals(2, ((Number) row.get("ppid")).intValue());
            assertEquals("exit " + (i % 256), row.get("status"));
            assertTrue(((Number) row.get("cpu_ns")).longValue() > 0);
        }
        long syscalls = 0;
        for (Map<String, Object> row : rows) syscalls += ((Number) row.get("syscalls")).longValue();
        assertEquals(syscalls, ((Number) r.result().stats().get("syscalls")).longValue());
    }

    @Test void aWakeupWakesOnlyItsChannelsSleepersInTheOrderTheySlept() {
        WaitQueues q = new WaitQueues();
        Object pipe = new Object(), other = new Object();
        Task a = new Task(1, null), b = new Task(2, null), c = new Task(3, null), d = new Task(4, null);
        q.enqueue(b, pipe);
        q.enqueue(c, other);
        q.enqueue(a, pipe);
        q.enqueue(d, pipe);
        assertEquals(2, q.size());
        q.remove(c, other);
        assertEquals(1, q.size(), "an emptied queue goes");
        q.remove(a, pipe);
        q.remove(c, pipe);   // not on this queue: nothing happens
        q.enqueue(a, pipe);
        List<Task> woken = new java.util.ArrayList<>();
        q.wakeAll(pipe, woken::add);
        assertEquals(List.of(b, d, a), woken);
        woken.clear();
        q.wakeAll(pipe, woken::add);
        assertEquals(List.of(), woken);
        assertEquals(0, q.size());
    }
}
