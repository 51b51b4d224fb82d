package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * One host directory or file a mount can reach, named as Linux's dentry names it: its
 * parent's handle and its one name there (the mount's root has no parent and keeps its fd).
 * The fd is a cache: it is opened on demand by that single name relative to the parent's fd,
 * with O_NOFOLLOW, and checked to be the same host inode (st_dev, st_ino) it was, so a
 * handle never reaches anything but the object it was made for. A rename by the guest moves
 * the handle with the object. An unlinked file keeps its fd (pinned) while the guest holds
 * it open, as Linux keeps an unlinked open file.
 */
final class HostHandle {
    private final HostFdCache fds;
    private HostHandle parent;
    private byte[] name;
    final long dev, ino;
    private final boolean dir, writable;
    int fd = -1;
    private boolean anchored = true;   // parent/name still name it on the host
    private boolean readOnlyFd;
    /** A mount's root: the host path the user named, opened on first use (null for every other handle). */
    private final java.nio.file.Path rootPath;

    private HostHandle(HostFdCache fds, HostHandle parent, byte[] name, long dev, long ino, boolean dir, boolean writable,
                       java.nio.file.Path rootPath) {
        this.fds = fds;
        this.parent = parent;
        this.name = name;
        this.dev = dev;
        this.ino = ino;
        this.dir = dir;
        this.writable = writable;
        this.rootPath = rootPath;
    }

    private HostHandle(HostFdCache fds, HostHandle parent, byte[] name, long dev, long ino, boolean dir, boolean writable) {
        this(fds, parent, name, dev, ino, dir, writable, null);
    }

    /**
     * A mount's root, the directory {@code host} that was {@code st} when mounted. Its fd is
     * opened when the guest first looks inside, not at boot: a run that never does (most) never
     * loads JNA. It must then still be that directory, as every reopened handle must.
     */
    static HostHandle root(HostFdCache fds, java.nio.file.Path host, HostCalls.HostStat st) {
        return new HostHandle(fds, null, null, st.dev(), st.ino(), true, false, host);
    }

    HostHandle child(byte[] name, HostCalls.HostStat st, boolean writable) {
        return new HostHandle(fds, this, name, st.dev(), st.ino(), st.type() == Stat.S_IFDIR, writable);
    }

    /** A file just made with its fd already open. */
    HostHandle childWithFd(byte[] name, HostCalls.HostStat st, int fd) {
        HostHandle h = new HostHandle(fds, this, name, st.dev(), st.ino(), false, true);
        h.fd = fd;
        fds.opened(h);
        return h;
    }

    boolean isRoot() { return parent == null; }
    boolean of(HostFdCache mount) { return fds == mount; }
    boolean readOnlyFd() { return readOnlyFd; }

    /** The open fd, reopened by name from the parent if the cache dropped it. */
    int fd() {
        if (fd >= 0) {
            if (anchored && parent != null) fds.touch(this);
            return fd;
        }
        if (!anchored) throw new FsException(Errno.ENOENT);
        // Reopen the closed ancestors top-down, in a loop: a guest can nest directories deeper than the stack.
        java.util.ArrayDeque<HostHandle> closed = new java.util.ArrayDeque<>();
        for (HostHandle a = parent; a != null && a.fd < 0; a = a.parent) {
            if (!a.anchored) throw new FsException(Errno.ENOENT);
            closed.push(a);
        }
        while (!closed.isEmpty()) closed.pop().reopen();
        return reopen();
    }

    /** Opens it by its name in its parent, whose fd is open (a mount's root: by the path the user gave). */
    private int reopen() {
        if (parent == null && (rootPath == null || !anchored)) throw new FsException(Errno.ENOENT);   // a mount whose root was closed
        int f;
        if (parent == null) {
            f = openRoot();
        } else if (dir) {
            int pfd = parent.fd();
            f = HostCalls.openAt(pfd, name, HostCalls.O_PATH | HostCalls.O_DIRECTORY, 0);
        } else {
            int pfd = parent.fd();
            int base = HostCalls.O_NONBLOCK;       // a FIFO swapped in must not block the machine
            try {
                f = HostCalls.openAt(pfd, name, base | (writable ? HostCalls.O_RDWR : HostCalls.O_RDONLY), 0);
                readOnlyFd = !writable;
            } catch (FsException e) {
                if (!writable || (e.errno() != Errno.EACCES && e.errno() != Errno.EROFS && e.errno() != 26 /* ETXTBSY */)) throw e;
                f = HostCalls.openAt(pfd, name, base | HostCalls.O_RDONLY, 0);
                readOnlyFd = true;
            }
        }
        HostCalls.HostStat st;
        try {
            st = HostCalls.fstat(f);
        } catch (FsException e) {
            HostCalls.closeFd(f);
            throw e;
        }
        if (st.dev() != dev || st.ino() != ino || (st.type() == Stat.S_IFDIR) != dir) {
            HostCalls.closeFd(f);
            throw new FsException(Errno.ENOENT);   // someone on the host replaced it
        }
        fd = f;
        fds.opened(this);
        return fd;
    }

    private int openRoot() {
        try {
            return HostCalls.openRoot(rootPath.toString());
        } catch (LinkageError e) {         // JNA could not load (no libc, no writable temp directory)
            throw new FsException(Errno.EIO);
        }
    }

    /** link(2): makes {@code name} in {@code dirfd} a new name of this very host file (by its own name, checked). */
    void linkInto(int dirfd, byte[] name) {
        if (!anchored) throw new FsException(Errno.ENOENT);
        int pfd = parent.fd();
        HostCalls.HostStat st = HostCalls.statAt(pfd, this.name);
        if (st == null || st.dev() != dev || st.ino() != ino) throw new FsException(Errno.ENOENT);
        HostCalls.linkAt(pfd, this.name, dirfd, name);
    }

    /** chmod(2) on the host object itself: fchmod on its fd (a directory's: "." opened from its O_PATH fd). */
    void chmod(int perm) {
        if (!dir) {
            HostCalls.chmod(fd(), perm);
            return;
        }
        int f = HostCalls.openDirForList(fd());
        try {
            HostCalls.chmod(f, perm);
        } finally {
            HostCalls.closeFd(f);
        }
    }

    /** utimensat(2) on the host object itself: futimens on its fd. */
    void setTimes(long atimeNs, long mtimeNs) {
        if (!dir) {
            HostCalls.setTimes(fd(), atimeNs, mtimeNs);
            return;
        }
        int f = HostCalls.openDirForList(fd());
        try {
            HostCalls.setTimes(f, atimeNs, mtimeNs);
        } finally {
            HostCalls.closeFd(f);
        }
    }

    /** The guest moved it: now it is {@code name} in {@code parent}. */
    void moveTo(HostHandle parent, byte[] name) {
        this.parent = parent;
        this.name = name;
        if (!anchored) {
            anchored = true;
            if (fd >= 0) fds.opened(this);
        }
    }

    /**
     * Its name is about to go (unlink, rename over it): open the fd first so an open file
     * keeps its bytes. Called before the host call; if that fails the handle stays as it was.
     */
    void prepareToLose() {
        if (!dir && anchored) {
            try {
                fd();
            } catch (FsException e) {
                // already gone on the host: nothing to keep
            }
        }
    }

    /** Its name went: it can no longer be reopened; the fd stays only if {@code keep}. */
    void lost(boolean keep) {
        anchored = false;
        fds.forget(this);
        if (!keep) closeFd();
    }

    boolean anchored() { return anchored; }

    /** Whether it is now known as {@code name} in {@code dir}. */
    boolean isAt(HostHandle dir, byte[] name) { return anchored && parent == dir && java.util.Arrays.equals(this.name, name); }

    void fdsTrim() { fds.trim(); }

    /** Synchronized: the Cleaner's thread may close an unreachable file's fd. */
    synchronized void closeFd() {
        if (fd >= 0) HostCalls.closeFd(fd);
        fd = -1;
    }
}
