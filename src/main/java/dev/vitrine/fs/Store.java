package dev.vitrine.fs;

/**
 * The bytes of a regular file. read/write go straight to the store today; a shared page
 * cache (mm) can later sit in front of it, keyed by (inode, page), and call these to fill
 * and write back pages.
 */
public interface Store {
    long size();

    /** Copies up to {@code len} bytes at {@code pos}; returns how many (0 at or past the end). */
    int read(long pos, byte[] dst, int off, int len);

    /** Writes at {@code pos}, growing the file; the gap past the old end reads as zeros. */
    void write(long pos, byte[] src, int off, int len);

    void truncate(long size);

    /** How many of {@code len} bytes at {@code pos} a write can take now (space is allocated); throws when none. */
    default int room(long pos, int len) { return len; }

    /** st_blocks: 512-byte units allocated; a store that cannot tell counts whole pages of its size. */
    default long blocks() { return (size() + 4095) / 4096 * 8; }

    /** SEEK_DATA: the first byte at or after {@code pos} that is data (pos < size); a store without holes: pos. */
    default long nextData(long pos) { return pos; }

    /** SEEK_HOLE: the first byte at or after {@code pos} in a hole, the end of the file counting as one. */
    default long nextHole(long pos) { return size(); }

        /** The file is gone: the last name, descriptor and mapping went. */
    default void release() {}
}
