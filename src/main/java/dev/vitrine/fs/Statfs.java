package dev.vitrine.fs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What statfs(2) tells of the file system holding a file (the kernel's struct kstatfs). The
 * in-memory tree is a tmpfs (its /dev too, as devtmpfs is one), /proc a procfs, pipes pipefs,
 * a --mount the host's own file system with the mount's read-only flag added.
 */
public record Statfs(long type, long bsize, long blocks, long bfree, long bavail, long files, long ffree,
                     long fsid, long namelen, long frsize, long flags) {
    public static final long TMPFS_MAGIC = 0x01021994, PROC_SUPER_MAGIC = 0x9fa0, PIPEFS_MAGIC = 0x50495045,
            DEVPTS_SUPER_MAGIC = 0x1cd1;
    public static final long ST_RDONLY = 1, ST_NOSUID = 2, ST_NODEV = 4, ST_NOEXEC = 8, ST_VALID = 0x20,
            ST_RELATIME = 0x1000;
    private static final int NAME_MAX = 255, PAGE = MemStore.PAGE;
    /** The console's st_dev when it is a pipe (Console.stat) and when a terminal (devpts). */
    private static final long CONSOLE_PIPE_DEV = 14, CONSOLE_PTS_DEV = 22;

    /** The file system of a file whose stat(2) shows device {@code dev}. */
    public static Statfs of(Vfs v, long dev) {
        if (dev == Vfs.TMPFS_DEV || dev == Vfs.DEVTMPFS_DEV) return tmpfs(v);
        if (dev == Vfs.PROC_DEV) return simple(PROC_SUPER_MAGIC, ST_NOSUID | ST_NODEV | ST_NOEXEC | ST_RELATIME);
        if (dev == Vfs.PIPEFS_DEV || dev == CONSOLE_PIPE_DEV) return simple(PIPEFS_MAGIC, 0);
        if (dev == CONSOLE_PTS_DEV) return simple(DEVPTS_SUPER_MAGIC, ST_NOSUID | ST_NOEXEC | ST_RELATIME);
        TmpfsMount tm = v.tmpfsMount(dev);
        if (tm != null) return tmpfs(tm.fs(), 0);
        Vfs.HostMount m = v.hostMount(dev);
        if (m == null) return simple(TMPFS_MAGIC, ST_RELATIME);
        Statfs h = HostCalls.fstatfs(m.root().fd());
        return new Statfs(h.type, h.bsize, h.blocks, h.bfree, h.bavail, h.files, h.ffree, h.fsid, h.namelen, h.frsize,
                h.flags | (m.writable() ? 0 : ST_RDONLY));
    }

    /**
     * shmem_statfs: blocks are pages of the size limit, free what no file holds; files are as many
     * as pages (Linux's default nr_inodes is half of RAM's pages too), free less the inodes the tree
     * has made. An unlimited tmpfs (size=0) shows 0 for all four, as Linux's does.
     */
    private static Statfs tmpfs(Vfs v) { return tmpfs(v.tmpfs(), v.inodesMade()); }

    private static Statfs tmpfs(Tmpfs t, long inodes) {
        long max = t.sizeless() ? 0 : t.maxPages(), free = Math.max(0, max - t.pages());
        long ffree = Math.max(0, max - inodes);
        return new Statfs(TMPFS_MAGIC, PAGE, max, free, free, max, ffree, 0, NAME_MAX, PAGE, ST_VALID | ST_RELATIME);
    }

    /** simple_statfs: the magic, a page as block size, NAME_MAX; no counts. */
    private static Statfs simple(long magic, long flags) {
        return new Statfs(magic, PAGE, 0, 0, 0, 0, 0, 0, NAME_MAX, PAGE, ST_VALID | flags);
    }

    /** struct statfs as asm-generic lays it out for a 64-bit word (riscv64, x86-64 and arm64 alike): 120 bytes. */
    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(type).putLong(bsize).putLong(blocks).putLong(bfree).putLong(bavail).putLong(files).putLong(ffree)
                .putLong(fsid).putLong(namelen).putLong(frsize).putLong(flags);
        return b.array();
    }

    public static final int SIZE = 120;

    /** The host's struct statfs (native order), as fstatfs filled it. */
    static Statfs parse(byte[] buf) {
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        return new Statfs(b.getLong(0), b.getLong(8), b.getLong(16), b.getLong(24), b.getLong(32), b.getLong(40),
                b.getLong(48), b.getLong(56), b.getLong(64), b.getLong(72), b.getLong(80));
    }
}
