package dev.vitrine.mm;

import dev.vitrine.mm.replace.PolicyKind;
import dev.vitrine.mmu.PhysicalMemory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Kernel pages (tmpfs data) live in the machine's frames and swap slots and nowhere else. */
class KernelMemoryTest {
    private final PhysicalMemory memory = new PhysicalMemory(16 * 4096, 12);
    private final FrameAllocator frames = new FrameAllocator(memory);
    private final KernelMemory km;

    KernelMemoryTest() {
        frames.pager().configure(PolicyKind.FIFO, 0, 4 * 4096);
        km = frames.pager().kernelMemory();
    }

    private static byte[] page(int fill) {
        byte[] b = new byte[4096];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    /** Whether a chunk is one of the machine's frames (not a swap slot's array). */
    private boolean inFrame(byte[] chunk) {
        for (long f = 0; f < memory.frames(); f++) if (memory.readable(f << 12) == chunk) return true;
        return false;
    }

    @Test void ramPlusSwapHoldsThemAllThenNoMore() {
        List<Integer> ids = new ArrayList<>();
        for (int id; (id = km.alloc()) >= 0; ) {
            km.write(id, 0, page(ids.size() + 1), 0, 4096);
            ids.add(id);
        }
        assertEquals(20, ids.size(), "16 frames and 4 slots");
        for (int i = 0; i < ids.size(); i++) {
            byte[] b = new byte[4096];
            km.read(ids.get(i), 0, b, 0, 4096);
            assertArrayEquals(page(i + 1), b);
        }
        for (int id : ids) km.free(id);
        assertEquals(0, frames.used());
        assertEquals(0, frames.pager().swap().used());
    }

    @Test void userPagesPushKernelPagesToSwap() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int id = km.alloc();
            km.write(id, 0, page(i + 1), 0, 4096);
            ids.add(id);
        }
        byte[] held = km.hold(ids.get(0));
        assertTrue(inFrame(held), "a held page is in its frame");
        int user = 0;
        while (frames.alloc() != FrameAllocator.NONE) user++;
        assertEquals(10, user, "six frames were free, four kernel pages went to the four slots");
        assertSame(held, km.hold(ids.get(0)), "and stays there while a copy goes on");
        km.release(ids.get(0));
        for (int i = 0; i < 10; i++) {
            byte[] b = new byte[4096];
            km.read(ids.get(i), 0, b, 0, 4096);
            assertArrayEquals(page(i + 1), b, "page " + i + " kept its bytes wherever it went");
        }
    }
}
