package dev.vitrine.fs;

import dev.vitrine.abi.Cred;

/**
 * Linux's anon_inode: the one nameless inode that eventfd, epoll, timerfd and signalfd
 * descriptors share (fstat shows mode 0600 with no file type, and the same inode number for all).
 */
public final class AnonInode {
    private AnonInode() {}

    public static final long DEV = Stat.makedev(0, 0xe);
    private static final long INO = 1;

    public static Stat stat() { return new Stat(DEV, INO, 0600, 1, Cred.UID, Cred.GID, 0, 0, 4096, 0, 0, 0, 0); }
}
