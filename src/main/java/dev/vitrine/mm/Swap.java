package dev.vitrine.mm;

import dev.vitrine.mmu.PhysicalMemory;

import java.util.BitSet;

/**
 * The swap device: page-sized slots, each holding one evicted anonymous page and counting
 * the PTEs that name it (a page shared copy-on-write after fork is swapped once), or an
 * evicted page of shared anonymous memory ({@link ShmemFile}). Slot contents are allocated
 * only when used, so a large --swap costs nothing until it fills. Slots may also be
 * reserved for kernel pages that moved out of RAM ({@link KernelMemory}).
 */
public final class Swap {
    private final int pageSize;
    private final byte[][] data;
    private final int[] refs;
    private final BitSet inUse = new BitSet();
    private int used, peak, reserved;
    /** Slots given back so far: reclaim retries pages it parked for want of room when this moves. */
    private long frees;

    public Swap(long bytes, int pageSize) {
        this.pageSize = pageSize;
        int slots = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, bytes / pageSize));
        this.data = new byte[slots][];
        this.refs = new int[slots];
    }

    public long slots() { return data.length; }
    public long used() { return used; }
    public long peak() { return peak; }
    public long reserved() { return reserved; }
    public boolean hasRoom() { return used + reserved < data.length; }

    boolean reserve() {
        if (!hasRoom()) return false;
        reserved++;
        return true;
    }

    void unreserve() {
        if (reserved <= 0) throw new IllegalStateException("no swap slot reserved");
        reserved--;
        frees++;
    }

    long frees() { return frees; }

    /** Copies the page at {@code pa} into a free slot named by {@code ptes} PTEs; -1 when swap is full. */
    int store(PhysicalMemory memory, long pa, int ptes) {
        int slot = take(ptes);
        if (slot >= 0) memory.read(pa, data[slot], 0, pageSize);
        return slot;
    }

    /** A free slot named {@code refs} times, its page allocated; -1 when swap is full. */
    int take(int refs) {
        if (!hasRoom()) return -1;
        int slot = inUse.nextClearBit(0);
        inUse.set(slot);
        used++;
        peak = Math.max(peak, used);
        if (data[slot] == null) data[slot] = new byte[pageSize];
        this.refs[slot] = refs;
        return slot;
    }

    /** The page held in {@code slot} (shared anonymous memory reads and writes it in place). */
    byte[] page(int slot) { return data[slot]; }

    void load(int slot, PhysicalMemory memory, long pa) { memory.write(pa, data[slot], 0, pageSize); }

    /** How many PTEs name the slot (Linux's swap_count, for SwapPss). */
    public int count(int slot) { return refs[slot]; }

    /** One more PTE names the slot (fork copied it). */
    void dup(int slot) { refs[slot]++; }

    /** One PTE no longer names the slot; the slot is free at zero. */
    void put(int slot) {
        if (refs[slot] <= 0) throw new IllegalStateException("swap slot " + slot + " freed twice");
        if (--refs[slot] == 0) {
            inUse.clear(slot);
            used--;
            frees++;
            data[slot] = null;
        }
    }
}
