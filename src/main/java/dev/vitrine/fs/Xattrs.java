package dev.vitrine.fs;

import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory inode's extended attributes (tmpfs's simple_xattrs): name to value, listed in
 * descending name order as Linux 6.x's tree gives them. Each takes simple_xattr_space's bytes (the struct,
 * the name and the value) of the machine's memory through the tree's {@link dev.vitrine.mm.KernelBytes}; past what
 * is left, setting one is ENOSPC, as tmpfs's inode space runs out.
 */
public final class Xattrs {
    private final TreeMap<String, byte[]> map = new TreeMap<>();

    private static long cost(String name, byte[] value) { return 56 + name.length() + 1 + value.length; }

    public byte[] get(String name) { return map.get(name); }

    /** In the order Linux 6.x lists them: names descending, as its tree is walked. */
    public Iterable<String> names() { return map.descendingKeySet(); }

    /** simple_xattr_set: XATTR_CREATE over an existing one is EEXIST, XATTR_REPLACE of none ENODATA. */
    public void set(dev.vitrine.mm.KernelBytes s, String name, byte[] value, boolean create, boolean replace) {
        byte[] old = map.get(name);
        if (old != null && create) throw new FsException(dev.vitrine.abi.Errno.EEXIST);
        if (old == null && replace) throw new FsException(dev.vitrine.abi.Errno.ENODATA);
        if (!s.take(cost(name, value))) throw new FsException(dev.vitrine.abi.Errno.ENOSPC);
        if (old != null) s.give(cost(name, old));
        map.put(name, value.clone());
    }

    /** removexattr: ENODATA when there is none. */
    public void remove(dev.vitrine.mm.KernelBytes s, String name) {
        byte[] old = map.remove(name);
        if (old == null) throw new FsException(dev.vitrine.abi.Errno.ENODATA);
        s.give(cost(name, old));
    }

    /** The inode is gone: its attributes' bytes go back. */
    public void release(dev.vitrine.mm.KernelBytes s) {
        for (Map.Entry<String, byte[]> e : map.entrySet()) s.give(cost(e.getKey(), e.getValue()));
        map.clear();
    }
}
