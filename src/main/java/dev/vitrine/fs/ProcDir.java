package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A /proc directory whose names come from the running system (pids, open fds). An inode
 * made for a name is kept while the name exists, so its inode number is stable.
 */
public final class ProcDir extends Dir {
    private final Supplier<List<String>> names;
    private final Function<String, Inode> make;
    private final TreeMap<String, Inode> made = new TreeMap<>();
    /** Who owns the inode a name leads to, as {uid, gid}, asked at each lookup (pid_update_inode); null: root. */
    private final Function<String, int[]> owner;

    /** Whether made inodes are kept per name; false when {@code make} hands out inodes that live elsewhere (devpts). */
    private final boolean keep;

    public ProcDir(Vfs vfs, Dir parent, int perm, Supplier<List<String>> names, Function<String, Inode> make) {
        this(vfs, Vfs.PROC_DEV, vfs.nextIno(), parent, perm, names, make, true, null);
    }

    /** With {@code owner}: who owns the inode each name leads to (a process's entries). */
    public ProcDir(Vfs vfs, Dir parent, int perm, Supplier<List<String>> names, Function<String, Inode> make,
                   Function<String, int[]> owner) {
        this(vfs, Vfs.PROC_DEV, vfs.nextIno(), parent, perm, names, make, true, owner);
    }

    /** A generated directory of another file system ({@code dev}, inode {@code ino}); {@code keep} as above. */
    public ProcDir(Vfs vfs, long dev, long ino, Dir parent, int perm, Supplier<List<String>> names, Function<String, Inode> make, boolean keep) {
        this(vfs, dev, ino, parent, perm, names, make, keep, null);
    }

    private ProcDir(Vfs vfs, long dev, long ino, Dir parent, int perm, Supplier<List<String>> names, Function<String, Inode> make,
                    boolean keep, Function<String, int[]> owner) {
        super(vfs, dev, ino, perm, parent);
        this.names = names;
        this.make = make;
        this.keep = keep;
        this.owner = owner;
        setOwner(0, 0);
    }

    @Override public boolean readOnly() { return true; }

    @Override public Inode lookup(String name) {
        if (!names.get().contains(name)) {
            made.remove(name);
            return null;
        }
        if (!keep) return make.apply(name);      // inodes that live elsewhere keep their own owners
        Inode i = made.computeIfAbsent(name, n -> {
            Inode made = make.apply(n);
            if (made instanceof Dir d) d.setParent(this);
            return made;
        });
        int[] o = owner == null ? null : owner.apply(name);
        if (o != null) i.setOwner(o[0], o[1]);
        else if (!(i instanceof ProcDir)) i.setOwner(0, 0);
        return i;
    }

    @Override public List<Entry> entries() {
        List<String> sorted = new ArrayList<>(names.get());
        sorted.sort(ProcDir::numericFirst);
        List<Entry> out = new ArrayList<>();
        for (String n : sorted) {
            Inode i = lookup(n);
            if (i != null) out.add(new Entry(n, i));
        }
        return out;
    }

    /** Numbers in numeric order (pids, fds), then words. */
    private static int numericFirst(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit), nb = b.chars().allMatch(Character::isDigit);
        if (na && nb) return Long.compare(Long.parseLong(a), Long.parseLong(b));
        if (na != nb) return na ? 1 : -1;
        return a.compareTo(b);
    }

    @Override public void add(String name, Inode inode) { throw new FsException(Errno.EACCES); }
    @Override public void remove(String name) { throw new FsException(Errno.EACCES); }
    @Override public RegularFile createFile(String name, int perm) { throw new FsException(Errno.EACCES); }
    @Override public Dir createDir(String name, int perm) { throw new FsException(Errno.EACCES); }
    @Override public long size() { return 0; }
}
