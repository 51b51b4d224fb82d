package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import com.sun.jna.Native;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The host's libc *at() calls, through JNA (Java 17 has no openat, renameat2, mknodat...).
 * Every name is one directory entry passed as raw bytes relative to an open directory fd;
 * nothing here follows a symlink or takes a path with a '/'. A failure throws FsException
 * with the host's errno (Linux numbers errno alike on x86-64, arm64 and riscv64).
 */
final class HostCalls {
    private HostCalls() {}

    static {
        Native.register(HostCalls.class, HostLibc.get());
    }

    private static final boolean ARM = System.getProperty("os.arch", "").startsWith("aarch64")
            || System.getProperty("os.arch", "").startsWith("arm");
    static final int O_RDONLY = 0, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200, O_NOCTTY = 0400, O_NONBLOCK = 04000,
            O_CLOEXEC = 02000000, O_PATH = 010000000,
            O_DIRECTORY = ARM ? 040000 : 0200000, O_NOFOLLOW = ARM ? 0100000 : 0400000;
    static final int AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200, AT_EMPTY_PATH = 0x1000;
    static final int S_IFIFO = 0010000;
    private static final int STATX_BASIC_STATS = 0x7ff, STATX_SIZE = 256;

    private static native int openat(int dirfd, byte[] name, int flags, int mode);
    private static native int close(int fd);
    private static native int statx(int dirfd, byte[] name, int flags, int mask, byte[] buf);
    private static native int mkdirat(int dirfd, byte[] name, int mode);
    private static native int unlinkat(int dirfd, byte[] name, int flags);
    private static native int renameat2(int olddirfd, byte[] oldname, int newdirfd, byte[] newname, int flags);
    private static native int linkat(int olddirfd, byte[] oldname, int newdirfd, byte[] newname, int flags);
    private static native int symlinkat(byte[] target, int newdirfd, byte[] name);
    private static native long readlinkat(int dirfd, byte[] name, byte[] buf, long size);
    private static native int mknodat(int dirfd, byte[] name, int mode, long dev);
    private static native long pread(int fd, byte[] buf, long count, long offset);
    private static native long pwrite(int fd, byte[] buf, long count, long offset);
    private static native int ftruncate(int fd, long length);
    private static native int fchmod(int fd, int mode);
    private static native int futimens(int fd, long[] times);
    private static native long getdents64(int fd, byte[] buf, long size);
    private static native int fstatfs(int fd, byte[] buf);

    /** What fstatat tells about one entry (statx: one layout on every architecture). */
    record HostStat(long dev, long ino, int mode, long size, int nlink, long atimeNs, long mtimeNs, long ctimeNs) {
        int type() { return mode & Stat.S_IFMT; }

        /** stat(2) as the host has it, but for the guest's device, inode number, owner and mode. */
        Stat over(Stat s) {
            return new Stat(s.dev(), s.ino(), s.mode(), nlink, s.uid(), s.gid(), s.rdev(), size, s.blksize(), s.blocks(),
                    atimeNs, mtimeNs, ctimeNs);
        }
        boolean same(HostStat o) { return o != null && dev == o.dev && ino == o.ino; }
    }

    /** A guest name (one char per byte) as the NUL-terminated bytes the host sees. */
    static byte[] name(String guestName) {
        if (guestName.isEmpty() || guestName.equals(".") || guestName.equals("..") || guestName.indexOf('/') >= 0
                || guestName.indexOf('\0') >= 0) throw new FsException(Errno.ENOENT);
        return cstr(Names.bytes(guestName));
    }

    static byte[] cstr(byte[] b) {
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }

    private static final byte[] EMPTY = {0}, DOT = {'.', 0};

    private static long check(long r) {
        if (r < 0) throw new FsException(Native.getLastError());
        return r;
    }

    static int openAt(int dirfd, byte[] name, int flags, int mode) {
        return (int) check(openat(dirfd, name, flags | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode));
    }

    /** The mount's root, by the path the user gave on the command line (not the guest's). */
    static int openRoot(String hostPath) {
        String enc = System.getProperty("sun.jnu.encoding");
        byte[] p = hostPath.getBytes(enc == null ? java.nio.charset.Charset.defaultCharset() : java.nio.charset.Charset.forName(enc));
        return (int) check(openat(-100, cstr(p), O_PATH | O_DIRECTORY | O_CLOEXEC, 0));
    }

    /** Opens the directory {@code dirfd} itself for reading its entries. */
    static int openDirForList(int dirfd) { return (int) check(openat(dirfd, DOT, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)); }

    static void closeFd(int fd) { if (fd >= 0) close(fd); }

    /** The entry {@code name} in {@code dirfd} (not following a symlink), or null if there is none. */
    static HostStat statAt(int dirfd, byte[] name) {
        byte[] buf = new byte[STATX_SIZE];
        if (statx(dirfd, name, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buf) < 0) {
            int e = Native.getLastError();
            if (e == Errno.ENOENT || e == Errno.ENOTDIR) return null;
            throw new FsException(e);
        }
        return parse(buf);
    }

    static HostStat fstat(int fd) {
        byte[] buf = new byte[STATX_SIZE];
        check(statx(fd, EMPTY, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buf));
        return parse(buf);
    }

    private static HostStat parse(byte[] buf) {
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        long dev = ((long) b.getInt(136) << 32) | (b.getInt(140) & 0xffffffffL);
        return new HostStat(dev, b.getLong(32), b.getShort(28) & 0xffff, b.getLong(40), b.getInt(16),
                ns(b, 64), ns(b, 112), ns(b, 96));
    }

    private static long ns(ByteBuffer b, int at) { return b.getLong(at) * 1_000_000_000L + (b.getInt(at + 8) & 0xffffffffL); }

    /** futimens: atime and mtime in ns of the epoch. */
    static void setTimes(int fd, long atimeNs, long mtimeNs) {
        check(futimens(fd, new long[] {Math.floorDiv(atimeNs, 1_000_000_000L), Math.floorMod(atimeNs, 1_000_000_000L),
                Math.floorDiv(mtimeNs, 1_000_000_000L), Math.floorMod(mtimeNs, 1_000_000_000L)}));
    }

    static void mkdirAt(int dirfd, byte[] name, int mode) { check(mkdirat(dirfd, name, mode)); }
    static void unlinkAt(int dirfd, byte[] name, boolean dir) { check(unlinkat(dirfd, name, dir ? AT_REMOVEDIR : 0)); }
    static void renameAt(int from, byte[] a, int to, byte[] b, int flags) { check(renameat2(from, a, to, b, flags)); }
    /** A new name for the entry {@code a} itself (flags 0: a symlink is linked, not followed). */
    static void linkAt(int from, byte[] a, int to, byte[] b) { check(linkat(from, a, to, b, 0)); }
    static void symlinkAt(byte[] target, int dirfd, byte[] name) { check(symlinkat(cstr(target), dirfd, name)); }
    static void mkfifoAt(int dirfd, byte[] name, int perm) { check(mknodat(dirfd, name, S_IFIFO | (perm & 07777), 0)); }

    static byte[] readlinkAt(int dirfd, byte[] name) {
        byte[] buf = new byte[Namei.PATH_MAX];
        int n = (int) check(readlinkat(dirfd, name, buf, buf.length));
        return java.util.Arrays.copyOf(buf, n);
    }

    private static final int CHUNK = 1 << 20;

    static int pread(int fd, long pos, byte[] dst, int off, int len) {
        int done = 0;
        byte[] tmp = new byte[Math.min(len, CHUNK)];
        while (done < len) {
            int want = Math.min(len - done, tmp.length);
            int n = (int) check(pread(fd, tmp, want, pos + done));
            if (n == 0) break;
            System.arraycopy(tmp, 0, dst, off + done, n);
            done += n;
        }
        return done;
    }

    static void pwrite(int fd, long pos, byte[] src, int off, int len) {
        for (int done = 0; done < len; ) {
            int want = Math.min(len - done, CHUNK);
            byte[] tmp = java.util.Arrays.copyOfRange(src, off + done, off + done + want);
            done += (int) check(pwrite(fd, tmp, want, pos + done));
        }
    }

    /** statfs(2) of the file system holding {@code fd} (an O_PATH fd will do). */
    static Statfs fstatfs(int fd) {
        byte[] buf = new byte[Statfs.SIZE];
        check(fstatfs(fd, buf));
        return Statfs.parse(buf);
    }

    static void truncate(int fd, long size) { check(ftruncate(fd, size)); }
    static void chmod(int fd, int perm) { check(fchmod(fd, perm & 07777)); }

    /** The names in the directory {@code dirfd} (without "." and ".."), as raw bytes. */
    static java.util.List<byte[]> list(int dirfd) {
        int fd = openDirForList(dirfd);
        try {
            java.util.List<byte[]> out = new java.util.ArrayList<>();
            byte[] buf = new byte[32768];
            for (long n; (n = check(getdents64(fd, buf, buf.length))) > 0; ) {
                ByteBuffer b = ByteBuffer.wrap(buf, 0, (int) n).order(ByteOrder.nativeOrder());
                for (int pos = 0; pos < n; ) {
                    int reclen = b.getShort(pos + 16) & 0xffff;
                    int start = pos + 19, end = start;
                    while (end < pos + reclen && buf[end] != 0) end++;
                    byte[] nm = java.util.Arrays.copyOfRange(buf, start, end);
                    if (!(nm.length == 1 && nm[0] == '.') && !(nm.length == 2 && nm[0] == '.' && nm[1] == '.')) out.add(nm);
                    pos += reclen;
                }
            }
            return out;
        } finally {
            close(fd);
        }
    }

    static String text(byte[] b) { return new String(b, StandardCharsets.ISO_8859_1); }
}
