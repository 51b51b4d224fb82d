package dev.vitrine.fs;

/** What stat(2) tells of a file; times in nanoseconds of the virtual clock. */
public record Stat(long dev, long ino, int mode, int nlink, int uid, int gid, long rdev, long size,
                   int blksize, long blocks, long atimeNs, long mtimeNs, long ctimeNs) {
    public static final int S_IFMT = 0170000, S_IFSOCK = 0140000, S_IFLNK = 0120000, S_IFREG = 0100000,
            S_IFBLK = 0060000, S_IFDIR = 0040000, S_IFCHR = 0020000, S_IFIFO = 0010000;

    public static long makedev(int major, int minor) {
        return ((long) (major & 0xfff) << 8) | (minor & 0xff) | ((long) (minor & ~0xff) << 12);
    }

    /** new_decode_dev's halves of a device number. */
    public static int major(long dev) { return (int) ((dev >>> 8) & 0xfff); }
    public static int minor(long dev) { return (int) ((dev & 0xff) | ((dev >>> 12) & 0xfff00)); }
}
