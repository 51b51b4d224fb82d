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
                long start = TraceReader.number(t.substring(0, dash));
                String e = t.substring(dash + 1).strip().toLowerCase();
                // END is exclusive, so the top of a 64-bit space is written 0x10000000000000000.
                java.math.BigInteger end = e.startsWith("0x") ? new java.math.BigInteger(e.substring(2), 16) : new java.math.BigInteger(e);
                if (end.bitLength() > 65 || end.compareTo(new java.math.BigInteger(Long.toUnsignedString(start))) <= 0
                        || end.compareTo(java.math.BigInteger.ONE.shiftLeft(64)) > 0) throw new NumberFormatException();
                return new Region(start, end.subtract(java.math.BigInteger.ONE).longValue());
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
