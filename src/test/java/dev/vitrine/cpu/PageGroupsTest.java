package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static dev.vitrine.cpu.PageGroups.MEMBER;
import static dev.vitrine.cpu.PageGroups.NONE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Which loads and stores of a block share one page test: PageGroups' rules, one at a time. */
class PageGroupsTest {
    private static final int SP = 2, A0 = 10, A1 = 11, A2 = 12, A3 = 13, S0 = 8, S1 = 9;

    /** PageGroups.find over these 32-bit instructions laid out one after another from 0x1000. */
    private static int[] groups(int... insns) {
        long[] words = new long[insns.length], pcs = new long[insns.length];
        for (int i = 0; i < insns.length; i++) {
            words[i] = Decoder.decode(insns[i]);
            pcs[i] = 0x1000 + 4L * i;
        }
        return PageGroups.find(words, pcs, insns.length);
    }

    @Test
    void aProloguesSavesAreOneGroup() {
        assertArrayEquals(new int[] {2, MEMBER, MEMBER}, groups(sd(S0, SP, 8), sd(S1, SP, 16), sd(A0, SP, 0)));
    }

    @Test
    void instructionsBetweenThatLeaveTheBaseAloneStayInTheGroup() {
        // a read-modify-write of one field, loads and stores mixed
        assertArrayEquals(new int[] {2, MEMBER, MEMBER}, groups(ld(A2, A0, 8), addi(A2, A2, 1), sd(A2, A0, 8)));
    }

    @Test
    void aBaseWrittenBetweenEndsTheGroup() {
        assertArrayEquals(new int[] {NONE, NONE, NONE}, groups(ld(A2, A1, 0), addi(A1, A1, 8), ld(A3, A1, 0)));
    }

    @Test
    void aLoadIntoItsOwnBaseEndsTheGroupAfterIt() {
        assertArrayEquals(new int[] {NONE, NONE}, groups(ld(A1, A1, 0), ld(A2, A1, 8)));
        assertArrayEquals(new int[] {1, MEMBER, NONE}, groups(ld(A2, A1, 0), ld(A1, A1, 8), ld(A3, A1, 16)));
    }

    @Test
    void anotherBaseBetweenEndsTheGroup() {
        assertArrayEquals(new int[] {NONE, NONE, NONE}, groups(ld(A2, A0, 0), ld(A3, A1, 0), ld(A2, A0, 8)));
    }

    @Test
    void accessesTooFarApartAreNotAGroup() {
        assertArrayEquals(new int[] {NONE, NONE}, groups(sd(A0, SP, 0), sd(A1, SP, 2040)));
        assertArrayEquals(new int[] {1, MEMBER}, groups(sd(A0, SP, 0), sd(A1, SP, PageGroups.SPAN - 8)));
    }

    @Test
    void aBranchBetweenEndsTheGroup() {
        assertArrayEquals(new int[] {NONE, NONE, NONE}, groups(ld(A2, A0, 0), beq(A2, 0, 64), ld(A3, A0, 8)));
    }

    @Test
    void anInstructionAJumpReachesStartsAfresh() {
        // the loop's branch goes back to the second load: a group may not start before it
        assertArrayEquals(new int[] {NONE, 2, MEMBER, NONE},
                groups(ld(A2, A0, 0), ld(A3, A0, 8), ld(A1, A0, 16), bne(A1, 0, -8)));
    }
}
