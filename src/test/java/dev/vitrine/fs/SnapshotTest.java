package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import dev.vitrine.mm.FrameAllocator;
import dev.vitrine.mm.KernelMemory;
import dev.vitrine.mmu.PhysicalMemory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A large /proc text held open is the machine's memory: charged while open, ENOMEM when none is left, given back at close. */
class SnapshotTest {
    @Test void largeTextsAreChargedWhileOpenAndRefusedWhenMemoryIsGone() {
        FrameAllocator frames = new FrameAllocator(new PhysicalMemory(64 * 4096, 12));
        frames.pager().configure(dev.vitrine.mm.replace.PolicyKind.CLOCK, 0, 0);
        KernelMemory km = frames.pager().kernelMemory();
        Vfs vfs = new Vfs(() -> 0L, c -> {});
        RegularFile inode = new RegularFile(vfs, Vfs.PROC_DEV, 0444, new ProcStore(() -> ""), true);

        Snapshot small = new Snapshot(inode, new byte[Snapshot.FREE_PAGES * 4096], km);
        assertEquals(0, small.charged(), "an ordinary /proc file costs nothing");
        List<Snapshot> open = new ArrayList<>();
        byte[] big = new byte[(Snapshot.FREE_PAGES + 20) * 4096];
        FsException refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            try {
                open.add(new Snapshot(inode, big, km));
            } catch (FsException e) {
                refused = e;
            }
        }
        assertNotNull(refused, "64 frames cannot hold ten texts of 20 charged pages");
        assertEquals(Errno.ENOMEM, refused.errno());
        assertEquals(3, open.size());
        assertEquals(60, km.pages());
        for (Snapshot s : open) s.close();
        assertEquals(0, km.pages(), "closing gives every page back");
        assertEquals(20, new Snapshot(inode, big, km).charged(), "and the memory can be had again");
    }
}
