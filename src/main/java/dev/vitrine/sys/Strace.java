package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.UserMemory;

import java.util.ArrayList;
import java.util.List;

/** strace's way of showing a call: name(args) = result, buffers quoted and cut at 32 bytes. */
final class Strace {
    private Strace() {}

    private static final int MAX_SHOWN = 32;

    /** Arguments that can be shown before the call runs (its inputs); outputs stay null. */
    static String[] before(Syscall s, UserMemory m, long[] a) {
        String[] out = new String[s.args().length];
        for (int i = 0; i < out.length; i++) {
            Arg k = s.args()[i];
            out[i] = switch (k) {
                case BUF_OUT, IOV_OUT -> null;
                default -> show(k, m, a, i, 0);
            };
        }
        return out;
    }

    static String line(Syscall s, String[] pre, UserMemory m, long[] a, long result) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pre.length; i++)
            parts.add(pre[i] != null ? pre[i] : show(s.args()[i], m, a, i, result));
        String r;
        if (result < 0 && result >= -4095) r = "-1 " + Errno.name((int) -result) + " (" + Errno.text((int) -result) + ")";
        else if (s.result() == Syscall.Result.HEX) r = "0x" + Long.toHexString(result);
        else if (s.result() == Syscall.Result.NONE) r = "?";
        else r = Long.toString(result);
        return s.name() + "(" + String.join(", ", parts) + ") = " + r;
    }

    private static String show(Arg k, UserMemory m, long[] a, int i, long result) {
        long v = a[i];
        return switch (k) {
            case INT, PID, SIG -> Integer.toString((int) v);
            case UINT -> Long.toString(v & 0xffff_ffffL);
            case FLAGS -> "0x" + Long.toHexString(v & 0xffff_ffffL);
            case SIZE, ULEN -> Long.toUnsignedString(v);
            case LONG, OFF, POS -> Long.toString(v);
            case HEX -> "0x" + Long.toHexString(v);
            case PTR -> v == 0 ? "NULL" : "0x" + Long.toHexString(v);
            case FD -> (int) v == -100 ? "AT_FDCWD" : Integer.toString((int) v);
            case STR -> str(m, v);
            case BUF_IN -> buf(m, v, (int) Math.min(Arg.SIZE.decode(a[i + 1]), Integer.MAX_VALUE));
            case BUF_OUT -> result < 0 ? ptr(v) : buf(m, v, (int) Math.min(result, Integer.MAX_VALUE));
            case IOV_IN -> iov(m, v, (int) a[i + 1], Long.MAX_VALUE);
            case IOV_OUT -> result < 0 ? ptr(v) : iov(m, v, (int) a[i + 1], result);
            case OPEN_FLAGS -> openFlags((int) v);
            case PROT -> prot((int) v);
            case MAP_FLAGS -> mapFlags((int) v);
            case MODE -> "0" + Integer.toOctalString((int) v & 0xffff);
        };
    }

    /** The call as register values by kind, no user memory read: for the internal-error line. */
    static String plain(Syscall s, long[] a) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.args().length; i++) {
            Arg k = s.args()[i];
            parts.add(switch (k) {
                case STR, BUF_IN, BUF_OUT, IOV_IN, IOV_OUT -> ptr(a[i]);
                default -> show(k, null, a, i, 0);
            });
        }
        return s.name() + "(" + String.join(", ", parts) + ")";
    }

    private static String ptr(long v) { return v == 0 ? "NULL" : "0x" + Long.toHexString(v); }

    private static String str(UserMemory m, long va) {
        if (va == 0) return "NULL";
        String s = m == null ? null : m.readCString(va, 4096);
        return s == null ? ptr(va) : quote(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), s.length(), Integer.MAX_VALUE);
    }

    private static String buf(UserMemory m, long va, int len) {
        if (len <= 0) return "\"\"";
        byte[] b = new byte[Math.min(len, MAX_SHOWN)];
        if (m == null || !m.read(va, b, 0, b.length)) return ptr(va);
        return quote(b, len, MAX_SHOWN);
    }

    private static String iov(UserMemory m, long va, int count, long total) {
        List<String> parts = new ArrayList<>();
        long left = total;
        for (int i = 0; i < Math.min(count, 8); i++) {
            Long base = m == null ? null : m.readLong(va + 16L * i);
            Long len = m == null ? null : m.readLong(va + 16L * i + 8);
            if (base == null || len == null) return ptr(va);
            int shown = (int) Math.max(0, Math.min(len, left));
            left -= shown;
            parts.add("{iov_base=" + buf(m, base, shown) + ", iov_len=" + len + "}");
        }
        return "[" + String.join(", ", parts) + (count > 8 ? ", ..." : "") + "]";
    }

    static String quote(byte[] b, int total, int max) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(b.length, Math.min(total, max));
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c >= 32 && c < 127) sb.append((char) c);
                    else sb.append(String.format("\\%o", c));
                }
            }
        }
        sb.append('"');
        if (total > max) sb.append("...");
        return sb.toString();
    }

    static String openFlags(int f) {
        List<String> p = new ArrayList<>();
        p.add(switch (f & 3) { case 0 -> "O_RDONLY"; case 1 -> "O_WRONLY"; case 2 -> "O_RDWR"; default -> "O_ACCMODE"; });
        String[] names = {"O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK", "O_DSYNC", "O_ASYNC",
                "O_DIRECT", "O_LARGEFILE", "O_DIRECTORY", "O_NOFOLLOW", "O_NOATIME", "O_CLOEXEC", "O_SYNC", "O_PATH", "O_TMPFILE"};
        int[] bits = {0100, 0200, 0400, 01000, 02000, 04000, 010000, 020000, 040000, 0100000, 0200000, 0400000,
                01000000, 02000000, 04000000, 010000000, 020000000};
        for (int i = 0; i < bits.length; i++) if ((f & bits[i]) != 0) p.add(names[i]);
        return String.join("|", p);
    }

    static String prot(int p) {
        if (p == 0) return "PROT_NONE";
        List<String> s = new ArrayList<>();
        if ((p & Prot.READ) != 0) s.add("PROT_READ");
        if ((p & Prot.WRITE) != 0) s.add("PROT_WRITE");
        if ((p & Prot.EXEC) != 0) s.add("PROT_EXEC");
        if ((p & ~7) != 0) s.add("0x" + Integer.toHexString(p & ~7));
        return String.join("|", s);
    }

    static String mapFlags(int f) {
        List<String> s = new ArrayList<>();
        s.add(switch (f & Prot.MAP_TYPE) {
            case Prot.MAP_SHARED -> "MAP_SHARED"; case Prot.MAP_PRIVATE -> "MAP_PRIVATE";
            case Prot.MAP_SHARED_VALIDATE -> "MAP_SHARED_VALIDATE"; default -> "0x" + Integer.toHexString(f & Prot.MAP_TYPE);
        });
        String[] names = {"MAP_FIXED", "MAP_ANONYMOUS", "MAP_GROWSDOWN", "MAP_DENYWRITE", "MAP_EXECUTABLE", "MAP_LOCKED",
                "MAP_NORESERVE", "MAP_POPULATE", "MAP_NONBLOCK", "MAP_STACK", "MAP_HUGETLB", "MAP_FIXED_NOREPLACE"};
        int[] bits = {Prot.MAP_FIXED, Prot.MAP_ANONYMOUS, Prot.MAP_GROWSDOWN, Prot.MAP_DENYWRITE, Prot.MAP_EXECUTABLE,
                Prot.MAP_LOCKED, Prot.MAP_NORESERVE, Prot.MAP_POPULATE, Prot.MAP_NONBLOCK, Prot.MAP_STACK,
                Prot.MAP_HUGETLB, Prot.MAP_FIXED_NOREPLACE};
        int rest = f & ~Prot.MAP_TYPE;
        for (int i = 0; i < bits.length; i++) if ((f & bits[i]) != 0) { s.add(names[i]); rest &= ~bits[i]; }
        if (rest != 0) s.add("0x" + Integer.toHexString(rest));
        return String.join("|", s);
    }
}
