package dev.vitrine.mm;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages the kernel keeps for the guest by number (tmpfs file data): a machine's
 * {@link KernelMemory} holds them in its frames or swap slots; {@link #heap()} in Java arrays,
 * for a file tree with no machine behind it (tests, tools).
 */
public interface KernelPages {
    /** A zeroed page's number, or -1 when there is no memory for one. */
    int alloc();

    /** A page that must be had (a write-back of a page dirtied through a mapping): never fails. */
    int allocAnyway();

    void free(int id);

    void read(int id, int off, byte[] dst, int dstOff, int len);

    void write(int id, int off, byte[] src, int srcOff, int len);

    /**
     * The array holding page {@code id}'s bytes, at {@link #offset}: for copying straight
     * between a page and user memory. The page stays put until {@link #release}, even if
     * faults during the copy need frames.
     */
    byte[] hold(int id);

    int offset(int id);

    void release(int id);

    /** Pages in Java arrays, with no limit but the caller's. */
    static KernelPages heap() {
        return new KernelPages() {
            private final List<byte[]> pages = new ArrayList<>();
            private final java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();

            public int alloc() {
                if (!free.isEmpty()) {
                    int id = free.pop();
                    pages.set(id, new byte[PAGE]);
                    return id;
                }
                pages.add(new byte[PAGE]);
                return pages.size() - 1;
            }
            public int allocAnyway() { return alloc(); }
            public void free(int id) { pages.set(id, null); free.push(id); }
            public void read(int id, int off, byte[] dst, int dstOff, int len) { System.arraycopy(pages.get(id), off, dst, dstOff, len); }
            public void write(int id, int off, byte[] src, int srcOff, int len) { System.arraycopy(src, srcOff, pages.get(id), off, len); }
            public byte[] hold(int id) { return pages.get(id); }
            public int offset(int id) { return 0; }
            public void release(int id) {}
        };
    }

    int PAGE = 4096;
}
