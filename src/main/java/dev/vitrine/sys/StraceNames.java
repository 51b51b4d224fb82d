package dev.vitrine.sys;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.mm.Prot;
import dev.vitrine.proc.Signals;

import java.util.ArrayList;
import java.util.List;

/**
 * The names strace(1) gives to numbers and bit sets (its xlat tables), for the riscv64 ABI:
 * flags in ascending bit order joined with |, leftover bits in hex, a value without a name
 * as a number. Numbers only: what a struct holds is {@link StraceStructs}.
 */
final class StraceNames {
    private StraceNames() {}

    /** One named bit (or value) of a table. */
    record Name(long bits, String name) {}

    private static Name n(long bits, String name) { return new Name(bits, name); }

    /** Bits of {@code v} by name, leftovers in hex; {@code zero} when v is 0. */
    static String flags(long v, Name[] table, String zero) {
        if (v == 0) return zero;
        List<String> out = new ArrayList<>();
        long rest = v;
        for (Name x : table) if ((rest & x.bits) == x.bits && x.bits != 0) { out.add(x.name); rest &= ~x.bits; }
        if (rest != 0) out.add(hex(rest));
        return String.join("|", out);
    }

    /** A value by name, or {@code fallback} of it. */
    static String value(long v, Name[] table, String fallback) {
        for (Name x : table) if (x.bits == v) return x.name;
        return fallback;
    }

    /** C's %#lx: 0 is "0", anything else 0x... */
    static String hex(long v) { return v == 0 ? "0" : "0x" + Long.toHexString(v); }

    // ---- files

    private static final Name[] OPEN = {
            n(Fcntl.O_CREAT, "O_CREAT"), n(Fcntl.O_EXCL, "O_EXCL"), n(Fcntl.O_NOCTTY, "O_NOCTTY"), n(Fcntl.O_TRUNC, "O_TRUNC"),
            n(Fcntl.O_APPEND, "O_APPEND"), n(Fcntl.O_NONBLOCK, "O_NONBLOCK"), n(04010000, "O_SYNC"), n(Fcntl.O_DSYNC, "O_DSYNC"),
            n(020000, "O_ASYNC"), n(Fcntl.O_DIRECT, "O_DIRECT"), n(Fcntl.O_LARGEFILE, "O_LARGEFILE"),
            n(020000000 | Fcntl.O_DIRECTORY, "O_TMPFILE"),
            n(Fcntl.O_DIRECTORY, "O_DIRECTORY"), n(Fcntl.O_NOFOLLOW, "O_NOFOLLOW"), n(Fcntl.O_NOATIME, "O_NOATIME"),
            n(Fcntl.O_CLOEXEC, "O_CLOEXEC"), n(Fcntl.O_PATH, "O_PATH")};

    /** open(2) flags: the access mode always, then the rest (O_RDONLY|O_CLOEXEC). */
    static String openFlags(int f) {
        String mode = switch (f & Fcntl.O_ACCMODE) {
            case Fcntl.O_RDONLY -> "O_RDONLY"; case Fcntl.O_WRONLY -> "O_WRONLY"; case Fcntl.O_RDWR -> "O_RDWR"; default -> "O_ACCMODE";
        };
        int rest = f & ~Fcntl.O_ACCMODE;
        return rest == 0 ? mode : mode + "|" + flags(rest & 0xffffffffL, OPEN, "0");
    }

    /** pipe2/dup3/accept4 flags: no access mode, 0 when none. */
    static String fdFlags(int f) { return flags(f & 0xffffffffL, OPEN, "0"); }

    private static final Name[] AT = {
            n(Fcntl.AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"), n(Fcntl.AT_REMOVEDIR, "AT_REMOVEDIR"),
            n(Fcntl.AT_SYMLINK_FOLLOW, "AT_SYMLINK_FOLLOW"), n(0x800, "AT_NO_AUTOMOUNT"), n(Fcntl.AT_EMPTY_PATH, "AT_EMPTY_PATH"),
            n(0x2000, "AT_STATX_FORCE_SYNC"), n(0x4000, "AT_STATX_DONT_SYNC"), n(0x8000, "AT_RECURSIVE")};

    static String atFlags(int f) { return flags(f & 0xffffffffL, AT, "0"); }

    /** faccessat's mode; AT_EACCESS shares AT_REMOVEDIR's bit, but only in the flags argument. */
    static String accessMode(int m) {
        if (m == 0) return "F_OK";
        return flags(m & 0xffffffffL, new Name[]{n(4, "R_OK"), n(2, "W_OK"), n(1, "X_OK")}, "F_OK");
    }

    static String whence(int w) {
        return value(w & 0xffffffffL, new Name[]{n(0, "SEEK_SET"), n(1, "SEEK_CUR"), n(2, "SEEK_END"), n(3, "SEEK_DATA"), n(4, "SEEK_HOLE")},
                Integer.toUnsignedString(w) + " /* SEEK_??? */");
    }

    /** A file mode with its type and special bits named: S_IFREG|0644, S_IFDIR|S_ISVTX|0777. */
    static String fileMode(int mode) {
        String type = switch (mode & 0170000) {
            case 0140000 -> "S_IFSOCK|"; case 0120000 -> "S_IFLNK|"; case 0100000 -> "S_IFREG|"; case 060000 -> "S_IFBLK|";
            case 040000 -> "S_IFDIR|"; case 020000 -> "S_IFCHR|"; case 010000 -> "S_IFIFO|"; default -> "";
        };
        String special = ((mode & 04000) != 0 ? "S_ISUID|" : "") + ((mode & 02000) != 0 ? "S_ISGID|" : "") + ((mode & 01000) != 0 ? "S_ISVTX|" : "");
        return type + special + "0" + String.format("%02o", mode & 0777);
    }

    // ---- memory

    static String prot(long p) {
        if (p == 0) return "PROT_NONE";
        return flags(p, new Name[]{n(Prot.READ, "PROT_READ"), n(Prot.WRITE, "PROT_WRITE"), n(Prot.EXEC, "PROT_EXEC"),
                n(0x01000000, "PROT_GROWSDOWN"), n(0x02000000, "PROT_GROWSUP")}, "PROT_NONE");
    }

    private static final Name[] MAP = {
            n(Prot.MAP_FIXED, "MAP_FIXED"), n(Prot.MAP_ANONYMOUS, "MAP_ANONYMOUS"), n(Prot.MAP_GROWSDOWN, "MAP_GROWSDOWN"),
            n(Prot.MAP_DENYWRITE, "MAP_DENYWRITE"), n(Prot.MAP_EXECUTABLE, "MAP_EXECUTABLE"), n(Prot.MAP_LOCKED, "MAP_LOCKED"),
            n(Prot.MAP_NORESERVE, "MAP_NORESERVE"), n(Prot.MAP_POPULATE, "MAP_POPULATE"), n(Prot.MAP_NONBLOCK, "MAP_NONBLOCK"),
            n(Prot.MAP_STACK, "MAP_STACK"), n(Prot.MAP_HUGETLB, "MAP_HUGETLB"), n(Prot.MAP_FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE")};

    static String mapFlags(long f) {
        String type = switch ((int) f & Prot.MAP_TYPE) {
            case Prot.MAP_SHARED -> "MAP_SHARED"; case Prot.MAP_PRIVATE -> "MAP_PRIVATE";
            case Prot.MAP_SHARED_VALIDATE -> "MAP_SHARED_VALIDATE"; default -> hex(f & Prot.MAP_TYPE);
        };
        long rest = f & ~(long) Prot.MAP_TYPE;
        return rest == 0 ? type : type + "|" + flags(rest, MAP, "0");
    }

    // ---- processes and signals

    /** strace's signal names: SIGRTMIN for 32, SIGRT_n above it. */
    static String signal(int sig) {
        if (sig == Signals.SIGRTMIN) return "SIGRTMIN";
        if (sig > Signals.SIGRTMIN && sig <= Signals.NSIG) return "SIGRT_" + (sig - Signals.SIGRTMIN);
        if (sig > 0 && sig < Signals.SIGRTMIN) return Signals.name(sig);
        return Integer.toString(sig);
    }

    private static final Name[] CLONE = {
            n(0x100, "CLONE_VM"), n(0x200, "CLONE_FS"), n(0x400, "CLONE_FILES"), n(0x800, "CLONE_SIGHAND"),
            n(0x1000, "CLONE_PIDFD"), n(0x2000, "CLONE_PTRACE"), n(0x4000, "CLONE_VFORK"), n(0x8000, "CLONE_PARENT"),
            n(0x10000, "CLONE_THREAD"), n(0x20000, "CLONE_NEWNS"), n(0x40000, "CLONE_SYSVSEM"), n(0x80000, "CLONE_SETTLS"),
            n(0x100000, "CLONE_PARENT_SETTID"), n(0x200000, "CLONE_CHILD_CLEARTID"), n(0x400000, "CLONE_DETACHED"),
            n(0x800000, "CLONE_UNTRACED"), n(0x1000000, "CLONE_CHILD_SETTID"), n(0x2000000, "CLONE_NEWCGROUP"),
            n(0x4000000, "CLONE_NEWUTS"), n(0x8000000, "CLONE_NEWIPC"), n(0x10000000, "CLONE_NEWUSER"),
            n(0x20000000, "CLONE_NEWPID"), n(0x40000000, "CLONE_NEWNET"), n(0x80000000L, "CLONE_IO")};
    static final long CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000,
            CLONE_CHILD_SETTID = 0x1000000;

    /** clone's flags: the CLONE_* bits, then the exit signal in the low byte (CLONE_VM|CLONE_VFORK|SIGCHLD). */
    static String cloneFlags(long f) {
        int sig = (int) (f & 0xff);
        long rest = f & ~0xffL;
        String bits = rest == 0 ? "" : flags(rest, CLONE, "0");
        if (sig == 0) return bits.isEmpty() ? "0" : bits;
        return bits.isEmpty() ? signal(sig) : bits + "|" + signal(sig);
    }

    static String waitOptions(int o) {
        return flags(o & 0xffffffffL, new Name[]{n(1, "WNOHANG"), n(2, "WUNTRACED"), n(4, "WEXITED"), n(8, "WCONTINUED"),
                n(0x01000000, "WNOWAIT"), n(0x20000000, "__WNOTHREAD"), n(0x40000000, "__WALL"), n(0x80000000L, "__WCLONE")}, "0");
    }

    static String sigHow(int how) {
        return value(how, new Name[]{n(0, "SIG_BLOCK"), n(1, "SIG_UNBLOCK"), n(2, "SIG_SETMASK")}, how + " /* SIG_??? */");
    }

    static String saFlags(long f) {
        return flags(f, new Name[]{n(1, "SA_NOCLDSTOP"), n(2, "SA_NOCLDWAIT"), n(4, "SA_SIGINFO"), n(0x04000000, "SA_RESTORER"),
                n(0x08000000, "SA_ONSTACK"), n(0x10000000, "SA_RESTART"), n(0x40000000, "SA_NODEFER"), n(0x80000000L, "SA_RESETHAND")}, "0");
    }

    private static final String[] RLIMITS = {"RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE",
            "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING",
            "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME"};

    static String rlimit(int r) {
        return r >= 0 && r < RLIMITS.length ? RLIMITS[r] : Integer.toUnsignedString(r) + " /* RLIMIT_??? */";
    }

    // ---- time

    private static final String[] CLOCKS = {"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
            "CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE",
            "CLOCK_BOOTTIME", "CLOCK_REALTIME_ALARM", "CLOCK_BOOTTIME_ALARM", null, "CLOCK_TAI"};

    /** A clockid_t: the static clocks by name; negative ids are a process's or thread's CPU clock, shown as a number. */
    static String clock(int c) {
        return c >= 0 && c < CLOCKS.length && CLOCKS[c] != null ? CLOCKS[c] : Integer.toString(c);
    }

    static String timerFlags(int f) { return flags(f & 0xffffffffL, new Name[]{n(1, "TIMER_ABSTIME")}, "0"); }

    // ---- descriptors

    private static final Name[] FCNTL = {
            n(0, "F_DUPFD"), n(1, "F_GETFD"), n(2, "F_SETFD"), n(3, "F_GETFL"), n(4, "F_SETFL"), n(5, "F_GETLK"),
            n(6, "F_SETLK"), n(7, "F_SETLKW"), n(8, "F_SETOWN"), n(9, "F_GETOWN"), n(10, "F_SETSIG"), n(11, "F_GETSIG"),
            n(15, "F_SETOWN_EX"), n(16, "F_GETOWN_EX"), n(36, "F_OFD_GETLK"), n(37, "F_OFD_SETLK"), n(38, "F_OFD_SETLKW"),
            n(1024, "F_SETLEASE"), n(1025, "F_GETLEASE"), n(1026, "F_NOTIFY"), n(1030, "F_DUPFD_CLOEXEC"),
            n(1031, "F_SETPIPE_SZ"), n(1032, "F_GETPIPE_SZ"), n(1033, "F_ADD_SEALS"), n(1034, "F_GET_SEALS")};

    static String fcntlCmd(int cmd) { return value(cmd, FCNTL, cmd + " /* F_??? */"); }

    static String fdCloexec(long v) { return flags(v & 0xffffffffL, new Name[]{n(1, "FD_CLOEXEC")}, "0"); }

    static String lockType(int t) { return value(t, new Name[]{n(0, "F_RDLCK"), n(1, "F_WRLCK"), n(2, "F_UNLCK")}, Integer.toString(t)); }

    private static final Name[] IOCTL = {
            n(0x5401, "TCGETS"), n(0x5402, "TCSETS"), n(0x5403, "TCSETSW"), n(0x5404, "TCSETSF"), n(0x5409, "TCSBRK"),
            n(0x540A, "TCXONC"), n(0x540B, "TCFLSH"), n(0x540E, "TIOCSCTTY"), n(0x540F, "TIOCGPGRP"), n(0x5410, "TIOCSPGRP"),
            n(0x5411, "TIOCOUTQ"), n(0x5412, "TIOCSTI"), n(0x5413, "TIOCGWINSZ"), n(0x5414, "TIOCSWINSZ"), n(0x541B, "FIONREAD"),
            n(0x5421, "FIONBIO"), n(0x5422, "TIOCNOTTY"), n(0x5429, "TIOCGSID"), n(0x5450, "FIONCLEX"), n(0x5451, "FIOCLEX"),
            n(0x5452, "FIOASYNC"), n(0x5420, "TIOCPKT"), n(0x5425, "TCSBRKP"), n(0x5441, "TIOCGPTPEER"),
            n(0x80045430L, "TIOCGPTN"), n(0x40045431L, "TIOCSPTLCK"), n(0x40045436L, "TIOCSIG"), n(0x80045438L, "TIOCGPKT"),
            n(0x80045439L, "TIOCGPTLCK")};

    static String ioctl(int req) { return value(req & 0xffffffffL, IOCTL, "_IOC(" + hex(req & 0xffffffffL) + ")"); }

    private static final String[] FUTEX = {"FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE", "FUTEX_CMP_REQUEUE",
            "FUTEX_WAKE_OP", "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI", "FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET",
            "FUTEX_WAIT_REQUEUE_PI", "FUTEX_CMP_REQUEUE_PI", "FUTEX_LOCK_PI2"};

    /** futex's op: the command with _PRIVATE, FUTEX_CLOCK_REALTIME| in front when set. */
    static String futexOp(int op) {
        int cmd = op & 0x7f;
        String name = cmd < FUTEX.length ? FUTEX[cmd] : Integer.toString(cmd);
        if ((op & 128) != 0) name += "_PRIVATE";
        if ((op & 256) != 0) name += "|FUTEX_CLOCK_REALTIME";
        int rest = op & ~0x17f;
        return rest != 0 ? name + "|" + hex(rest & 0xffffffffL) : name;
    }

    /** The futex command of op (FUTEX_WAIT = 0 ...), without the private and clock bits. */
    static int futexCmd(long op) { return (int) op & 0x7f; }

    /** A bitset of FUTEX_WAIT_BITSET/WAKE_BITSET: all ones is FUTEX_BITSET_MATCH_ANY. */
    static String futexBitset(int v) { return v == -1 ? "FUTEX_BITSET_MATCH_ANY" : hex(v & 0xffffffffL); }

    /** The *get calls' flags: IPC_CREAT|IPC_EXCL|IPC_NOWAIT then the mode in octal, as strace shows them. */
    static String ipcFlags(int f) {
        StringBuilder b = new StringBuilder();
        if ((f & 01000) != 0) b.append("IPC_CREAT|");
        if ((f & 02000) != 0) b.append("IPC_EXCL|");
        if ((f & 04000) != 0) b.append("IPC_NOWAIT|");
        int rest = f & ~07777;
        if (rest != 0) b.append(hex(rest & 0xffffffffL)).append('|');
        return b.append(String.format("%#o", f & 0777)).toString();
    }

    private static final String[] IPC_CTL = {"IPC_RMID", "IPC_SET", "IPC_STAT", "IPC_INFO"};

    /** The ctl calls' command, by call: the IPC_ ones for all, then shmctl's SHM_, semctl's GET, SET and SEM_, msgctl's MSG_ ones. */
    static String ipcCmd(String call, int cmd) {
        if (cmd >= 0 && cmd < IPC_CTL.length) return IPC_CTL[cmd];
        String[] own = switch (call) {
            case "shmctl" -> new String[] {"SHM_LOCK", "SHM_UNLOCK", "SHM_STAT", "SHM_INFO", "SHM_STAT_ANY"};
            case "semctl" -> new String[] {"GETPID", "GETVAL", "GETALL", "GETNCNT", "GETZCNT", "SETVAL", "SETALL", "SEM_STAT", "SEM_INFO", "SEM_STAT_ANY"};
            default -> new String[] {"MSG_STAT", "MSG_INFO", "MSG_STAT_ANY"};
        };
        return cmd >= 11 && cmd - 11 < own.length ? own[cmd - 11] : hex(cmd & 0xffffffffL) + " /* IPC_??? */";
    }

    private static final Name[] MADV = {
            n(0, "MADV_NORMAL"), n(1, "MADV_RANDOM"), n(2, "MADV_SEQUENTIAL"), n(3, "MADV_WILLNEED"), n(4, "MADV_DONTNEED"),
            n(8, "MADV_FREE"), n(9, "MADV_REMOVE"), n(10, "MADV_DONTFORK"), n(11, "MADV_DOFORK"), n(12, "MADV_MERGEABLE"),
            n(13, "MADV_UNMERGEABLE"), n(14, "MADV_HUGEPAGE"), n(15, "MADV_NOHUGEPAGE"), n(16, "MADV_DONTDUMP"),
            n(17, "MADV_DODUMP"), n(18, "MADV_WIPEONFORK"), n(19, "MADV_KEEPONFORK"), n(20, "MADV_COLD"),
            n(21, "MADV_PAGEOUT"), n(22, "MADV_POPULATE_READ"), n(23, "MADV_POPULATE_WRITE"), n(100, "MADV_HWPOISON")};

    static String madvice(int a) { return value(a, MADV, a + " /* MADV_??? */"); }

    private static final Name[] AF = {n(0, "AF_UNSPEC"), n(1, "AF_UNIX"), n(2, "AF_INET"), n(10, "AF_INET6"), n(16, "AF_NETLINK"),
            n(17, "AF_PACKET")};

    static String sockDomain(int d) { return value(d, AF, d + " /* AF_??? */"); }

    private static final Name[] SOCK = {n(1, "SOCK_STREAM"), n(2, "SOCK_DGRAM"), n(3, "SOCK_RAW"), n(4, "SOCK_RDM"),
            n(5, "SOCK_SEQPACKET"), n(6, "SOCK_DCCP"), n(10, "SOCK_PACKET")};

    /** The type in the low bits, then SOCK_NONBLOCK and SOCK_CLOEXEC (O_NONBLOCK's and O_CLOEXEC's bits). */
    static String sockType(int t) {
        String type = value(t & 0xf, SOCK, Integer.toString(t & 0xf));
        int rest = t & ~0xf;
        return rest == 0 ? type : type + "|" + flags(rest & 0xffffffffL,
                new Name[]{n(04000, "SOCK_NONBLOCK"), n(02000000, "SOCK_CLOEXEC")}, "0");
    }

    static String grndFlags(int f) {
        return flags(f & 0xffffffffL, new Name[]{n(1, "GRND_NONBLOCK"), n(2, "GRND_RANDOM"), n(4, "GRND_INSECURE")}, "0");
    }
}
