package dev.vitrine.fuzz;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What System V messages hold is the machine's memory: a guest that fills queues without end
 * on a machine of 16 MiB and as much swap (Linux's limits allow 512 MiB of messages) runs the
 * machine out of memory within seconds, and then meets what Linux's GFP_KERNEL allocations
 * meet, the OOM killer (status 137); the JVM's heap is never the bound and nothing fails inside.
 */
class IpcMemoryTest {
    @Test void messagesAreBoundedByTheMachinesMemory() throws Exception {
        InProcess.Run run = InProcess.run(FuzzGuest.build("ipc_flood", "-static"), List.of("ipc_flood"), 120,
                b -> b.memory(16L << 20).swap(16L << 20).maxInstructions(2_000_000_000L));
        assertNull(run.failure());
        assertTrue(run.stdout().startsWith("flooding"), run.stdout());
        assertEquals(137, run.result().exitStatus(), () -> run.stdout() + run.stderr() + run.diagnostics());
        String said = run.stderr() + run.diagnostics() + String.join("\n", run.result().report());
        assertTrue(said.contains("ut of memory") || said.contains("OOM"), said);
    }
}
