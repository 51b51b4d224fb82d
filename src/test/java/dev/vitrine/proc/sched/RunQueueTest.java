package dev.vitrine.proc.sched;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The ready list and slice bookkeeping every policy shares: order, slices, yield, waiting and switch accounting. */
class RunQueueTest {
    static final class T implements RunQueue.Entity {
        final String name;
        boolean runnable = true, dead;
        long waited, voluntary, involuntary, since;
        T(String name) { this.name = name; }
        public int nice() { return 0; }
        public boolean runnable() { return runnable && !dead; }
        public boolean dead() { return dead; }
        public long readySince() { return since; }
        public void setReadySince(long now) { since = now; }
        public void waited(long ns) { waited += ns; }
        public void switchedOut(boolean inv) { if (inv) involuntary++; else voluntary++; }
        @Override public String toString() { return name; }
    }

    @Test void roundRobinKeepsATaskForItsSliceThenGoesToTheBackAndCountsWaitsAndSwitches() {
        RunQueue<T> q = new RunQueue<>(new RoundRobin(), 100);
        T a = new T("a"), b = new T("b");
        q.add(a, 0);
        q.add(b, 0);
        q.add(a, 5);   // already waiting: stays where it is
        assertSame(a, q.pick(10));
        assertEquals(10, a.waited);
        q.ran(60);
        assertSame(a, q.pick(70), "the slice is not over");
        q.ran(40);
        assertSame(b, q.pick(110));
        assertEquals(110, b.waited);
        assertEquals(1, a.involuntary, "a was still runnable");
        b.runnable = false;   // b blocks
        assertSame(a, q.pick(120));
        assertEquals(1, b.voluntary);
        assertEquals(10 + 10, a.waited, "a waited from 110 to 120");
    }

    @Test void fifoKeepsTheCpuButSchedYieldGoesToTheBack() {
        RunQueue<T> q = new RunQueue<>(new Fifo(), 10);
        T a = new T("a"), b = new T("b");
        q.add(a, 0);
        q.add(b, 0);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(q.pick(i).name);
            q.ran(10);
        }
        q.yield(a);
        order.add(q.pick(3).name);
        assertEquals(List.of("a", "a", "a", "b"), order);
    }

    @Test void aWokenTaskThatRanLastGoesOnWithItsSliceAndADeadOneIsForgotten() {
        RunQueue<T> q = new RunQueue<>(new RoundRobin(), 100);
        T a = new T("a");
        q.add(a, 0);
        assertSame(a, q.pick(0));
        q.ran(30);
        a.runnable = false;
        assertNull(q.pick(30), "no one to run");
        a.runnable = true;
        q.add(a, 40);   // still the one that ran: not queued
        assertSame(a, q.pick(40));
        assertEquals(70, q.sliceLeft());
        a.dead = true;
        q.forget(a);
        assertNull(q.pick(50));
        assertEquals(0, a.voluntary + a.involuntary, "a dead task's switch is not counted");
    }
}
