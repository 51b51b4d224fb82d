package dev.vitrine.mm;

/**
 * One virtual memory area: [start, end) with one protection and one backing. A file-backed
 * area maps {@code file} from {@code offset}; bytes of the file past {@code fileLimit}
 * (an ELF segment's p_filesz, or the end of the file) read as zero.
 */
public record Vma(long start, long end, int prot, int flags, MappedFile file, long offset, long fileLimit, String name) {
    /** Kernel-only flag: a shared file mapping made through a descriptor not open for writing (no VM_MAYWRITE). */
    public static final int NO_MAYWRITE = 0x4000_0000;

    public static Vma anonymous(long start, long end, int prot, int flags, String name) {
        return new Vma(start, end, prot, flags, null, 0, 0, name);
    }

    public boolean contains(long va) { return va >= start && va < end; }
    public boolean anonymous() { return file == null; }
    public boolean shared() { return (flags & Prot.MAP_TYPE) == Prot.MAP_SHARED || (flags & Prot.MAP_TYPE) == Prot.MAP_SHARED_VALIDATE; }
    public boolean growsDown() { return (flags & Prot.MAP_GROWSDOWN) != 0; }
    public long length() { return end - start; }
    public boolean mayWrite() { return (flags & NO_MAYWRITE) == 0; }
    /** What /proc/PID/maps prints in the device and inode columns. */
    public long dev() { return file == null ? 0 : file.dev(); }
    public long ino() { return file == null ? 0 : file.ino(); }

    /** File offset of virtual address {@code va}. */
    public long fileOffset(long va) { return offset + (va - start); }

    /** The part of this area in [from, to), with the file offset moved along. */
    public Vma slice(long from, long to) {
        long s = Math.max(from, start), e = Math.min(to, end);
        return new Vma(s, e, prot, flags, file, file == null ? 0 : offset + (s - start), fileLimit, name);
    }

    public Vma withProt(int newProt) { return new Vma(start, end, newProt, flags, file, offset, fileLimit, name); }
}
