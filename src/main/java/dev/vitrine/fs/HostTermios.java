package dev.vitrine.fs;

import com.sun.jna.Native;

/**
 * The host terminal on this process's fd 0, through libc's termios calls (JNA): raw input
 * (no canonical mode, echo, signal characters or CR translation: the kernel's line discipline
 * does them for the guest) with the host's output processing left as the guest's oflag says,
 * the saved settings put back on every way out ({@link #restore}, idempotent, also from a JVM
 * shutdown hook), and the window size.
 */
public final class HostTermios {
    private static final int FD = 0, TCSANOW = 0, TIOCGWINSZ = 0x5413;
    /** glibc's struct termios: four flags, c_line, c_cc[32], two speeds (60 bytes on every 64-bit Linux). */
    private static final int SIZE = 60, IFLAG = 0, OFLAG = 4, LFLAG = 12, CC = 17;
    private static final int IGNBRK = 0x1, BRKINT = 0x2, PARMRK = 0x8, ISTRIP = 0x20, INLCR = 0x40, IGNCR = 0x80,
            ICRNL = 0x100, IXON = 0x400;
    private static final int ISIG = 0x1, ICANON = 0x2, ECHO = 0x8, ECHONL = 0x40, IEXTEN = 0x8000;
    private static final int VTIME = 5, VMIN = 6;

    private static final class Libc {
        static { Native.register(Libc.class, HostLibc.get()); }
        static native int tcgetattr(int fd, byte[] t);
        static native int tcsetattr(int fd, int action, byte[] t);
        static native int tcgetpgrp(int fd);
        static native int getpgrp();
        static native int ioctl(int fd, long request, byte[] arg);
    }

    private final byte[] saved;
    private byte[] raw;
    private boolean isRaw;

    private HostTermios(byte[] saved) { this.saved = saved; }

    /**
     * The host terminal's settings, saved to be put back, or null when Vitrine cannot cook for
     * it (no terminal, no libc, or this process is not in the terminal's foreground group:
     * tcsetattr would stop it with SIGTTOU). Nothing changes before {@link #enter}.
     */
    public static HostTermios open() {
        try {
            byte[] t = new byte[SIZE];
            if (Libc.tcgetattr(FD, t) != 0) return null;
            if (Libc.tcgetpgrp(FD) != Libc.getpgrp()) return null;
            HostTermios h = new HostTermios(t);
            byte[] r = t.clone();
            put(r, IFLAG, get(r, IFLAG) & ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON));
            put(r, LFLAG, get(r, LFLAG) & ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN));
            r[CC + VMIN] = 1;
            r[CC + VTIME] = 0;
            h.raw = r;
            Runtime.getRuntime().addShutdownHook(new Thread(h::restore, "vitrine-tty-restore"));
            return h;
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** Raw mode: at the start, and again after {@link #restore} when the host shell continued us. */
    public synchronized boolean enter() {
        isRaw = Libc.tcsetattr(FD, TCSANOW, raw) == 0;
        return isRaw;
    }

    /** The host terminal as it was before Vitrine started. */
    public synchronized void restore() {
        if (!isRaw) return;
        Libc.tcsetattr(FD, TCSANOW, saved);
        isRaw = false;
    }

    /** The guest's output processing (OPOST, ONLCR, ...) is the host terminal's: its c_oflag follows the guest's. */
    public synchronized void outputFlags(int oflag) {
        put(raw, OFLAG, oflag);
        if (isRaw) Libc.tcsetattr(FD, TCSANOW, raw);
    }

    /** The host terminal's rows and columns, {0, 0} when unknown. */
    public static int[] windowSize() {
        try {
            byte[] w = new byte[8];
            if (Libc.ioctl(FD, TIOCGWINSZ, w) != 0) return new int[2];
            return new int[] {(w[0] & 0xff) | (w[1] & 0xff) << 8, (w[2] & 0xff) | (w[3] & 0xff) << 8};
        } catch (LinkageError | RuntimeException e) {
            return new int[2];
        }
    }

    private static int get(byte[] t, int off) {
        return (t[off] & 0xff) | (t[off + 1] & 0xff) << 8 | (t[off + 2] & 0xff) << 16 | (t[off + 3] & 0xff) << 24;
    }

    private static void put(byte[] t, int off, int v) {
        for (int k = 0; k < 4; k++) t[off + k] = (byte) (v >> (8 * k));
    }
}
