package dev.vitrine.mm.replace;

import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * How the kernel is meant to drive a policy: frames are physical frame numbers, and
 * clock's referenced bits are the A bits of the PTEs that map them, read and cleared in
 * the page-table bytes.
 */
class KernelProtocolTest {
    static final int PTE = 8;

    @Test void clockClearsPteAccessedBitsInPhysicalMemory() {
        PhysicalMemory ram = new PhysicalMemory(1 << 16, 12);
        long table = 0x1000;
        long[] frames = {40, 41, 42};
        ReplacementPolicy clock = PolicyKind.CLOCK.create(0, null);
        for (int i = 0; i < frames.length; i++) {
            ram.writePte(table + i * PTE, PTE, Pte.make(frames[i], Pte.V | Pte.R | Pte.W | Pte.U));
            clock.loaded((int) frames[i]);
        }
        // The hardware sets A on use: frames 40 and 42 were used since they were loaded.
        setA(ram, table, 0);
        setA(ram, table, 2);
        AccessedBits aBits = frame -> {
            long ptePa = table + (frame - 40) * PTE; // the kernel finds it through its reverse map
            long pte = ram.readPte(ptePa, PTE);
            ram.writePte(ptePa, PTE, pte & ~Pte.A); // (and then invalidates that page in the TLB)
            return (pte & Pte.A) != 0;
        };
        int victim = clock.victim(aBits);
        assertEquals(41, victim);
        assertEquals(0, ram.readPte(table, PTE) & Pte.A, "the hand cleared frame 40's A bit on its way");
        assertNotEquals(0, ram.readPte(table + 2 * PTE, PTE) & Pte.A, "frame 42 was not reached");
        clock.removed(victim);
        clock.loaded(victim);
        assertEquals(3, clock.resident());
    }

    private static void setA(PhysicalMemory ram, long table, int i) {
        ram.writePte(table + i * PTE, PTE, ram.readPte(table + i * PTE, PTE) | Pte.A);
    }

    @Test void policiesNeverPickAFrameTheyWereNotGiven() {
        for (PolicyKind k : new PolicyKind[] {PolicyKind.FIFO, PolicyKind.LRU, PolicyKind.CLOCK, PolicyKind.RANDOM}) {
            ReplacementPolicy p = k.create(3, null);
            for (int f : new int[] {100, 7, 55}) p.loaded(f);
            p.removed(7);
            for (int round = 0; round < 10; round++) {
                int v = p.victim(f -> false);
                assertTrue(v == 100 || v == 55, k + " picked " + v);
            }
        }
    }
}
