package dev.vitrine.proc;

import dev.vitrine.cpu.Hart;
import dev.vitrine.fs.FdTable;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.FrameAllocator;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.TlbConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The kernel's own tables: reaped processes and dead threads leave them, their sleeps leave the wait queues, their queued signals are uncounted. */
class KernelTablesTest {
    private final Kernel k;
    private final FrameAllocator frames;

    KernelTablesTest() {
        Hart hart = new Hart(new Mmu(Geometry.SV39, new PhysicalMemory(1 << 24, 12), TlbConfig.DEFAULT));
        frames = new FrameAllocator(hart.mmu().memory());
        k = new Kernel(hart, frames);
    }

    private Task spawn(int ppid) { return k.newTask("p", AddressSpace.create(Geometry.SV39, frames), new FdTable(16), ppid); }

    @Test void reapedChildrenLeaveTheTablesAndTheirSleepsAndSignalsGoWithThem() {
        Task parent = spawn(0);
        for (int i = 0; i < 200; i++) {
            Task child = spawn(parent.pid());
            Object pipe = new Object();
            k.sleep(child, pipe, "read from a pipe no one writes");
            SignalCalls.queue(k, parent, child.pid(), 0, Signals.SIGRTMIN + 2, SigInfo.queue(Signals.SIGRTMIN + 2, SigInfo.SI_QUEUE, parent.pid(), 1000, i));
            assertEquals(1, k.users().sigpending);
            k.exit(child, i);
            assertEquals(0, k.users().sigpending, "a dead process's queued signals are freed");
            assertEquals(2, k.processes().size(), "the zombie stays until it is reaped");
            Object r = Wait.wait4(k, parent, child.pid(), Wait.WNOHANG);
            assertInstanceOf(Wait.Report.class, r);
            assertEquals(List.of(parent), k.tasks());
            assertEquals(List.of(parent.process()), k.processes());
            assertNull(k.process(child.pid()));
            assertNull(k.thread(child.tid()));
            assertEquals(1, k.users().tasks);
            k.wakeup(pipe);   // nothing sleeps there any more
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        RunStats.put(k, stats);
        assertEquals(201, stats.get("sched.processes"));
        assertEquals(201, ((List<?>) stats.get("processes")).size(), "each reaped child keeps its --stats row");
    }

    @Test void aDeadThreadLeavesItsProcessAndTheTaskCount() {
        Task leader = spawn(0);
        Task thread = k.addThread(leader.process(), k.allocPid());
        assertEquals(2, k.users().tasks);
        assertEquals(2, leader.process().threads().size());
        k.exitThread(thread, 0);
        assertEquals(1, k.users().tasks);
        assertEquals(List.of(leader), leader.process().threads());
        assertEquals(List.of(leader), k.tasks());
    }
}
