package dev.vitrine.fs;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.abi.Errno;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fifo_open's rules, with opens that restart after sleeping. */
class FifoTest {
    private final Vfs vfs = new Vfs(() -> 0L, Wakeup.NONE);
    private final Fifo fifo = new Fifo(vfs, Vfs.TMPFS_DEV, 0600);
    private final Object a = new Object(), b = new Object();

    @Test void blockingOpensMeetAndARestartDoesNotCountTwice() {
        assertSame(Fifo.MUST_WAIT, assertThrows(FsException.class, () -> fifo.open(a, () -> true, Fcntl.O_RDONLY, false)));
        assertSame(Fifo.MUST_WAIT, assertThrows(FsException.class, () -> fifo.open(a, () -> true, Fcntl.O_RDONLY, false)));
        PipeEnd w = fifo.open(b, () -> true, Fcntl.O_WRONLY, false);   // a reader is counted: no wait
        PipeEnd r = fifo.open(a, () -> true, Fcntl.O_RDONLY, false);   // the restart finds its open done
        assertEquals(1, w.pipe().readers());
        assertEquals(1, w.pipe().writers());
        assertSame(w.pipe(), r.pipe());
    }

    @Test void nonBlockingRules() {
        assertEquals(Errno.ENXIO, assertThrows(FsException.class, () -> fifo.open(a, () -> true, Fcntl.O_WRONLY, true)).errno());
        PipeEnd r = fifo.open(a, () -> true, Fcntl.O_RDONLY, true);
        assertNotNull(fifo.open(b, () -> true, Fcntl.O_WRONLY, true));
        assertTrue(fifo.hasReader() && fifo.hasWriter());
        assertNotNull(r);
    }

    @Test void readWriteNeverWaitsAndLastCloseDiscards() {
        PipeEnd rw = fifo.open(a, () -> true, Fcntl.O_RDWR, false);
        rw.write("left".getBytes(), 0, 4, 0);
        rw.close();
        PipeEnd r = fifo.open(b, () -> true, Fcntl.O_RDONLY, true);
        assertEquals(0, r.pipe().queued());
    }

    @Test void aWaiterThatDiedNoLongerCounts() {
        boolean[] alive = {true};
        assertThrows(FsException.class, () -> fifo.open(a, () -> alive[0], Fcntl.O_RDONLY, false));
        alive[0] = false;
        assertEquals(Errno.ENXIO, assertThrows(FsException.class, () -> fifo.open(b, () -> true, Fcntl.O_WRONLY, true)).errno());
        assertFalse(fifo.hasReader());
    }
}
