package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host's stdin as a device: reads never wait on the machine's thread, answers come as events. */
class HostInputTest {
    /** The kernel's host inbox, as the test sees it: events queue up until the "loop" runs them. */
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final List<Object> woken = new ArrayList<>();

    private HostInput live(java.io.InputStream in, boolean terminal) {
        return HostInput.live(in, terminal, inbox::add, woken::add);
    }

    private void runNextEvent() throws InterruptedException {
        Runnable e = inbox.poll(10, TimeUnit.SECONDS);
        assertNotNull(e, "the reader thread posted nothing");
        e.run();
    }

    private static String read(HostInput in, int len) {
        byte[] b = new byte[len];
        long n = in.read(b, 0, len);
        return n < 0 ? "errno " + -n : new String(b, 0, (int) n, StandardCharsets.UTF_8);
    }

    @Test void anEmptyPipeSaysEagainAndWakesItsSleeperWhenBytesCome() throws Exception {
        PipedOutputStream host = new PipedOutputStream();
        HostInput in = live(new PipedInputStream(host), false);
        assertEquals("errno " + Errno.EAGAIN, read(in, 16));
        assertTrue(in.awaited(), "a reader waits for the host");
        assertEquals(0, in.poll(), "not ready");
        assertEquals("errno " + Errno.EAGAIN, read(in, 16), "a second read asks nothing new");
        host.write("hello\n".getBytes(StandardCharsets.UTF_8));
        host.flush();
        runNextEvent();
        assertEquals(List.of(in), woken, "the sleepers on the device's channel are woken");
        assertEquals(Poll.POLLIN | Poll.POLLRDNORM, in.poll());
        assertEquals(6, in.available());
        assertEquals("hel", read(in, 3));
        assertEquals("lo\n", read(in, 16));
        assertFalse(in.awaited());
        host.close();
    }

    @Test void bytesTheHostHoldsAreReadAtOnceAndEndOfFileIsFinal() throws Exception {
        HostInput in = live(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), false);
        assertEquals("abc", read(in, 16));
        assertTrue(inbox.isEmpty(), "no reader thread for bytes already there");
        // The end of file comes from the reader thread within the grace period: this read takes it.
        assertEquals("", read(in, 16));
        assertFalse(in.awaited());
        assertEquals(Poll.POLLHUP, in.poll());
        assertEquals("", read(in, 16));
        runNextEvent();
        assertTrue(woken.isEmpty(), "the answer was taken by the read that asked; nobody to wake");
        assertTrue(inbox.isEmpty(), "end of file asks the host once");
    }

    @Test void aTerminalReadIsOneLineAndCtrlDEndsOneRead() {
        HostInput in = live(new ByteArrayInputStream("ab\ncd\n\u0004ef".getBytes(StandardCharsets.UTF_8)), true);
        assertEquals("ab\n", read(in, 16));
        assertEquals("cd\n", read(in, 16));
        assertEquals("", read(in, 16));
        assertEquals("ef", read(in, 16));
    }

    @Test void aDirectStreamIsReadLikeAFile() {
        HostInput in = HostInput.direct(new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8)), false);
        assertEquals("0123", read(in, 4));
        assertEquals("456789", read(in, 64));
        assertEquals("", read(in, 64));
        assertFalse(in.awaited());
        assertEquals(Poll.POLLIN | Poll.POLLRDNORM, in.poll());
    }
}
