package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

/**
 * Path lookup (xv6's namei, Linux's path_walk): component by component from the root or
 * the start directory, following symlinks (at most 40) and "..". Every path stays inside
 * this tree: a mounted host directory is only ever entered by name, so neither ".." nor a
 * symlink (resolved here, against the guest's root) reaches the host beyond it.
 */
public final class Namei {
    private Namei() {}

    public static final int MAXSYMLINKS = 40, NAME_MAX = 255, PATH_MAX = 4096;

    /**
     * Where a path led: the directory holding the last component, its name, and the inode
     * (null if the name does not exist there yet, as for a create).
     */
    public record Found(Dir parent, String name, Inode inode, boolean trailingSlash, FileDescription through) {
        public Found(Dir parent, String name, Inode inode, boolean trailingSlash) { this(parent, name, inode, trailingSlash, null); }

        public Inode need() {
            if (inode == null) throw new FsException(Errno.ENOENT);
            if (trailingSlash && !(inode instanceof Dir)) throw new FsException(Errno.ENOTDIR);
            return inode;
        }
    }

    /** Caller's view: root, cwd, pid (for /proc/self) and credentials (search permission on each directory). */
    public record From(Dir root, Dir cwd, int pid, dev.vitrine.abi.Cred cred) {
        /** The kernel's own lookups: root's credentials, nothing refused. */
        public From(Dir root, Dir cwd, int pid) { this(root, cwd, pid, dev.vitrine.abi.Cred.root()); }
    }

    public static Found walk(From from, Dir start, String path, boolean followLast) {
        if (path.isEmpty()) throw new FsException(Errno.ENOENT);
        if (path.length() >= PATH_MAX) throw new FsException(Errno.ENAMETOOLONG);
        return walk(from, start, path, followLast, new int[1]);
    }

    private static Found walk(From from, Dir start, String path, boolean followLast, int[] links) {
        Dir cur = path.startsWith("/") ? from.root() : start;
        String[] parts = path.split("/");
        int last = parts.length - 1;
        while (last >= 0 && parts[last].isEmpty()) last--;
        boolean slash = path.endsWith("/");
        if (last < 0) return new Found(cur, ".", cur, slash);
        for (int i = 0; i <= last; i++) {
            String name = parts[i];
            if (name.isEmpty()) continue;
            if (name.length() > NAME_MAX) throw new FsException(Errno.ENAMETOOLONG);
            Permission.search(from.cred(), cur);        // may_lookup, for every component
            Inode next = switch (name) {
                case "." -> cur;
                case ".." -> cur == from.root() ? cur : cur.parent();
                default -> cur.lookup(name);
            };
            if (next instanceof Symlink link && (i < last || followLast || slash)) {
                if (++links[0] > MAXSYMLINKS) throw new FsException(Errno.ELOOP);
                if (!link.mayFollow(from.cred(), from.pid())) throw new FsException(Errno.EACCES);
                Inode jumped = link.jump(from.pid());
                if (jumped != null) {
                    if (i == last) return new Found(cur, name, jumped, slash);
                    if (!(jumped instanceof Dir d)) throw new FsException(Errno.ENOTDIR);
                    cur = d;
                    continue;
                }
                FileDescription through = link.opened(from.pid());
                if (through != null) {
                    // A pipe or the console: nothing in the tree to land on; open reopens the file itself.
                    if (i == last) return new Found(cur, name, null, slash, through);
                    throw new FsException(Errno.ENOTDIR);
                }
                String target = link.target(from.pid());
                if (target.isEmpty()) throw new FsException(Errno.ENOENT);
                Found f = walk(from, cur, target, true, links);
                if (i == last) return new Found(f.parent(), f.name(), f.inode(), slash || f.trailingSlash(), f.through());
                if (f.through() != null) throw new FsException(Errno.ENOTDIR);
                next = f.inode();
            }
            if (i == last) return new Found(cur, name, next, slash);
            if (next == null) throw new FsException(Errno.ENOENT);
            if (!(next instanceof Dir d)) throw new FsException(Errno.ENOTDIR);
            cur = d;
        }
        throw new IllegalStateException("unreachable");
    }

    /** The absolute path of a directory, walking ".." up to the root (getcwd). */
    public static String pathOf(Dir root, Dir d) {
        if (d == root) return "/";
        StringBuilder sb = new StringBuilder();
        for (Dir cur = d; cur != root; ) {
            Dir p = cur.parent();
            if (p == cur) break;
            String name = cur.nameIn(p);
            if (name == null) throw new FsException(Errno.ENOENT);
            sb.insert(0, "/" + name);
            cur = p;
        }
        return sb.toString();
    }
}
