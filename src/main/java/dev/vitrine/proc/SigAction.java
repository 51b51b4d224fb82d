package dev.vitrine.proc;

/** One signal's disposition (struct sigaction as riscv64 passes it: handler, flags, mask; no restorer). */
public record SigAction(long handler, long flags, long mask) {
    public static final long SIG_DFL = 0, SIG_IGN = 1;
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_ONSTACK = 0x08000000L,
            SA_RESTART = 0x10000000L, SA_NODEFER = 0x40000000L, SA_RESETHAND = 0x80000000L, SA_RESTORER = 0x04000000L;

    public static final SigAction DEFAULT = new SigAction(SIG_DFL, 0, 0);
    public static final SigAction IGNORE = new SigAction(SIG_IGN, 0, 0);

    public boolean isDefault() { return handler == SIG_DFL; }
    public boolean isIgnore() { return handler == SIG_IGN; }
    public boolean isHandler() { return handler != SIG_DFL && handler != SIG_IGN; }
    public boolean has(long flag) { return (flags & flag) != 0; }
}
