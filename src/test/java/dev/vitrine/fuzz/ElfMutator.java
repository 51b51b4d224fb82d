package dev.vitrine.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes broken variants of a good ELF64 executable, each fixed by (seed, index): header fields
 * (e_phoff, e_phnum, e_phentsize, e_entry, e_type, the ident bytes), program-header fields
 * (p_type, p_flags, p_offset, p_vaddr, p_filesz, p_memsz, p_align) set to edge values or to
 * values taken from another segment (overlaps, filesz > memsz), a PT_INTERP that names nothing
 * or runs off the file, truncation, and random byte flips in the headers. One to three
 * mutations per variant; {@link Mutant#description()} says which.
 */
final class ElfMutator {
    record Mutant(byte[] image, String description) {}

    private static final int PHDR_SIZE = 56;
    private static final int PT_LOAD = 1, PT_INTERP = 3, PT_PHDR = 6, PT_TLS = 7;
    private static final long[] EDGES = {
        0, 1, 7, 8, 63, 64, 0xfff, 0x1000, 0x1001, 0x10000, 0x7fffffffL, 0x80000000L, 0xffffffffL,
        0x100000000L, 1L << 38, 1L << 39, (1L << 47) - 0x1000, 1L << 47, 1L << 56, Long.MAX_VALUE,
        Long.MIN_VALUE, -1, -0x1000, 0xffffffc000000000L,
    };
    private static final String[] PHDR_FIELDS = {"p_type", "p_flags", "p_offset", "p_vaddr", "p_paddr", "p_filesz", "p_memsz", "p_align"};

    private final byte[] original;

    ElfMutator(byte[] original) { this.original = original; }

    Mutant mutant(long seed, int index) {
        Random r = new Random(seed * 1_000_003L + index);
        byte[] img = original.clone();
        List<String> what = new ArrayList<>();
        int n = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0);
        for (int i = 0; i < n; i++) img = mutate(img, r, what);
        return new Mutant(img, String.join("; ", what));
    }

    private byte[] mutate(byte[] img, Random r, List<String> what) {
        ByteBuffer b = ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = img.length >= 64 ? b.getLong(32) : 0;
        int phnum = img.length >= 64 ? b.getShort(56) & 0xffff : 0;
        boolean phdrsOk = phoff > 0 && phoff + (long) phnum * PHDR_SIZE <= img.length && phnum > 0 && phnum < 64;
        int kind = r.nextInt(10);
        if (!phdrsOk && (kind >= 3 && kind <= 6)) kind = 0;
        switch (kind) {
            case 0 -> {
                int[] offsets = {24, 32, 54, 56, 16, 18};
                String[] names = {"e_entry", "e_phoff", "e_phentsize", "e_phnum", "e_type", "e_machine"};
                int f = r.nextInt(offsets.length);
                if (img.length < 64) return img;
                long v = edge(r);
                if (offsets[f] >= 54 || offsets[f] == 16 || offsets[f] == 18) {
                    int[] small = {0, 1, 2, 3, 55, 56, 57, 0xffff, 255, 256, 257, phnum + 1, phnum - 1, 243, 0x8000};
                    int s = small[r.nextInt(small.length)];
                    b.putShort(offsets[f], (short) s);
                    what.add(names[f] + "=" + s);
                } else {
                    b.putLong(offsets[f], v);
                    what.add(names[f] + "=" + Long.toHexString(v));
                }
            }
            case 1 -> {
                int len = r.nextBoolean() ? r.nextInt(Math.min(img.length, 1024)) : r.nextInt(img.length);
                what.add("truncated to " + len + " bytes");
                return Arrays.copyOf(img, len);
            }
            case 2 -> {
                int flips = 1 + r.nextInt(16);
                int span = Math.min(img.length, (int) Math.min(img.length, 64 + (long) phnum * PHDR_SIZE + phoff));
                for (int i = 0; i < flips && span > 0; i++) img[r.nextInt(span)] ^= (byte) (1 << r.nextInt(8));
                what.add(flips + " bit flips in the headers");
            }
            case 3, 4 -> {
                int p = r.nextInt(phnum);
                int at = (int) phoff + p * PHDR_SIZE;
                int f = r.nextInt(PHDR_FIELDS.length);
                if (f <= 1) {
                    int[] types = {0, PT_LOAD, 2, PT_INTERP, 4, PT_PHDR, PT_TLS, 0x6474e551, 0x6474e552, 0x70000003, -1};
                    int v = f == 0 ? types[r.nextInt(types.length)] : r.nextInt(16) | (r.nextBoolean() ? 0 : r.nextInt());
                    b.putInt(at + 4 * f, v);
                    what.add("phdr " + p + " " + PHDR_FIELDS[f] + "=" + Integer.toHexString(v));
                } else {
                    int field = at + 8 + 8 * (f - 2);
                    long v;
                    int q = r.nextInt(phnum);
                    long other = b.getLong((int) phoff + q * PHDR_SIZE + 8 + 8 * (f - 2));
                    switch (r.nextInt(4)) {
                        case 0 -> v = other;                                    // same as another segment: overlaps
                        case 1 -> v = b.getLong(field) + (r.nextBoolean() ? 1 : -1) * (1L << r.nextInt(40));
                        case 2 -> v = f == 5 ? b.getLong(at + 48) + 1 + r.nextInt(0x10000) : edge(r);   // filesz > memsz
                        default -> v = edge(r);
                    }
                    b.putLong(field, v);
                    what.add("phdr " + p + " " + PHDR_FIELDS[f] + "=" + Long.toHexString(v));
                }
            }
            case 5 -> {
                // PT_INTERP naming nothing, or running off the file
                int p = interp(b, phoff, phnum);
                if (p < 0) p = r.nextInt(phnum);
                int at = (int) phoff + p * PHDR_SIZE;
                b.putInt(at, PT_INTERP);
                String[] names = {"/nowhere/ld.so", "/", "/dev/zero", "/home/user/hello", "/proc/self/exe", "", "/lib"};
                switch (r.nextInt(3)) {
                    case 0 -> {
                        String name = names[r.nextInt(names.length)];
                        byte[] s = (name + "\0").getBytes(StandardCharsets.US_ASCII);
                        int off = (int) Math.min(img.length - s.length, phoff + (long) phnum * PHDR_SIZE);   // just past the phdrs
                        if (off < 0) return img;
                        System.arraycopy(s, 0, img, off, s.length);
                        b.putLong(at + 8, off);
                        b.putLong(at + 32, s.length);
                        what.add("PT_INTERP " + p + " -> \"" + name + "\"");
                    }
                    case 1 -> {
                        long off = edge(r);
                        b.putLong(at + 8, off);
                        what.add("PT_INTERP " + p + " p_offset=" + Long.toHexString(off));
                    }
                    default -> {
                        long size = r.nextBoolean() ? edge(r) : 1 + r.nextInt(8192);
                        b.putLong(at + 32, size);
                        what.add("PT_INTERP " + p + " p_filesz=" + Long.toHexString(size));
                    }
                }
            }
            case 6 -> {
                // two PT_LOADs at the same place, or a segment that wraps the address space
                int p = r.nextInt(phnum), q = r.nextInt(phnum);
                int a = (int) phoff + p * PHDR_SIZE, c = (int) phoff + q * PHDR_SIZE;
                b.putInt(a, PT_LOAD);
                if (r.nextBoolean()) {
                    b.putLong(a + 16, b.getLong(c + 16) + (r.nextBoolean() ? 0 : 0x800));
                    what.add("phdr " + p + " loaded over phdr " + q);
                } else {
                    b.putLong(a + 16, -0x2000L);
                    b.putLong(a + 40, 0x10000);
                    what.add("phdr " + p + " wraps past the top of the address space");
                }
            }
            case 7 -> {
                if (img.length >= 16) {
                    int i = 4 + r.nextInt(12);
                    img[i] = (byte) r.nextInt(256);
                    what.add("e_ident[" + i + "]=" + (img[i] & 0xff));
                }
            }
            default -> {
                int flips = 1 + r.nextInt(64);
                for (int i = 0; i < flips; i++) img[r.nextInt(img.length)] ^= (byte) (1 << r.nextInt(8));
                what.add(flips + " bit flips anywhere");
            }
        }
        return img;
    }

    private static int interp(ByteBuffer b, long phoff, int phnum) {
        for (int p = 0; p < phnum; p++) if (b.getInt((int) phoff + p * PHDR_SIZE) == PT_INTERP) return p;
        return -1;
    }

    private static long edge(Random r) {
        return r.nextInt(5) == 0 ? r.nextLong() : EDGES[r.nextInt(EDGES.length)];
    }
}
