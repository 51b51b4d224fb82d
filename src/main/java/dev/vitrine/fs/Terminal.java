package dev.vitrine.fs;

/**
 * What fds 0-2 share when they are one terminal: its termios (TCGETS returns what TCSETS
 * stored) and its foreground process group. The host's terminal does the cooking (canonical
 * mode, echo, ^D as end of file); ^C reaches the guest through {@link #interrupt}.
 */
public final class Terminal {
    /** struct termios (asm-generic): iflag, oflag, cflag, lflag, line, cc[19], as a cooked terminal has it. */
    private byte[] termios = {0, 5, 0, 0, 5, 0, 0, 0, (byte) 0xbf, 0, 0, 0, 0x3b, (byte) 0x8a, 0, 0, 0,
            3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0};
    private int foregroundPgid;
    private Runnable onInterrupt = () -> {};

    public byte[] termios() { return termios.clone(); }
    public void setTermios(byte[] t) { termios = t.clone(); }
    public int foregroundPgid() { return foregroundPgid; }
    public void setForegroundPgid(int pg) { foregroundPgid = pg; }

    /** The proc side installs what ^C does: SIGINT to the foreground process group. */
    public void setOnInterrupt(Runnable r) { onInterrupt = r; }
    public void interrupt() { onInterrupt.run(); }
}
