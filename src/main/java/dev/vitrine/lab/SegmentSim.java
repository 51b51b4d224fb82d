package dev.vitrine.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Base-and-bounds and segmentation, as OSTEP ch. 15-16 and its relocation.py and
 * segmentation.py have them. With base and bounds, an address below the limit is
 * base + address. With segments, the top {@code segBits} bits of the address pick a
 * segment; one that grows up holds offsets 0..limit-1 from its base; one that grows down
 * (a stack) holds the last {@code limit} bytes of its slice of the address space, at
 * negative offsets from its base (the base is the segment's top).
 */
public final class SegmentSim {
    private SegmentSim() {}

    public record Segment(long base, long limit, boolean growsDown) {
        public Segment {
            if (base < 0 || limit < 0) throw new IllegalArgumentException("segment base and limit must be >= 0");
        }
    }

    /** An address space of {@code asize} bytes over {@code psize} bytes of memory: one segment (base and bounds) or 2^segBits. */
    public record Setup(long asize, long psize, int segBits, List<Segment> segments) {
        public Setup {
            if (asize <= 0 || Long.bitCount(asize) != 1 && segBits > 0) throw new IllegalArgumentException("with segments the address space size must be a power of two");
            if (segBits < 0 || segBits > 16) throw new IllegalArgumentException("0-16 segment bits");
            if (segments.size() != 1 << segBits) throw new IllegalArgumentException((1 << segBits) + " segments needed for " + segBits + " segment bits, " + segments.size() + " given");
            segments = List.copyOf(segments);
        }

        public boolean baseAndBounds() { return segBits == 0; }
        public long segmentSize() { return asize >> segBits; }
    }

    /** One address: its segment and offset (negative for a segment that grows down), and the physical address or null. */
    public record Result(long va, int segment, long offset, Long pa, String why) {
        public boolean valid() { return pa != null; }
    }

    public static Result translate(Setup s, long va) {
        if (va < 0 || va >= s.asize()) throw new IllegalArgumentException("virtual address " + va + " is outside an address space of " + s.asize() + " bytes");
        int seg = s.baseAndBounds() ? 0 : (int) (va / s.segmentSize());
        Segment g = s.segments().get(seg);
        long off = s.baseAndBounds() ? va : va % s.segmentSize();
        String name = s.baseAndBounds() ? "limit" : "segment " + seg + "'s limit";
        if (g.growsDown()) {
            long neg = off - s.segmentSize();
            if (-neg > g.limit()) return new Result(va, seg, neg, null, String.format("offset %d: %d bytes below the top, past %s %d", neg, -neg, name, g.limit()));
            return new Result(va, seg, neg, g.base() + neg, String.format("offset %d (%d - %d): base %d - %d", neg, off, s.segmentSize(), g.base(), -neg));
        }
        if (off >= g.limit()) return new Result(va, seg, off, null, String.format("offset %d >= %s %d", off, name, g.limit()));
        return new Result(va, seg, off, g.base() + off, String.format("offset %d < %s %d: base %d + %d", off, name, g.limit(), g.base(), off));
    }

    /**
     * Fills in what was not given as OSTEP's programs do from their seed, drawing from
     * Python's generator in the same order: relocation.py (base and bounds) or segmentation.py
     * (two segments, the second growing down). A null base or limit is drawn; null addresses
     * are {@code count} random ones.
     */
    public record Problem(Setup setup, List<Long> addresses) {}

    public static Problem ostep(boolean segments, long seed, long asize, long psize, Long[] bases, Long[] limits, List<Long> addresses, int count) {
        PyRandom r = new PyRandom(seed);
        if (!segments) {
            if (psize <= asize) throw new IllegalArgumentException("physical memory must be larger than the address space (as relocation.py asks)");
            long limit = limits[0] != null ? limits[0] : (long) (asize / 4.0 + asize / 4.0 * r.random());
            long base;
            if (bases[0] != null) base = bases[0];
            else do base = (long) (psize * r.random()); while (base + limit >= psize);
            if (base + limit > psize) throw new IllegalArgumentException("the address space does not fit in physical memory with base " + base + " and limit " + limit);
            return new Problem(new Setup(asize, psize, 0, List.of(new Segment(base, limit, false))), draw(r, asize, addresses, count));
        }
        if (psize <= asize) throw new IllegalArgumentException("physical memory must be larger than the address space (as segmentation.py asks)");
        long len0 = limits[0] != null ? limits[0] : (long) (asize / 4.0 + asize / 4.0 * r.random());
        long len1 = limits[1] != null ? limits[1] : (long) (asize / 4.0 + asize / 4.0 * r.random());
        if ((bases[0] == null || bases[1] == null) && psize <= 2 * asize)
            throw new IllegalArgumentException("physical memory must be over twice the address space to place segments at random (as segmentation.py asks)");
        long base0;
        if (bases[0] != null) base0 = bases[0];
        else do base0 = (long) (psize * r.random()); while (base0 + len0 >= psize);
        long low1; // where segment 1's bytes start: its base (top) minus its limit
        if (bases[1] != null) low1 = bases[1] - len1;
        else do low1 = (long) (psize * r.random()); while (!(low1 + len1 < psize && (low1 > base0 + len0 || low1 + len1 < base0)));
        if (len0 > asize / 2 || len1 > asize / 2) throw new IllegalArgumentException("a segment's limit is larger than half the address space");
        if (low1 < 0 || psize < low1 || psize < base0 + len0 - 1) throw new IllegalArgumentException("a segment is not in physical memory");
        Setup s = new Setup(asize, psize, 1, List.of(new Segment(base0, len0, false), new Segment(low1 + len1, len1, true)));
        return new Problem(s, draw(r, asize, addresses, count));
    }

    private static List<Long> draw(PyRandom r, long asize, List<Long> given, int count) {
        if (given != null) return List.copyOf(given);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add((long) (asize * r.random()));
        return out;
    }
}
