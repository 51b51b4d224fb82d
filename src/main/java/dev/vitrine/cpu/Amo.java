package dev.vitrine.cpu;

/** What an AMO stores, given the old memory value and rs2 (funct5 selects the operation). */
final class Amo {
    private Amo() {}

    static long apply64(int funct5, long old, long src) {
        switch (funct5) {
            case 0b00001: return src;
            case 0b00000: return old + src;
            case 0b00100: return old ^ src;
            case 0b01100: return old & src;
            case 0b01000: return old | src;
            case 0b10000: return Math.min(old, src);
            case 0b10100: return Math.max(old, src);
            case 0b11000: return Long.compareUnsigned(old, src) <= 0 ? old : src;
            default: return Long.compareUnsigned(old, src) >= 0 ? old : src; // 0b11100 maxu
        }
    }

    static int apply32(int funct5, int old, int src) {
        switch (funct5) {
            case 0b00001: return src;
            case 0b00000: return old + src;
            case 0b00100: return old ^ src;
            case 0b01100: return old & src;
            case 0b01000: return old | src;
            case 0b10000: return Math.min(old, src);
            case 0b10100: return Math.max(old, src);
            case 0b11000: return Integer.compareUnsigned(old, src) <= 0 ? old : src;
            default: return Integer.compareUnsigned(old, src) >= 0 ? old : src;
        }
    }
}
