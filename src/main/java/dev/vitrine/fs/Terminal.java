package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * What fds 0-2 share when they are one terminal: its termios (TCGETS returns what TCSETS
 * stored), its window size and its foreground process group. When the host terminal could be
 * put in raw mode ({@link #attachHost}) the kernel does the cooking itself through its
 * {@link LineDiscipline}: the host's bytes arrive by {@link #receive} on the machine's thread,
 * readers sleep on this terminal as their channel. Otherwise the host terminal cooks (canonical
 * mode, echo, ^D as end of file) and ^C and ^Z reach the guest through {@link #signal}.
 */
public final class Terminal {
    /** struct termios (asm-generic): iflag, oflag, cflag, lflag, line, cc[19], as a cooked terminal has it. */
    private byte[] termios = {0, 5, 0, 0, 5, 0, 0, 0, (byte) 0xbf, 0, 0, 0, 0x3b, (byte) 0x8a, 0, 0, 0,
            3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0};
    private int foregroundPgid;
    private java.util.function.IntConsumer onSignal = sig -> {};
    private int rows = 24, cols = 80;

    /** The host side when this terminal cooks: where echo goes, how readers are woken, how oflag reaches the host. */
    public interface Host {
        void echo(byte[] b, int off, int len);
        void outputFlags(int oflag);
        /** A signal character without NOFLSH: output still in the driver is dropped (the host's is gone already). */
        default void flushOutput() {}
        /** The driver's stop and start (pty_stop, pty_start): output stopped or going again. */
        default void flow(boolean stopped) {}
    }

    private LineDiscipline ldisc;
    private final Columns columns = new Columns();
    private Host host;
    private Wakeup wakeup = Wakeup.NONE;
    private volatile boolean awaited;

    public byte[] termios() { return termios.clone(); }

    /** The termios as stored, for reading within fs (not to be changed). */
    byte[] termiosView() { return termios; }

    public void setTermios(byte[] t) {
        byte[] old = termios;
        termios = t.clone();
        if (ldisc == null) return;
        ldisc.termiosChanged(old, termios);
        if (LineDiscipline.flag(old, 4) != LineDiscipline.flag(termios, 4)) host.outputFlags(LineDiscipline.flag(termios, 4));
        wakeup.wakeup(this);   // a reader waiting for VMIN bytes or a line may be satisfied now
    }

    /** c_lflag's TOSTOP: a background process's write stops it with SIGTTOU. */
    public boolean tostop() { return (termios[13] & 0x01) != 0; }   // TOSTOP 0x100, the lflag's second byte
    public int foregroundPgid() { return foregroundPgid; }
    public void setForegroundPgid(int pg) { foregroundPgid = pg; }

    /** The proc side installs what ^C and ^Z do: their signal to the foreground process group. */
    public void setOnSignal(java.util.function.IntConsumer s) { onSignal = s; }
    public void signal(int sig) { onSignal.accept(sig); }
    /** ^C: SIGINT (2). */
    public void interrupt() { signal(2); }

    // ---- the window size (TIOCGWINSZ, TIOCSWINSZ, the host's SIGWINCH)

    public int rows() { return rows; }
    public int cols() { return cols; }

    /** tiocswinsz: a new size is stored and the foreground group gets SIGWINCH (28); the same size changes nothing. */
    public void resize(int rows, int cols) {
        if (rows == this.rows && cols == this.cols) return;
        this.rows = rows;
        this.cols = cols;
        signal(28);
    }

    /** A size set without SIGWINCH: a new pseudo-terminal's, which is 0x0. */
    void resizeQuietly(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    // ---- the line discipline, when the kernel cooks

    /** From now on the kernel cooks: the host terminal is raw and sends its bytes to {@link #receive}. */
    public void attachHost(Host host, Wakeup wakeup, int rows, int cols) {
        this.ldisc = new LineDiscipline();
        this.host = host;
        this.wakeup = wakeup;
        if (rows > 0 && cols > 0) {
            this.rows = rows;
            this.cols = cols;
        }
    }

    /** Whether reads go through the kernel's line discipline (the host terminal is raw). */
    public boolean cooking() { return ldisc != null; }

    /** Whether a guest waits for a key: an all-blocked machine then waits for the host, in host time. Any thread. */
    public boolean awaited() { return awaited || stopped; }   // stopped output waits for ^Q from the host too

    /** The output column and where the edited line began: the host's (or the pty's) output moves them, see {@link #wrote}. */
    Columns columns() { return columns; }

    /**
     * Bytes that went out to this terminal, the guests' writes and the echo alike, as the host
     * terminal will show them under the guest's OPOST: the column they leave (when the kernel cooks).
     */
    public void wrote(byte[] b, int off, int len) {
        if (ldisc == null) return;
        int oflag = LineDiscipline.flag(termios, 4), iflag = LineDiscipline.flag(termios, 0);
        for (int i = off; i < off + len; i++) columns.wrote(b[i] & 0xff, oflag, iflag);
    }

    // ---- output flow control: IXON's stop and start characters, tcflow

    /** tty->flow: output stopped (by the stop character or tcflow), and whether tcflow(TCOOFF) did it, which only TCOON undoes. */
    private volatile boolean stopped;
    private boolean tcoStopped;
    /** Echoes made while output is stopped: n_tty keeps them in its echo buffer until output starts again. */
    private final java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();

    /** Whether output is stopped: writers wait (or get EAGAIN), echoes are held. */
    public boolean stopped() { return stopped; }

    /** stop_tty. */
    void stop() {
        if (stopped) return;
        stopped = true;
        host.flow(true);
    }

    /** start_tty: not while tcflow(TCOOFF) holds the output. */
    void start() {
        if (!stopped || tcoStopped) return;
        stopped = false;
        host.flow(false);
        if (held.size() > 0) {
            byte[] b = held.toByteArray();
            held.reset();
            host.echo(b, 0, b.length);
        }
        wakeup.wakeup(this);
    }

    /** tcflow's TCOOFF ({@code on} false) and TCOON. */
    public void flow(boolean on) {
        if (on == !tcoStopped) return;
        tcoStopped = !on;
        if (on) start();
        else stop();
    }

    /** tcflow's TCIOFF and TCION: the stop or start character goes out to the other end, as it is. */
    public void sendFlowChar(boolean start) {
        if (host != null) host.echo(new byte[] {(byte) flowChar(start)}, 0, 1);
    }

    /** VSTART or VSTOP. */
    int flowChar(boolean start) { return LineDiscipline.cc(termios, start ? LineDiscipline.VSTART : LineDiscipline.VSTOP); }

    private final LineDiscipline.Sink sink = new LineDiscipline.Sink() {
        @Override public void echo(byte[] b, int off, int len) {
            if (!stopped) host.echo(b, off, len);
            else if (held.size() + len <= LineDiscipline.BUF_SIZE) held.write(b, off, len);   // a full echo buffer drops
        }
        @Override public void stop() { Terminal.this.stop(); }
        @Override public void start() { Terminal.this.start(); }
        @Override public Columns columns() { return columns; }
        @Override public void signal(int sig) { Terminal.this.signal(sig); }
        @Override public void flushOutput() {
            held.reset();   // isig's flush empties the echo buffer too
            host.flushOutput();
        }
    };

    /** The host's bytes as typed (machine's thread); wakes the readers. */
    public void receive(byte[] b, int off, int len) {
        ldisc.receive(termios, b, off, len, sink);
        wakeup.wakeup(this);
    }

    /** TIOCSTI: one byte into the line discipline as if it had been typed; false when the host cooks. */
    public boolean simulateInput(byte c) {
        if (ldisc == null) return false;
        receive(new byte[] {c}, 0, 1);
        return true;
    }

    /** The host terminal is gone: readers get end of file. */
    public void hangUp() {
        ldisc.hangUp();
        wakeup.wakeup(this);
    }

    /** read(2) through the line discipline: bytes, 0 at end of file, -EAGAIN to wait. */
    public long read(byte[] dst, int off, int len, boolean timedOut) {
        if (len == 0) return 0;
        long r = ldisc.read(termios, dst, off, len, timedOut);
        awaited = r == -Errno.EAGAIN;
        return r;
    }

    /** VTIME for a read that waits, in ns of machine time; -1: no limit. */
    public long readTimeoutNs() { return ldisc == null ? -1 : ldisc.readTimeoutNs(termios); }

    public int available() { return ldisc.available(); }

    /** Whether the line discipline takes another byte now (n_tty's receive_room; see {@link LineDiscipline#acceptsInput}). */
    boolean acceptsInput() { return ldisc.acceptsInput(termios); }

    public int pollIn() {
        if (ldisc.readable(termios)) return Poll.POLLIN | Poll.POLLRDNORM | (ldisc.hungUp() ? Poll.POLLHUP : 0);
        awaited = true;
        return 0;
    }

    /** TCFLSH's TCIFLUSH and TCSETSF: typed-ahead input is dropped. */
    public void flushInput() { if (ldisc != null) ldisc.flush(); }
}
