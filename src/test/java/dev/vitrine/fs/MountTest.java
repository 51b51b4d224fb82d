package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --mount: the guest sees the host directory and nothing beyond it; read-only unless rw. */
class MountTest {
    @TempDir Path tmp;

    private Vfs vfs(Path host, boolean rw) {
        Vfs v = new Vfs(() -> 0L, Wakeup.NONE);
        v.writeFile("/etc/passwd", "guest passwd\n".getBytes(), 0644);
        HostDir.mount(v, v.mkdirs("/mnt", 0755), "h", host, rw);
        return v;
    }

    private static Namei.Found walk(Vfs v, String path) {
        return Namei.walk(new Namei.From(v.root(), v.root(), 1), v.root(), path, true);
    }

    private static String read(Inode i) {
        RegularFile f = (RegularFile) i;
        byte[] b = new byte[(int) f.size()];
        f.read(0, b, 0, b.length);
        return new String(b);
    }

    @Test void nothingOutsideTheMountIsReachable() throws Exception {
        Path inside = Files.createDirectories(tmp.resolve("inside"));
        Files.writeString(tmp.resolve("secret"), "host secret\n");
        Files.writeString(inside.resolve("file"), "visible\n");
        Files.createSymbolicLink(inside.resolve("abs"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(inside.resolve("up"), Path.of("../secret"));
        Files.createSymbolicLink(inside.resolve("hostabs"), tmp.resolve("secret"));
        Vfs v = vfs(inside, false);
        assertEquals("visible\n", read(walk(v, "/mnt/h/file").need()));
        // An absolute link resolves in the guest's tree, not the host's.
        assertEquals("guest passwd\n", read(walk(v, "/mnt/h/abs").need()));
        // ".." from the mount's root is the guest's /mnt, so ../secret is /mnt/secret: absent.
        assertNull(walk(v, "/mnt/h/up").inode());
        assertSame(walk(v, "/mnt").inode(), walk(v, "/mnt/h/..").inode());
        assertNull(walk(v, "/mnt/h/../secret").inode());
        assertThrows(FsException.class, () -> walk(v, "/mnt/h/hostabs").need());
    }

    @Test void readOnlyMountRefusesWritesWithErofs() throws Exception {
        Files.writeString(tmp.resolve("f"), "data");
        Vfs v = vfs(tmp, false);
        RegularFile f = (RegularFile) walk(v, "/mnt/h/f").need();
        FsException e = assertThrows(FsException.class, () -> f.write(0, new byte[1], 0, 1));
        assertEquals(Errno.EROFS, e.errno());
        Dir d = (Dir) walk(v, "/mnt/h").need();
        assertEquals(Errno.EROFS, assertThrows(FsException.class, () -> d.createFile("new", 0644)).errno());
        assertEquals(Errno.EROFS, assertThrows(FsException.class, () -> d.remove("f")).errno());
        assertEquals("data", Files.readString(tmp.resolve("f")));
    }

    @Test void readWriteMountChangesTheHost() throws Exception {
        Vfs v = vfs(tmp, true);
        Dir d = (Dir) walk(v, "/mnt/h").need();
        RegularFile f = d.createFile("made", 0644);
        f.write(0, "from the guest".getBytes(), 0, 14);
        assertEquals("from the guest", Files.readString(tmp.resolve("made")));
        Dir sub = d.createDir("sub", 0755);
        assertInstanceOf(HostDir.class, sub);
        assertTrue(Files.isDirectory(tmp.resolve("sub")));
        assertEquals(List.of("made", "sub"), d.entries().stream().map(Dir.Entry::name).toList());
        d.remove("made");
        assertTrue(Files.notExists(tmp.resolve("made")));
    }

    @Test void inodeNumbersStayPut() throws Exception {
        Files.writeString(tmp.resolve("f"), "x");
        Vfs v = vfs(tmp, false);
        long ino = walk(v, "/mnt/h/f").need().ino();
        assertEquals(ino, walk(v, "/mnt/h/f").need().ino());
        assertArrayEquals(new long[] {ino}, new long[] {walk(v, "/mnt/h/./f").need().ino()});
    }

    @Test void aMountsRootIsOpenedWhenFirstUsedAndMustStillBeTheDirectoryMounted() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Files.writeString(a.resolve("f"), "mounted");
        Vfs v = vfs(a, false);
        Vfs w = vfs(a, false);
        // The root was stat'ed at mount time, not opened: the host's inode number is the guest's.
        assertEquals(Files.getAttribute(a.resolve("f"), "unix:ino"), walk(w, "/mnt/h/f").need().ino());
        assertEquals("mounted", read(walk(w, "/mnt/h/f").need()));
        // Swapped on the host before the guest of v looked inside: v's mount reaches neither.
        Files.move(a, tmp.resolve("gone"));
        Files.createDirectories(a);
        Files.writeString(a.resolve("f"), "swapped in");
        assertEquals(Errno.ENOENT, assertThrows(FsException.class, () -> walk(v, "/mnt/h/f")).errno());
        assertEquals("mounted", read(walk(w, "/mnt/h/f").need()));   // w's root was open already
    }

    @Test void onlyADirectoryIsMounted() throws Exception {
        Files.writeString(tmp.resolve("file"), "x");
        Vfs v = new Vfs(() -> 0L, Wakeup.NONE);
        assertEquals(Errno.ENOTDIR, assertThrows(FsException.class,
                () -> HostDir.mount(v, v.mkdirs("/mnt", 0755), "h", tmp.resolve("file"), false)).errno());
        assertEquals(Errno.ENOENT, assertThrows(FsException.class,
                () -> HostDir.mount(v, v.mkdirs("/mnt", 0755), "h", tmp.resolve("none"), false)).errno());
        assertEquals(Errno.ENOTDIR, assertThrows(FsException.class,
                () -> HostDir.mount(v, v.mkdirs("/mnt", 0755), "h", tmp.resolve("file/sub"), false)).errno());
    }

    @Test void hostFdsAreBoundedHowEverManyFilesTheGuestSees() throws Exception {
        for (int k = 0; k < 3 * HostFdCache.LIMIT; k++) Files.writeString(tmp.resolve("f" + k), "n" + k);
        Vfs v = vfs(tmp, true);
        HostDir d = (HostDir) walk(v, "/mnt/h").need();
        for (int k = 0; k < 3 * HostFdCache.LIMIT; k++) assertEquals("n" + k, read(walk(v, "/mnt/h/f" + k).need()));
        assertTrue(d.openFds() <= HostFdCache.LIMIT, "open host fds: " + d.openFds());
        // files whose fds were closed reopen by name, relative to their directory
        assertEquals("n0", read(walk(v, "/mnt/h/f0").need()));
    }

    @Test void aRenamedDirectoryTakesItsHandleAlong() throws Exception {
        Files.createDirectories(tmp.resolve("in/d"));
        Files.writeString(tmp.resolve("in/d/keep"), "kept");
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/keep"), "outside");
        Files.createSymbolicLink(tmp.resolve("in/link"), tmp.resolve("out"));
        Vfs v = vfs(tmp.resolve("in"), true);
        HostDir root = (HostDir) walk(v, "/mnt/h").need();
        Dir d = (Dir) walk(v, "/mnt/h/d").need();
        root.rename("d", root, "e", 0, false);
        root.rename("link", root, "d", 0, false);          // the old name is now a host symlink pointing out
        assertEquals("kept", read(d.lookup("keep")));
        assertSame(d, walk(v, "/mnt/h/e").need());
        assertInstanceOf(Symlink.class, Namei.walk(new Namei.From(v.root(), v.root(), 1), v.root(), "/mnt/h/d", false).inode());
        // followed, it resolves in the guest's tree, where the host's path leads nowhere
        assertEquals(Errno.ENOENT, assertThrows(FsException.class, () -> walk(v, "/mnt/h/d/keep")).errno());
        RegularFile made = d.createFile("new", 0644);
        made.write(0, "x".getBytes(), 0, 1);
        assertEquals("x", Files.readString(tmp.resolve("in/e/new")));
        assertEquals(List.of("keep"), Files.list(tmp.resolve("out")).map(p -> p.getFileName().toString()).toList());
    }

    @Test void anOpenFileKeepsItsBytesAfterTheGuestUnlinksIt() throws Exception {
        Files.writeString(tmp.resolve("f"), "before");
        Vfs v = vfs(tmp, true);
        RegularFile f = (RegularFile) walk(v, "/mnt/h/f").need();
        OpenFile open = new OpenFile(f);
        ((Dir) walk(v, "/mnt/h").need()).remove("f");
        assertTrue(Files.notExists(tmp.resolve("f")));
        f.write(0, "AFTER!".getBytes(), 0, 6);
        byte[] b = new byte[6];
        assertEquals(6, f.read(0, b, 0, 6));
        assertEquals("AFTER!", new String(b));
        open.close();
        assertEquals(0, f.size());                    // the last close let the orphan go
    }

    @Test void guestNamesAreBytesOneCharEach() {
        byte[] all = new byte[255];
        for (int k = 0; k < all.length; k++) all[k] = (byte) (k + 1);
        String s = Names.of(all);
        assertEquals(255, s.length());
        assertArrayEquals(all, Names.bytes(s));
    }

    @Test void nonUtf8HostNamesAreDistinctGuestNames() throws Exception {
        Vfs v = vfs(tmp, true);
        Dir d = (Dir) walk(v, "/mnt/h").need();
        String a = Names.of(new byte[] {'x', (byte) 0xe9}), b = Names.of(new byte[] {'x', (byte) 0xc3, (byte) 0xa9});
        d.createFile(a, 0644).write(0, "latin".getBytes(), 0, 5);
        d.createFile(b, 0644).write(0, "utf8".getBytes(), 0, 4);
        assertEquals(List.of(b, a), d.entries().stream().map(Dir.Entry::name).toList());
        assertEquals("latin", read(walk(v, "/mnt/h/" + a).need()));
        assertEquals("utf8", read(walk(v, "/mnt/h/é".replace("é", b)).need()));
        assertEquals("utf8", Files.readString(tmp.resolve("xé")));   // the UTF-8 name, as the host sees it
    }

    @Test void twoMountsNeverExchangeHostFiles() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a")), b = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(a.resolve("f"), "a's");
        Vfs v = vfs(a, true);
        HostDir other = HostDir.mount(v, v.mkdirs("/mnt", 0755), "ro", b, false);
        HostDir ha = (HostDir) walk(v, "/mnt/h").need();
        assertEquals(Errno.EXDEV, assertThrows(FsException.class, () -> ha.rename("f", other, "g", 0, false)).errno());
        RegularFile f = (RegularFile) walk(v, "/mnt/h/f").need();
        assertEquals(Errno.EROFS, assertThrows(FsException.class, () -> other.add("g", f)).errno());
        assertEquals("a's", Files.readString(a.resolve("f")));
        assertTrue(Files.notExists(b.resolve("g")));
    }

    @Test void aDeepDirectoryReopensByNamesFromTheRoot() throws Exception {
        Vfs v = vfs(tmp, true);
        Dir d = (Dir) walk(v, "/mnt/h").need();
        for (int k = 0; k < 300; k++) d = d.createDir("d", 0755);
        Dir deepest = d;
        HostDir root = (HostDir) walk(v, "/mnt/h").need();
        for (int k = 0; k < 2 * HostFdCache.LIMIT; k++) root.createFile("f" + k, 0644);   // the deep chain's fds go
        deepest.createFile("bottom", 0644).write(0, "here".getBytes(), 0, 4);
        Path p = tmp;
        for (int k = 0; k < 300; k++) p = p.resolve("d");
        assertEquals("here", Files.readString(p.resolve("bottom")));
        assertTrue(root.openFds() <= HostFdCache.LIMIT);
    }

    @Test void inodesTheGuestDropsAreReclaimedAndComeBackWithTheirNumbers() throws Exception {
        Vfs v = vfs(tmp, true);
        HostDir d = (HostDir) walk(v, "/mnt/h").need();
        for (int k = 0; k < 1000; k++) d.createFile("f" + k, 0644);
        long ino = walk(v, "/mnt/h/f7").need().ino();
        assertEquals(ino, Files.getAttribute(tmp.resolve("f7"), "unix:ino"));   // the host's own number
        for (int k = 0; k < 40 && d.heldInodes() > 100; k++) {
            System.gc();
            Thread.sleep(50);           // cleared references reach their queue on another thread
        }
        assertTrue(d.heldInodes() <= 100, "inodes held: " + d.heldInodes());
        assertEquals(ino, walk(v, "/mnt/h/f7").need().ino());
        assertEquals(1000, d.entries().size());
    }

    /** statfs of a mounted file is the host file system's (Java's FileStore reads the same statfs), ST_RDONLY as the mount is. */
    @Test void statfsOfAMountIsTheHostsWithTheMountsReadOnlyFlag() throws Exception {
        Files.writeString(tmp.resolve("f"), "x");
        java.nio.file.FileStore host = Files.getFileStore(tmp);
        for (boolean rw : new boolean[] {false, true}) {
            Vfs v = vfs(tmp, rw);
            Statfs s = Statfs.of(v, walk(v, "/mnt/h/f").need().stat().dev());
            assertEquals(host.getTotalSpace(), s.blocks() * s.frsize());
            assertEquals(host.getBlockSize(), s.bsize());
            assertEquals(rw ? 0 : Statfs.ST_RDONLY, s.flags() & Statfs.ST_RDONLY);
            assertEquals(rw ? 0 : Statfs.ST_RDONLY, Statfs.of(v, walk(v, "/mnt/h").need().stat().dev()).flags() & Statfs.ST_RDONLY);
            assertEquals(!rw, v.readOnlyMount(walk(v, "/mnt/h/f").need().dev()));
            assertEquals(Statfs.TMPFS_MAGIC, Statfs.of(v, walk(v, "/etc/passwd").need().stat().dev()).type());
        }
    }
}
