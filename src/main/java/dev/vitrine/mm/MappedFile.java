package dev.vitrine.mm;

/**
 * What a file-backed mapping maps: a regular file (the fs's inode implements this), an
 * executable's image, or a shared anonymous area. {@link #read} and {@link #write} reach the
 * backing store and bypass the cache; read(2) and write(2) of a mappable file go through
 * {@link #pages()} so that they and every mapping see the same bytes (Linux's i_mapping).
 */
public interface MappedFile {
    long size();

    /** Copies up to {@code len} bytes of the backing store at {@code offset}; returns how many there were. */
    int read(long offset, byte[] dst, int off, int len);

    /** Writes the backing store (write-back of a dirty page); files that cannot be written throw. */
    default void write(long offset, byte[] src, int off, int len) {
        throw new UnsupportedOperationException(name() + " is read-only");
    }

    /** This file's page cache: one object per file, made with {@code new FilePages(this)}. */
    FilePages pages();

    /** A VMA of some address space started ({@code +1}) or stopped ({@code -1}) mapping this file. */
    default void mapped(int delta) {}

    /** The name /proc/PID/maps shows. */
    String name();

    /** Device and inode numbers for /proc/PID/maps (0 for none). */
    default long dev() { return 0; }
    default long ino() { return 0; }

    /** An immutable in-memory file (an ELF image read from the host). */
    static MappedFile of(String name, byte[] bytes) {
        return new MappedFile() {
            private final FilePages pages = new FilePages(this);
            public long size() { return bytes.length; }
            public int read(long offset, byte[] dst, int off, int len) {
                if (offset >= bytes.length) return 0;
                int n = (int) Math.min(len, bytes.length - offset);
                System.arraycopy(bytes, (int) offset, dst, off, n);
                return n;
            }
            public FilePages pages() { return pages; }
            public String name() { return name; }
        };
    }
}
