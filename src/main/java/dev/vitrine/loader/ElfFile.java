package dev.vitrine.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** An ELF64 little-endian RISC-V executable: its header and program headers, checked. */
public final class ElfFile {
    public static final int ET_EXEC = 2, ET_DYN = 3;
    public static final int PT_LOAD = 1, PT_INTERP = 3, PT_PHDR = 6, PT_TLS = 7, PT_GNU_STACK = 0x6474e551;
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;
    private static final int EM_RISCV = 243, PATH_MAX = 4096;

    public record Segment(int type, int flags, long offset, long vaddr, long filesz, long memsz, long align) {}

    /** How much of a file the loader reads: the headers, program headers and interpreter name must lie there. */
    public static final int HEAD = 1 << 20;

    /** Reads a file's bytes at a position; returns how many. */
    public interface Reader { int read(long pos, byte[] dst, int off, int len); }

    private final byte[] image;
    /** The whole file's size; {@link #image} may hold only its head. */
    private final long size;
    private final int type;
    private final long entry, phoff;
    private final int phentsize, phnum;
    private final List<Segment> segments;

    public ElfFile(byte[] image) { this(image, image.length); }

    /**
     * Parses a file of {@code size} bytes from its first bytes: segments are checked against the
     * whole file, while the program headers and the interpreter's name must lie in {@code head}.
     * A guest's execve of a huge (sparse) file thus reads at most {@link #HEAD} bytes, never the file.
     */
    public ElfFile(byte[] head, long size) {
        this.image = head;
        this.size = size;
        if (image.length < 64 || image[0] != 0x7f || image[1] != 'E' || image[2] != 'L' || image[3] != 'F')
            throw new BadElfException("not an ELF file");
        if (image[4] != 2) throw new BadElfException("not a 64-bit ELF file (ELFCLASS" + (image[4] == 1 ? "32" : "?") + ")");
        if (image[5] != 1) throw new BadElfException("not a little-endian ELF file");
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        type = b.getShort(16) & 0xffff;
        int machine = b.getShort(18) & 0xffff;
        if (machine != EM_RISCV) throw new BadElfException("ELF file is for machine " + machine + ", not RISC-V (243)");
        if (type != ET_EXEC && type != ET_DYN) throw new BadElfException("ELF file is not an executable (e_type " + type + ")");
        entry = b.getLong(24);
        phoff = b.getLong(32);
        phentsize = b.getShort(54) & 0xffff;
        phnum = b.getShort(56) & 0xffff;
        if (phentsize != 56) throw new BadElfException("bad program header size " + phentsize);
        if (phnum == 0 || phnum > 256) throw new BadElfException("bad program header count " + phnum);
        // phoff is unsigned: past the file (or past 2^63) is outside it, whatever phnum adds
        if (phoff < 0 || phoff > image.length || phoff + (long) phnum * phentsize > image.length)
            throw new BadElfException("program headers lie outside the file");
        segments = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int o = (int) (phoff + (long) i * phentsize);
            Segment s = new Segment(b.getInt(o), b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 16),
                    b.getLong(o + 32), b.getLong(o + 40), b.getLong(o + 48));
            if (s.type == PT_LOAD || s.type == PT_INTERP) {
                if (s.filesz < 0 || s.offset < 0 || s.offset + s.filesz > size || s.offset + s.filesz < 0)
                    throw new BadElfException("segment " + i + " lies outside the file");
                if (s.memsz < s.filesz) throw new BadElfException("segment " + i + " has memsz < filesz");
            }
            // load_elf_binary: the interpreter's name is 2..PATH_MAX bytes and ends in a NUL, or ENOEXEC
            if (s.type == PT_INTERP && s.offset + s.filesz > image.length)
                throw new BadElfException("segment " + i + " (PT_INTERP) lies past the first " + (HEAD >> 20) + " MiB of the file");
            if (s.type == PT_INTERP && (s.filesz < 2 || s.filesz > PATH_MAX || image[(int) (s.offset + s.filesz - 1)] != 0))
                throw new BadElfException("segment " + i + " (PT_INTERP) is not a NUL-terminated path of at most " + PATH_MAX + " bytes");
            segments.add(s);
        }
        if (loads().isEmpty()) throw new BadElfException("ELF file has no loadable segment");
    }

    /** Reads the head of a file of {@code size} bytes and parses it. */
    public static ElfFile read(long size, Reader file) {
        byte[] head = new byte[(int) Math.min(size, HEAD)];
        int n = file.read(0, head, 0, head.length);
        return new ElfFile(n == head.length ? head : java.util.Arrays.copyOf(head, Math.max(n, 0)), size);
    }

    /** The bytes read: the whole file when it was parsed whole, else its head. */
    public byte[] image() { return image; }
    public int type() { return type; }
    public long entry() { return entry; }
    public long phoff() { return phoff; }
    public int phnum() { return phnum; }
    public int phentsize() { return phentsize; }
    public List<Segment> segments() { return segments; }

    public List<Segment> loads() {
        List<Segment> out = new ArrayList<>();   // a loop: no stream machinery at start-up
        for (Segment s : segments) if (s.type == PT_LOAD) out.add(s);
        return List.copyOf(out);
    }

    /** The PT_INTERP path (the dynamic loader) up to its first NUL, as open_exec sees it; null for a static executable. */
    public String interpreter() {
        for (Segment s : segments) if (s.type == PT_INTERP) {
            int len = 0;
            while (image[(int) s.offset + len] != 0) len++;
            return new String(image, (int) s.offset, len, java.nio.charset.StandardCharsets.UTF_8);
        }
        return null;
    }

    /** {@code name} fit for a one-line message: control bytes as \xNN, cut after 100 characters. */
    public static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < 100; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c)); else b.append(c);
        }
        return b.length() < 100 ? b.toString() : b + "...";
    }

    public boolean executableStack() {
        for (Segment s : segments) if (s.type == PT_GNU_STACK) return (s.flags & PF_X) != 0;
        return false;
    }
}
