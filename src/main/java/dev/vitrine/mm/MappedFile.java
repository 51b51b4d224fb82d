package dev.vitrine.mm;

/** What a file-backed mapping reads its pages from: an executable's image now, the page cache later. */
public interface MappedFile {
    long size();

    /** Copies up to {@code len} bytes at {@code offset} into {@code dst}; returns how many there were. */
    int read(long offset, byte[] dst, int off, int len);

    /** The name /proc/PID/maps shows. */
    String name();

    /** An immutable in-memory file (an ELF image read from the host). */
    static MappedFile of(String name, byte[] bytes) {
        return new MappedFile() {
            public long size() { return bytes.length; }
            public int read(long offset, byte[] dst, int off, int len) {
                if (offset >= bytes.length) return 0;
                int n = (int) Math.min(len, bytes.length - offset);
                System.arraycopy(bytes, (int) offset, dst, off, n);
                return n;
            }
            public String name() { return name; }
        };
    }
}
