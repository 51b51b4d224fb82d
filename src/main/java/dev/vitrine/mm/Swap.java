package dev.vitrine.mm;

import dev.vitrine.mmu.PhysicalMemory;

import java.util.BitSet;

/**
 * The swap device: page-sized slots, each holding one evicted anonymous page and counting
 * the PTEs that name it (a page shared copy-on-write after fork is swapped once). Slot
 * contents are allocated only when used, so a large --swap costs nothing until it fills.
 */
public final class Swap {
    private final int pageSize;
    private final byte[][] data;
    private final int[] refs;
    private final BitSet inUse = new BitSet();
    private int used, peak;

    public Swap(long bytes, int pageSize) {
        this.pageSize = pageSize;
        int slots = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, bytes / pageSize));
        this.data = new byte[slots][];
        this.refs = new int[slots];
    }

    public long slots() { return data.length; }
    public long used() { return used; }
    public long peak() { return peak; }
    public boolean hasRoom() { return used < data.length; }

    /** Copies the page at {@code pa} into a free slot named by {@code ptes} PTEs; -1 when swap is full. */
    int store(PhysicalMemory memory, long pa, int ptes) {
        if (!hasRoom()) return -1;
        int slot = inUse.nextClearBit(0);
        inUse.set(slot);
        used++;
        peak = Math.max(peak, used);
        if (data[slot] == null) data[slot] = new byte[pageSize];
        memory.read(pa, data[slot], 0, pageSize);
        refs[slot] = ptes;
        return slot;
    }

    void load(int slot, PhysicalMemory memory, long pa) { memory.write(pa, data[slot], 0, pageSize); }

    /** One more PTE names the slot (fork copied it). */
    void dup(int slot) { refs[slot]++; }

    /** One PTE no longer names the slot; the slot is free at zero. */
    void put(int slot) {
        if (refs[slot] <= 0) throw new IllegalStateException("swap slot " + slot + " freed twice");
        if (--refs[slot] == 0) {
            inUse.clear(slot);
            used--;
            data[slot] = null;
        }
    }
}
