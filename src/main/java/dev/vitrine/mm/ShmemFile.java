package dev.vitrine.mm;

import java.util.HashMap;
import java.util.Map;

/**
 * The object behind a MAP_SHARED|MAP_ANONYMOUS area: as in Linux, an unnamed tmpfs file
 * (/proc/PID/maps shows "/dev/zero (deleted)"), so its pages live in a page cache and stay
 * one set of frames across fork. An evicted page goes to a slot of the swap device, as
 * shmem pages do; with no room on swap (or no swap) its pages stay in RAM. When the last
 * area mapping it goes, its frames and slots are freed, unless a {@link Keeper} keeps it: a
 * System V segment lives on, detached, until IPC_RMID.
 */
public final class ShmemFile implements MappedFile {
    private final FilePages pages = new FilePages(this);
    /** Page index to the swap slot holding it while it is out of RAM. */
    private final Map<Long, Integer> slots = new HashMap<>();
    private final int pageSize;
    private final long size;
    private Swap swap;
    private int maps;
    private final Keeper keeper;
    private final String name;
    private boolean locked;

    /**
     * What holds a segment beside its mappings (System V's shmid_kernel): told of every area
     * that starts or stops mapping it (shm_open/shm_close), and asked whether the object
     * must outlive its last one.
     */
    public interface Keeper {
        void mapped(int delta, int areas);
        boolean keeps();
        /** The inode number /proc/PID/maps shows. */
        long ino();
    }

    public ShmemFile(long size, int pageSize) { this(size, pageSize, null, "/dev/zero (deleted)"); }

    public ShmemFile(long size, int pageSize, Keeper keeper, String name) {
        this.size = size;
        this.pageSize = pageSize;
        this.keeper = keeper;
        this.name = name;
    }

    /** What holds it beside its mappings (a System V segment), or null for shared anonymous memory. */
    public Keeper keeper() { return keeper; }

    /** Areas mapping it now (System V's shm_nattch). */
    public int areas() { return maps; }

    /** SHM_LOCK: its pages stay in RAM (Linux's unevictable mapping); unlocking makes parked pages candidates again. */
    public void setLocked(boolean on) {
        boolean was = locked;
        locked = on;
        if (was && !on) pages.unlocked();
    }

    public boolean locked() { return locked; }

    /** The keeper let go of an object no area maps: its frames and slots are freed now. */
    public void destroy() {
        if (maps == 0) free();
    }

    @Override public long size() { return size; }

    @Override public int read(long offset, byte[] dst, int off, int len) {
        int n = (int) Math.max(0, Math.min(len, size - offset));
        for (int i = 0; i < n; ) {
            long pos = offset + i;
            int in = (int) (pos % pageSize), chunk = Math.min(n - i, pageSize - in);
            Integer slot = slots.get(pos / pageSize);
            if (slot != null) {
                System.arraycopy(swap.page(slot), in, dst, off + i, chunk);
                // Swap-in: the page is in RAM now and eviction always writes it out again, so the slot can go.
                if (in == 0 && chunk == pageSize) {
                    slots.remove(pos / pageSize);
                    swap.put(slot);
                }
            } else java.util.Arrays.fill(dst, off + i, off + i + chunk, (byte) 0);
            i += chunk;
        }
        return n;
    }

    /** Whether page {@code index} can be written back now: it has its slot, or swap has a free one. */
    boolean canWriteBack(Swap swap, long index) {
        return slots.containsKey(index) || swap.hasRoom();
    }

    /** Write-back of an evicted page into its swap slot (Reclaim asked {@link #canWriteBack} first). */
    void writeBack(Swap swap, long index, byte[] src) {
        this.swap = swap;
        Integer slot = slots.get(index);
        if (slot == null) {
            slot = swap.take(1);
            if (slot < 0) throw new IllegalStateException("shmem write-back without a swap slot");
            slots.put(index, slot);
        }
        System.arraycopy(src, 0, swap.page(slot), 0, pageSize);
    }

    @Override public void mapped(int delta) {
        maps += delta;
        if (keeper != null) keeper.mapped(delta, maps);
        if (maps > 0 || (keeper != null && keeper.keeps())) return;
        free();
    }

    private void free() {
        // The last area went: the object is unreachable, as Linux frees an unlinked shmem inode.
        pages.truncated(0);
        if (swap != null) for (int slot : slots.values()) swap.put(slot);
        slots.clear();
    }

    boolean hasSlot(long index) { return slots.containsKey(index); }

    /** Pages of this object now on swap. */
    public int swapped() { return slots.size(); }

    @Override public FilePages pages() { return pages; }
    @Override public String name() { return name; }
    @Override public long dev() { return 1; }
    @Override public long ino() { return keeper == null ? 0 : keeper.ino(); }
}
