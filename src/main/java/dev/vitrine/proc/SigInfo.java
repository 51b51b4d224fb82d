package dev.vitrine.proc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The facts a siginfo_t carries (128 bytes on riscv64): number, code, then a union whose
 * member depends on the code: sender pid/uid (kill), child pid/uid/status (SIGCHLD),
 * fault address (SIGSEGV, SIGBUS), sigval (sigqueue, timers).
 */
public record SigInfo(int signo, int code, int pid, int uid, int status, long addr, long value, Kind kind) {
    public static final int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TIMER = -2, SI_TKILL = -6;
    public static final int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_TRAPPED = 4, CLD_STOPPED = 5, CLD_CONTINUED = 6;

    /** Which member of the union is filled. */
    public enum Kind { KILL, CHILD, FAULT, TIMER, QUEUE, POLL }

    public static SigInfo kill(int sig, int code, int pid, int uid) { return new SigInfo(sig, code, pid, uid, 0, 0, 0, Kind.KILL); }
    public static SigInfo child(int code, int pid, int uid, int status) { return new SigInfo(Signals.SIGCHLD, code, pid, uid, status, 0, 0, Kind.CHILD); }
    public static SigInfo fault(int sig, int code, long addr) { return new SigInfo(sig, code, 0, 0, 0, addr, 0, Kind.FAULT); }
    public static SigInfo timer(int sig) { return new SigInfo(sig, SI_KERNEL, 0, 0, 0, 0, 0, Kind.KILL); }
    /** A POSIX timer's expiry (SI_TIMER): the timer's id, its overrun and sigev_value (pid and uid carry _tid and _overrun). */
    public static SigInfo timer(int sig, int timerId, int overrun, long value) { return new SigInfo(sig, SI_TIMER, timerId, overrun, 0, 0, value, Kind.TIMER); }
    public static SigInfo queue(int sig, int code, int pid, int uid, long value) { return new SigInfo(sig, code, pid, uid, 0, 0, value, Kind.QUEUE); }

    /** SIGIO or F_SETSIG's signal: what became possible (POLL_IN...), its poll band and the descriptor; addr carries the band, status the fd. */
    public static SigInfo poll(int sig, int code, long band, int fd) { return new SigInfo(sig, code, 0, 0, fd, band, 0, Kind.POLL); }

    /** A POSIX timer's signal carries its timer's setting sequence here (never shown to the guest). */
    public SigInfo withStatus(int st) { return new SigInfo(signo, code, pid, uid, st, addr, value, kind); }

    public SigInfo withSigno(int sig) { return new SigInfo(sig, code, pid, uid, status, addr, value, kind); }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, signo).putInt(4, 0).putInt(8, code);
        switch (kind) {
            case KILL -> b.putInt(16, pid).putInt(20, uid);
            case QUEUE, TIMER -> b.putInt(16, pid).putInt(20, uid).putLong(24, value);
            case CHILD -> b.putInt(16, pid).putInt(20, uid).putInt(24, status).putLong(32, 0).putLong(40, 0);
            case FAULT -> b.putLong(16, addr);
            case POLL -> b.putLong(16, addr).putInt(24, status);
        }
        return b.array();
    }
}
