package dev.vitrine.proc;

import dev.vitrine.proc.sched.Fifo;
import dev.vitrine.proc.sched.Policy;
import dev.vitrine.proc.sched.PriorityPolicy;
import dev.vitrine.proc.sched.RandomPolicy;
import dev.vitrine.proc.sched.RoundRobin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class SchedPolicyTest {
    record T(String name, int nice) implements Policy.Schedulable {}

    private static List<T> ready(int... nices) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < nices.length; i++) out.add(new T("t" + i, nices[i]));
        return out;
    }

    /** Runs a policy's picks the way the kernel does: pick, run a slice, requeue (back, or front if it keeps the CPU). */
    private static List<String> schedule(Policy p, List<T> ready, int picks) {
        List<T> q = new ArrayList<>(ready);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < picks; i++) {
            T t = q.remove(p.pick(q));
            order.add(t.name());
            if (p.keepsCpu()) q.add(0, t); else q.add(t);
        }
        return order;
    }

    @Test void roundRobinCyclesInArrivalOrder() {
        assertEquals(List.of("t0", "t1", "t2", "t0", "t1", "t2"), schedule(new RoundRobin(), ready(0, 0, 0), 6));
        assertEquals(1000, new RoundRobin().slice(1000));
        assertFalse(new RoundRobin().switchesAtSyscalls());
    }

    @Test void fifoKeepsTheCpuUntilTheTaskBlocks() {
        assertEquals(List.of("t0", "t0", "t0"), schedule(new Fifo(), ready(0, 0, 0), 3));
    }

    @Test void priorityRunsTheLowestNiceAndSharesAmongEquals() {
        assertEquals(List.of("t1", "t2", "t1", "t2"), schedule(new PriorityPolicy(), ready(5, -3, -3, 0), 4));
        assertEquals(0, new PriorityPolicy().pick(ready(0, 0, 1)));
    }

    @Test void randomIsReproduciblePerSeedAndReachesEveryone() {
        List<String> a = schedule(new RandomPolicy(7), ready(0, 0, 0, 0), 200);
        List<String> b = schedule(new RandomPolicy(7), ready(0, 0, 0, 0), 200);
        List<String> c = schedule(new RandomPolicy(8), ready(0, 0, 0, 0), 200);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(Set.of("t0", "t1", "t2", "t3"), new TreeSet<>(a));
        RandomPolicy r = new RandomPolicy(1);
        for (int i = 0; i < 1000; i++) {
            long s = r.slice(50);
            assertTrue(s >= 1 && s <= 50, "slice " + s);
        }
        assertEquals(1, r.slice(1));
        assertTrue(r.switchesAtSyscalls());
    }

    @Test void policiesByName() {
        assertEquals("rr", Policy.of("rr", 0).name());
        assertEquals("fifo", Policy.of("fifo", 0).name());
        assertEquals("priority", Policy.of("priority", 0).name());
        assertEquals("random", Policy.of("random", 3).name());
        assertThrows(IllegalArgumentException.class, () -> Policy.of("lottery", 0));
    }
}
