package dev.vitrine.abi;

/** The resource indices of getrlimit/setrlimit/prlimit64 (asm-generic/resource.h). */
public final class Rlimit {
    private Rlimit() {}

    public static final int CPU = 0, FSIZE = 1, DATA = 2, STACK = 3, CORE = 4, RSS = 5, NPROC = 6, NOFILE = 7,
            MEMLOCK = 8, AS = 9, LOCKS = 10, SIGPENDING = 11, MSGQUEUE = 12, NICE = 13, RTPRIO = 14, RTTIME = 15;
    /** How many there are (RLIM_NLIMITS). */
    public static final int COUNT = 16;
    /** RLIM_INFINITY: ~0UL, which is -1 as a Java long. */
    public static final long INFINITY = -1L;
}
