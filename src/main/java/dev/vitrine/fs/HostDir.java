package dev.vitrine.fs;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory of a mounted host tree (--mount HOST:GUEST[:rw]). Children are entered only
 * by a single name, never following host symlinks (they become guest symlinks, resolved in
 * the guest's tree), so nothing outside the mounted directory is reachable. Inodes are made
 * on first sight and kept, so inode numbers stay put.
 */
public final class HostDir extends Dir {
    private final Vfs vfs;
    private final Path path;
    private final boolean writable;
    private final TreeMap<String, Inode> seen = new TreeMap<>();

    public HostDir(Vfs vfs, long dev, Path path, boolean writable, Dir parent) {
        super(vfs, dev, hostPerm(path, 0755), parent);
        this.vfs = vfs;
        this.path = path;
        this.writable = writable;
    }

    @Override public boolean readOnly() { return !writable; }

    private static int hostPerm(Path p, int dflt) {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions().stream()
                    .mapToInt(x -> 0400 >> x.ordinal()).sum();
        } catch (IOException | UnsupportedOperationException e) {
            return dflt;
        }
    }

    private Path child(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0)
            throw new FsException(Errno.ENOENT);
        return path.resolve(name);
    }

    @Override public Inode lookup(String name) {
        Path p = child(name);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            seen.remove(name);
            return null;
        }
        Inode i = seen.get(name);
        if (i != null) return i;
        try {
            if (Files.isSymbolicLink(p)) i = new Symlink(vfs, dev(), Files.readSymbolicLink(p).toString());
            else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) i = new HostDir(vfs, dev(), p, writable, this);
            else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                i = new RegularFile(vfs, dev(), hostPerm(p, 0644), new HostStore(p), !writable);
            else return null;               // host devices, sockets and FIFOs stay invisible
        } catch (IOException e) {
            return null;
        }
        i.link();
        if (i instanceof RegularFile r) r.setName(Path.of("/").resolve(name).toString());
        seen.put(name, i);
        return i;
    }

    @Override public List<Entry> entries() {
        List<String> names;
        try (Stream<Path> s = Files.list(path)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (String n : names) {
            Inode i = lookup(n);
            if (i != null) out.add(new Entry(n, i));
        }
        return out;
    }

    private void checkWritable() { if (!writable) throw new FsException(Errno.EROFS); }

    @Override public void add(String name, Inode inode) {
        checkWritable();
        throw new FsException(Errno.EPERM);   // only files and directories made here live on the host
    }

    @Override public void remove(String name) {
        checkWritable();
        try {
            Files.delete(child(name));
            seen.remove(name);
            touch(vfs.now());
        } catch (DirectoryNotEmptyException e) {
            throw new FsException(Errno.ENOTEMPTY);
        } catch (IOException e) {
            throw new FsException(Errno.EIO);
        }
    }

    /** rename within one host mount. */
    public void move(String from, HostDir to, String name) {
        checkWritable();
        try {
            Files.move(child(from), to.child(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Inode i = seen.remove(from);
            to.seen.remove(name);
            if (i != null) to.seen.put(name, i);
            if (i instanceof Dir d) d.setParent(to);
        } catch (IOException e) {
            throw new FsException(Errno.EIO);
        }
    }

    @Override public RegularFile createFile(String name, int perm) {
        checkWritable();
        try {
            Files.createFile(child(name));
        } catch (IOException e) {
            throw new FsException(Errno.EIO);
        }
        return (RegularFile) lookup(name);
    }

    @Override public Dir createDir(String name, int perm) {
        checkWritable();
        try {
            Files.createDirectory(child(name));
        } catch (IOException e) {
            throw new FsException(Errno.EIO);
        }
        link();
        return (Dir) lookup(name);
    }

    /** Mounts host directory {@code host} at {@code dir/name}; the mount root's ".." is {@code dir}. */
    public static HostDir mount(Vfs vfs, Dir dir, String name, Path host, boolean writable) {
        HostDir d = new HostDir(vfs, vfs.nextHostDev(), host.toAbsolutePath().normalize(), writable, dir);
        if (dir.lookup(name) != null) dir.remove(name);
        dir.add(name, d);
        return d;
    }
}
