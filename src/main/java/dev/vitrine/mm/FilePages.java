package dev.vitrine.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The page cache of one file (Linux's struct address_space): page index to frame. Mappings
 * of the file map these frames (shared ones writable, private ones read-only until their
 * copy-on-write), and read(2)/write(2) go through here, so a MAP_SHARED store is seen by
 * read() at once and a write() is seen by every mapping, private ones until they copy.
 * write(2) writes the backing store through; stores made through mappings mark the PTE
 * dirty and reach the store on msync, munmap or eviction.
 */
public final class FilePages {
    private final MappedFile file;
    private final TreeMap<Long, Long> frames = new TreeMap<>();
    private final Supplier<Pager> machine;
    private Pager pager;

    /** A cache that fills only when the file is mapped (exec images, shared anonymous memory). */
    public FilePages(MappedFile file) { this(file, () -> null); }

    /** A cache that read(2) and write(2) fill as well, in {@code machine}'s frames (a file system's files). */
    public FilePages(MappedFile file, Supplier<Pager> machine) {
        this.file = file;
        this.machine = machine;
    }

    public MappedFile file() { return file; }
    /** Pages of this file now in memory. */
    public int cached() { return frames.size(); }
    Long frame(long index) { return frames.get(index); }

    /**
     * The frame holding page {@code index}, read in from the backing store if absent (then
     * {@code major[0]} is set); one reference is the cache's own. NONE when out of memory.
     */
    long get(Pager p, long index, boolean[] major) {
        // Frame numbers mean something in one machine only: a file shared between machines is a bug.
        if (pager != null && pager != p) throw new IllegalStateException(file.name() + " is cached by another machine");
        Long f = frames.get(index);
        if (f != null) return f;
        long frame = p.frames().alloc();
        if (frame == FrameAllocator.NONE) return FrameAllocator.NONE;
        pager = p;
        int ps = (int) p.pageSize();
        long off = index * ps;
        int n = (int) Math.max(0, Math.min(ps, file.size() - off));
        if (n > 0) {
            byte[] buf = new byte[n];
            n = file.read(off, buf, 0, n);
            p.memory().write(p.pa(frame), buf, 0, n);
        }
        frames.put(index, frame);
        p.cached(frame, this, index);
        if (major != null) major[0] = true;
        return frame;
    }

    /**
     * read(2) of the file: up to end of file, through the cache; a page not yet there is read
     * in (and stays, evictable). Only when no frame can be had does it read the store directly.
     */
    public int read(long offset, byte[] dst, int off, int len) {
        long size = file.size();
        if (offset < 0 || offset >= size || len <= 0) return 0;
        len = (int) Math.min(len, size - offset);
        Pager p = pager != null ? pager : machine.get();
        if (p == null) return file.read(offset, dst, off, len);
        int ps = (int) p.pageSize();
        int done = 0;
        while (done < len) {
            long pos = offset + done;
            int in = (int) (pos & (ps - 1));
            int n = Math.min(len - done, ps - in);
            long f = get(p, pos / ps, null);
            if (f != FrameAllocator.NONE) p.memory().read(p.pa(f) + in, dst, off + done, n);
            else {
                int r = file.read(pos, dst, off + done, n);
                if (r < n) return done + Math.max(0, r);
            }
            done += n;
        }
        return len;
    }

    /**
     * write(2) of the file: the store first (it may refuse by throwing), then every page it
     * covers: updated if cached, brought in if not (so later reads and mappings find it).
     */
    public void write(long offset, byte[] src, int off, int len) {
        file.write(offset, src, off, len);
        Pager p = pager != null ? pager : machine.get();
        if (p == null || len <= 0) return;
        int ps = (int) p.pageSize();
        for (long index = offset / ps; index <= (offset + len - 1) / ps; index++) {
            Long cached = frames.get(index);
            if (cached == null) {
                get(p, index, null);   // reads the page as the store now has it; NONE just leaves it uncached
                continue;
            }
            long pageStart = index * ps;
            long from = Math.max(offset, pageStart), to = Math.min(offset + len, pageStart + ps);
            p.memory().write(p.pa(cached) + (from - pageStart), src, (int) (off + from - offset), (int) (to - from));
        }
    }

    /**
     * The file's size changed to {@code size} (truncate or ftruncate): pages wholly past the
     * end leave memory and every mapping (a later touch is SIGBUS); the tail of the last page reads zero.
     */
    public void truncated(long size) {
        if (frames.isEmpty()) return;
        int ps = (int) pager.pageSize();
        long keep = (size + ps - 1) / ps;
        for (long index : new ArrayList<>(frames.tailMap(keep, true).keySet())) pager.dropCached(frames.get(index));
        Long last = size % ps != 0 ? frames.get(size / ps) : null;
        if (last != null) pager.memory().fill(pager.pa(last) + size % ps, ps - size % ps, (byte) 0);
    }

    /**
     * A hole was punched in [pos, pos + len): cached pages wholly inside leave memory and every
     * mapping (they read zeros again from the store), the part of a page at either edge is zeroed.
     */
    public void punched(long pos, long len) {
        if (frames.isEmpty()) return;
        int ps = (int) pager.pageSize();
        long end = pos + len;
        for (long index : new ArrayList<>(frames.subMap(pos / ps, true, (end - 1) / ps, true).keySet())) {
            long start = index * ps, from = Math.max(pos, start), to = Math.min(end, start + ps);
            long frame = frames.get(index);
            if (from == start && to == start + ps) pager.dropCached(frame);
            else pager.memory().fill(pager.pa(frame) + (from - start), (int) (to - from), (byte) 0);
        }
    }

    /** Writes back the dirty pages among [fromIndex, toIndex); returns how many were written. */
    int sync(long fromIndex, long toIndex) {
        if (frames.isEmpty()) return 0;
        int n = 0;
        for (long f : List.copyOf(frames.subMap(fromIndex, toIndex).values())) if (pager.cleanIfDirty(f)) n++;
        return n;
    }

    /** The page's bytes up to end of file go to the store; the rest of the page is not kept. */
    void writeBack(long index, long frame) {
        // Shared anonymous memory has no file behind it: its page stays in RAM, and only
        // eviction moves it, to swap (Reclaim).
        if (file instanceof ShmemFile) return;
        int ps = (int) pager.pageSize();
        long off = index * ps;
        int n = (int) Math.max(0, Math.min(ps, file.size() - off));
        if (n == 0) return;
        byte[] buf = new byte[n];
        pager.memory().read(pager.pa(frame), buf, 0, n);
        file.write(off, buf, 0, n);
    }

    void forget(long index) { frames.remove(index); }

    /** Its pages may be evicted again (SHM_UNLOCK). */
    void unlocked() { if (pager != null) pager.unlocked(); }
}
