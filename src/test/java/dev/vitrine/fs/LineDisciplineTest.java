package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The kernel's N_TTY as a person types at it: what a read returns, what is echoed, which signals go out. */
class LineDisciplineTest {
    private final Terminal term = new Terminal();
    private final ByteArrayOutputStream echoed = new ByteArrayOutputStream();
    private final List<Integer> signals = new ArrayList<>();
    private int outputFlags = -1;

    LineDisciplineTest() {
        term.setOnSignal(signals::add);
        term.attachHost(new Terminal.Host() {
            @Override public void echo(byte[] b, int off, int len) { echoed.write(b, off, len); }
            @Override public void outputFlags(int oflag) { outputFlags = oflag; }
        }, Wakeup.NONE, 30, 100);
    }

    private void type(String keys) {
        byte[] b = keys.getBytes(StandardCharsets.ISO_8859_1);
        term.receive(b, 0, b.length);
    }

    private String read(int len) {
        byte[] b = new byte[len];
        long n = term.read(b, 0, len, false);
        return n < 0 ? "errno " + -n : new String(b, 0, (int) n, StandardCharsets.ISO_8859_1);
    }

    private String echo() { return echoed.toString(StandardCharsets.ISO_8859_1); }

    private void lflag(int clear, int set) {
        byte[] t = term.termios();
        int l = LineDiscipline.flag(t, 12) & ~clear | set;
        for (int k = 0; k < 4; k++) t[12 + k] = (byte) (l >> (8 * k));
        term.setTermios(t);
    }

    @Test void canonicalLineWithEraseWordEraseAndKill() {
        type("helo\u007flo wor\u0017world\r");
        assertEquals("hello world\n", read(100));
        assertEquals("helo\b \blo wor\b \b\b \b\b \bworld\n", echo());
        type("junk\u0015ok\n");
        assertEquals("ok\n", read(100));
    }

    @Test void aReadWaitsForTheWholeLineAndTakesOneLineAtATime() {
        type("abc");
        assertEquals("errno " + Errno.EAGAIN, read(100));
        assertEquals(true, term.awaited());
        type("\rsecond\r");
        assertEquals("ab", read(2));
        assertEquals("c\n", read(100));
        assertEquals("second\n", read(100));
    }

    @Test void eofEndsALineOrIsEndOfFileOnAnEmptyOne() {
        type("part\u0004\u0004");
        assertEquals("part", read(100));
        assertEquals("", read(100));
        assertEquals("part", echo());   // VEOF is not echoed
    }

    @Test void signalCharactersFlushAndEchoUnderEchoctl() {
        type("typed ahead\u0003");
        assertEquals(List.of(2), signals);
        assertEquals("errno " + Errno.EAGAIN, read(100));
        assertEquals("typed ahead^C", echo());
        type("\u001a\u001c");
        assertEquals(List.of(2, 20, 3), signals);
    }

    @Test void withoutIsigControlCharactersAreData() {
        lflag(LineDiscipline.ISIG | LineDiscipline.ICANON | LineDiscipline.ECHO, 0);
        type("\u0003x");
        assertEquals("\u0003x", read(100));
        assertEquals(List.of(), signals);
        assertEquals("", echo());
    }

    @Test void nonCanonicalReadsByVmin() {
        lflag(LineDiscipline.ICANON, 0);
        byte[] t = term.termios();
        t[17 + LineDiscipline.VMIN] = 3;
        term.setTermios(t);
        type("ab");
        assertEquals("errno " + Errno.EAGAIN, read(10));
        type("c");
        assertEquals("abc", read(10));
        t[17 + LineDiscipline.VMIN] = 0;
        t[17 + LineDiscipline.VTIME] = 5;
        term.setTermios(t);
        assertEquals(500_000_000L, term.readTimeoutNs());
        assertEquals("0", readTimedOut());   // VTIME ran out with nothing typed: read returns 0
    }

    private String readTimedOut() {
        byte[] b = new byte[4];
        return String.valueOf(term.read(b, 0, 4, true));
    }

    @Test void pollSaysReadableForAWholeLineOrVminBytes() {
        type("no newline yet");
        assertEquals(0, term.pollIn());
        type("\r");
        assertEquals(Poll.POLLIN | Poll.POLLRDNORM, term.pollIn());
        read(100);
        lflag(LineDiscipline.ICANON, 0);
        byte[] t = term.termios();
        t[17 + LineDiscipline.VMIN] = 2;
        term.setTermios(t);
        type("a");
        assertEquals(0, term.pollIn());
        type("b");
        assertEquals(Poll.POLLIN | Poll.POLLRDNORM, term.pollIn());
    }

    @Test void aFullQueueDropsInputButKeepsRoomForTheLineEnd() {
        type("x".repeat(5000) + "\r");
        String line = read(10000);
        assertEquals(LineDiscipline.BUF_SIZE, line.length());
        assertEquals('\n', line.charAt(line.length() - 1));
        type("\r".repeat(5000));
        int lines = 0;
        while (read(10).equals("\n")) lines++;
        assertEquals(LineDiscipline.BUF_SIZE, lines);
    }

    @Test void lnextQuotesTheNextCharacterAndReprintShowsTheLine() {
        type("a\u0016\u0003b\u0016\u007f\u0012\r");
        assertEquals(List.of(), signals);
        assertEquals("a\u0003b\u007f\n", read(100));
        assertEquals("a^\b^Cb^\b^?^R\na^Cb^?\n", echo());
    }

    @Test void turningCanonicalModeOffHandsOverTheLineBeingEdited() {
        type("half");
        lflag(LineDiscipline.ICANON, 0);
        assertEquals("half", read(10));
    }

    @Test void theGuestsOutputFlagsReachTheHostAndResizeSendsSigwinch() {
        byte[] t = term.termios();
        t[4] = 0;   // OPOST and ONLCR off
        term.setTermios(t);
        assertEquals(0, outputFlags);
        term.resize(30, 100);
        assertEquals(List.of(), signals);
        term.resize(40, 120);
        assertEquals(List.of(28), signals);
        assertEquals(120, term.cols());
    }
}
