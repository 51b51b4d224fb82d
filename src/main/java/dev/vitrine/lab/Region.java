package dev.vitrine.lab;

/** A range of virtual addresses, first to last inclusive (so the very top of a 64-bit space fits). */
public record Region(long first, long last) {
    public Region {
        if (Long.compareUnsigned(first, last) > 0) throw new IllegalArgumentException("region ends before it starts");
    }

    /** "START-END" (END exclusive) or "START+SIZE"; numbers in hex (0x) or decimal, sizes may say K/M/G. */
    public static Region parse(String text) {
        String t = text.strip();
        try {
            int plus = t.indexOf('+'), dash = t.indexOf('-');
            if (plus > 0) {
                long start = TraceReader.number(t.substring(0, plus));
                long size = Sizes.parse(t.substring(plus + 1), "region size");
                return new Region(start, start + size - 1);
            }
            if (dash > 0) {
                long start = TraceReader.number(t.substring(0, dash)), end = TraceReader.number(t.substring(dash + 1));
                if (Long.compareUnsigned(end, start) <= 0) throw new NumberFormatException();
                return new Region(start, end - 1);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException("bad region '" + text + "': expected START-END or START+SIZE, e.g. 0x400000+64K");
    }

    @Override public String toString() {
        return Sizes.hex(first) + "-0x" + new java.math.BigInteger(Long.toUnsignedString(last)).add(java.math.BigInteger.ONE).toString(16);
    }
}
