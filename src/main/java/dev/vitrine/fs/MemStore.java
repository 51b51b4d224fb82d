package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.util.ArrayList;
import java.util.List;

/** A tmpfs file's bytes in 4 KiB pages; a hole has no page and reads as zeros. */
public final class MemStore implements Store {
    static final int PAGE = 4096;

    private final List<byte[]> pages = new ArrayList<>();
    private long size;

    @Override public long size() { return size; }

    @Override public int read(long pos, byte[] dst, int off, int len) {
        if (pos >= size || len <= 0) return 0;
        int n = (int) Math.min(len, size - pos);
        for (int done = 0; done < n; ) {
            long p = pos + done;
            int idx = (int) (p / PAGE), in = (int) (p % PAGE), k = Math.min(n - done, PAGE - in);
            byte[] page = idx < pages.size() ? pages.get(idx) : null;
            if (page == null) java.util.Arrays.fill(dst, off + done, off + done + k, (byte) 0);
            else System.arraycopy(page, in, dst, off + done, k);
            done += k;
        }
        return n;
    }

    @Override public void write(long pos, byte[] src, int off, int len) {
        if (pos + len > Integer.MAX_VALUE * (long) PAGE) throw new FsException(Errno.EFBIG);
        for (int done = 0; done < len; ) {
            long p = pos + done;
            int idx = (int) (p / PAGE), in = (int) (p % PAGE), k = Math.min(len - done, PAGE - in);
            while (pages.size() <= idx) pages.add(null);
            byte[] page = pages.get(idx);
            if (page == null) pages.set(idx, page = new byte[PAGE]);
            System.arraycopy(src, off + done, page, in, k);
            done += k;
        }
        size = Math.max(size, pos + len);
    }

    @Override public void truncate(long newSize) {
        if (newSize < size) {
            int keep = (int) ((newSize + PAGE - 1) / PAGE);
            while (pages.size() > keep) pages.remove(pages.size() - 1);
            int in = (int) (newSize % PAGE);
            if (in != 0 && keep > 0 && pages.get(keep - 1) != null)
                java.util.Arrays.fill(pages.get(keep - 1), in, PAGE, (byte) 0);
        }
        size = newSize;
    }
}
