package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * One pseudo-terminal pair (drivers/tty/pty.c with N_TTY on the slave side). What the master
 * writes is the slave's input: it waits in a flip buffer of {@link #FLIP} bytes and enters the
 * slave's {@link LineDiscipline} (through its {@link Terminal}: termios, window size, foreground
 * group) as that has room, so echo, ISIG, ICANON and VMIN/VTIME act as on a terminal. What the
 * slave writes, and the echoes, go through output processing (OPOST: ONLCR, OCRNL, ONOCR,
 * ONLRET, OLCUC, TAB3) into the master's queue. The master's own line discipline is raw and
 * never seen (TCGETS on the master is the slave's), so its queue is plain bytes.
 *
 * <p>Closing the master hangs the slave up (reads 0, writes EIO, the session leader gets
 * SIGHUP and SIGCONT) and removes /dev/pts/N; when the last slave closes, the master reads
 * what is left and then EIO, and polls POLLHUP. The pair holds {@link #PAGES} kernel pages of
 * the machine while it exists. Machine's thread only.
 */
public final class Pty {
    /** tty_buffer_set_limit(port, 8192): what waits to enter a side's line discipline. */
    static final int FLIP = 8192;
    /** What the master can hold unread: its flip buffer and its own N_TTY queue. */
    static final int MASTER_QUEUE = FLIP + LineDiscipline.BUF_SIZE;
    /** The two queues, the slave's read queue and its line being edited, in pages. */
    static final int PAGES = (FLIP + MASTER_QUEUE + 2 * LineDiscipline.BUF_SIZE) / 4096;

    // c_oflag and c_iflag bits (asm-generic/termbits.h)
    private static final int OPOST = Columns.OPOST, ONLCR = Columns.ONLCR, OCRNL = Columns.OCRNL, ONOCR = Columns.ONOCR,
            OLCUC = 2, TABDLY = 014000, XTABS = 014000;

    private final Devpts devpts;
    private final int index;
    private final Terminal terminal = new Terminal();
    private final Device node;
    private final Ring input = new Ring(FLIP), output = new Ring(MASTER_QUEUE);
    private final byte[] one = new byte[1];
    /** TTY_PTY_LOCK: the slave cannot be opened until unlockpt. */
    private boolean locked = true;
    private boolean masterOpen = true;
    /** TTY_OTHER_CLOSED on the master: a slave was open and the last one closed. */
    private boolean otherClosed;
    /** The master closed: the slave is hung up. */
    private boolean hungUp;
    private int slaveOpens;
    /** The master's queue before the input now entering the line discipline: what is past it is still in flight. */
    private int flipMark;
    /** The session whose controlling terminal this is (0: none). */
    private int session;
    /** TIOCPKT on the master: each read begins with a status byte; the slave's events since the last one. */
    private boolean packet;
    private int pktStatus;
    // TIOCPKT_* (asm-generic/ioctls.h)
    static final int PKT_FLUSHREAD = 1, PKT_FLUSHWRITE = 2, PKT_STOP = 4, PKT_START = 8, PKT_NOSTOP = 16, PKT_DOSTOP = 32;

    Pty(Devpts devpts, Vfs vfs, int index) {
        this.devpts = devpts;
        this.index = index;
        Wakeup wake = vfs.wakeup();
        terminal.attachHost(new Terminal.Host() {
            @Override public void echo(byte[] b, int off, int len) { for (int i = 0; i < len; i++) emit(b[off + i] & 0xff, true); }
            @Override public void outputFlags(int oflag) {}
            // pty_flush_buffer: the master's flip buffer goes, i.e. what this batch of input echoed;
            // only a signal character asks, after it flushed the input: both flushes for packet mode.
            @Override public void flushOutput() {
                output.truncate(flipMark);
                packetEvent(PKT_FLUSHREAD | PKT_FLUSHWRITE, 0);
            }
            @Override public void flow(boolean stopped) {
                if (stopped) packetEvent(PKT_STOP, PKT_START);
                else packetEvent(PKT_START, PKT_STOP);
            }
        }, channel -> wake.wakeup(this), 24, 80);
        terminal.resizeQuietly(0, 0);   // a new pty's window is 0x0 until someone sets it
        terminal.setOnSignal(sig -> {
            int pg = terminal.foregroundPgid();
            if (pg > 0) devpts.signals().group(pg, sig);
        });
        node = new Device(vfs, Devpts.DEV, index + 3L, 0600, Devpts.SLAVE_MAJOR, index, d -> openSlave());
        node.setOwner(dev.vitrine.abi.Cred.UID, dev.vitrine.abi.Cred.GID);   // the opener's, see setOwner
    }

    public int index() { return index; }

    /** devpts_pty_new: /dev/pts/N belongs to the opener of /dev/ptmx (its fsuid and fsgid: devpts mounted without uid= or gid=). */
    public void setOwner(int uid, int gid) { node.setOwner(uid, gid); }
    public Terminal terminal() { return terminal; }
    Device node() { return node; }
    public boolean locked() { return locked; }
    public void setLocked(boolean on) { locked = on; }
    public boolean hungUp() { return hungUp; }
    boolean masterOpen() { return masterOpen; }

    /** The session this is the controlling terminal of (0: none); proc's job control sets it. */
    public int session() { return session; }
    public void setSession(int sid, int pgid) {
        session = sid;
        terminal.setForegroundPgid(pgid);
    }

    /** The channel both sides' readers and writers sleep on. */
    Object channel() { return this; }

    private void wake() { devpts.wakeup().wakeup(this); }

    // ---- the slave side

    /** pty_open for the slave: EIO while locked or once the master is gone. */
    public File openSlave() { return openSlave(node); }

    /** The same, opened through another node ({@code /dev/tty}), which fstat and ttyname then show. */
    public File openSlave(Inode through) {
        if (!masterOpen || locked) throw new FsException(Errno.EIO);
        slaveOpens++;
        otherClosed = false;
        return new PtySlave(this, through);
    }

    void slaveClosed() {
        if (--slaveOpens > 0) return;
        otherClosed = true;
        wake();
        if (!masterOpen) devpts.release(this);
    }

    long slaveRead(byte[] dst, int off, int len, boolean timedOut) {
        if (hungUp) return 0;
        long r = terminal.read(dst, off, len, timedOut);
        if (r > 0 && pump()) wake();
        else if (r > 0) wake();   // room in the line discipline for a master writer
        return r;
    }

    /** n_tty_write: each byte through OPOST into the master's queue; -EAGAIN when none fits. */
    long slaveWrite(byte[] src, int off, int len) {
        if (hungUp) return -Errno.EIO;
        if (terminal.stopped()) return len == 0 ? 0 : -Errno.EAGAIN;   // pty_write while flow.stopped: nothing goes
        int n = 0;
        while (n < len && output.free() >= room(src[off + n] & 0xff)) emit(src[off + n++] & 0xff, false);
        if (n == 0 && len > 0) return -Errno.EAGAIN;
        wake();
        return n;
    }

    int slavePoll() {
        if (hungUp) return Poll.POLLIN | Poll.POLLOUT | Poll.POLLERR | Poll.POLLHUP | Poll.POLLRDNORM | Poll.POLLWRNORM;
        int m = terminal.pollIn();
        if (output.free() > 0 && !terminal.stopped()) m |= Poll.POLLOUT | Poll.POLLWRNORM;
        return m;
    }

    // ---- the master side

    long masterRead(byte[] dst, int off, int len) {
        if (len == 0) return 0;
        if (packet && pktStatus != 0) {   // n_tty_read: a status byte alone, before any data
            dst[off] = (byte) pktStatus;
            pktStatus = 0;
            return 1;
        }
        if (output.size() == 0) return otherClosed ? -Errno.EIO : -Errno.EAGAIN;
        int lead = 0;
        if (packet) {
            dst[off] = 0;   // TIOCPKT_DATA
            lead = 1;
        }
        int n = output.take(dst, off + lead, len - lead);
        wake();
        return n + lead;
    }

    // ---- packet mode (TIOCPKT)

    /** TIOCPKT: on clears the status kept so far (pty_set_pktmode). */
    public void setPacket(boolean on) {
        if (on && !packet) pktStatus = 0;
        packet = on;
    }

    public boolean packet() { return packet; }

    /** A slave event the master reads in packet mode: {@code set} bits on, {@code clear} bits off. */
    private void packetEvent(int set, int clear) {
        if (!packet) return;
        pktStatus = (pktStatus & ~clear) | set;
        wake();
    }

    /** pty_set_termios: whether ^S/^Q flow control is on changed (IXON with the usual characters): DOSTOP or NOSTOP. */
    public void termiosChanged(byte[] old) {
        boolean was = xonXoff(old), now = xonXoff(terminal.termiosView());
        if (was != now) packetEvent(now ? PKT_DOSTOP : PKT_NOSTOP, PKT_DOSTOP | PKT_NOSTOP);
        termiosChanged();
    }

    private static boolean xonXoff(byte[] t) {
        return (LineDiscipline.flag(t, 0) & LineDiscipline.IXON) != 0
                && LineDiscipline.cc(t, LineDiscipline.VSTART) == 0x11 && LineDiscipline.cc(t, LineDiscipline.VSTOP) == 0x13;
    }

    /** TIOCSTI on the master: a byte the master itself reads (its own line discipline is raw). */
    public void masterSimulateInput(byte c) {
        if (output.free() > 0) output.put(c);
        wake();
    }

    /** pty_write into the slave's flip buffer, then as much as the line discipline takes. */
    long masterWrite(byte[] src, int off, int len) {
        pump();
        int n = Math.min(len, input.free());
        if (n == 0 && len > 0) return -Errno.EAGAIN;
        input.put(src, off, n);
        pump();
        wake();
        return n;
    }

    /** tcflow(TCIOFF/TCION) on the master: the slave's stop or start character into its input. */
    public long masterSendFlowChar(boolean start) {
        long r = masterWrite(new byte[] {(byte) terminal.flowChar(start)}, 0, 1);
        return r == -Errno.EAGAIN ? 0 : Math.min(r, 0);
    }

    int masterPoll() {
        int m = 0;
        if (output.size() > 0) m |= Poll.POLLIN | Poll.POLLRDNORM;
        if (packet && pktStatus != 0) m |= Poll.POLLIN | Poll.POLLRDNORM | Poll.POLLPRI;
        if (otherClosed) m |= Poll.POLLHUP;
        if (input.free() > 0) m |= Poll.POLLOUT | Poll.POLLWRNORM;
        return m;
    }

    /** FIONREAD on the master: bytes it can read. */
    int masterAvailable() { return output.size(); }

    /** TIOCOUTQ on the slave: bytes written and not yet read by the master. */
    public int slaveQueued() { return output.size(); }

    /** pty_close of the master: /dev/pts/N goes, the slave hangs up, its session leader is told. */
    void masterClosed() {
        masterOpen = false;
        hungUp = true;
        terminal.flushInput();
        input.clear();
        devpts.unlink(this);
        if (session != 0) {
            devpts.signals().sessionLeader(session, Devpts.SIGHUP);
            devpts.signals().sessionLeader(session, Devpts.SIGCONT);
        }
        setSession(0, 0);
        wake();
        if (slaveOpens == 0) devpts.release(this);
    }

    /** TCSETSF, and TCIFLUSH on the slave: its line discipline and what waits to enter it. */
    public void flushSlaveInput() {
        terminal.flushInput();
        input.clear();
        packetEvent(PKT_FLUSHREAD, 0);   // n_tty_packet_mode_flush
        wake();
    }

    /** tcflush on the slave: its input; its output is what waits for the master. */
    public void flushSlave(boolean in, boolean out) {
        if (in) flushSlaveInput();
        if (out) {
            output.clear();
            packetEvent(PKT_FLUSHWRITE, 0);
        }
        wake();
    }

    /** tcflush on the master: its input is the slave's output; its output waits in the slave's flip buffer. */
    public void flushMaster(boolean in, boolean out) {
        if (in) output.clear();
        if (out) input.clear();
        wake();
    }

    /** TCSETS may let a waiting reader go (VMIN, ICANON off) and the line discipline take more. */
    public void termiosChanged() {
        pump();
        wake();
    }

    /** Moves waiting master bytes into the line discipline while it takes them; whether any moved. */
    private boolean pump() {
        boolean moved = false;
        flipMark = output.size();
        while (input.size() > 0 && terminal.acceptsInput()) {
            input.take(one, 0, 1);
            terminal.receive(one, 0, 1);
            moved = true;
        }
        return moved;
    }

    // ---- output processing (n_tty's do_output_char)

    /** The most bytes {@code c} can become. */
    private int room(int c) {
        if ((oflag() & OPOST) == 0) return 1;
        return c == '\t' ? 8 : c == '\n' ? 2 : 1;
    }

    /** One byte toward the master, OPOST applied; an echo that does not fit is dropped. */
    private void emit(int c, boolean echo) {
        if (echo && output.free() < room(c)) return;
        int oflag = oflag();
        if ((oflag & OPOST) == 0) {
            output.put(c);
            return;
        }
        Columns cols = terminal.columns();
        if (c == '\r' && (oflag & ONOCR) != 0 && cols.column == 0) return;
        int spaces = 8 - (cols.column & 7);
        cols.wrote(c, oflag, iflag());
        switch (c) {
            case '\n' -> { if ((oflag & ONLCR) != 0) output.put('\r'); }
            case '\r' -> { if ((oflag & OCRNL) != 0) c = '\n'; }
            case '\t' -> {
                if ((oflag & TABDLY) == XTABS) {
                    for (int i = 0; i < spaces; i++) output.put(' ');
                    return;
                }
            }
            default -> { if ((oflag & OLCUC) != 0 && c >= 'a' && c <= 'z') c -= 32; }
        }
        output.put(c);
    }

    private int oflag() { return LineDiscipline.flag(terminal.termiosView(), 4); }
    private int iflag() { return LineDiscipline.flag(terminal.termiosView(), 0); }

    /** A byte ring of fixed capacity. */
    private static final class Ring {
        private final byte[] b;
        private int head, size;
        Ring(int capacity) { b = new byte[capacity]; }
        int size() { return size; }
        int free() { return b.length - size; }
        void clear() { head = size = 0; }
        /** Drops the newest bytes past the first {@code n}. */
        void truncate(int n) { size = Math.min(size, n); }
        void put(int c) { b[(head + size++) % b.length] = (byte) c; }
        void put(byte[] src, int off, int n) { for (int i = 0; i < n; i++) put(src[off + i]); }
        int take(byte[] dst, int off, int len) {
            int n = Math.min(len, size);
            for (int i = 0; i < n; i++) dst[off + i] = b[(head + i) % b.length];
            head = (head + n) % b.length;
            size -= n;
            return n;
        }
    }
}
