package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * A process's file descriptors: slots pointing at shared open file descriptions, each with
 * its own close-on-exec bit. It also carries the process's current directory and umask
 * (Linux's fs_struct), which fork copies along with the table.
 */
public final class FdTable {
    private FileDescription[] files;
    private boolean[] cloexec;
    private int limit;
    private Dir cwd;
    /** chroot's root (fs_struct's root); null: the machine's. */
    private Dir root;
    private int umask = 022;

    public Dir cwd() { return cwd; }
    public Dir root() { return root; }
    public void setRoot(Dir d) { root = d; }
    public void setCwd(Dir d) { cwd = d; }
    public int umask() { return umask; }
    public void setUmask(int m) { umask = m & 0777; }

    public FdTable(int limit) {
        this.limit = limit;
        this.files = new FileDescription[Math.min(limit, 64)];
        this.cloexec = new boolean[files.length];
    }

    public int limit() { return limit; }
    public void setLimit(int l) { limit = l; }

    public FileDescription get(int fd) { return fd >= 0 && fd < files.length ? files[fd] : null; }
    public boolean cloexec(int fd) { return get(fd) != null && cloexec[fd]; }
    public void setCloexec(int fd, boolean on) { if (get(fd) != null) cloexec[fd] = on; }

    /** The lowest free descriptor at or above {@code min}, or -EMFILE. */
    public int allocate(FileDescription f, int min, boolean closeOnExec) {
        for (int fd = Math.max(0, min); fd < limit; fd++) {
            if (fd >= files.length) grow(fd + 1);
            if (files[fd] == null) {
                files[fd] = f;
                cloexec[fd] = closeOnExec;
                return fd;
            }
        }
        return -Errno.EMFILE;
    }

    /** dup2/dup3: puts {@code f} at {@code fd}, closing what was there. */
    public void install(int fd, FileDescription f, boolean closeOnExec) {
        if (fd >= files.length) grow(fd + 1);
        FileDescription old = files[fd];
        files[fd] = f;
        cloexec[fd] = closeOnExec;
        if (old != null) { dropLocks(old); old.release(); }
    }

    public boolean close(int fd) {
        FileDescription f = get(fd);
        if (f == null) return false;
        files[fd] = null;
        dropLocks(f);
        f.release();
        return true;
    }

    /** POSIX: closing any descriptor of a file drops this process's locks on it. */
    private void dropLocks(FileDescription f) {
        Inode i = f.file().inode();
        if (i != null && i.hasLocks() && i.locks().release(this) && wakeup != null) wakeup.wakeup(i.locks());
    }

    private Wakeup wakeup;
    /** Who to tell when dropped locks may let a waiting F_SETLKW go on. */
    public void setWakeup(Wakeup w) { wakeup = w; }

    public void closeAll() { for (int fd = 0; fd < files.length; fd++) close(fd); }

    /** exec: closes every close-on-exec descriptor. */
    public void closeOnExec() { for (int fd = 0; fd < files.length; fd++) if (files[fd] != null && cloexec[fd]) close(fd); }

    /** close_range(first, last): ignores free slots; with {@code cloexecOnly} just marks them. */
    public void closeRange(int first, int last, boolean cloexecOnly) {
        for (int fd = Math.max(first, 0); fd <= last && fd < files.length; fd++) {
            if (files[fd] == null) continue;
            if (cloexecOnly) cloexec[fd] = true;
            else close(fd);
        }
    }

    /** The open descriptors in order, for /proc/PID/fd. */
    public java.util.List<Integer> openFds() {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int fd = 0; fd < files.length; fd++) if (files[fd] != null) out.add(fd);
        return out;
    }

    /** fork: same descriptions, one more reference each. */
    public FdTable copy() {
        FdTable t = new FdTable(limit);
        t.files = new FileDescription[files.length];
        t.cloexec = cloexec.clone();
        t.cwd = cwd;
        t.root = root;
        t.umask = umask;
        t.wakeup = wakeup;
        for (int i = 0; i < files.length; i++) if (files[i] != null) t.files[i] = files[i].retain();
        return t;
    }

    private void grow(int n) {
        int size = Math.max(n, files.length * 2);
        files = java.util.Arrays.copyOf(files, size);
        cloexec = java.util.Arrays.copyOf(cloexec, size);
    }
}
