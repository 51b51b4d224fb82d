package dev.vitrine.fs;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;

/**
 * A host stream as the guest sees fds 0, 1 and 2: a pty character device when the host
 * side is a terminal (so glibc line-buffers stdout), otherwise a pipe, as when a shell
 * redirects a program's output. Reading goes through {@link HostInput} and writing through
 * {@link HostOutput}: the host's stdio as devices that never stop the machine; a host reader
 * that has left is EPIPE, which the write path turns into SIGPIPE as for a pipe.
 */
public final class Console implements TtyRead {
    /** Unix98 pty slaves have majors 136-143; glibc treats those as terminals without asking. */
    private static final int PTY_MAJOR = 136;

    private final HostInput in;
    private final HostOutput out;
    private final int stream;
    private final boolean tty;
    private final int minor;
    private final Terminal terminal;
    /** Who the console belongs to: the first program's user (a login's terminal, the pipes its starter made). */
    private int uid = Cred.UID, gid = Cred.GID;

    /** Reads {@code in} (null: not readable), writes host stream {@code stream} (1 or 2) of {@code out} (null: not writable). */
    public Console(HostInput in, HostOutput out, int stream, boolean tty, int minor, Terminal terminal) {
        this.in = in;
        this.out = out != null && out.open(stream) ? out : null;
        this.stream = stream;
        this.tty = tty;
        this.minor = minor;
        this.terminal = terminal;
    }

    public Terminal terminal() { return terminal; }
    public byte[] termios() { return terminal.termios(); }
    public void setTermios(byte[] t) { terminal.setTermios(t); }
    public int foregroundPgid() { return terminal.foregroundPgid(); }
    public void setForegroundPgid(int pg) { terminal.setForegroundPgid(pg); }

    /** FIONREAD: bytes a read would get now. */
    public int available() {
        if (cooked()) return terminal.available();
        return in == null ? 0 : in.available();
    }

    /** Reads go through the kernel's line discipline: any fd of the terminal reads it, as an O_RDWR pty does. */
    private boolean cooked() { return tty && terminal.cooking(); }

    @Override public long readTimeoutNs() { return cooked() ? terminal.readTimeoutNs() : -1; }

    /** read(2) of the terminal once VTIME has run out: what is there, maybe nothing. */
    @Override public long readTimedOut(byte[] dst, int off, int len) {
        return cooked() ? terminal.read(dst, off, len, true) : read(dst, off, len, 0);
    }

    @Override public String describe() {
        return tty ? "the terminal" : in != null ? "standard input" : stream == 2 ? "standard error" : "standard output";
    }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (cooked()) return terminal.read(dst, off, len, false);
        if (in == null) return -Errno.EBADF;
        return in.read(dst, off, len);
    }

    @Override public long write(byte[] src, int off, int len, long offset) {
        if (out == null) return -Errno.EBADF;
        if (cooked() && terminal.stopped()) return -Errno.EAGAIN;   // ^S: the writer waits for ^Q on the terminal
        long n = out.write(stream, src, off, len);
        if (n > 0 && cooked()) terminal.wrote(src, off, (int) n);   // the column a tab's erase goes back from
        return n;
    }

    @Override public boolean pollable() { return true; }

    @Override public int poll() {
        int mask = 0;
        if (cooked()) mask |= terminal.pollIn();
        else if (in != null) mask |= in.poll();
        if (out != null && !(cooked() && terminal.stopped())) mask |= out.poll(stream);
        return mask;
    }

    /** A reader waits on the host input's channel (the terminal's, when the kernel cooks), a writer on the host output's. */
    @Override public Object channel() {
        if (cooked()) return terminal;   // the host output wakes its writers there too (Boot)
        return in != null ? in : out != null ? out.channel() : null;
    }

    /** The first program's user owns fds 0-2 (root under --root). */
    public Console ownedBy(int u, int g) {
        uid = u;
        gid = g;
        return this;
    }

    @Override public Stat stat() {
        if (tty) return new Stat(22, 3 + minor, Stat.S_IFCHR | 0620, 1, uid, 5, Stat.makedev(PTY_MAJOR, minor), 0, 1024, 0, 0, 0, 0);
        return new Stat(14, 1000 + minor, Stat.S_IFIFO | 0600, 1, uid, gid, 0, 0, 4096, 0, 0, 0, 0);
    }

    @Override public boolean isTerminal() { return tty; }
}
