package dev.vitrine.fs;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A host stream as the guest sees fds 0, 1 and 2: a pty character device when the host
 * side is a terminal (so glibc line-buffers stdout), otherwise a pipe, as when a shell
 * redirects a program's output. Reading goes through {@link HostInput} (the host's stdin
 * as a device that never stops the machine); a write goes straight to the host, and a
 * host reader that has left is EPIPE, which the write path turns into SIGPIPE as for a pipe.
 */
public final class Console implements File {
    /** Unix98 pty slaves have majors 136-143; glibc treats those as terminals without asking. */
    private static final int PTY_MAJOR = 136;

    private final HostInput in;
    private final OutputStream out;
    private final boolean tty;
    private final int minor;
    private final Terminal terminal;
    private boolean broken;

    public Console(HostInput in, OutputStream out, boolean tty, int minor, Terminal terminal) {
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

    /** FIONREAD: bytes a read would get now. */
    public int available() { return in == null ? 0 : in.available(); }

    @Override public String describe() { return tty ? "the terminal" : in != null ? "standard input" : "standard output"; }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (in == null) return -Errno.EBADF;
        return in.read(dst, off, len);
    }

    @Override public long write(byte[] src, int off, int len, long offset) {
        if (out == null) return -Errno.EBADF;
        if (broken) return -Errno.EPIPE;
        try {
            out.write(src, off, len);
            if (tty) out.flush();
            return len;
        } catch (IOException e) {
            return -hostErrno(e);
        }
    }

    /**
     * Java names a failed host write only in its message: a reader that left (the JVM ignores
     * SIGPIPE, so the write fails with EPIPE) stays broken, as a pipe without readers does.
     */
    private int hostErrno(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Broken pipe") || m.contains("Stream closed")) {
            broken = true;
            return Errno.EPIPE;
        }
        if (m.contains("No space left")) return Errno.ENOSPC;
        return Errno.EIO;
    }

    public void flush() {
        try {
            if (out != null && !broken) out.flush();
        } catch (IOException ignored) {
            // The host closed its side; nothing left to tell it.
        }
    }

    @Override public int poll() {
        int mask = 0;
        if (in != null) mask |= in.poll();
        if (out != null) mask |= broken ? Poll.POLLERR : Poll.POLLOUT | Poll.POLLWRNORM;
        return mask;
    }

    /** Only a reader ever waits: on the host input's channel. */
    @Override public Object channel() { return in; }

    @Override public Stat stat() {
        if (tty) return new Stat(22, 3 + minor, Stat.S_IFCHR | 0620, 1, Cred.UID, 5, Stat.makedev(PTY_MAJOR, minor), 0, 1024, 0, 0, 0, 0);
        return new Stat(14, 1000 + minor, Stat.S_IFIFO | 0600, 1, Cred.UID, Cred.GID, 0, 0, 4096, 0, 0, 0, 0);
    }

    @Override public boolean isTerminal() { return tty; }
}
