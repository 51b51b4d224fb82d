package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * A mounted host file's bytes: pread/pwrite/ftruncate on a host fd that its {@link HostHandle}
 * opened by one name relative to the parent directory's fd, never following a symlink. After
 * the guest unlinks or renames over it, the fd stays while the guest has the file open
 * (Linux's orphan inode); once nothing holds it, reads see an empty file.
 */
public final class HostStore implements Store {
    private final HostHandle h;
    private final boolean writable;
    private int opens;

    HostStore(HostHandle h, boolean writable) {
        this.h = h;
        this.writable = writable;
    }

    HostHandle handle() { return h; }

    private int fd() {
        try {
            return h.fd();
        } finally {
            h.fdsTrim();
        }
    }

    private boolean gone() { return !h.anchored() && h.fd < 0; }

    @Override public long size() {
        if (gone()) return 0;
        try {
            return HostCalls.fstat(fd()).size();
        } catch (FsException e) {
            return 0;
        }
    }

    @Override public int read(long pos, byte[] dst, int off, int len) {
        if (len <= 0 || gone()) return 0;
        return HostCalls.pread(fd(), pos, dst, off, len);
    }

    @Override public void write(long pos, byte[] src, int off, int len) {
        if (!writable) throw new FsException(Errno.EROFS);
        if (gone()) return;                        // an orphan nobody can read any more
        int fd = fd();
        if (h.readOnlyFd()) throw new FsException(Errno.EACCES);
        HostCalls.pwrite(fd, pos, src, off, len);
    }

    @Override public void truncate(long size) {
        if (!writable) throw new FsException(Errno.EROFS);
        if (gone()) return;
        int fd = fd();
        if (h.readOnlyFd()) throw new FsException(Errno.EACCES);
        HostCalls.truncate(fd, size);
    }

    /** chmod(2) reaches the host file (a rw mount), unless the guest unlinked it. */
    public void chmod(int perm) {
        if (!writable) throw new FsException(Errno.EROFS);
        if (gone()) return;
        try {
            h.chmod(perm);
        } finally {
            h.fdsTrim();
        }
    }

    /** utimensat(2) reaches the host file (a rw mount), unless the guest unlinked it. */
    public void setTimes(long atimeNs, long mtimeNs) {
        if (!writable) throw new FsException(Errno.EROFS);
        if (gone()) return;
        try {
            h.setTimes(atimeNs, mtimeNs);
        } finally {
            h.fdsTrim();
        }
    }

    /**
     * stat(2): size, links and times are the host's (so they do not depend on when the guest
     * last looked); an orphan nobody holds keeps the guest's view.
     */
    public Stat stat(Stat model) {
        if (gone()) return model;
        try {
            return HostCalls.fstat(fd()).over(model);
        } catch (FsException e) {
            return model;
        }
    }

    /** An open(2) of the file began (OpenFile). */
    public void opened() { opens++; }

    /** An open description of it was closed: an unlinked file's fd goes with the last one. */
    public void closed() {
        if (--opens <= 0) {
            opens = 0;
            if (!h.anchored()) h.closeFd();
        }
    }

    /** Its last name is about to go. */
    void prepareToLose() { if (opens > 0) h.prepareToLose(); }

    /** Its name went (unlink, or renamed over): keep the fd only while it is open. */
    void lost(Object owner) {
        h.lost(opens > 0);
        if (opens > 0) HostFdCache.closeWhenGone(owner, h);
    }
}
