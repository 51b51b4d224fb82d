package dev.vitrine.sys;

import dev.vitrine.mm.UserMemory;
import dev.vitrine.proc.SigInfo;
import dev.vitrine.proc.Signals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What strace(1) shows of the structs a call reads or fills, in its abbreviated (non -v)
 * style: {st_mode=S_IFREG|0644, st_size=3, ...}, {tv_sec=0, tv_nsec=1000}, [INT CHLD].
 * Each reads the guest's memory once; an unreadable struct is its address, as strace shows it.
 */
final class StraceStructs {
    private StraceStructs() {}

    /** strace's -s default: at most 32 bytes of a buffer, then "...". */
    static final int MAX_SHOWN = 32;
    /** At most this many array elements (argv), then "...". */
    private static final int MAX_ELEMENTS = 32;

    static String ptr(long v) { return v == 0 ? "NULL" : "0x" + Long.toHexString(v); }

    /** {@code n} bytes at {@code va}, little-endian, or null when unreadable. */
    private static ByteBuffer read(UserMemory m, long va, int n) {
        if (m == null || va == 0) return null;
        byte[] b = new byte[n];
        return m.read(va, b, 0, n) ? ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN) : null;
    }

    /** struct stat (asm-generic): the type and mode, then st_rdev for devices, else st_size. */
    static String stat(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 128);
        if (b == null) return ptr(va);
        int mode = b.getInt(16);
        int type = mode & 0170000;
        String second = type == 020000 || type == 060000 ? "st_rdev=" + makedev(b.getLong(32)) : "st_size=" + b.getLong(48);
        return "{st_mode=" + StraceNames.fileMode(mode) + ", " + second + ", ...}";
    }

    /** Linux's new_encode_dev split back: makedev(0x1, 0x3). */
    private static String makedev(long dev) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        return "makedev(" + StraceNames.hex(major) + ", " + StraceNames.hex(minor) + ")";
    }

    static String timespec(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 16);
        if (b == null) return ptr(va);
        return "{tv_sec=" + b.getLong(0) + ", tv_nsec=" + b.getLong(8) + "}";
    }

    /** struct new_utsname: the first two fields, as strace abbreviates it. */
    static String utsname(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 130);
        if (b == null) return ptr(va);
        return "{sysname=" + field(b, 0, 65) + ", nodename=" + field(b, 65, 65) + ", ...}";
    }

    private static String field(ByteBuffer b, int off, int len) {
        int n = 0;
        while (n < len && b.get(off + n) != 0) n++;
        byte[] s = new byte[n];
        b.get(off, s);
        return StraceText.quote(s, n, Integer.MAX_VALUE);
    }

    /** A sigset_t of 64 signals: [INT CHLD]; more than half of them as the complement, ~[RTMIN RT_1]. */
    static String sigset(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 8);
        if (b == null) return ptr(va);
        return sigset(b.getLong(0));
    }

    static String sigset(long set) {
        boolean inverted = Long.bitCount(set) > Signals.NSIG / 2;
        long shown = inverted ? ~set : set;
        List<String> names = new ArrayList<>();
        for (int sig = 1; sig <= Signals.NSIG; sig++)
            if ((shown & Signals.bit(sig)) != 0) names.add(StraceNames.signal(sig).substring(3));
        return (inverted ? "~[" : "[") + String.join(" ", names) + "]";
    }

    /** The kernel's struct sigaction on riscv64 (no sa_restorer): handler, flags, mask. */
    static String sigaction(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 24);
        if (b == null) return ptr(va);
        long handler = b.getLong(0);
        String h = handler == 0 ? "SIG_DFL" : handler == 1 ? "SIG_IGN" : "0x" + Long.toHexString(handler);
        return "{sa_handler=" + h + ", sa_mask=" + sigset(b.getLong(16)) + ", sa_flags=" + StraceNames.saFlags(b.getLong(8)) + "}";
    }

    /** The int wait status a wait call stored, as the macros that test it: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]. */
    static String waitStatus(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 4);
        if (b == null) return ptr(va);
        return "[" + waitStatus(b.getInt(0)) + "]";
    }

    static String waitStatus(int s) {
        if ((s & 0x7f) == 0) return "{WIFEXITED(s) && WEXITSTATUS(s) == " + ((s >> 8) & 0xff) + "}";
        if ((s & 0xff) == 0x7f) return "{WIFSTOPPED(s) && WSTOPSIG(s) == " + StraceNames.signal((s >> 8) & 0xff) + "}";
        if (s == 0xffff) return "{WIFCONTINUED(s)}";
        return "{WIFSIGNALED(s) && WTERMSIG(s) == " + StraceNames.signal(s & 0x7f) + ((s & 0x80) != 0 ? " && WCOREDUMP(s)" : "") + "}";
    }

    /** struct rlimit64: 8192*1024 for a multiple of 1 KiB, RLIM64_INFINITY. */
    static String rlimit(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 16);
        if (b == null) return ptr(va);
        return "{rlim_cur=" + rlim(b.getLong(0)) + ", rlim_max=" + rlim(b.getLong(8)) + "}";
    }

    private static String rlim(long v) {
        if (v == -1) return "RLIM64_INFINITY";
        if (v > 1024 && v % 1024 == 0) return Long.toUnsignedString(v / 1024) + "*1024";
        return Long.toUnsignedString(v);
    }

    /** How many struct linux_dirent64 the call put in {@code len} bytes at {@code va} (each says its d_reclen at offset 16). */
    static int dirents(UserMemory m, long va, long len) {
        int n = 0;
        for (long off = 0; off + 19 <= len && n < 1 << 16; n++) {
            ByteBuffer b = read(m, va + off + 16, 2);
            int reclen = b == null ? 0 : b.getShort(0) & 0xffff;
            if (reclen == 0) break;
            off += reclen;
        }
        return n;
    }

    /** One int the call stored: [617]. */
    static String intArray(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 4);
        return b == null ? ptr(va) : "[" + b.getInt(0) + "]";
    }

    /** int[2] of descriptors: [3, 4]. */
    static String fdPair(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 8);
        if (b == null) return ptr(va);
        return "[" + b.getInt(0) + ", " + b.getInt(4) + "]";
    }

    /** struct flock (riscv64): {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=0}, l_pid after F_GETLK. */
    static String flock(UserMemory m, long va, boolean withPid) {
        ByteBuffer b = read(m, va, 32);
        if (b == null) return ptr(va);
        return "{l_type=" + StraceNames.lockType(b.getShort(0)) + ", l_whence=" + StraceNames.whence(b.getShort(2))
                + ", l_start=" + b.getLong(8) + ", l_len=" + b.getLong(16) + (withPid ? ", l_pid=" + b.getInt(24) : "") + "}";
    }

    /** clone3's struct clone_args, the fields strace shows for its flags. */
    static String cloneArgs(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 64);
        if (b == null) return ptr(va);
        long flags = b.getLong(0);
        StringBuilder sb = new StringBuilder("{flags=").append(StraceNames.cloneFlags(flags));
        if ((flags & 0x1000) != 0) sb.append(", pidfd=").append(ptr(b.getLong(8)));
        if ((flags & (StraceNames.CLONE_CHILD_SETTID | StraceNames.CLONE_CHILD_CLEARTID)) != 0) sb.append(", child_tid=").append(ptr(b.getLong(16)));
        if ((flags & StraceNames.CLONE_PARENT_SETTID) != 0) sb.append(", parent_tid=").append(ptr(b.getLong(24)));
        long sig = b.getLong(32);
        sb.append(", exit_signal=").append(sig == 0 ? "0" : StraceNames.signal((int) sig));
        sb.append(", stack=").append(ptr(b.getLong(40))).append(", stack_size=").append(StraceNames.hex(b.getLong(48)));
        if ((flags & StraceNames.CLONE_SETTLS) != 0) sb.append(", tls=").append(ptr(b.getLong(56)));
        return sb.append('}').toString();
    }

    /** What clone3 stored for the parent: " => {parent_tid=[617]}", or "". */
    static String cloneStored(UserMemory m, long va) {
        ByteBuffer b = read(m, va, 32);
        if (b == null || (b.getLong(0) & StraceNames.CLONE_PARENT_SETTID) == 0) return "";
        ByteBuffer tid = read(m, b.getLong(24), 4);
        return tid == null ? "" : " => {parent_tid=[" + tid.getInt(0) + "]}";
    }

    /** A NULL-terminated array of strings: ["ls", "-l"]. */
    static String argv(UserMemory m, long va) {
        if (va == 0) return "NULL";
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            Long p = m == null ? null : m.readLong(va + 8L * i);
            if (p == null) return i == 0 ? ptr(va) : "[" + String.join(", ", out) + ", ...]";
            if (p == 0) break;
            if (i == MAX_ELEMENTS) { out.add("..."); break; }
            out.add(StraceText.path(m, p));
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** envp as strace shows it by default: its address and how many variables. */
    static String envp(UserMemory m, long va) {
        if (va == 0) return "NULL";
        int n = 0;
        while (n < 1 << 20) {
            Long p = m == null ? null : m.readLong(va + 8L * n);
            if (p == null) return ptr(va);
            if (p == 0) break;
            n++;
        }
        return ptr(va) + " /* " + n + (n == 1 ? " var" : " vars") + " */";
    }

    /** The siginfo of a --- SIG... --- line: the union member its code implies. */
    static String siginfo(SigInfo i) {
        StringBuilder sb = new StringBuilder("{si_signo=").append(StraceNames.signal(i.signo())).append(", si_code=").append(siCode(i));
        switch (i.kind()) {
            case KILL -> { if (i.code() <= 0) sb.append(", si_pid=").append(i.pid()).append(", si_uid=").append(i.uid()); }
            case QUEUE, TIMER -> sb.append(", si_pid=").append(i.pid()).append(", si_uid=").append(i.uid())
                    .append(", si_int=").append((int) i.value()).append(", si_ptr=").append(ptr(i.value()));
            case CHILD -> sb.append(", si_pid=").append(i.pid()).append(", si_uid=").append(i.uid())
                    .append(", si_status=").append(i.code() == SigInfo.CLD_EXITED ? Integer.toString(i.status()) : StraceNames.signal(i.status()))
                    .append(", si_utime=0, si_stime=0");
            case FAULT -> sb.append(", si_addr=").append(ptr(i.addr()));
        }
        return sb.append('}').toString();
    }

    private static String siCode(SigInfo i) {
        int c = i.code();
        if (c == SigInfo.SI_USER) return "SI_USER";
        if (c == SigInfo.SI_KERNEL) return "SI_KERNEL";
        if (c == SigInfo.SI_QUEUE) return "SI_QUEUE";
        if (c == SigInfo.SI_TIMER) return "SI_TIMER";
        if (c == SigInfo.SI_TKILL) return "SI_TKILL";
        if (c == -3) return "SI_MESGQ";
        if (c == -4) return "SI_ASYNCIO";
        if (c == -5) return "SI_SIGIO";
        String[] names = switch (i.signo()) {
            case Signals.SIGSEGV -> new String[]{"SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR"};
            case Signals.SIGBUS -> new String[]{"BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR"};
            case Signals.SIGILL -> new String[]{"ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC"};
            case Signals.SIGCHLD -> new String[]{"CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"};
            case Signals.SIGTRAP -> new String[]{"TRAP_BRKPT", "TRAP_TRACE"};
            case Signals.SIGFPE -> new String[]{"FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"};
            default -> new String[0];
        };
        return c >= 1 && c <= names.length ? names[c - 1] : Integer.toString(c);
    }
}
