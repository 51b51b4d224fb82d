package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tmpfs file's bytes: a sparse map from page index to a page of its {@link Tmpfs}
 * (a frame or swap slot of the machine), allocated as written; a hole has no page and
 * reads as zeros. Sizes go up to Linux's MAX_LFS_FILESIZE.
 */
public final class MemStore implements Store {
    static final int PAGE = 4096;
    /** MAX_LFS_FILESIZE on 64-bit Linux: tmpfs's s_maxbytes. */
    public static final long MAX_SIZE = Long.MAX_VALUE;

    private final TreeMap<Long, Integer> pages = new TreeMap<>();
    private final Tmpfs fs;
    private long size;

    public MemStore() { this(Tmpfs.unlimited()); }
    public MemStore(Tmpfs fs) { this.fs = fs; }

    @Override public long size() { return size; }
    /** Pages allocated (st_blocks counts these, not the size). */
    public long pages() { return pages.size(); }
    @Override public long blocks() { return pages.size() * (PAGE / 512); }

    @Override public int read(long pos, byte[] dst, int off, int len) {
        if (pos < 0 || pos >= size || len <= 0) return 0;
        int n = (int) Math.min(len, size - pos);
        long first = pos / PAGE, last = (pos + n - 1) / PAGE;
        int done = 0;            // dst[off, off + done) holds the file's bytes; only holes are zero-filled
        for (Map.Entry<Long, Integer> e : pages.subMap(first, true, last, true).entrySet()) {
            // In lengths, not ends: the last page of the largest file ends at 2^63, past a long.
            long start = e.getKey() * PAGE;
            long from = Math.max(pos, start);
            int at = (int) (from - pos), k = (int) Math.min(PAGE - (from - start), n - at);
            if (at > done) Arrays.fill(dst, off + done, off + at, (byte) 0);
            fs.store().read(e.getValue(), (int) (from - start), dst, off + at, k);
            done = at + k;
        }
        if (done < n) Arrays.fill(dst, off + done, off + n, (byte) 0);
        return n;
    }

    /**
     * How much of a write of {@code len} bytes at {@code pos} can go in: the pages it needs are
     * allocated now, in order, until the file system is full (Linux writes page by page too).
     * Throws EFBIG past the largest file, ENOSPC or ENOMEM when not even the first page fits.
     */
    @Override public int room(long pos, int len) {
        if (pos < 0 || pos >= MAX_SIZE) throw new FsException(Errno.EFBIG);
        if (len <= 0) return 0;
        len = (int) Math.min(len, MAX_SIZE - pos);
        long end = pos + len;
        for (long index = pos / PAGE; index <= (end - 1) / PAGE; index++) {
            if (pages.containsKey(index)) continue;
            try {
                pages.put(index, fs.alloc());
            } catch (FsException e) {
                long fit = index * PAGE - pos;
                if (fit <= 0) throw e;
                return (int) fit;
            }
        }
        return len;
    }

    /**
     * Writes at {@code pos}. write(2) asked {@link #room} first; a write-back of a page dirtied
     * through a mapping cannot fail in Linux (the page was allocated at the fault), so a page it
     * needs is taken even past the limit, bounded by the frames that were dirtied.
     */
    @Override public void write(long pos, byte[] src, int off, int len) {
        if (len <= 0) return;
        if (pos < 0 || len > MAX_SIZE - pos) throw new FsException(Errno.EFBIG);
        for (int done = 0; done < len; ) {
            long p = pos + done;
            int in = (int) (p % PAGE), k = Math.min(len - done, PAGE - in);
            Integer page = pages.get(p / PAGE);
            if (page == null) pages.put(p / PAGE, page = fs.allocAnyway());
            fs.store().write(page, in, src, off + done, k);
            done += k;
        }
        size = Math.max(size, pos + len);
    }

    @Override public void truncate(long newSize) {
        if (newSize < 0 || newSize > MAX_SIZE) throw new FsException(Errno.EFBIG);
        // Pages wholly past the end go (room() may have allocated some past the size); the tail
        // of the last one is zeroed, so a regrown file reads zeros.
        Map<Long, Integer> gone = pages.tailMap((newSize + PAGE - 1) / PAGE, true);
        for (int id : gone.values()) fs.free(id);
        gone.clear();
        int in = (int) (newSize % PAGE);
        Integer last = in == 0 || newSize >= size ? null : pages.get(newSize / PAGE);
        if (last != null) fs.store().write(last, in, new byte[PAGE - in], 0, PAGE - in);
        size = newSize;
    }

    /**
     * fallocate: every page of [pos, pos + len) is allocated now, charged as a write's would be
     * (ENOSPC, ENOMEM: the pages this call took go back first, as shmem_fallocate undoes); the
     * size grows to the end unless {@code keepSize}.
     */
    public void allocate(long pos, long len, boolean keepSize) {
        long end = pos + len;
        java.util.List<Long> taken = new java.util.ArrayList<>();
        for (long index = pos / PAGE; index <= (end - 1) / PAGE; index++) {
            if (pages.containsKey(index)) continue;
            try {
                pages.put(index, fs.alloc());
                taken.add(index);
            } catch (FsException e) {
                for (long i : taken) fs.free(pages.remove(i));
                throw e;
            }
        }
        if (!keepSize) size = Math.max(size, end);
    }

    /** FALLOC_FL_PUNCH_HOLE: [pos, pos + len) reads zeros; pages wholly inside go back; the size stays. */
    public void punch(long pos, long len) {
        long end = Math.min(pos + len, Math.max(size, pos));
        if (end <= pos) return;
        for (long index : new java.util.ArrayList<>(pages.subMap(pos / PAGE, true, (end - 1) / PAGE, true).keySet())) {
            long start = index * PAGE;
            long from = Math.max(pos, start), to = Math.min(end, start + PAGE);
            if (from == start && to == start + PAGE) fs.free(pages.remove(index));
            else fs.store().write(pages.get(index), (int) (from - start), new byte[(int) (to - from)], 0, (int) (to - from));
        }
    }

    /** The file is gone (last link and last user): its pages go back. */
    @Override public void release() { truncate(0); }

    /** SEEK_DATA: the first allocated page at or after {@code pos} (as shmem answers from its pages); -1 if none. */
    @Override public long nextData(long pos) {
        Long k = pages.ceilingKey(pos / PAGE);
        return k == null || k * PAGE >= size ? -1 : Math.max(pos, k * PAGE);
    }

    /** SEEK_HOLE: the first page at or after {@code pos} that has none, or the end of the file. */
    @Override public long nextHole(long pos) {
        long index = pos / PAGE;
        for (Long k : pages.tailMap(index, true).keySet()) {
            if (k != index) break;
            index++;
        }
        return Math.min(size, Math.max(pos, index * PAGE));
    }
}
