package dev.vitrine.fs;


/**
 * Linux's anon_inode: the one nameless inode that eventfd, epoll, timerfd and signalfd
 * descriptors share (fstat shows mode 0600 with no file type, the same inode number for all, and
 * root as owner: the kernel made it at boot).
 */
public final class AnonInode {
    private AnonInode() {}

    public static final long DEV = Stat.makedev(0, 0xe);
    private static final long INO = 1;

    public static Stat stat() { return new Stat(DEV, INO, 0600, 1, 0, 0, 0, 0, 4096, 0, 0, 0, 0); }
}
