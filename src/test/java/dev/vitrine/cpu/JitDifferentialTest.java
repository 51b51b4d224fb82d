package dev.vitrine.cpu;

import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.TlbConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translator against the interpreter: random programs ({@link RandomBlocks}) run on two
 * identical rigs, one translating every block head from its first entry, one interpreting;
 * after every hart run (budgets of varied length, so blocks meet the budget's edge) the trap,
 * pc, instret, registers and every MMU counter must be equal, and memory at the end.
 * Traps are stepped over as a kernel would (a fault's instruction skipped).
 */
class JitDifferentialTest {
    private static final TlbConfig[] TLBS = {
        TlbConfig.DEFAULT,
        new TlbConfig(8, 2, TlbConfig.Policy.LRU, true, false, 0),
        new TlbConfig(4, 4, TlbConfig.Policy.RANDOM, true, false, 7),
        new TlbConfig(16, 4, TlbConfig.Policy.FIFO, false, false, 0), // unified: the hart never translates here
    };

    @Test void randomProgramsLeaveTheSameStateTranslatedAndInterpreted() {
        long translatedRuns = 0;
        for (int seed = 0; seed < 24; seed++) {
            TlbConfig tlb = TLBS[seed % TLBS.length];
            translatedRuns += compare(seed, tlb, Rig.CODE + 0xe00 + 2L * (seed % 8));
        }
        assertTrue(translatedRuns > 5_000, // blocks go on through jumps and loop within themselves: fewer, longer runs
                 "the translator ran only " + translatedRuns + " blocks");
    }

    /** A loop of loads and stores of every width on one data page and its neighbour, translated and interpreted. */
    @Test void loadStoreLoopEqualsTheInterpreter() {
        Rig[] rigs = new Rig[2];
        for (int i = 0; i < 2; i++) {
            Rig r = new Rig();
            r.hart.setTranslation(i == 0);
            r.hart.hotThreshold = 1;
            r.i(Asm.ld(Asm.A0, Asm.T0, 0), Asm.ld(Asm.A1, Asm.T0, 8), Asm.add(Asm.A2, Asm.A0, Asm.A1), Asm.sd(Asm.A2, Asm.T0, 16),
                Asm.lw(Asm.A3, Asm.T0, 4), Asm.sb(Asm.A3, Asm.T0, 1), Asm.lhu(Asm.A4, Asm.T0, 2), Asm.sh(Asm.A4, Asm.T0, 6),
                Asm.lbu(Asm.A5, Asm.T0, 17), Asm.sw(Asm.A5, Asm.T0, 24), Asm.ld(Asm.A6, Asm.T0, -16), // the page before
                Asm.addi(Asm.T1, Asm.T1, -1), Asm.bne(Asm.T1, 0, -48), Asm.ECALL);
            r.set(Asm.T0, Rig.DATA + 8).set(Asm.T1, 1000);
            r.mem.write64(Rig.DATA + 8, 0x0123456789abcdefL);
            r.runToEcall();
            rigs[i] = r;
        }
        assertTrue(rigs[0].hart.blockRuns > 0, "nothing was translated");
        assertArrayEquals(rigs[1].hart.x, rigs[0].hart.x);
        assertEquals(rigs[1].mmu.stats().toString(), rigs[0].mmu.stats().toString());
        assertTrue(Arrays.equals(rigs[1].memory(), rigs[0].memory()));
    }

    /**
     * Three blocks that jump to each other round a loop: after the first lap each goes straight
     * on to the next (chaining) without the hart's lookup; with budgets that end anywhere in
     * the loop every register and counter is still the interpreter's. A leaves by jalr: with a
     * jal, C's branch back to A would take the whole loop into C (a short path off and back
     * into a block is part of it).
     */
    @Test void chainedBlocksEqualTheInterpreter() {
        long chained = 0;
        for (int budget : new int[] {1, 2, 3, 5, 7, 13, 1000}) {
            Rig[] rigs = new Rig[2];
            for (int i = 0; i < 2; i++) {
                Rig r = new Rig();
                r.hart.setTranslation(i == 0);
                r.hart.hotThreshold = 1;
                // A at 0x10000, C at 0x1000c falling through to the ecall once t1 is 0, B at 0x10018
                r.i(Asm.addi(Asm.A0, Asm.A0, 1), Asm.ld(Asm.A1, Asm.T0, 0), Asm.jalr(0, Asm.S1, 0), // A: on to B
                    Asm.addi(Asm.T1, Asm.T1, -1), Asm.bne(Asm.T1, 0, -16), // C: back to A
                    Asm.ECALL,
                    Asm.add(Asm.A2, Asm.A2, Asm.A1), Asm.sd(Asm.A2, Asm.T0, 8), Asm.jal(0, -20)); // B: on to C
                r.set(Asm.T0, Rig.DATA).set(Asm.T1, 500).set(Asm.S1, 0x10018);
                r.mem.write64(Rig.DATA, 3);
                int trap, calls = 0;
                // 500 laps of 8 instructions: a loop that misses its exit fails here instead of hanging
                while ((trap = r.hart.run(budget)) == Trap.LIMIT) assertTrue(++calls < 10_000, "no ecall, budget " + budget);
                assertEquals(Trap.ECALL, trap);
                rigs[i] = r;
            }
            chained += rigs[0].hart.chainedRuns;
            assertEquals(rigs[1].hart.instret, rigs[0].hart.instret, "budget " + budget);
            assertArrayEquals(rigs[1].hart.x, rigs[0].hart.x, "budget " + budget);
            assertEquals(rigs[1].mmu.stats().toString(), rigs[0].mmu.stats().toString(), "budget " + budget);
            assertTrue(Arrays.equals(rigs[1].memory(), rigs[0].memory()), "budget " + budget);
        }
        assertTrue(chained > 0, "no block went straight on to the next");
    }

    /**
     * One block with jumps into itself: an inner loop branching back to its middle, a forward
     * branch over one of its instructions, the outer loop back to its head, a compressed
     * instruction between. Inside it loads and stores alternate between two data pages, a page
     * never touched before is read, first written and read again, and every 16th lap stores to
     * the code's own page (which drops the block: the hart decodes and translates it again).
     * Under budgets that end anywhere every register, counter and byte is the interpreter's.
     */
    @Test void jumpsWithinABlockEqualTheInterpreter() {
        long runs = 0;
        for (int budget : new int[] {1, 2, 3, 5, 7, 13, 29, 1000}) {
            Rig jit = innerLoops(true), ref = innerLoops(false);
            inStep(jit, ref, budget);
            runs += jit.hart.blockRuns;
            assertTrue(Arrays.equals(ref.memory(), jit.memory()), "budget " + budget);
        }
        assertTrue(runs > 0, "nothing was translated");
    }

    /**
     * Two virtual pages on one frame: loads through a read-only mapping of a frame never
     * written (its chunk is still the shared zeros), stores through a writable one, loads
     * again. Each load must see the store before it: against an interpreter over an MMU
     * without fast paths ({@link dev.vitrine.mmu.Mmu#reference}), every figure equal too.
     */
    @Test void loadsSeeStoresThroughAnotherMappingOfTheFrame() {
        Rig jit = aliased(true), ref = aliased(false);
        jit.runToEcall();
        ref.runToEcall();
        assertTrue(jit.hart.blockRuns > 0, "nothing was translated");
        assertEquals(499, jit.x(Asm.A2), "the last load through the read-only page saw the last store");
        assertArrayEquals(ref.hart.x, jit.hart.x);
        assertEquals(ref.mmu.stats().toString(), jit.mmu.stats().toString());
        assertTrue(Arrays.equals(ref.memory(), jit.memory()));
    }

    /**
     * Loads and stores on two pages drawn at random from eight each lap, through a four-entry
     * LRU data TLB: the hits on the two remembered pages are served by chunk and counted in
     * bulk, and which page each miss evicts depends on every hit's stamp. Translated on the
     * fast MMU against interpreted on the reference MMU (every lookup a search, every hit
     * counted at once), every figure after every hart run.
     */
    @Test void bulkCountedHitsEvictAsTheReferenceDoes() {
        // The loop is one block of 15 instructions, made where the branch back reaches with room
        // for the longest block (a run that starts inside it, or a head reached near the end of
        // a budget, does not make one): budgets under 64 + 15 leave it to the interpreter; 82
        // and 88 end anywhere in the loop.
        for (int budget : new int[] {3, 82, 88, 1000}) {
            TlbConfig lru = new TlbConfig(4, 4, TlbConfig.Policy.LRU, true, false, 0);
            Rig jit = new Rig(Geometry.SV39, lru, false), ref = new Rig(Geometry.SV39, lru, true);
            for (Rig r : new Rig[] {jit, ref}) {
                r.hart.setTranslation(r == jit);
                r.hart.hotThreshold = 1;
                long loop = r.here();
                // a0 = a0 * s3 + 1; a1 = page a0 >>> 61 of s0's eight, a3 = page (a0 >>> 58) & 7
                r.i(Asm.m(0, Asm.A0, Asm.A0, 19), Asm.addi(Asm.A0, Asm.A0, 1),
                    Asm.srli(Asm.A1, Asm.A0, 61), Asm.slli(Asm.A1, Asm.A1, 12), Asm.add(Asm.A1, Asm.A1, Asm.S0), Asm.ld(Asm.A2, Asm.A1, 0),
                    Asm.srli(Asm.A3, Asm.A0, 58), Asm.andi(Asm.A3, Asm.A3, 7), Asm.slli(Asm.A3, Asm.A3, 12), Asm.add(Asm.A3, Asm.A3, Asm.S0),
                    Asm.sd(Asm.A2, Asm.A3, 8), Asm.ld(Asm.A4, Asm.A1, 0), Asm.ld(Asm.A5, Asm.A3, 16), Asm.addi(Asm.T1, Asm.T1, -1));
                r.i(Asm.bne(Asm.T1, 0, (int) (loop - r.here())), Asm.ECALL);
                r.set(Asm.S0, Rig.DATA).set(19, 6364136223846793005L).set(Asm.A0, 12345).set(Asm.T1, 400);
            }
            inStep(jit, ref, budget);
            if (budget > Translator.MAX + 15) assertTrue(jit.hart.blockRuns > 0, "nothing was translated, budget " + budget);
            assertTrue(jit.mmu.stats().evictions > 100, "the TLB was not under pressure: " + jit.mmu.stats());
            assertArrayEquals(ref.hart.x, jit.hart.x);
        }
    }

    private static Rig aliased(boolean translate) {
        Rig r = new Rig(Geometry.SV39, TlbConfig.DEFAULT, !translate);
        r.hart.setTranslation(translate);
        r.hart.hotThreshold = 1;
        long ro = 0x380000, rw = 0x381000;
        // ro's PTE points at rw's frame (the rig maps one to one otherwise)
        r.mem.writePte(0x3000 + (ro >>> 12) * 8, 8, dev.vitrine.mmu.Pte.make(rw >>> 12, Rig.RWX & ~dev.vitrine.mmu.Pte.W));
        r.mmu.invalidatePage(ro);
        long loop = r.here();
        r.i(Asm.ld(Asm.A1, Asm.S0, 0), Asm.sd(Asm.A0, Asm.S1, 0), Asm.ld(Asm.A2, Asm.S0, 0), Asm.add(Asm.A3, Asm.A3, Asm.A2),
            Asm.add(Asm.A4, Asm.A4, Asm.A1), Asm.addi(Asm.A0, Asm.A0, 1), Asm.addi(Asm.T1, Asm.T1, -1));
        r.i(Asm.bne(Asm.T1, 0, (int) (loop - r.here())), Asm.ECALL);
        r.set(Asm.S0, ro).set(Asm.S1, rw).set(Asm.T1, 500);
        return r;
    }

    private static Rig innerLoops(boolean translate) {
        Rig r = new Rig();
        r.hart.setTranslation(translate);
        r.hart.hotThreshold = 1;
        long head = r.here();
        r.i(Asm.addi(Asm.A0, Asm.A0, 1), Asm.ld(Asm.A4, Asm.S0, 0), Asm.sd(Asm.A0, Asm.S0, 0), Asm.ld(Asm.A5, Asm.S0, 0),
            Asm.add(Asm.A6, Asm.A6, Asm.A5), Asm.add(Asm.A6, Asm.A6, Asm.A4), Asm.addi(Asm.T2, 0, 5));
        long inner = r.here();
        r.i(Asm.ld(Asm.A1, Asm.T0, 0), Asm.ld(Asm.A2, Asm.S1, 8), Asm.add(Asm.A3, Asm.A1, Asm.A2));
        r.c(0x0505); // c.addi a0, 1
        r.i(Asm.sd(Asm.A3, Asm.T0, 8), Asm.sd(Asm.A1, Asm.S1, 0), Asm.andi(Asm.A7, Asm.A3, 1), Asm.beq(Asm.A7, 0, 8),
            Asm.addi(Asm.A3, Asm.A3, 3), Asm.addi(Asm.T2, Asm.T2, -1));
        r.i(Asm.bne(Asm.T2, 0, (int) (inner - r.here())));
        r.i(Asm.add(Asm.S0, Asm.S0, 18), Asm.andi(Asm.A7, Asm.A0, 15), Asm.bne(Asm.A7, 0, 8), Asm.sd(Asm.A0, 3, 0x7f8),
            Asm.addi(Asm.T1, Asm.T1, -1));
        r.i(Asm.bne(Asm.T1, 0, (int) (head - r.here())), Asm.ECALL);
        // t0 and s1: two data pages; s0: a page never touched, the next one each lap; x3: the code page
        r.set(Asm.T0, Rig.DATA).set(Asm.S1, Rig.DATA + 0x1000).set(Asm.S0, 0x300000).set(18, 0x1000)
            .set(3, Rig.CODE).set(Asm.T1, 100);
        r.mem.write64(Rig.DATA, 3);
        return r;
    }

    /**
     * Runs that stop anywhere in two nested loops (a budget of 101 against laps of 4 and 7
     * instructions): only the heads that branches lead to become blocks (the two loops' heads,
     * the instruction after each loop's branch), not each instruction where a run happened to
     * start, every figure still the interpreter's.
     */
    @Test void runsThatStartInsideALoopMakeNoBlocksThere() {
        Rig jit = nested(true), ref = nested(false);
        inStep(jit, ref, 101);
        assertTrue(jit.hart.blockRuns > 0, "nothing was translated");
        assertTrue(jit.hart.translations <= 4, jit.hart.translations + " blocks for four heads");
    }

    private static Rig nested(boolean translate) {
        Rig r = new Rig();
        r.hart.setTranslation(translate);
        r.hart.hotThreshold = 1;
        long outer = r.here();
        r.i(Asm.addi(Asm.T2, 0, 5));
        long inner = r.here();
        r.i(Asm.ld(Asm.A1, Asm.T0, 0), Asm.add(Asm.A2, Asm.A2, Asm.A1), Asm.addi(Asm.T2, Asm.T2, -1));
        r.i(Asm.bne(Asm.T2, 0, (int) (inner - r.here())), Asm.addi(Asm.T1, Asm.T1, -1));
        r.i(Asm.bne(Asm.T1, 0, (int) (outer - r.here())), Asm.ECALL);
        r.set(Asm.T0, Rig.DATA).set(Asm.T1, 300);
        r.mem.write64(Rig.DATA, 3);
        return r;
    }

    /**
     * A loop whose branch goes off, every fourth lap, on a short path (a store and two more
     * instructions) that jumps back into it: the block takes the path in, so the loop stays
     * in one block (its runs stay few), and under budgets that end anywhere, on the loop or
     * on the path, every register, counter and byte is the interpreter's.
     */
    @Test void shortPathsOffABlockAndBackEqualTheInterpreter() {
        for (int budget : new int[] {1, 2, 3, 5, 7, 13, 1000}) {
            Rig jit = detour(true), ref = detour(false);
            inStep(jit, ref, budget);
            assertTrue(Arrays.equals(ref.memory(), jit.memory()), "budget " + budget);
            // 400 laps, 100 of them off on the path: had the path been an exit, 100 runs or more
            if (budget == 1000) assertTrue(jit.hart.blockRuns > 0 && jit.hart.blockRuns < 20, "block runs: " + jit.hart.blockRuns);
        }
    }

    private static Rig detour(boolean translate) {
        Rig r = new Rig();
        r.hart.setTranslation(translate);
        r.hart.hotThreshold = 1;
        long loop = r.here();
        r.i(Asm.addi(Asm.T1, Asm.T1, -1), Asm.andi(Asm.A7, Asm.T1, 3), Asm.beq(Asm.A7, 0, 20)); // to the path
        long back = r.here();
        r.i(Asm.ld(Asm.A1, Asm.T0, 0), Asm.add(Asm.A2, Asm.A2, Asm.A1));
        r.i(Asm.bne(Asm.T1, 0, (int) (loop - r.here())), Asm.ECALL);
        // the path: store, count, back
        r.i(Asm.sd(Asm.A2, Asm.T0, 8), Asm.addi(Asm.A3, Asm.A3, 1));
        r.i(Asm.jal(0, (int) (back - r.here())));
        r.set(Asm.T0, Rig.DATA).set(Asm.T1, 400);
        r.mem.write64(Rig.DATA, 3);
        return r;
    }

    /**
     * A block that leaves by turns through a taken branch and through jalr: its runs go on to
     * two blocks in alternation, both kept as links (next and other) and checked before each
     * chained run, under budgets that end anywhere.
     */
    @Test void blocksLinkedToTwoSuccessorsEqualTheInterpreter() {
        long chained = 0;
        for (int budget : new int[] {1, 2, 3, 5, 9, 1000}) {
            Rig jit = twoWays(true), ref = twoWays(false);
            inStep(jit, ref, budget);
            chained += jit.hart.chainedRuns;
            // with room to spare, all but the first runs of each block go on by a link (one link: half of A's)
            if (budget == 1000) assertTrue(jit.hart.chainedRuns * 10 > jit.hart.blockRuns * 9,
                    jit.hart.chainedRuns + " of " + jit.hart.blockRuns + " runs chained");
        }
        assertTrue(chained > 0, "no block went straight on to the next");
    }

    private static Rig twoWays(boolean translate) {
        Rig r = new Rig();
        r.hart.setTranslation(translate);
        r.hart.hotThreshold = 1;
        long a = r.here();
        // A: count down; on even t1 to C by the branch, on odd to B through jalr (s0 = B)
        r.i(Asm.addi(Asm.T1, Asm.T1, -1), Asm.beq(Asm.T1, 0, 28), Asm.andi(Asm.A0, Asm.T1, 1), Asm.beq(Asm.A0, 0, 12),
            Asm.jalr(0, Asm.S0, 0), Asm.ECALL);
        long c = r.here(); // C: a store, back to A through jalr (s1 = A)
        r.i(Asm.sd(Asm.T1, Asm.T0, 0), Asm.jalr(0, Asm.S1, 0));
        long exit = r.here();
        r.i(Asm.ECALL);
        long b = r.here(); // B: a load, back to A through jalr
        r.i(Asm.ld(Asm.A1, Asm.T0, 0), Asm.add(Asm.A2, Asm.A2, Asm.A1), Asm.jalr(0, Asm.S1, 0));
        if (c != a + 24 || exit != a + 32) throw new AssertionError("layout");
        r.set(Asm.S0, b).set(Asm.S1, a).set(Asm.T0, Rig.DATA).set(Asm.T1, 300);
        return r;
    }

    /**
     * A block that ends by falling back into itself right after a store that, every fourth
     * round, rewrites one of its own instructions: the store drops the block's code, so the
     * block must leave there rather than jump back into its stale translation (the
     * interpreter decodes the new word).
     */
    @Test void aStoreIntoTheBlocksOwnCodeLeavesItEvenWhereItWouldLoop() {
        Rig jit = selfWriting(true), ref = selfWriting(false);
        jit.runToEcall();
        ref.runToEcall();
        assertTrue(jit.hart.blockRuns > 0, "nothing was translated");
        assertTrue(ref.x(Asm.A1) > 400, "the rewritten word ran too rarely: " + ref.x(Asm.A1));
        assertEquals(ref.hart.instret, jit.hart.instret);
        assertArrayEquals(ref.hart.x, jit.hart.x);
        assertEquals(ref.mmu.stats().toString(), jit.mmu.stats().toString());
        assertTrue(Arrays.equals(ref.memory(), jit.memory()));
    }

    private static Rig selfWriting(boolean translate) {
        Rig r = new Rig();
        r.hart.setTranslation(translate);
        r.hart.hotThreshold = 1;
        int one = Asm.addi(Asm.A1, Asm.A1, 1), two = Asm.addi(Asm.A1, Asm.A1, 2);
        // x: every fourth round the store; h (the first head): the word it rewrites, then round to j x,
        // whose block falls from the store back into h
        long x = r.here();
        r.i(Asm.andi(Asm.A2, Asm.T1, 3), Asm.bne(Asm.A2, 0, 12), Asm.xor(28, 28, 29), Asm.sw(28, Asm.S0, 0));
        long h = r.here();
        r.i(one, Asm.addi(Asm.T1, Asm.T1, -1), Asm.beq(Asm.T1, 0, 12));
        r.i(Asm.jal(0, (int) (x - r.here())), Asm.ECALL, Asm.ECALL);
        r.set(Asm.S0, h).set(28, one).set(29, one ^ two).set(Asm.T1, 301);
        r.hart.pc = h;
        return r;
    }

    /** Returns how many translated blocks the translating rig ran. */
    private static long compare(int seed, TlbConfig tlb, long start) {
        Rig jit = rig(seed, tlb, start, true), ref = rig(seed, tlb, start, false);
        java.util.SplittableRandom budgets = new java.util.SplittableRandom(seed);
        boolean finished = false;
        for (int step = 0; step < 40000; step++) {
            long budget = 1 + budgets.nextInt(step % 3 == 0 ? 7 : 400);
            int a = jit.hart.run(budget), b = ref.hart.run(budget);
            String where = "seed " + seed + " " + tlb + " step " + step + " budget " + budget;
            assertEquals(Trap.name(b), Trap.name(a), where);
            assertEquals(ref.hart.pc, jit.hart.pc, where);
            assertEquals(ref.hart.instret, jit.hart.instret, where);
            assertArrayEquals(ref.hart.x, jit.hart.x, where);
            assertEquals(ref.hart.trapValue, jit.hart.trapValue, where);
            assertEquals(ref.mmu.stats().toString(), jit.mmu.stats().toString(), where);
            if (b == Trap.ECALL) { finished = true; break; }
            if (b != Trap.LIMIT) { // step over the trapping instruction, as a signal handler might
                jit.hart.pc += 4;
                ref.hart.pc += 4;
            }
        }
        assertTrue(finished, "seed " + seed + " never reached its ecall; pc " + Long.toHexString(ref.hart.pc) + " x31 " + ref.hart.x[31] + " instret " + ref.hart.instret);
        assertTrue(Arrays.equals(ref.memory(), jit.memory()), "memory differs, seed " + seed);
        return jit.hart.blockRuns;
    }

    private static Rig rig(int seed, TlbConfig tlb, long start, boolean translate) {
        Rig r = new Rig(Geometry.SV39, tlb, false);
        r.hart.setTranslation(translate);
        r.hart.hotThreshold = 1;
        if (seed % 5 == 4) { // translations forgotten every few blocks, and while a block runs
            CodeCache.of(r.mem).maxTranslations = 3;
            CodeCache.of(r.mem).maxHotBlocks = 1;
        }
        new RandomBlocks(seed).write(r, start, new int[] {300, 6, 12}[seed % 3], 60);
        return r;
    }

    /** Runs both rigs to their ecall under {@code budget}, in step: every run must stop where the interpreter's does, with every figure equal. */
    private static void inStep(Rig jit, Rig ref, int budget) {
        int trap, calls = 0;
        do {
            trap = jit.hart.run(budget);
            String where = "budget " + budget + " call " + calls;
            assertEquals(Trap.name(ref.hart.run(budget)), Trap.name(trap), where);
            assertEquals(ref.hart.instret, jit.hart.instret, where);
            assertEquals(ref.hart.pc, jit.hart.pc, where);
            assertArrayEquals(ref.hart.x, jit.hart.x, where);
            assertEquals(ref.mmu.stats().toString(), jit.mmu.stats().toString(), where);
            assertTrue(++calls < 100_000, "no ecall, budget " + budget);
        } while (trap == Trap.LIMIT);
        assertEquals(Trap.ECALL, trap);
    }
}
