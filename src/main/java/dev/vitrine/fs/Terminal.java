package dev.vitrine.fs;

/**
 * What fds 0-2 share when they are one terminal: its termios (TCGETS returns what TCSETS
 * stored) and its foreground process group. The host's terminal does the cooking (canonical
 * mode, echo, ^D as end of file); ^C and ^Z reach the guest through {@link #signal}.
 */
public final class Terminal {
    /** struct termios (asm-generic): iflag, oflag, cflag, lflag, line, cc[19], as a cooked terminal has it. */
    private byte[] termios = {0, 5, 0, 0, 5, 0, 0, 0, (byte) 0xbf, 0, 0, 0, 0x3b, (byte) 0x8a, 0, 0, 0,
            3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0};
    private int foregroundPgid;
    private java.util.function.IntConsumer onSignal = sig -> {};

    public byte[] termios() { return termios.clone(); }
    public void setTermios(byte[] t) { termios = t.clone(); }
    /** c_lflag's TOSTOP: a background process's write stops it with SIGTTOU. */
    public boolean tostop() { return (termios[13] & 0x01) != 0; }   // TOSTOP 0x100, the lflag's second byte
    public int foregroundPgid() { return foregroundPgid; }
    public void setForegroundPgid(int pg) { foregroundPgid = pg; }

    /** The proc side installs what ^C and ^Z do: their signal to the foreground process group. */
    public void setOnSignal(java.util.function.IntConsumer s) { onSignal = s; }
    public void signal(int sig) { onSignal.accept(sig); }
    /** ^C: SIGINT (2). */
    public void interrupt() { signal(2); }
}
