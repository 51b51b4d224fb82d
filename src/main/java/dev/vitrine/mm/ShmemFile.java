package dev.vitrine.mm;

import java.util.HashMap;
import java.util.Map;

/**
 * The object behind a MAP_SHARED|MAP_ANONYMOUS area: as in Linux, an unnamed tmpfs file
 * (/proc/PID/maps shows "/dev/zero (deleted)"), so its pages live in a page cache, stay
 * one set of frames across fork, and are written back here when evicted.
 */
public final class ShmemFile implements MappedFile {
    private final FilePages pages = new FilePages(this);
    private final Map<Long, byte[]> store = new HashMap<>();
    private final int pageSize;
    private final long size;

    public ShmemFile(long size, int pageSize) {
        this.size = size;
        this.pageSize = pageSize;
    }

    @Override public long size() { return size; }

    @Override public int read(long offset, byte[] dst, int off, int len) {
        int n = (int) Math.max(0, Math.min(len, size - offset));
        for (int i = 0; i < n; ) {
            long pos = offset + i;
            int in = (int) (pos % pageSize), chunk = Math.min(n - i, pageSize - in);
            byte[] page = store.get(pos / pageSize);
            if (page != null) System.arraycopy(page, in, dst, off + i, chunk);
            else java.util.Arrays.fill(dst, off + i, off + i + chunk, (byte) 0);
            i += chunk;
        }
        return n;
    }

    @Override public void write(long offset, byte[] src, int off, int len) {
        for (int i = 0; i < len; ) {
            long pos = offset + i;
            int in = (int) (pos % pageSize), chunk = Math.min(len - i, pageSize - in);
            System.arraycopy(src, off + i, store.computeIfAbsent(pos / pageSize, k -> new byte[pageSize]), in, chunk);
            i += chunk;
        }
    }

    @Override public FilePages pages() { return pages; }
    @Override public String name() { return "/dev/zero (deleted)"; }
    @Override public long dev() { return 1; }
}
