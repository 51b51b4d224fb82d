package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import dev.vitrine.mm.FilePages;
import dev.vitrine.mm.MappedFile;

/** A regular file: its bytes live in a {@link Store}; mm maps it through {@link MappedFile}. */
public final class RegularFile extends Inode implements MappedFile {
    private final Vfs vfs;
    private final Store store;
    private final boolean readOnly;
    private String name = "";
    /** Open descriptions and VMAs that use it: with no name left either, its data goes (Linux's iput of an unlinked inode). */
    private int opens, maps;
    /** Open descriptions that may write it (i_writecount): an exec of the file is then ETXTBSY. */
    private int writers;
    /** Its page cache: read(2), write(2) and every mapping of this file meet there. */
    private final FilePages pages;

    public RegularFile(Vfs vfs, long dev, int perm, Store store) { this(vfs, dev, perm, store, false); }

    public RegularFile(Vfs vfs, long dev, int perm, Store store, boolean readOnly) {
        this(vfs, dev, vfs.nextIno(), perm, store, readOnly);
    }

    public RegularFile(Vfs vfs, long dev, long ino, int perm, Store store, boolean readOnly) {
        super(vfs, dev, ino, Stat.S_IFREG | (perm & 07777));
        this.vfs = vfs;
        this.store = store;
        this.readOnly = readOnly;
        this.pages = new FilePages(this, vfs::pager);
    }

    public Store store() { return store; }

    /** memfd seals (F_SEAL_*): what may no longer change; a file not made by memfd_create answers -1 (no seals there). */
    public static final int F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8, F_SEAL_FUTURE_WRITE = 0x10;
    private int seals = -1;

    /** Only memfd_create's files have seals (memfd_file_seals_ptr): -1 for the others. */
    public int seals() { return seals; }
    public void setSeals(int s) { seals = s; }

    /** A write of [offset, offset+len) that a seal forbids (EPERM), as shmem_file_write_iter and shmem_setattr check. */
    private void checkSeals(long offset, long len) {
        if (seals <= 0) return;
        if ((seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) != 0) throw new FsException(Errno.EPERM);
        if ((seals & F_SEAL_GROW) != 0 && offset + len > size()) throw new FsException(Errno.EPERM);
    }

    /** A mounted host file's times change on the host too. */
    @Override public void setTimes(long a, long m, long now) {
        if (store instanceof HostStore h) h.setTimes(a, m);
        super.setTimes(a, m, now);
    }

    /** A mounted host file's size, links and times are the host's. */
    @Override public Stat stat() {
        Stat s = super.stat();
        return store instanceof HostStore h ? h.stat(s) : s;
    }

    /** A mounted host file's mode changes on the host too. */
    @Override public void chmod(int perm, long now) {
        if (store instanceof HostStore h) h.chmod(perm);
        super.chmod(perm, now);
    }
    @Override public FilePages pages() { return pages; }
    @Override public boolean readOnly() { return readOnly; }
    @Override public long size() { return store.size(); }
    /** A sparse file's holes take no blocks. */
    @Override protected long blocks() { return store.blocks(); }

    @Override public int read(long offset, byte[] dst, int off, int len) {
        return offset < 0 ? 0 : store.read(offset, dst, off, len);
    }

    public void write(long offset, byte[] src, int off, int len) {
        if (readOnly) throw new FsException(Errno.EROFS);
        store.write(offset, src, off, len);
        touch(vfs.now());
    }

    /** How much of a write at {@code offset} fits (the store allocates it now); throws EFBIG, ENOSPC, ENOMEM, EROFS. */
    public int room(long offset, int len) {
        if (readOnly) throw new FsException(Errno.EROFS);
        checkSeals(offset, len);
        return store.room(offset, len);
    }

    void opened() { opens++; }
    void closed() { opens--; releaseIfGone(); }
    void writerOpened(int delta) { writers += delta; }
    /** deny_write_access: whether some open file may write this one. */
    public boolean openForWriting() { return writers > 0; }
    @Override public void mapped(int delta) { maps += delta; releaseIfGone(); }

    /** The last name may be about to come back (rename removes, then adds): checked later, at a safe point. */
    @Override public void unlink() {
        super.unlink();
        if (gone()) vfs.tmpfs().orphaned(this);
    }

    private boolean gone() { return nlink() <= 0 && opens <= 0 && maps <= 0 && !readOnly; }

    /** Frees the data of a file nobody can reach any more; true if it did. */
    boolean releaseIfGone() {
        if (!gone()) return false;
        pages.truncated(0);
        store.release();
        releaseXattrs(vfs);
        return true;
    }

    public void truncate(long size) {
        if (readOnly) throw new FsException(Errno.EROFS);
        if (seals > 0 && ((seals & F_SEAL_SHRINK) != 0 && size < size() || (seals & F_SEAL_GROW) != 0 && size > size()))
            throw new FsException(Errno.EPERM);
        store.truncate(size);
        pages.truncated(size);
        touch(vfs.now());
    }

    /**
     * fallocate's modes that tmpfs has (shmem_fallocate): allocate [pos, pos + len) (growing the
     * file unless {@code keepSize}), or punch a hole there. A growing seal refuses an end past
     * the size, a write seal a hole (EPERM); files not in memory (a --mount's) are EOPNOTSUPP.
     */
    public void fallocate(long pos, long len, boolean keepSize, boolean punch) {
        if (readOnly) throw new FsException(Errno.EROFS);
        if (!(store instanceof MemStore m)) throw new FsException(Errno.EOPNOTSUPP);
        int sealed = Math.max(seals, 0);   // -1: not a memfd, nothing sealed
        if (punch) {
            if ((sealed & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) != 0) throw new FsException(Errno.EPERM);
            m.punch(pos, len);
            pages.punched(pos, len);
        } else {
            if ((sealed & F_SEAL_GROW) != 0 && pos + len > size()) throw new FsException(Errno.EPERM);
            m.allocate(pos, len, keepSize);
        }
        touch(vfs.now());
    }

    /** The path it was opened by last, for /proc/PID/maps. */
    @Override public String name() { return name; }
    public void setName(String n) { name = n; }

    /** I_LINKABLE: an O_TMPFILE file made without O_EXCL, which linkat may name although it has no link. */
    private boolean linkable;
    public boolean linkable() { return linkable; }
    public void setLinkable(boolean on) { linkable = on; }
}
