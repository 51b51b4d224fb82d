package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.mm.UserMemory;

import java.util.ArrayList;
import java.util.List;

/**
 * One syscall as strace(1) writes it, decoded by the table's argument kinds:
 * {@code openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3}. The decoder other sinks
 * call too: {@link #before} reads the inputs while they still exist (execve's argv, a path
 * that rename moves), {@link #formatCall} the outputs once the call returned. A call's shown
 * arguments are its slots: usually one per argument, but clone names them in strace's order
 * and fcntl shows a third argument only for the commands that read one.
 */
public final class StraceCall {
    private StraceCall() {}

    /** One shown argument: the register it comes from and its label (clone's "flags="), or "". */
    private record Slot(int index, String label) {}

    /** Outputs, shown from memory after the call (or as an address when it failed). */
    static boolean isOutput(Arg k) {
        return switch (k) {
            case BUF_OUT, IOV_OUT, FD_PAIR, TIMESPEC_OUT, STAT_OUT, UTSNAME_OUT, SIGSET_OUT, SIGACTION_OUT, WSTATUS_OUT,
                 RLIMIT_OUT, RANDOM_OUT, PATH_OUT, DIRENTS_OUT -> true;
            default -> false;
        };
    }

    private static List<Slot> slots(Syscall s, long[] a) {
        Arg[] k = s.args();
        List<Slot> out = new ArrayList<>();
        if (k.length == 5 && k[0] == Arg.CLONE_FLAGS) {
            long f = a[0];
            out.add(new Slot(1, "child_stack="));
            out.add(new Slot(0, "flags="));
            if ((f & StraceNames.CLONE_PARENT_SETTID) != 0) out.add(new Slot(2, "parent_tid="));
            if ((f & StraceNames.CLONE_SETTLS) != 0) out.add(new Slot(3, "tls="));
            if ((f & (StraceNames.CLONE_CHILD_SETTID | StraceNames.CLONE_CHILD_CLEARTID)) != 0) out.add(new Slot(4, "child_tidptr="));
            return out;
        }
        if (k.length == 6 && k[1] == Arg.FUTEX_OP) {
            for (int i : futexArgs(StraceNames.futexCmd(a[1]))) out.add(new Slot(i, ""));
            return out;
        }
        for (int i = 0; i < k.length; i++) {
            if (i > 0 && k[i - 1] == Arg.FCNTL_CMD && !fcntlTakesArg((int) a[i - 1])) break;
            // open's mode is read only with O_CREAT or O_TMPFILE, and strace shows it only then
            if (i > 0 && k[i - 1] == Arg.OPEN_FLAGS && k[i] == Arg.MODE && (a[i - 1] & (0100 | 020000000)) == 0) break;
            out.add(new Slot(i, ""));
        }
        return out;
    }

    /** The inputs as text, per slot; outputs stay null until the call returned. */
    public static String[] before(Syscall s, UserMemory m, long[] raw) {
        List<Slot> slots = slots(s, raw);
        String[] out = new String[slots.size()];
        for (int i = 0; i < out.length; i++) {
            Slot x = slots.get(i);
            if (!outputAt(s, raw, x.index)) out[i] = x.label + show(s, m, raw, x.index, 0);
        }
        return out;
    }

    /** How many slots strace prints when the call enters (those before the first output): the rest come with "resumed". */
    static int shownAtEntry(String[] pre) {
        int n = 0;
        while (n < pre.length && pre[n] != null) n++;
        return n;
    }

    private static boolean outputAt(Syscall s, long[] raw, int i) {
        Arg k = s.args()[i];
        if (i == 2 && s.args()[0] == Arg.CLONE_FLAGS) return true; // parent_tid: the tid clone stored there
        if (i > 0 && s.args()[i - 1] == Arg.FCNTL_CMD) {
            int cmd = (int) raw[i - 1];
            return cmd == 5 || cmd == 36; // F_GETLK, F_OFD_GETLK fill the flock
        }
        return isOutput(k);
    }

    /** The arguments as text (for a sink that shows them apart from the name and the result). */
    public static String arguments(Syscall s, String[] pre, UserMemory m, long[] raw, long result) {
        return args(s, pre, m, raw, result, 0);
    }

    /** The slots {@code from}..end as text, the outputs read now for result {@code result}. */
    static String args(Syscall s, String[] pre, UserMemory m, long[] raw, long result, int from) {
        List<Slot> slots = slots(s, raw);
        if (slots.isEmpty() && from == 0) return String.join(", ", pre); // a call shown from what it finds (rt_sigreturn's frame)
        List<String> parts = new ArrayList<>();
        for (int i = from; i < pre.length && i < slots.size(); i++)
            parts.add(pre[i] != null ? pre[i] + stored(s, m, raw, slots.get(i).index, result)
                    : slots.get(i).label + show(s, m, raw, slots.get(i).index, result));
        return String.join(", ", parts);
    }

    /** What an argument shown at entry got back from the call (clone3's " => {parent_tid=[N]}"), or "". */
    private static String stored(Syscall s, UserMemory m, long[] raw, int i, long result) {
        return s.args()[i] == Arg.CLONE_ARGS && result > 0 && m != null ? StraceStructs.cloneStored(m, raw[i]) : "";
    }

    /** The whole call: {@code name(args) = result}, without strace's alignment. */
    public static String formatCall(Syscall s, String[] pre, UserMemory m, long[] raw, long result) {
        return s.name() + "(" + args(s, pre, m, raw, result, 0) + ") = " + result(s, raw, result);
    }

    /** The text after "= ": a number, an address, or -1 ENAME (text). */
    public static String result(Syscall s, long[] raw, long r) {
        if (r < 0 && r >= -4095) return errno(r);
        if (s.result() == Syscall.Result.HEX) return "0x" + Long.toHexString(r);
        if (s.result() == Syscall.Result.NONE) return "?";
        if (s.args().length > 1 && s.args()[1] == Arg.FCNTL_CMD) {
            int cmd = (int) raw[1];
            if (cmd == 1) return r == 0 ? "0" : StraceNames.hex(r) + " (flags " + StraceNames.fdCloexec(r) + ")";
            if (cmd == 3) return StraceNames.hex(r) + " (flags " + StraceNames.openFlags((int) r) + ")";
        }
        return Long.toString(r);
    }

    /** A plain result: a number, or -1 ENAME (text). */
    static String number(long r) { return r < 0 && r >= -4095 ? errno(r) : Long.toString(r); }

    private static String errno(long r) { return "-1 " + Errno.name((int) -r) + " (" + Errno.text((int) -r) + ")"; }

    /** The call as register values by kind, no user memory read: for the internal-error line. */
    static String plain(Syscall s, long[] a) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.args().length; i++) {
            Arg k = s.args()[i];
            parts.add(readsMemory(k) ? StraceStructs.ptr(a[i]) : show(s, null, a, i, 0));
        }
        return s.name() + "(" + String.join(", ", parts) + ")";
    }

    private static boolean readsMemory(Arg k) {
        return switch (k) {
            case STR, BUF_IN, IOV_IN, ARGV, ENVP, TIMESPEC_IN, SIGSET_IN, SIGACTION_IN, RLIMIT_IN, CLONE_ARGS -> true;
            default -> isOutput(k);
        };
    }

    /** Argument {@code i} of the call by its kind; {@code result} sizes what an output holds. */
    private static String show(Syscall s, UserMemory m, long[] a, int i, long result) {
        Arg k = s.args()[i];
        long v = a[i];
        if (i > 0 && s.args()[i - 1] == Arg.FCNTL_CMD) return fcntlArg(m, (int) a[i - 1], v, result);
        if (s.args().length == 6 && s.args()[1] == Arg.FUTEX_OP && i >= 3) return futexArg(m, StraceNames.futexCmd(a[1]), i, v);
        if (i == 2 && s.args()[0] == Arg.CLONE_FLAGS) return result > 0 ? StraceStructs.intArray(m, v) : StraceStructs.ptr(v);
        boolean failed = result < 0 && result >= -4095;
        if (isOutput(k) && failed) return StraceStructs.ptr(v);
        return switch (k) {
            case INT, PID -> Integer.toString((int) v);
            case SIG -> StraceNames.signal((int) v);
            case UINT -> Long.toString(v & 0xffff_ffffL);
            case FLAGS -> StraceNames.hex(v & 0xffff_ffffL);
            case SIZE, ULEN -> Long.toUnsignedString(v);
            case LONG, OFF, POS -> Long.toString(v);
            case HEX -> StraceNames.hex(v);
            case PTR -> StraceStructs.ptr(v);
            case FD -> (int) v == -100 ? "AT_FDCWD" : Integer.toString((int) v);
            case STR -> StraceText.path(m, v);
            case BUF_IN -> StraceText.buf(m, v, Arg.SIZE.decode(a[i + 1]));
            case BUF_OUT -> StraceText.buf(m, v, result);
            case RANDOM_OUT -> StraceText.hexBuf(m, v, result);
            case IOV_IN -> StraceText.iov(m, v, a[i + 1], Long.MAX_VALUE);
            case IOV_OUT -> StraceText.iov(m, v, a[i + 1], result);
            case OPEN_FLAGS -> StraceNames.openFlags((int) v);
            case FD_FLAGS -> StraceNames.fdFlags((int) v);
            case AT_FLAGS -> StraceNames.atFlags((int) v);
            case ACCESS_MODE -> StraceNames.accessMode((int) v);
            case WHENCE -> StraceNames.whence((int) v);
            case PROT -> StraceNames.prot(v);
            case MAP_FLAGS -> StraceNames.mapFlags(v);
            case MODE -> "0" + String.format("%02o", v & 0xffff);
            case CLOCK -> StraceNames.clock((int) v);
            case TIMER_FLAGS -> StraceNames.timerFlags((int) v);
            case TIMESPEC_IN, TIMESPEC_OUT -> StraceStructs.timespec(m, v);
            case STAT_OUT -> StraceStructs.stat(m, v);
            case UTSNAME_OUT -> StraceStructs.utsname(m, v);
            case SIG_HOW -> StraceNames.sigHow((int) v);
            case SIGSET_IN, SIGSET_OUT -> StraceStructs.sigset(m, v);
            case SIGACTION_IN, SIGACTION_OUT -> StraceStructs.sigaction(m, v);
            // strace shows the status only when a child was reaped (result > 0), else the address.
            case WSTATUS_OUT -> result > 0 ? StraceStructs.waitStatus(m, v) : StraceStructs.ptr(v);
            case WAIT_OPTIONS -> StraceNames.waitOptions((int) v);
            case ARGV -> StraceStructs.argv(m, v);
            case ENVP -> StraceStructs.envp(m, v);
            case CLONE_FLAGS -> StraceNames.cloneFlags(v);
            case CLONE_ARGS -> StraceStructs.cloneArgs(m, v);
            case FCNTL_CMD -> StraceNames.fcntlCmd((int) v);
            case RLIMIT_RES -> StraceNames.rlimit((int) v);
            case RLIMIT_IN, RLIMIT_OUT -> StraceStructs.rlimit(m, v);
            case FD_PAIR -> StraceStructs.fdPair(m, v);
            case FUTEX_OP -> StraceNames.futexOp((int) v);
            case IPC_KEY -> (int) v == 0 ? "IPC_PRIVATE" : "0x" + Integer.toHexString((int) v);
            case IPC_FLAGS -> StraceNames.ipcFlags((int) v);
            case IPC_CMD -> StraceNames.ipcCmd(s.name(), (int) v);
            case IOCTL_REQ -> StraceNames.ioctl((int) v);
            case GRND_FLAGS -> StraceNames.grndFlags((int) v);
            case MADVICE -> StraceNames.madvice((int) v);
            case PATH_OUT -> StraceText.path(m, v);
            case SOCK_DOMAIN -> StraceNames.sockDomain((int) v);
            case SOCK_TYPE -> StraceNames.sockType((int) v);
            case DIRENTS_OUT -> StraceStructs.ptr(v) + " /* " + StraceStructs.dirents(m, v, result) + " entries */";
        };
    }

    /** The futex arguments each command reads, as strace shows them (uaddr, op, val, timeout, uaddr2, val3). */
    private static int[] futexArgs(int cmd) {
        return switch (cmd) {
            case 0 -> new int[]{0, 1, 2, 3};                 // WAIT: timeout
            case 1, 7, 8 -> new int[]{0, 1, 2};              // WAKE, UNLOCK_PI, TRYLOCK_PI
            case 3 -> new int[]{0, 1, 2, 3, 4};              // REQUEUE: val2, uaddr2
            case 6, 13 -> new int[]{0, 1, 3};                // LOCK_PI, LOCK_PI2: timeout
            case 9 -> new int[]{0, 1, 2, 3, 5};              // WAIT_BITSET: timeout, bitset
            case 10 -> new int[]{0, 1, 2, 5};                // WAKE_BITSET: bitset
            default -> new int[]{0, 1, 2, 3, 4, 5};          // WAIT_BITSET, CMP_REQUEUE, WAKE_OP, ...
        };
    }

    /** fcntl commands that read no third argument: strace shows two. */
    private static boolean fcntlTakesArg(int cmd) {
        return switch (cmd) {
            case 1, 3, 9, 11, 1025, 1032, 1034 -> false; // F_GETFD, F_GETFL, F_GETOWN, F_GETSIG, F_GETLEASE, F_GETPIPE_SZ, F_GET_SEALS
            default -> true;
        };
    }

    /** futex's 4th-6th arguments: a timeout for the waits, a number (val2) for requeue and wake_op, a bitset. */
    private static String futexArg(UserMemory m, int cmd, int i, long v) {
        boolean timed = cmd == 0 || cmd == 6 || cmd == 9 || cmd == 11 || cmd == 13;
        if (i == 3) return timed ? StraceStructs.timespec(m, v) : Integer.toString((int) v);
        if (i == 4) return StraceStructs.ptr(v);
        return cmd == 9 || cmd == 10 ? StraceNames.futexBitset((int) v) : Integer.toString((int) v);
    }

    private static String fcntlArg(UserMemory m, int cmd, long v, long result) {
        return switch (cmd) {
            case 2 -> StraceNames.fdCloexec(v);                                // F_SETFD
            case 4 -> StraceNames.openFlags((int) v);                          // F_SETFL
            case 5, 36 -> result < 0 ? StraceStructs.ptr(v) : StraceStructs.flock(m, v, cmd == 5);
            case 6, 7, 37, 38 -> StraceStructs.flock(m, v, false);
            default -> Integer.toString((int) v);
        };
    }
}
