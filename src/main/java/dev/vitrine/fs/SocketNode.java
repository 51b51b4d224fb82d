package dev.vitrine.fs;

/**
 * A socket's name in the tree (S_IFSOCK), made by bind(2) on a path: connect and sendto find
 * the bound socket through it. open(2) of it is ENXIO; it outlives the socket (unlink removes it),
 * and a connect to a name whose socket is gone is ECONNREFUSED, as on Linux.
 */
public final class SocketNode extends Inode {
    private UnixSocket bound;

    SocketNode(Vfs vfs, long dev, int perm, UnixSocket bound) {
        super(vfs, dev, Stat.S_IFSOCK | (perm & 07777));
        this.bound = bound;
    }

    /** The socket bound to this name, or null once it is closed. */
    UnixSocket bound() { return bound != null && !bound.isClosed() ? bound : null; }

    void unbind() { bound = null; }

    @Override public long size() { return 0; }
}
