package dev.vitrine.loader;

import dev.vitrine.mm.MappedFile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The function of an ELF file that holds an address, from its .symtab (as addr2line -f
 * without debug info): "main" or "main+0x1a". Read from the backing store (never the page
 * cache, so no fault count moves) and only when asked, for a fault's report line. Any file
 * a guest made may be malformed: every offset and size is checked, and a file without a
 * symbol table (stripped) or a malformed one has no names.
 */
public final class Symbols {
    private Symbols() {}

    private static final int SHT_SYMTAB = 2, STT_FUNC = 2;
    /** The most symbol-table bytes read: a static glibc program has about 100 KiB. */
    private static final long MAX_TABLE = 16 << 20;

    /** The function holding the byte at {@code fileOffset} of {@code f}, or null. */
    public static String at(MappedFile f, long fileOffset) {
        long size = f.size();
        ByteBuffer eh = read(f, 0, 64, size);
        if (eh == null || eh.getInt(0) != 0x464c457f || eh.get(4) != 2) return null;
        long phoff = eh.getLong(32), shoff = eh.getLong(40);
        int phnum = eh.getShort(56) & 0xffff, shentsize = eh.getShort(58) & 0xffff, shnum = eh.getShort(60) & 0xffff;
        Long va = vaddrOf(f, size, phoff, phnum, fileOffset);
        if (va == null || shentsize != 64 || shnum == 0) return null;
        ByteBuffer sh = read(f, shoff, (long) shnum * 64, size);
        if (sh == null) return null;
        for (int i = 0; i < shnum; i++) {
            if (sh.getInt(i * 64 + 4) != SHT_SYMTAB) continue;
            long off = sh.getLong(i * 64 + 24), len = sh.getLong(i * 64 + 32);
            int link = sh.getInt(i * 64 + 40);
            if (link < 0 || link >= shnum || len > MAX_TABLE) return null;
            long strOff = sh.getLong(link * 64 + 24), strLen = sh.getLong(link * 64 + 32);
            ByteBuffer syms = read(f, off, len, size);
            ByteBuffer strs = strLen > MAX_TABLE ? null : read(f, strOff, strLen, size);
            return syms == null || strs == null ? null : lookup(syms, strs, va);
        }
        return null;
    }

    /** The virtual address the PT_LOAD that maps file offset {@code off} gives it. */
    private static Long vaddrOf(MappedFile f, long size, long phoff, int phnum, long off) {
        ByteBuffer ph = read(f, phoff, (long) phnum * 56, size);
        if (ph == null) return null;
        for (int i = 0; i < phnum; i++) {
            int o = i * 56;
            if (ph.getInt(o) != ElfFile.PT_LOAD) continue;
            long pOff = ph.getLong(o + 8), pVa = ph.getLong(o + 16), filesz = ph.getLong(o + 32);
            if (off >= pOff && off - pOff < filesz) return pVa + (off - pOff);
        }
        return null;
    }

    /** The FUNC symbol whose [value, value+size) holds {@code va}; a sized one wins over the nearest below. */
    private static String lookup(ByteBuffer syms, ByteBuffer strs, long va) {
        int best = -1;
        long bestValue = 0;
        for (int o = 0; o + 24 <= syms.capacity(); o += 24) {
            if ((syms.get(o + 4) & 0xf) != STT_FUNC || syms.getShort(o + 6) == 0) continue;
            long value = syms.getLong(o + 8), sz = syms.getLong(o + 16);
            if (Long.compareUnsigned(va, value) < 0) continue;
            if (sz != 0 && Long.compareUnsigned(va - value, sz) < 0) { best = o; bestValue = value; break; }
            if (sz == 0 && (best < 0 || Long.compareUnsigned(value, bestValue) > 0)) { best = o; bestValue = value; }
        }
        if (best < 0) return null;
        String name = cString(strs, syms.getInt(best));
        if (name == null || name.isEmpty()) return null;
        return va == bestValue ? name : name + "+0x" + Long.toHexString(va - bestValue);
    }

    private static String cString(ByteBuffer b, int at) {
        if (at < 0 || at >= b.capacity()) return null;
        int end = at;
        while (end < b.capacity() && b.get(end) != 0 && end - at < 256) end++;
        byte[] s = new byte[end - at];
        b.get(at, s);
        return ElfFile.printable(new String(s, StandardCharsets.ISO_8859_1));
    }

    /** {@code len} bytes at {@code off}, within the file, or null. */
    private static ByteBuffer read(MappedFile f, long off, long len, long size) {
        if (off < 0 || len < 0 || len > MAX_TABLE || off > size || len > size - off) return null;
        byte[] b = new byte[(int) len];
        if (f.read(off, b, 0, b.length) != b.length) return null;
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}
