package dev.vitrine.mmu;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The Tlb array against a naive model: per set, a list ordered oldest (or least recent) first. */
class TlbModelTest {
    static final int[] BASE_PAGES_ONLY = {0};

    @Test void lruAndFifoMatchTheListModel() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int run = 0; run < 200; run++) {
            int entries = 1 << rnd.nextInt(6);
            int ways = entries >> rnd.nextInt(Integer.numberOfTrailingZeros(entries) + 1);
            TlbConfig.Policy policy = rnd.nextBoolean() ? TlbConfig.Policy.LRU : TlbConfig.Policy.FIFO;
            check(entries, ways, policy, rnd.nextLong());
        }
    }

    static void check(int entries, int ways, TlbConfig.Policy policy, long seed) {
        Tlb tlb = new Tlb(entries, ways, policy, BASE_PAGES_ONLY, 0);
        int sets = entries / ways;
        List<List<Long>> model = new ArrayList<>();
        for (int i = 0; i < sets; i++) model.add(new ArrayList<>());
        SplittableRandom rnd = new SplittableRandom(seed);
        String what = entries + ":" + ways + ":" + policy;
        for (int step = 0; step < 2000; step++) {
            long vpn = rnd.nextInt(entries * 3);
            List<Long> set = model.get((int) (vpn % sets));
            if (rnd.nextInt(20) == 0) {
                tlb.dropPage(vpn, 1);
                set.remove(vpn);
                continue;
            }
            int slot = tlb.find(vpn, 1);
            boolean modelHit = set.contains(vpn);
            assertEquals(modelHit, slot >= 0, what + " step " + step + " vpn " + vpn);
            if (modelHit) {
                tlb.touch(slot);
                assertEquals(vpn * 10, tlb.ppnFor(slot, vpn));
                if (policy == TlbConfig.Policy.LRU) { set.remove(vpn); set.add(vpn); }
            } else {
                int v = tlb.victim(vpn, 0);
                boolean full = set.size() == ways;
                assertEquals(full, tlb.valid(v), what + ": an empty way is used first");
                if (full) assertEquals(set.remove(0).longValue(), tlb.vpn(v), what + ": the victim");
                tlb.fill(v, vpn, 0, 1, vpn * 10, (int) (Pte.V | Pte.R | Pte.U | Pte.A));
                set.add(vpn);
            }
        }
        assertEquals(model.stream().mapToInt(List::size).sum(), tlb.validEntries());
    }

    /** Hits on two slots (or one slot twice) counted in bulk leave the stamps and clock that touching them one by one leaves. */
    @Test void bulkTouchOfTwoSlotsEqualsTouchingThemOneByOne() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int run = 0; run < 500; run++) {
            Tlb one = new Tlb(8, 8, TlbConfig.Policy.LRU, BASE_PAGES_ONLY, 0), bulk = new Tlb(8, 8, TlbConfig.Policy.LRU, BASE_PAGES_ONLY, 0);
            for (int s = 0; s < 8; s++) {
                one.fill(s, s, 0, 1, s, (int) (Pte.V | Pte.R | Pte.U | Pte.A));
                bulk.fill(s, s, 0, 1, s, (int) (Pte.V | Pte.R | Pte.U | Pte.A));
            }
            int slotA = rnd.nextInt(8), slotB = rnd.nextBoolean() ? slotA : rnd.nextInt(8);
            long n = 1 + rnd.nextInt(6), a = 0, b = 0;
            for (long k = 1; k <= n; k++) {
                boolean onA = rnd.nextBoolean();
                one.touch(onA ? slotA : slotB);
                if (onA) a = k; else b = k;
            }
            bulk.touch(slotA, a, slotB, b, n);
            for (int s = 0; s < 8; s++) assertEquals(one.stamp(s), bulk.stamp(s), "run " + run + " slot " + s);
            // the next fill must see the same clock
            one.fill(0, 9, 0, 1, 9, (int) (Pte.V | Pte.R | Pte.U | Pte.A));
            bulk.fill(0, 9, 0, 1, 9, (int) (Pte.V | Pte.R | Pte.U | Pte.A));
            assertEquals(one.stamp(0), bulk.stamp(0), "run " + run + ": the clock");
        }
    }

    @Test void superpageEntriesCoverTheirWholeRangeAndAreFoundAfterBasePages() {
        // spans {0, 9}: base pages and 512-page superpages, 2 sets of 2 ways.
        Tlb tlb = new Tlb(4, 2, TlbConfig.Policy.LRU, new int[] {0, 9}, 0);
        long superVpn = 3 * 512;
        int s = tlb.victim(superVpn, 1);
        tlb.fill(s, superVpn + 17, 1, 1, 0x4000, 0xdf);      // filled by an access inside it
        assertEquals(superVpn, tlb.vpn(s));
        assertEquals(512, tlb.pages(s));
        assertEquals(s, tlb.find(superVpn + 511, 1));
        assertEquals(0x4000 + 511, tlb.ppnFor(s, superVpn + 511));
        assertEquals(-1, tlb.find(superVpn + 512, 1));
        assertEquals(-1, tlb.find(superVpn, 2), "another address space");
        // A base-page entry for a page inside it wins the lookup (smallest size first).
        int b = tlb.victim(superVpn + 5, 0);
        tlb.fill(b, superVpn + 5, 0, 1, 0x99, 0xdf);
        assertEquals(b, tlb.find(superVpn + 5, 1));
        assertEquals(s, tlb.find(superVpn + 6, 1));
        tlb.dropPage(superVpn + 5, 1);                       // drops both entries covering the page
        assertEquals(0, tlb.validEntries());
    }

    @Test void theLookupMemoAnswersAsTheSearchWould() {
        // Many address spaces, global entries, three page sizes, every kind of drop.
        int[] spans = {0, 9, 18};
        SplittableRandom rnd = new SplittableRandom(5);
        // A working set that mostly fits, so that runs of hits (where the memo answers) are long.
        long[] pool = rnd.longs(20, 0, 1 << 20).toArray();
        for (int i = 0; i < 5; i++) pool[i] = (pool[0] & ~0x1ffL) + i;    // pages sharing one 512-page region
        for (int ways : new int[] {16, 64}) {
            Tlb memo = new Tlb(64, ways, TlbConfig.Policy.LRU, spans, 0, true);
            Tlb plain = new Tlb(64, ways, TlbConfig.Policy.LRU, spans, 0, false);
            for (int step = 0; step < 20_000; step++) {
                long vpn = pool[rnd.nextInt(pool.length)];
                int asid = rnd.nextInt(3);
                int op = rnd.nextInt(100);
                if (op < 3) { memo.dropPage(vpn, asid); plain.dropPage(vpn, asid); continue; }
                if (op < 4) { memo.dropAsid(asid); plain.dropAsid(asid); continue; }
                if (op < 5) { memo.flush(); plain.flush(); continue; }
                int slot = plain.find(vpn, asid);
                assertEquals(slot, memo.find(vpn, asid), "ways " + ways + " step " + step);
                if (slot >= 0) { memo.touch(slot); plain.touch(slot); continue; }
                int s = rnd.nextInt(30) == 0 ? 1 + rnd.nextInt(2) : 0;
                int tag = rnd.nextInt(8) == 0 ? Tlb.ANY_ASID : asid;
                int v = plain.victim(vpn, s);
                assertEquals(v, memo.victim(vpn, s));
                memo.fill(v, vpn, s, tag, vpn, 0xff);
                plain.fill(v, vpn, s, tag, vpn, 0xff);
            }
        }
    }

    @Test void noEntriesMeansNothingIsEverHeld() {
        Tlb tlb = new Tlb(0, 1, TlbConfig.Policy.LRU, BASE_PAGES_ONLY, 0);
        assertEquals(-1, tlb.victim(5, 0));
        assertEquals(-1, tlb.find(5, 1));
        assertEquals(0, tlb.sets());
    }
}
