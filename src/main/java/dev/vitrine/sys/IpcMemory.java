package dev.vitrine.sys;

import dev.vitrine.mm.KernelMemory;

/**
 * What System V semaphores, undo lists and queued messages hold in the kernel, in bytes as
 * Linux's kmalloc'd structures take them, charged to the machine's memory a page at a time
 * as the total crosses page boundaries: so many small sets cost what they weigh, and no
 * guest can make the kernel hold more than memory and swap.
 */
final class IpcMemory {
    private final KernelMemory memory;
    private long bytes, pages;

    IpcMemory(KernelMemory memory) { this.memory = memory; }

    /** Takes {@code n} more bytes; false (ENOMEM) when the pages they need are not to be had. */
    boolean take(long n) {
        long need = (bytes + n + 4095) / 4096;
        long got = 0;
        for (; pages + got < need; got++)
            if (!memory.charge()) {
                memory.uncharge(got);
                return false;
            }
        pages += got;
        bytes += n;
        return true;
    }

    void give(long n) {
        bytes -= n;
        long need = (bytes + 4095) / 4096;
        if (pages > need) {
            memory.uncharge(pages - need);
            pages = need;
        }
    }
}
