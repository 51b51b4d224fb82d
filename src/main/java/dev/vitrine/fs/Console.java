package dev.vitrine.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A host stream as the guest sees fds 0, 1 and 2: a pty character device when the host
 * side is a terminal (so glibc line-buffers stdout), otherwise a pipe, as when a shell
 * redirects a program's output.
 */
public final class Console implements File {
    /** Unix98 pty slaves have majors 136-143; glibc treats those as terminals without asking. */
    private static final int PTY_MAJOR = 136;

    private final InputStream in;
    private final OutputStream out;
    private final boolean tty;
    private final int minor;
    private final Terminal terminal;

    public Console(InputStream in, OutputStream out, boolean tty, int minor) { this(in, out, tty, minor, new Terminal()); }

    public Console(InputStream in, OutputStream out, boolean tty, int minor, Terminal terminal) {
        this.in = in;
        this.out = out;
        this.tty = tty;
        this.minor = minor;
        this.terminal = terminal;
    }

    public Terminal terminal() { return terminal; }
    public byte[] termios() { return terminal.termios(); }
    public void setTermios(byte[] t) { terminal.setTermios(t); }
    public int foregroundPgid() { return terminal.foregroundPgid(); }
    public void setForegroundPgid(int pg) { terminal.setForegroundPgid(pg); }

    /** FIONREAD: bytes the host has ready without blocking. */
    public int available() {
        try {
            return in == null ? 0 : in.available();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override public String describe() { return tty ? "the terminal" : "standard input"; }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (in == null) return -Errno.EBADF;
        try {
            if (tty) {
                // A terminal in canonical mode hands over at most one line per read.
                int n = 0;
                while (n < len) {
                    int c = in.read();
                    if (c < 0) break;
                    dst[off + n++] = (byte) c;
                    if (c == '\n') break;
                }
                return n;
            }
            int n = in.read(dst, off, len);
            return Math.max(n, 0);
        } catch (IOException e) {
            return -Errno.EIO;
        }
    }

    @Override public long write(byte[] src, int off, int len, long offset) {
        if (out == null) return -Errno.EBADF;
        try {
            out.write(src, off, len);
            if (tty) out.flush();
            return len;
        } catch (IOException e) {
            return -Errno.EIO;
        }
    }

    public void flush() {
        try {
            if (out != null) out.flush();
        } catch (IOException ignored) {
            // The host closed its side; nothing left to tell it.
        }
    }

    @Override public Stat stat() {
        if (tty) return new Stat(22, 3 + minor, Stat.S_IFCHR | 0620, 1, 1000, 5, Stat.makedev(PTY_MAJOR, minor), 0, 1024, 0, 0, 0, 0);
        return new Stat(14, 1000 + minor, Stat.S_IFIFO | 0600, 1, 1000, 1000, 0, 0, 4096, 0, 0, 0, 0);
    }

    @Override public boolean isTerminal() { return tty; }
}
