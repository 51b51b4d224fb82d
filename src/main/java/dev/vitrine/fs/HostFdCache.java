package dev.vitrine.fs;

import java.lang.ref.Cleaner;
import java.util.LinkedHashMap;

/**
 * A mount's cache of open host fds: at most {@link #LIMIT} reopenable handles keep theirs,
 * least recently used closed first (a guest can look at any number of host files). The
 * root's fd and unlinked files still open in the guest are outside the count. Trimmed only
 * between operations, never while one is using two fds. When the mount is dropped, its
 * fds are closed.
 */
final class HostFdCache {
    static final int LIMIT = 128;
    private static final Cleaner CLEANER = Cleaner.create();

    private final LinkedHashMap<HostHandle, Boolean> open = new LinkedHashMap<>(16, 0.75f, true);

    void opened(HostHandle h) { if (!h.isRoot() && h.anchored()) open.put(h, Boolean.TRUE); }
    void touch(HostHandle h) { open.get(h); }
    void forget(HostHandle h) { open.remove(h); }

    /** Closes the least recently used fds beyond the limit. */
    void trim() {
        var it = open.keySet().iterator();
        while (open.size() > LIMIT && it.hasNext()) {
            HostHandle h = it.next();
            it.remove();
            h.closeFd();
        }
    }

    int size() { return open.size(); }

    /** Closes every fd of the mount once {@code owner} (its root directory) is unreachable. */
    void closeAllWhenGone(Object owner, HostHandle root) {
        CLEANER.register(owner, () -> {
            for (HostHandle h : open.keySet()) h.closeFd();
            open.clear();
            root.closeFd();
        });
    }

    /** Closes an unlinked file's pinned fd once its inode is unreachable. */
    static void closeWhenGone(Object owner, HostHandle h) {
        CLEANER.register(owner, h::closeFd);
    }
}
