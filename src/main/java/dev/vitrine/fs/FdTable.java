package dev.vitrine.fs;

/** A process's file descriptors: slots pointing at shared open file descriptions, each with its own close-on-exec bit. */
public final class FdTable {
    private FileDescription[] files;
    private boolean[] cloexec;
    private int limit;

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
        if (old != null) old.release();
    }

    public boolean close(int fd) {
        FileDescription f = get(fd);
        if (f == null) return false;
        files[fd] = null;
        f.release();
        return true;
    }

    public void closeAll() { for (int fd = 0; fd < files.length; fd++) close(fd); }

    /** fork: same descriptions, one more reference each. */
    public FdTable copy() {
        FdTable t = new FdTable(limit);
        t.files = new FileDescription[files.length];
        t.cloexec = cloexec.clone();
        for (int i = 0; i < files.length; i++) if (files[i] != null) t.files[i] = files[i].retain();
        return t;
    }

    private void grow(int n) {
        int size = Math.max(n, files.length * 2);
        files = java.util.Arrays.copyOf(files, size);
        cloexec = java.util.Arrays.copyOf(cloexec, size);
    }
}
