package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** devpts and one pair without a machine: indices, the lock, the two queues' limits, signals, hang-up. */
class PtyTest {
    private final Vfs vfs = new Vfs(() -> 0, ch -> {});
    private final Devpts pts = new Devpts(vfs, vfs.root(), null);
    private final Device ptmx = new Device(vfs, Vfs.DEVTMPFS_DEV, 0666, 5, 2, pts::openMaster);

    private PtyMaster open() { return (PtyMaster) pts.openMaster(ptmx); }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    private static String read(File f, int max) {
        byte[] b = new byte[max];
        long n = f.read(b, 0, max, 0);
        return n <= 0 ? "<" + n + ">" : new String(b, 0, (int) n, StandardCharsets.ISO_8859_1);
    }

    @Test
    void indicesAreTheLowestFreeAndNodesGoWithTheMaster() {
        PtyMaster a = open(), b = open();
        assertEquals(0, a.pty().index());
        assertEquals(1, b.pty().index());
        assertSame(a.pty().node(), pts.dir().lookup("0"));
        a.close();
        assertNull(pts.dir().lookup("0"), "/dev/pts/0 goes with its master");
        assertEquals(0, open().pty().index(), "a freed index is handed out again");
    }

    @Test
    void theSlaveIsLockedUntilUnlockedAndGoneAfterTheMaster() {
        PtyMaster m = open();
        FsException e = assertThrows(FsException.class, () -> m.pty().openSlave());
        assertEquals(Errno.EIO, e.errno());
        m.pty().setLocked(false);
        File s = m.pty().openSlave();
        m.close();
        assertEquals("<0>", read(s, 10), "a hung-up slave reads end of file");
        assertEquals(-Errno.EIO, s.write(bytes("x"), 0, 1, 0));
        assertEquals(Errno.EIO, assertThrows(FsException.class, () -> m.pty().openSlave()).errno(), "no slave opens after the master closed");
    }

    @Test
    void masterWritesWaitInTheFlipBufferOnceTheLineDisciplineIsFull() {
        PtyMaster m = open();
        m.pty().setLocked(false);
        File s = m.pty().openSlave();
        byte[] raw = m.pty().terminal().termios();
        raw[12] &= ~(LineDiscipline.ICANON | LineDiscipline.ECHO | LineDiscipline.ISIG);
        m.pty().terminal().setTermios(raw);
        byte[] chunk = new byte[1000];
        long total = 0, n;
        while ((n = m.write(chunk, 0, chunk.length, 0)) > 0) total += n;
        assertEquals(-Errno.EAGAIN, n);
        assertEquals(LineDiscipline.BUF_SIZE - 1 + Pty.FLIP, total, "the line discipline's room, then the flip buffer");
        assertEquals(0, m.poll() & Poll.POLLOUT);
        assertEquals(1000, s.read(new byte[1000], 0, 1000, 0));
        assertTrue((m.poll() & Poll.POLLOUT) != 0, "a read makes room");
    }

    @Test
    void slaveWritesStopWhenTheMasterQueueIsFullAndOnlcrCounts() {
        PtyMaster m = open();
        m.pty().setLocked(false);
        File s = m.pty().openSlave();
        byte[] lines = new byte[4096];
        java.util.Arrays.fill(lines, (byte) '\n');
        long total = 0, n;
        while ((n = s.write(lines, 0, lines.length, 0)) > 0) total += n;
        assertEquals(-Errno.EAGAIN, n);
        assertEquals(Pty.MASTER_QUEUE / 2, total, "each newline is \\r\\n in the master's queue");
        assertEquals("\r\n\r\n", read(m, 4));
    }

    @Test
    void aSignalCharacterGoesToTheForegroundGroupAndDropsTheEchoInFlight() {
        List<String> sent = new ArrayList<>();
        pts.setSignals(new Devpts.Signals() {
            @Override public void group(int pgid, int sig) { sent.add(pgid + ":" + sig); }
            @Override public void sessionLeader(int sid, int sig) { sent.add("leader " + sid + ":" + sig); }
        });
        PtyMaster m = open();
        m.pty().setLocked(false);
        File s = m.pty().openSlave();
        m.write(bytes("abc\n"), 0, 4, 0);
        assertEquals("abc\r\n", read(m, 100));
        m.write(bytes("typed\u0003"), 0, 6, 0);
        assertEquals(List.of(), sent, "no session, no foreground group: nobody is signalled");
        assertEquals("^C", read(m, 100), "the echo of \"typed\" was still in flight");
        m.pty().setSession(7, 9);
        m.write(bytes("\u001a"), 0, 1, 0);
        m.close();
        assertEquals(List.of("9:20", "leader 7:1", "leader 7:18"), sent);
        s.close();
        assertEquals(0, pts.count(), "both sides closed: the pair is gone");
    }
}
