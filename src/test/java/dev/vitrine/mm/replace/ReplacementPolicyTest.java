package dev.vitrine.mm.replace;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ReplacementPolicyTest {
    @Test void fifoEvictsOldestLoadRegardlessOfUse() {
        ReplacementPolicy p = PolicyKind.FIFO.create(0, null);
        p.loaded(7); p.loaded(3); p.loaded(5);
        p.referenced(7);
        assertEquals(7, p.victim(AccessedBits.NONE));
        p.removed(7);
        assertEquals(3, p.victim(AccessedBits.NONE));
        assertEquals(2, p.resident());
    }

    @Test void lruEvictsLeastRecentlyReferenced() {
        ReplacementPolicy p = PolicyKind.LRU.create(0, null);
        p.loaded(0); p.loaded(1); p.loaded(2);
        p.referenced(0);
        assertEquals(1, p.victim(AccessedBits.NONE));
        p.referenced(1);
        assertEquals(2, p.victim(AccessedBits.NONE));
    }

    @Test void clockGivesReferencedFramesASecondChanceAndClearsTheirBits() {
        ReplacementPolicy p = PolicyKind.CLOCK.create(0, null);
        for (int f = 0; f < 4; f++) p.loaded(f);
        boolean[] bit = {true, true, false, true};
        AccessedBits bits = f -> { boolean b = bit[f]; bit[f] = false; return b; };
        assertEquals(2, p.victim(bits));
        assertFalse(bit[0] || bit[1], "frames passed over lose their bit");
        assertTrue(bit[3], "frames the hand did not reach keep theirs");
        p.removed(2); p.loaded(2);
        // The hand continues after 2: frame 3 has its bit, frame 0 does not.
        assertEquals(0, p.victim(bits));
        assertFalse(bit[3]);
    }

    @Test void clockWithEveryBitSetEvictsWhereTheHandStarted() {
        ReplacementPolicy p = PolicyKind.CLOCK.create(0, null);
        for (int f = 10; f < 13; f++) p.loaded(f);
        Set<Integer> cleared = new HashSet<>();
        // Every bit starts set; the first look clears it, the second finds it clear.
        assertEquals(10, p.victim(f -> cleared.add(f)));
        assertEquals(Set.of(10, 11, 12), cleared);
    }

    @Test void randomIsRepeatableForASeedAndOnlyPicksResidentFrames() {
        int[] a = picks(42), b = picks(42);
        assertArrayEquals(a, b);
        for (int v : a) assertTrue(v == 4 || v == 8 || v == 15);
    }

    private static int[] picks(long seed) {
        ReplacementPolicy p = PolicyKind.RANDOM.create(seed, null);
        p.loaded(4); p.loaded(8); p.loaded(15);
        int[] out = new int[20];
        for (int i = 0; i < out.length; i++) out[i] = p.victim(AccessedBits.NONE);
        return out;
    }

    @Test void optEvictsTheFrameUsedFurthestAheadOrNever() {
        long[] next = {5, Long.MAX_VALUE, 9};
        ReplacementPolicy p = PolicyKind.OPT.create(0, f -> next[f]);
        p.loaded(0); p.loaded(1); p.loaded(2);
        assertEquals(1, p.victim(AccessedBits.NONE));
        next[1] = 3;
        assertEquals(2, p.victim(AccessedBits.NONE));
    }

    @Test void optNeedsTheFutureAndEmptyPoliciesRefuse() {
        assertThrows(IllegalArgumentException.class, () -> PolicyKind.OPT.create(0, null));
        assertThrows(IllegalStateException.class, () -> PolicyKind.FIFO.create(0, null).victim(AccessedBits.NONE));
        assertThrows(IllegalArgumentException.class, () -> PolicyKind.parse("lfu"));
        assertEquals(PolicyKind.CLOCK, PolicyKind.parse(" Clock "));
    }
}
