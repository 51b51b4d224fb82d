package dev.vitrine.cpu;

import dev.vitrine.mmu.PhysicalMemory;

import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Decoded instructions per physical 4 KiB block, one {@link Op} word per halfword,
 * decoded lazily (0 = not yet). It belongs to the physical memory, not to one hart:
 * every hart over the same RAM shares it, so a store by any hart, or the kernel's
 * {@link #invalidateBlock}, drops stale code for all of them.
 *
 * <p>A 32-bit instruction in a block's last halfword is never cached: its second half
 * lives in another block (usually another page) that could change behind our back.
 *
 * <p>Dropping a block also zeroes it, so a hart still holding the array in its run loop
 * (it keeps the current block in a local) sees "not decoded" and decodes afresh.
 */
final class CodeCache {
    static final int BLOCK_BITS = 12;
    static final int SLOTS = 1 << (BLOCK_BITS - 1);

    private static final Map<PhysicalMemory, CodeCache> SHARED = new WeakHashMap<>();

    /** Indexed by pa >>> BLOCK_BITS; null = nothing decoded there. */
    final long[][] blocks;
    /** Per block, like {@link #blocks}: its translated heads and how often each was entered; dropped with the block. */
    private final Hot[] hot;
    /**
     * Bounds on what translation makes a guest hold in the JVM (each translation is a class):
     * past either, every translation and count is forgotten (they are only a cache) and hot
     * blocks are translated again as they come. Instance fields so that tests can lower them.
     */
    int maxHotBlocks = 1024, maxTranslations = 8192;
    private int hotBlocks, translations;

    /** One block's translated code ({@link Translator}) and execution counts, per halfword slot. */
    static final class Hot {
        final Translated[] at = new Translated[SLOTS];
        final short[] heat = new short[SLOTS];
    }

    private CodeCache(PhysicalMemory memory) {
        blocks = new long[(int) ((memory.size() + (1L << BLOCK_BITS) - 1) >>> BLOCK_BITS)][];
        hot = new Hot[blocks.length];
    }

    /** The translations of block {@code index}, made on first use. */
    Hot hot(int index) {
        Hot h = hot[index];
        if (h == null) {
            if (hotBlocks >= maxHotBlocks) forgetTranslations();
            hotBlocks++;
            hot[index] = h = new Hot();
        }
        return h;
    }

    /** Counts one more translation (made for a block of {@link #hot}). */
    void translated() {
        if (++translations > maxTranslations) forgetTranslations();
    }

    private void forgetTranslations() {
        Arrays.fill(hot, null);
        hotBlocks = 0;
        translations = 0;
    }

    static synchronized CodeCache of(PhysicalMemory memory) {
        return SHARED.computeIfAbsent(memory, CodeCache::new);
    }

    long[] block(int index) {
        long[] b = blocks[index];
        if (b == null) blocks[index] = b = new long[SLOTS];
        return b;
    }

    void invalidateBlock(int index) {
        if (index >= 0 && index < blocks.length) drop(index);
    }

    private void drop(int index) {
        if (hot[index] != null) {
            hot[index] = null;
            hotBlocks--;
        }
        long[] b = blocks[index];
        if (b != null) {
            blocks[index] = null;
            Arrays.fill(b, 0);
        }
    }

    /** Drops every block that overlaps physical [pa, pa + len). */
    void invalidateRange(long pa, long len) {
        if (len <= 0) return;
        long first = pa >>> BLOCK_BITS, last = (pa + len - 1) >>> BLOCK_BITS;
        for (long b = Math.max(first, 0); b <= last && b < blocks.length; b++) drop((int) b);
    }

    void flush() {
        for (int i = 0; i < blocks.length; i++) drop(i);
    }
}
