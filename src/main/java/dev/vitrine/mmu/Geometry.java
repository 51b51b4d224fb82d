package dev.vitrine.mmu;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of a page table: how many levels, how many index bits each level takes
 * (top level first), the page size and the size of one PTE. Presets are the RISC-V
 * schemes plus the chapter's 32-bit examples; any other shape can be built by fields.
 */
public record Geometry(String name, int vaBits, int pageBits, int[] levelBits, int pteBytes) {

    public static final Geometry SV39 = new Geometry("sv39", 39, 12, new int[] {9, 9, 9}, 8);
    public static final Geometry SV48 = new Geometry("sv48", 48, 12, new int[] {9, 9, 9, 9}, 8);
    public static final Geometry SV57 = new Geometry("sv57", 57, 12, new int[] {9, 9, 9, 9, 9}, 8);
    /** The chapter's two-level 32-bit example: 10/10/12 with 4-byte entries (RISC-V Sv32's shape). */
    public static final Geometry X86_32 = new Geometry("x86-32", 32, 12, new int[] {10, 10}, 4);
    /** The chapter's single-level table: 2^20 entries of 4 bytes, 4 MiB, contiguous. */
    public static final Geometry FLAT32 = new Geometry("flat32", 32, 12, new int[] {20}, 4);

    public static final List<Geometry> PRESETS = List.of(SV39, SV48, SV57, X86_32, FLAT32);

    public Geometry {
        levelBits = levelBits.clone();
        if (pteBytes != 4 && pteBytes != 8) throw new IllegalArgumentException("PTE size must be 4 or 8 bytes, not " + pteBytes);
        if (levelBits.length == 0) throw new IllegalArgumentException("a page table needs at least one level");
        int sum = pageBits;
        for (int b : levelBits) {
            if (b <= 0) throw new IllegalArgumentException("each level needs at least one index bit");
            sum += b;
        }
        if (sum != vaBits)
            throw new IllegalArgumentException("fields do not sum: " + Arrays.toString(levelBits) + " + " + pageBits
                    + " offset bits = " + sum + ", but the address has " + vaBits + " bits");
        if (vaBits > 64) throw new IllegalArgumentException("addresses wider than 64 bits");
    }

    public static Geometry preset(String name) {
        for (Geometry g : PRESETS) if (g.name.equalsIgnoreCase(name)) return g;
        throw new IllegalArgumentException("unknown paging preset '" + name + "' (known: sv39, sv48, sv57, x86-32, flat32)");
    }

    public int levels() { return levelBits.length; }
    public int levelBits(int level) { return levelBits[level]; }
    public long pageSize() { return 1L << pageBits; }
    public long pageMask() { return pageSize() - 1; }

    /** Bytes one table of {@code level} occupies (the flat32 root is 4 MiB). */
    public long tableBytes(int level) { return (1L << levelBits[level]) * pteBytes; }

    /** Bit position where level {@code level}'s index starts (level 0 is the top). */
    public int shift(int level) {
        int s = pageBits;
        for (int i = levelBits.length - 1; i > level; i--) s += levelBits[i];
        return s;
    }

    public long index(long va, int level) {
        return (va >>> shift(level)) & ((1L << levelBits[level]) - 1);
    }

    public long vpn(long va) { return va >>> pageBits; }
    public long offset(long va) { return va & pageMask(); }

    /** RISC-V S-mode layouts split the range in halves; user space gets the lower one. */
    public boolean signExtended() { return vaBits > 32 && vaBits < 64; }

    /** One past the highest user address the kernel may hand out. */
    public long userTop() { return signExtended() ? 1L << (vaBits - 1) : (vaBits >= 64 ? Long.MAX_VALUE : 1L << vaBits); }

    /** Whether {@code va} can be translated at all by this geometry. */
    public boolean representable(long va) {
        if (vaBits >= 64) return true;
        if (signExtended()) {
            long top = va >> (vaBits - 1);
            return top == 0 || top == -1;
        }
        return (va >>> vaBits) == 0;
    }

    /** Highest physical frame number a PTE of this size can hold. */
    public long maxPpn() { return pteBytes == 4 ? (1L << 22) - 1 : (1L << 44) - 1; }

    @Override public boolean equals(Object o) {
        return o instanceof Geometry g && g.vaBits == vaBits && g.pageBits == pageBits && g.pteBytes == pteBytes
                && Arrays.equals(g.levelBits, levelBits);
    }
    @Override public int hashCode() { return Arrays.hashCode(levelBits) * 31 + vaBits * 7 + pageBits + pteBytes; }
    @Override public String toString() { return name; }
}
