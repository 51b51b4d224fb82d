package dev.vitrine.sys;

import dev.vitrine.fs.Stat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The riscv64 layouts of the structs syscalls copy out (asm-generic, LP64). */
final class Abi {
    private Abi() {}

    static ByteBuffer buffer(int size) { return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN); }

    /** struct stat (asm-generic/stat.h), 128 bytes. */
    static byte[] stat(Stat s) {
        ByteBuffer b = buffer(128);
        b.putLong(s.dev()).putLong(s.ino()).putInt(s.mode()).putInt(s.nlink()).putInt(s.uid()).putInt(s.gid())
                .putLong(s.rdev()).putLong(0).putLong(s.size()).putInt(s.blksize()).putInt(0).putLong(s.blocks());
        timespec(b, s.atimeNs());
        timespec(b, s.mtimeNs());
        timespec(b, s.ctimeNs());
        return b.array();
    }

    static void timespec(ByteBuffer b, long ns) {
        b.putLong(Math.floorDiv(ns, 1_000_000_000L)).putLong(Math.floorMod(ns, 1_000_000_000L));
    }

    static byte[] timespec(long ns) {
        ByteBuffer b = buffer(16);
        timespec(b, ns);
        return b.array();
    }

    static byte[] timeval(long ns) {
        ByteBuffer b = buffer(16);
        b.putLong(Math.floorDiv(ns, 1_000_000_000L)).putLong(Math.floorMod(ns, 1_000_000_000L) / 1000);
        return b.array();
    }

    /** struct new_utsname: six 65-byte fields. */
    static byte[] utsname(String... fields) {
        byte[] out = new byte[65 * 6];
        for (int i = 0; i < 6; i++) {
            byte[] f = fields[i].getBytes(StandardCharsets.UTF_8);
            System.arraycopy(f, 0, out, 65 * i, Math.min(64, f.length));
        }
        return out;
    }

    static byte[] longs(long... values) {
        ByteBuffer b = buffer(8 * values.length);
        for (long v : values) b.putLong(v);
        return b.array();
    }

    /** struct winsize: rows, cols, xpixel, ypixel as shorts. */
    static byte[] winsize(int rows, int cols) {
        return buffer(8).putShort((short) rows).putShort((short) cols).putShort((short) 0).putShort((short) 0).array();
    }

    /** struct termios (asm-generic): iflag, oflag, cflag, lflag, line, cc[19]: a cooked terminal. */
    static byte[] termios() {
        ByteBuffer b = buffer(36);
        b.putInt(0x500).putInt(0x5).putInt(0xbf).putInt(0x8a3b).put((byte) 0);
        byte[] cc = {3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0};
        b.put(cc);
        return b.array();
    }

    /** struct statx, 256 bytes; {@code mask} says which fields are filled (STATX_BASIC_STATS = 0x7ff). */
    static byte[] statx(Stat s, int mask) {
        ByteBuffer b = buffer(256);
        b.putInt(mask).putInt(s.blksize()).putLong(0).putInt(s.nlink()).putInt(s.uid()).putInt(s.gid())
                .putShort((short) s.mode()).putShort((short) 0).putLong(s.ino()).putLong(s.size()).putLong(s.blocks())
                .putLong(0);
        for (long t : new long[] {s.atimeNs(), s.ctimeNs(), s.ctimeNs(), s.mtimeNs()})
            b.putLong(Math.floorDiv(t, 1_000_000_000L)).putInt((int) Math.floorMod(t, 1_000_000_000L)).putInt(0);
        b.putInt(major(s.rdev())).putInt(minor(s.rdev())).putInt(major(s.dev())).putInt(minor(s.dev()));
        return b.array();
    }

    static int major(long dev) { return (int) ((dev >>> 8) & 0xfff); }
    static int minor(long dev) { return (int) ((dev & 0xff) | ((dev >>> 12) & 0xfff00)); }

    /** One struct linux_dirent64: ino, off (cookie of the next entry), reclen, type, name, NUL, padded to 8. */
    static byte[] dirent64(long ino, long nextOff, int type, byte[] name) {
        int len = (19 + name.length + 1 + 7) & ~7;
        ByteBuffer b = buffer(len);
        b.putLong(ino).putLong(nextOff).putShort((short) len).put((byte) type).put(name);
        return b.array();
    }
}
