package dev.vitrine.mm;

/**
 * Kernel objects counted in bytes (kmalloc'd structures: semaphores, undo lists, queued
 * messages, xattrs), charged to the machine's kernel memory a page at a time as the total
 * crosses page boundaries: many small objects cost what they weigh, and no guest can make
 * the kernel hold more than memory and swap. A null memory (a tree without a machine) charges nothing.
 */
public final class KernelBytes {
    private final KernelMemory memory;
    private long bytes, pages;

    public KernelBytes(KernelMemory memory) { this.memory = memory; }

    /** Takes {@code n} more bytes; false (ENOMEM, ENOSPC) when the pages they need are not to be had. */
    public boolean take(long n) {
        long need = (bytes + n + 4095) / 4096, got = 0;
        if (memory != null)
            for (; pages + got < need; got++)
                if (!memory.charge()) {
                    memory.uncharge(got);
                    return false;
                }
        pages += got;
        bytes += n;
        return true;
    }

    /** Gives back {@code n} bytes, and the pages no longer needed. */
    public void give(long n) {
        bytes -= n;
        long need = (bytes + 4095) / 4096;
        if (memory != null && pages > need) {
            memory.uncharge(pages - need);
            pages = need;
        }
    }
}
