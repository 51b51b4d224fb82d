package dev.vitrine.fs;

import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory inode's extended attributes (tmpfs's simple_xattrs): name to value, listed in
 * descending name order as Linux 6.x's tree gives them. Each takes simple_xattr_space's bytes (the struct,
 * the name and the value) of the machine's memory through the tree's {@link Space}; past what
 * is left, setting one is ENOSPC, as tmpfs's inode space runs out.
 */
public final class Xattrs {
    private final TreeMap<String, byte[]> map = new TreeMap<>();

    /** The machine's account of xattr bytes, charged to its kernel memory a page at a time. */
    public static final class Space {
        private final dev.vitrine.mm.KernelMemory memory;
        private long bytes, pages;

        Space(dev.vitrine.mm.KernelMemory memory) { this.memory = memory; }

        boolean take(long n) {
            long need = (bytes + n + 4095) / 4096, got = 0;
            if (memory != null)
                for (; pages + got < need; got++)
                    if (!memory.charge()) { memory.uncharge(got); return false; }
            pages += got;
            bytes += n;
            return true;
        }

        void give(long n) {
            bytes -= n;
            long need = (bytes + 4095) / 4096;
            if (memory != null && pages > need) { memory.uncharge(pages - need); pages = need; }
        }
    }

    private static long cost(String name, byte[] value) { return 56 + name.length() + 1 + value.length; }

    public byte[] get(String name) { return map.get(name); }

    /** In the order Linux 6.x lists them: names descending, as its tree is walked. */
    public Iterable<String> names() { return map.descendingKeySet(); }

    /** simple_xattr_set: XATTR_CREATE over an existing one is EEXIST, XATTR_REPLACE of none ENODATA. */
    public void set(Space s, String name, byte[] value, boolean create, boolean replace) {
        byte[] old = map.get(name);
        if (old != null && create) throw new FsException(dev.vitrine.abi.Errno.EEXIST);
        if (old == null && replace) throw new FsException(dev.vitrine.abi.Errno.ENODATA);
        if (!s.take(cost(name, value))) throw new FsException(dev.vitrine.abi.Errno.ENOSPC);
        if (old != null) s.give(cost(name, old));
        map.put(name, value.clone());
    }

    /** removexattr: ENODATA when there is none. */
    public void remove(Space s, String name) {
        byte[] old = map.remove(name);
        if (old == null) throw new FsException(dev.vitrine.abi.Errno.ENODATA);
        s.give(cost(name, old));
    }

    /** The inode is gone: its attributes' bytes go back. */
    public void release(Space s) {
        for (Map.Entry<String, byte[]> e : map.entrySet()) s.give(cost(e.getKey(), e.getValue()));
        map.clear();
    }
}
