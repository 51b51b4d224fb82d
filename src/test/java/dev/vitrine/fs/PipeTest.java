package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pipe's slot accounting and rules, against the figures observed on Linux (LINUX-NOTES.md). */
class PipeTest {
    private final List<Object> woken = new ArrayList<>();
    private final Pipe pipe = new Pipe(woken::add);

    PipeTest() { pipe.openEnd(true, true); }

    private long fill(int chunk) {
        byte[] b = new byte[chunk];
        long total = 0, r;
        while ((r = pipe.pipewrite(b, 0, chunk, false)) > 0) total += r;
        assertEquals(-Errno.EAGAIN, r);
        return total;
    }

    @Test void capacityIsSixteenSlotsNotBytes() {
        assertEquals(64000, fill(100));
    }

    @Test void fillFiguresMatchLinux() {
        int[][] cases = {{1, 65536}, {3000, 48000}, {4095, 65520}, {4096, 65536}, {4097, 45066}, {10000, 64096}};
        for (int[] c : cases) {
            Pipe p = new Pipe(Wakeup.NONE);
            p.openEnd(true, true);
            byte[] b = new byte[c[0]];
            long total = 0, r;
            while ((r = p.pipewrite(b, 0, c[0], false)) > 0) total += r;
            assertEquals(c[1], total, c[0] + "-byte writes");
        }
    }

    @Test void smallWriteIsAllOrNothing() {
        byte[] b = new byte[4096];
        for (int i = 0; i < 15; i++) pipe.pipewrite(b, 0, 4096, false);
        pipe.pipewrite(b, 0, 4000, false);
        assertEquals(96, pipe.pipewrite(b, 0, 96, false));
        assertEquals(-Errno.EAGAIN, pipe.pipewrite(b, 0, 1, false));
        assertEquals(65536, pipe.queued());
    }

    @Test void resizeRoundsToPowerOfTwoPagesAndRefusesToDropData() {
        assertEquals(8192, pipe.resize(4097));
        assertEquals(131072, pipe.resize(100000));
        assertEquals(4096, pipe.resize(0));
        assertEquals(-Errno.EINVAL, pipe.resize(0x8000_0001L));
        pipe.resize(65536);
        byte[] b = new byte[4096];
        for (int i = 0; i < 3; i++) pipe.pipewrite(b, 0, 4096, false);
        assertEquals(-Errno.EBUSY, pipe.resize(8192));
        assertEquals(16384, pipe.resize(16384));
    }

    @Test void readGetsWhatIsQueuedThenEofWithoutWriters() {
        pipe.pipewrite("abc".getBytes(), 0, 3, false);
        pipe.pipewrite("def".getBytes(), 0, 3, false);
        byte[] d = new byte[10];
        assertEquals(6, pipe.piperead(d, 0, 10));
        assertEquals("abcdef", new String(d, 0, 6));
        assertEquals(-Errno.EAGAIN, pipe.piperead(d, 0, 10));
        pipe.closeEnd(false, true);
        assertEquals(0, pipe.piperead(d, 0, 10));
        assertTrue(woken.contains(pipe.channel()));
    }

    @Test void writeWithoutReadersIsEpipe() {
        pipe.closeEnd(true, false);
        assertEquals(-Errno.EPIPE, pipe.pipewrite(new byte[1], 0, 1, false));
    }

    @Test void resumedWriteDoesNotMergeIntoTheLastSlot() {
        pipe.pipewrite(new byte[10], 0, 10, false);
        pipe.pipewrite(new byte[10], 0, 10, true);
        byte[] b = new byte[4096];
        // 14 slots left after the two partly filled ones
        long total = 0, r;
        while ((r = pipe.pipewrite(b, 0, 4096, false)) > 0) total += r;
        assertEquals(14 * 4096, total);
    }
}
