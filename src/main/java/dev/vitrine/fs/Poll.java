package dev.vitrine.fs;

/** poll(2) event bits (asm-generic/poll.h). */
public final class Poll {
    private Poll() {}

    public static final int POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10,
            POLLNVAL = 0x20, POLLRDNORM = 0x40, POLLRDBAND = 0x80, POLLWRNORM = 0x100, POLLWRBAND = 0x200;

    /** What a regular file or device always answers: never waits. */
    public static final int ALWAYS = POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
}
