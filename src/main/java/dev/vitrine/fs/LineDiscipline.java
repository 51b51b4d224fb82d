package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

import java.util.ArrayDeque;

/**
 * Linux's N_TTY line discipline (drivers/tty/n_tty.c) between the host terminal, which is in
 * raw mode, and the guest: input processing (ISTRIP, IGNCR, ICRNL, INLCR), the signal
 * characters under ISIG (VINTR, VQUIT, VSUSP; the queue flushed unless NOFLSH), output flow
 * control under IXON (VSTOP and VSTART are never data; IXANY and a signal character restart), canonical
 * editing (VERASE, VWERASE, VKILL, VEOF, VEOL, VEOL2, and under IEXTEN VLNEXT and VREPRINT;
 * one line per read), non-canonical reads
 * by VMIN/VTIME, and echo (ECHO, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOCTL): an erased tab goes
 * back to its column ({@link Columns}), a UTF-8 character is erased whole under IUTF8. Output
 * processing (OPOST, ONLCR) is the host terminal's own: {@link Terminal} mirrors the guest's
 * oflag there and follows the column.
 * Machine's thread only.
 */
final class LineDiscipline {
    /** N_TTY_BUF_SIZE: what the queue holds, the line being edited included; past it input is dropped. */
    static final int BUF_SIZE = 4096;

    // c_iflag, c_lflag bits and c_cc indices (asm-generic/termbits.h)
    static final int ISTRIP = 0x20, INLCR = 0x40, IGNCR = 0x80, ICRNL = 0x100, IXON = 0x400, IXANY = 0x800;
    static final int ISIG = 0x1, ICANON = 0x2, ECHO = 0x8, ECHOE = 0x10, ECHOK = 0x20, ECHONL = 0x40, NOFLSH = 0x80,
            ECHOCTL = 0x200, ECHOKE = 0x800, IEXTEN = 0x8000;
    static final int VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6, VSUSP = 10, VEOL = 11,
            VSTART = 8, VSTOP = 9, VREPRINT = 12, VWERASE = 14, VLNEXT = 15, VEOL2 = 16;
    private static final int SIGINT = 2, SIGQUIT = 3, SIGTSTP = 20;

    /** What the guest can read: whole lines in canonical mode (eof: a VEOF ended it, not returned), else bytes. */
    private static final class Segment {
        final byte[] data;
        int pos;
        final boolean eof;
        Segment(byte[] data, boolean eof) { this.data = data; this.eof = eof; }
        int left() { return data.length - pos; }
    }

    /** Where the discipline's effects go: echo bytes to the terminal, a signal for its foreground group. */
    interface Sink {
        void echo(byte[] b, int off, int len);
        void signal(int sig);
        /** tty_driver_flush_buffer: output not yet gone out is dropped (a signal character without NOFLSH). */
        default void flushOutput() {}
        /** The terminal's output column and the edited line's first column (for erasing a tab); null: not kept. */
        default Columns columns() { return null; }
        /** stop_tty and start_tty: IXON's stop and start characters (and a signal character, IXANY's any). */
        default void stop() {}
        default void start() {}
    }

    private final ArrayDeque<Segment> ready = new ArrayDeque<>();
    private int readyBytes;
    private byte[] line = new byte[256];
    private int lineLen;
    private boolean hungUp;
    /** VLNEXT came: the next character is data, whatever it is. */
    private boolean lnext;

    /** Bytes a read could take now (FIONREAD). */
    int available() { return readyBytes; }

    boolean hungUp() { return hungUp; }

    /**
     * n_tty_receive_buf_common's room: a byte fits while the queue and the line being edited
     * leave one free; in canonical mode with no whole line to read it is taken anyway (and
     * dropped if it does not fit), so a full line that never ends cannot stop the writer.
     */
    boolean acceptsInput(byte[] termios) {
        return readyBytes + lineLen < BUF_SIZE - 1 || canonical(termios) && ready.isEmpty();
    }

    /**
     * poll's POLLIN (n_tty_poll's input_available_p): a complete line in canonical mode, else
     * VMIN bytes when VTIME is 0 and one byte otherwise; a hang-up always.
     */
    boolean readable(byte[] termios) {
        if (hungUp) return true;
        if (canonical(termios)) return !ready.isEmpty();
        int min = cc(termios, VMIN);
        return readyBytes >= (cc(termios, VTIME) == 0 && min > 0 ? min : 1);
    }

    /** The host closed the terminal: every read from now on is end of file. */
    void hangUp() { hungUp = true; }

    /**
     * read(2): a line at most in canonical mode (0 at a VEOF on an empty line), otherwise by
     * VMIN; -EAGAIN when the caller has to wait. {@code timedOut}: VTIME ran out, so take what is there.
     */
    long read(byte[] termios, byte[] dst, int off, int len, boolean timedOut) {
        if (canonical(termios)) {
            Segment s = ready.peek();
            if (s == null) return hungUp ? 0 : -Errno.EAGAIN;
            int n = Math.min(len, s.left());
            System.arraycopy(s.data, s.pos, dst, off, n);
            s.pos += n;
            readyBytes -= n;
            if (s.left() == 0) ready.poll();
            return n;
        }
        int min = cc(termios, VMIN), time = cc(termios, VTIME);
        int want = Math.min(Math.max(min, 1), len);
        if (readyBytes < want && !hungUp && !timedOut) {
            if (min == 0 && time == 0) return 0;
            return -Errno.EAGAIN;
        }
        int n = 0;
        while (n < len && !ready.isEmpty()) {
            Segment s = ready.peek();
            int k = Math.min(len - n, s.left());
            System.arraycopy(s.data, s.pos, dst, off + n, k);
            s.pos += k;
            n += k;
            readyBytes -= k;
            if (s.left() == 0) ready.poll();
        }
        return n;
    }

    /**
     * The host's time for a read that has to wait, in ns: VTIME tenths of a second in
     * non-canonical mode (with VMIN > 0 only once a byte is there), -1 to wait without limit.
     */
    long readTimeoutNs(byte[] termios) {
        if (canonical(termios)) return -1;
        int min = cc(termios, VMIN), time = cc(termios, VTIME);
        if (time == 0 || min > 0 && readyBytes == 0) return -1;
        return time * 100_000_000L;
    }

    /** tcflush(TCIFLUSH), TCSETSF, and a signal character without NOFLSH: the queue and the line are dropped. */
    void flush() {
        ready.clear();
        readyBytes = 0;
        lineLen = 0;
    }

    /** ICANON turned off: the line being edited becomes readable as it is (n_tty_set_termios). */
    void termiosChanged(byte[] old, byte[] now) {
        if (canonical(old) && !canonical(now) && lineLen > 0) commit(false);
    }

    /** Bytes from the host terminal, as the keyboard sent them. */
    void receive(byte[] termios, byte[] b, int off, int n, Sink sink) {
        for (int i = off; i < off + n; i++) receive(termios, b[i] & 0xff, sink);
    }

    private void receive(byte[] t, int c, Sink sink) {
        int iflag = flag(t, 0), lflag = flag(t, 12);
        if ((iflag & ISTRIP) != 0) c &= 0x7f;
        if (lnext) {
            lnext = false;
            literal(t, c, sink);
            return;
        }
        boolean ixon = (iflag & IXON) != 0;
        if (ixon && (c == cc(t, VSTART) || c == cc(t, VSTOP))) {   // n_tty_receive_char_flow_ctrl: never data
            if (c == cc(t, VSTART)) sink.start();
            else sink.stop();
            return;
        }
        if ((lflag & ISIG) != 0) {
            int sig = c == cc(t, VINTR) && c != 0 ? SIGINT : c == cc(t, VQUIT) && c != 0 ? SIGQUIT
                    : c == cc(t, VSUSP) && c != 0 ? SIGTSTP : 0;
            if (sig != 0) {
                if ((lflag & NOFLSH) == 0) {
                    flush();
                    sink.flushOutput();
                }
                sink.signal(sig);
                if (ixon) sink.start();   // n_tty_receive_signal_char: output flows again
                if ((lflag & ECHO) != 0) echoChar(t, c, sink);
                return;
            }
        }
        if (ixon && (iflag & IXANY) != 0) sink.start();   // any other character restarts output
        boolean special = false;   // in n_tty's char_map: echoed by the special path, a newline raw
        if (c == '\r') {
            if ((iflag & IGNCR) != 0) return;
            if ((iflag & ICRNL) != 0) c = '\n';
            special = (iflag & ICRNL) != 0;
        } else if (c == '\n' && (iflag & INLCR) != 0) c = '\r';
        if ((lflag & ICANON) == 0) {
            if (readyBytes < BUF_SIZE - 1) {
                ready.add(new Segment(new byte[] {(byte) c}, false));
                readyBytes++;
            }
            if ((lflag & ECHO) != 0) {
                if (c == '\n' && special) sink.echo(new byte[] {'\n'}, 0, 1);
                else echoChar(t, c, sink);
            }
            return;
        }
        if (c == cc(t, VERASE) || c == cc(t, VKILL) || c == cc(t, VWERASE) && (lflag & IEXTEN) != 0) {
            if (c != 0) {
                erase(t, c, sink);
                return;
            }
        }
        if ((lflag & IEXTEN) != 0 && c != 0 && c == cc(t, VLNEXT)) {   // canonical mode only, as in n_tty_receive_char_canon
            lnext = true;
            if ((lflag & ECHO) != 0 && (lflag & ECHOCTL) != 0) sink.echo(new byte[] {'^', '\b'}, 0, 2);
            return;
        }
        if (c == cc(t, VREPRINT) && c != 0 && (lflag & ECHO) != 0 && (lflag & IEXTEN) != 0) {
            echoChar(t, c, sink);
            sink.echo(new byte[] {'\n'}, 0, 1);
            for (int k = 0; k < lineLen; k++) echoChar(t, line[k] & 0xff, sink);
            return;
        }
        if (c == cc(t, VEOF) && c != 0) {
            if (ready.size() < BUF_SIZE) commit(true);   // ends no one reads are bounded too
            return;
        }
        boolean newline = c == '\n' || c != 0 && (c == cc(t, VEOL) || c == cc(t, VEOL2));
        int room = BUF_SIZE - readyBytes - lineLen;
        if (room <= 0 || room == 1 && !newline) return;   // full: the last byte is kept for a line's end
        if ((lflag & ECHO) != 0 || c == '\n' && (lflag & ECHONL) != 0) {
            if (c == '\n') sink.echo(new byte[] {'\n'}, 0, 1);
            else {
                canonColumn(sink);
                echoChar(t, c, sink);
            }
        }
        append(c);
        if (newline) commit(false);
    }

    /** The character after VLNEXT: data in the line or the queue, never a signal, an edit or a line's end. */
    private void literal(byte[] t, int c, Sink sink) {
        boolean canonical = canonical(t);
        if ((flag(t, 0) & (IXON | IXANY)) == (IXON | IXANY)) sink.start();
        if (readyBytes + lineLen >= BUF_SIZE - 1) return;
        if ((flag(t, 12) & ECHO) != 0) {
            if (canonical) canonColumn(sink);
            echoChar(t, c, sink);
        }
        if (canonical) append(c);
        else {
            ready.add(new Segment(new byte[] {(byte) c}, false));
            readyBytes++;
        }
    }

    /** VERASE, VWERASE, VKILL on the line being edited, with their echo (n_tty's eraser). */
    private void erase(byte[] t, int c, Sink sink) {
        int lflag = flag(t, 12), iflag = flag(t, 0);
        boolean echo = (lflag & ECHO) != 0, echoe = (lflag & ECHOE) != 0, echoctl = (lflag & ECHOCTL) != 0;
        boolean kill = c == cc(t, VKILL), word = !kill && c == cc(t, VWERASE);
        if (lineLen == 0) return;
        if (kill) {
            if (!echo) { lineLen = 0; return; }
            if ((lflag & ECHOK) == 0 || (lflag & ECHOKE) == 0 || !echoe) {
                lineLen = 0;
                echoChar(t, c, sink);
                if ((lflag & ECHOK) != 0) sink.echo(new byte[] {'\n'}, 0, 1);
                return;
            }
        }
        boolean seenWord = false;
        while (lineLen > 0) {
            // One character, all its bytes under IUTF8; never a part of one.
            int head = lineLen;
            int last;
            do last = line[--head] & 0xff; while (Columns.continuation(last, iflag) && head > 0);
            if (Columns.continuation(last, iflag)) break;
            if (word) {
                if (alnum(last)) seenWord = true;
                else if (seenWord) break;
            }
            lineLen = head;
            if (echo) {
                if (!kill && !word && !echoe) echoChar(t, cc(t, VERASE), sink);
                else if (last == '\t') eraseTab(lflag, iflag, sink);
                else {
                    boolean control = Columns.control(last);
                    if (control && echoctl) sink.echo(new byte[] {'\b', ' ', '\b'}, 0, 3);
                    if (!control || echoctl) sink.echo(new byte[] {'\b', ' ', '\b'}, 0, 3);
                }
            }
            if (!kill && !word) break;
        }
    }

    /**
     * The echo of an erased tab: back to where it began, from the columns the line's characters
     * take since the previous tab or the line's start (then from the column the line began at).
     */
    private void eraseTab(int lflag, int iflag, Sink sink) {
        int chars = 0;
        boolean afterTab = false;
        for (int i = lineLen - 1; i >= 0; i--) {
            int b = line[i] & 0xff;
            if (b == '\t') { afterTab = true; break; }
            if (Columns.control(b)) { if ((lflag & ECHOCTL) != 0) chars += 2; }
            else if (!Columns.continuation(b, iflag)) chars++;
        }
        Columns cols = sink.columns();
        int column = cols == null ? 0 : cols.column, canon = cols == null ? 0 : cols.canon;
        int back = Math.min(8 - ((chars + (afterTab ? 0 : canon)) & 7), column);
        byte[] bs = new byte[back];
        java.util.Arrays.fill(bs, (byte) '\b');
        if (back > 0) sink.echo(bs, 0, back);
    }

    /** echo_set_canon_col: the first character of a line is echoed, the column the line starts at is kept. */
    private void canonColumn(Sink sink) {
        Columns cols = sink.columns();
        if (lineLen == 0 && cols != null) cols.canon = cols.column;
    }

    /** The kernel's isalnum on a byte (lib/ctype.c: Latin-1, so 0xc0-0xff but for x and / are letters) or '_'. */
    private static boolean alnum(int c) {
        if (c < 0x80) return Character.isLetterOrDigit(c) || c == '_';
        return c >= 0xc0 && c != 0xd7 && c != 0xf7;
    }

    /** echo_char: a control character as ^X under ECHOCTL (but a tab, as it is; a newline typed as data is ^J). */
    private static void echoChar(byte[] t, int c, Sink sink) {
        if ((flag(t, 12) & ECHOCTL) != 0 && Columns.control(c) && c != '\t') sink.echo(new byte[] {'^', (byte) (c ^ 0x40)}, 0, 2);
        else sink.echo(new byte[] {(byte) c}, 0, 1);
    }

    private void append(int c) {
        if (lineLen == line.length) line = java.util.Arrays.copyOf(line, line.length * 2);
        line[lineLen++] = (byte) c;
    }

    private void commit(boolean eof) {
        ready.add(new Segment(java.util.Arrays.copyOf(line, lineLen), eof));
        readyBytes += lineLen;
        lineLen = 0;
    }

    static boolean canonical(byte[] t) { return (flag(t, 12) & ICANON) != 0; }

    static int cc(byte[] t, int i) { return t[17 + i] & 0xff; }

    static int flag(byte[] t, int off) {
        return (t[off] & 0xff) | (t[off + 1] & 0xff) << 8 | (t[off + 2] & 0xff) << 16 | (t[off + 3] & 0xff) << 24;
    }
}
