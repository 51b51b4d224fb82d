package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.util.SplittableRandom;

/** The drivers behind /dev's character devices. */
public final class Devices {
    private Devices() {}

    /** /dev/null (1:3): reads end at once, writes vanish. */
    public static final class Null implements File {
        private final Inode node;
        public Null(Inode node) { this.node = node; }
        @Override public long read(byte[] dst, int off, int len, long offset) { return 0; }
        @Override public long write(byte[] src, int off, int len, long offset) { return len; }
        @Override public Stat stat() { return node.stat(); }
        @Override public Inode inode() { return node; }
        @Override public boolean seekable() { return true; }
        @Override public long seek(long current, long requested) { return 0; }
    }

    /** /dev/zero (1:5) reads zeros; /dev/full (1:7) too, but every write is ENOSPC. */
    public static final class Zero implements File {
        private final Inode node;
        private final boolean full;
        public Zero(Inode node, boolean full) { this.node = node; this.full = full; }
        /** /dev/full: no mmap (full_fops has none), while /dev/zero maps anonymous memory. */
        public boolean full() { return full; }
        @Override public long read(byte[] dst, int off, int len, long offset) {
            java.util.Arrays.fill(dst, off, off + len, (byte) 0);
            return len;
        }
        @Override public long write(byte[] src, int off, int len, long offset) { return full ? -Errno.ENOSPC : len; }
        @Override public Stat stat() { return node.stat(); }
        @Override public Inode inode() { return node; }
        @Override public boolean seekable() { return true; }
        @Override public long seek(long current, long requested) { return 0; }
    }

    /** /dev/random (1:8) and /dev/urandom (1:9): one seeded stream shared by both, so runs repeat. */
    public static final class Random implements File {
        private final Inode node;
        private final SplittableRandom rng;
        public Random(Inode node, SplittableRandom rng) { this.node = node; this.rng = rng; }
        @Override public long read(byte[] dst, int off, int len, long offset) {
            for (int i = 0; i < len; i++) dst[off + i] = (byte) rng.nextInt(256);
            return len;
        }
        @Override public long write(byte[] src, int off, int len, long offset) { return len; }
        @Override public Stat stat() { return node.stat(); }
        @Override public Inode inode() { return node; }
        @Override public boolean seekable() { return true; }
        @Override public long seek(long current, long requested) { return current; }
    }
}
