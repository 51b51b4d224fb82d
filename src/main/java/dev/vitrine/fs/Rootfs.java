package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tree a machine boots with: /dev, /tmp, /home/user (the starting directory, with a few
 * sample files), /proc, /etc, the riscv64 sysroot read-only at /lib and /usr/lib, and the
 * user's --mount directories.
 */
public final class Rootfs {
    private Rootfs() {}

    /** Where the cross toolchain keeps the riscv64 libraries that dynamic executables need. */
    public static final Path SYSROOT_LIB = Path.of("/usr/riscv64-linux-gnu/lib");
    public static final String HOME = "/home/user";

    /** Builds the tree; {@code tty} opens /dev/tty (null: no controlling terminal, ENXIO). */
    public static void build(Vfs v, long seed, java.util.function.Supplier<File> tty, ProcSource proc, List<Mount> mounts) {
        v.mounts().add("/", "tmpfs", "tmpfs", Vfs.TMPFS_DEV, () -> tmpfsOptions(v));
        devices(v, seed, tty);
        v.mounts().add("/dev/pts", "devpts", "devpts", Devpts.DEV, () -> ",gid=" + Devpts.TTY_GID + ",mode=620,ptmxmode=000");
        Dir tmp = v.mkdirs("/tmp", 0777);
        tmp.chmod(01777, v.now());
        v.mkdirs(HOME, 0755);
        v.writeFile(HOME + "/hello.txt", "Hello, world!\n".getBytes(StandardCharsets.UTF_8), 0644);
        v.writeFile(HOME + "/poem.txt", ("Two roads diverged in a yellow wood,\nAnd sorry I could not travel both\n"
                + "And be one traveler, long I stood\n").getBytes(StandardCharsets.UTF_8), 0644);
        v.writeFile(HOME + "/numbers.txt", numbers().getBytes(StandardCharsets.UTF_8), 0644);
        // Debian's system accounts that test suites look up by name (LTP's "nobody", "bin", "daemon"), and the user.
        v.writeFile("/etc/passwd", ("root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
                + "bin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\nuser:x:1000:1000:user:/home/user:/bin/sh\n")
                .getBytes(StandardCharsets.UTF_8), 0644);
        v.writeFile("/etc/group", ("root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\ntty:x:5:\nusers:x:100:\nnogroup:x:65534:\n"
                + "user:x:1000:\n").getBytes(StandardCharsets.UTF_8), 0644);
        v.writeFile("/etc/hostname", "vitrine\n".getBytes(StandardCharsets.UTF_8), 0644);
        // Test suites (LTP's tst_kconfig) read the kernel's build options: these are what the machine has.
        v.mkdirs("/boot", 0755);
        v.writeFile("/boot/config-" + dev.vitrine.abi.Uts.RELEASE, String.join("\n", KCONFIG).concat("\n").getBytes(StandardCharsets.UTF_8), 0644);
        v.mkdirs("/bin", 0755);
        v.mkdirs("/usr", 0755);
        // The system's tree is root's, as a distribution installs it; /home/user is the user's.
        rootOwned(v.root(), (Dir) Namei.walk(new Namei.From(v.root(), v.root(), 0), v.root(), HOME, true).inode());
        if (proc != null) {
            ProcTree.mount(v, proc);
            v.mounts().add("/proc", "proc", "proc", Vfs.PROC_DEV, () -> "");
        }
        if (Files.isDirectory(SYSROOT_LIB)) {
            hostMounted(v, "/lib", SYSROOT_LIB, HostDir.mount(v, v.root(), "lib", SYSROOT_LIB, false, 0));
            hostMounted(v, "/usr/lib", SYSROOT_LIB, HostDir.mount(v, (Dir) v.root().lookup("usr"), "lib", SYSROOT_LIB, false, 0));
        }
        for (Mount m : mounts) mount(v, m);
    }

    /** shmem_show_options of the in-memory tree: its root's mode when not 1777, its size when limited. */
    private static String tmpfsOptions(Vfs v) {
        StringBuilder b = new StringBuilder();
        if (!v.tmpfs().sizeless()) b.append(",size=").append(v.tmpfs().maxPages() * 4).append('k');
        int mode = v.root().perm() & 07777;
        if (mode != 01777) b.append(",mode=").append(String.format("%03o", mode));
        return b.toString();
    }

    /** A host directory in the mount table: the host path as its source, the host's file system type. */
    private static void hostMounted(Vfs v, String guest, java.nio.file.Path host, HostDir d) {
        v.mounts().add(guest, host.toString(), () -> MountTable.typeName(Statfs.of(v, d.dev()).type()), d.dev(), () -> "");
    }

    /** Gives root what the boot tree made with the default owner, except {@code user}'s subtree (devices keep theirs). */
    private static void rootOwned(Dir d, Dir user) {
        if (d == user) return;
        if (d.uid() == dev.vitrine.abi.Cred.UID && d.gid() == dev.vitrine.abi.Cred.GID) d.setOwner(0, 0);
        for (Dir.Entry e : d.entries()) {
            Inode i = e.inode();
            if (i instanceof MemDir m) rootOwned(m, user);
            else if (!(i instanceof Dir) && !(i instanceof Device) && i.uid() == dev.vitrine.abi.Cred.UID
                    && i.gid() == dev.vitrine.abi.Cred.GID) i.setOwner(0, 0);
        }
    }

    /** /boot/config-RELEASE (uname -r): the CONFIG_ options of the kernel Vitrine plays, one per feature it implements. */
    static final String[] KCONFIG = {
        "CONFIG_RISCV=y", "CONFIG_64BIT=y", "CONFIG_MMU=y", "CONFIG_SWAP=y", "CONFIG_SHMEM=y", "CONFIG_TMPFS=y",
        "CONFIG_PROC_FS=y", "CONFIG_FUTEX=y", "CONFIG_EPOLL=y", "CONFIG_EVENTFD=y", "CONFIG_UNIX=y", "CONFIG_NET=y",
        "CONFIG_FILE_LOCKING=y", "CONFIG_MULTIUSER=y", "CONFIG_MEMFD_CREATE=y", "CONFIG_TIMERFD=y",
    };

    /**
     * Puts one --mount in the tree. It never changes the host: directories on the way are made
     * only in the in-memory tree, and inside a mounted host directory the spot must already be
     * a directory, which the new mount covers.
     */
    private static void mount(Vfs v, Mount m) {
        List<String> names = new ArrayList<>();
        for (String c : m.guest().split("/")) if (!c.isEmpty()) names.add(c);
        String[] parts = names.toArray(new String[0]);
        if (parts.length == 0) throw new IllegalArgumentException("--mount: cannot mount over /");
        try {
            Dir dir = v.root();
            StringBuilder at = new StringBuilder();
            for (int k = 0; k < parts.length - 1; k++) {
                at.append('/').append(parts[k]);
                Inode i = dir.lookup(parts[k]);
                if (i instanceof Dir d) dir = d;
                else if (i == null && !(dir instanceof HostDir)) {
                    dir = dir.createDir(parts[k], 0755);
                    dir.setOwner(0, 0);            // a mount point's parents are the system's
                }
                else throw new IllegalArgumentException("--mount " + m.guest() + ": " + at + (i == null
                        ? " does not exist in a mounted host directory (a mount never changes the host)" : " is not a directory"));
            }
            String name = parts[parts.length - 1];
            if (dir instanceof HostDir && !(dir.lookup(name) instanceof Dir))
                throw new IllegalArgumentException("--mount " + m.guest() + ": no directory " + m.guest()
                        + " in the mounted host directory to mount on (a mount never changes the host)");
            Inode there = dir.lookup(name);
            if (there != null && !(there instanceof Dir))   // mount(2): a directory goes only on a directory (ENOTDIR)
                throw new IllegalArgumentException("--mount " + m.guest() + ": is a file, not a directory to mount on");
            hostMounted(v, m.guest(), m.host(), HostDir.mount(v, dir, name, m.host(), m.writable()));
        } catch (FsException e) {
            throw new IllegalArgumentException("--mount " + m.host() + ":" + m.guest() + ": " + Errno.text(e.errno()));
        }
    }

    /**
     * Writes the first program's image into the in-memory tree: /home/user/NAME, or
     * /run/vitrine/NAME when /home/user is (or lies in) a mounted host directory, so that
     * nothing is ever written into a mount except by the guest. Returns the file; its name()
     * is its path (/proc/self/exe).
     */
    public static RegularFile placeProgram(Vfs v, String name, byte[] image) {
        for (String dir : new String[] {HOME, "/run/vitrine"}) {
            Dir d = v.root();
            for (String c : dir.substring(1).split("/")) {
                Inode i = d == null ? null : d.lookup(c);
                if (i == null && d instanceof MemDir) {
                    d = d.createDir(c, 0755);
                    d.setOwner(0, 0);              // /run/vitrine is the system's
                } else d = i instanceof MemDir m ? m : null;
            }
            Inode old = d == null ? null : d.lookup(name);
            if (d == null || old != null && !(old instanceof RegularFile)) continue;
            return v.writeFile(dir + "/" + name, image, 0755);
        }
        throw new IllegalArgumentException("no place outside the --mount directories for the program " + name);
    }

    private static String numbers() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 100; i++) sb.append(i).append('\n');
        return sb.toString();
    }

    private static void devices(Vfs v, long seed, java.util.function.Supplier<File> tty) {
        Dir dev = v.mkdirs("/dev", 0755);
        // POSIX shared memory: glibc's shm_open opens /dev/shm/NAME, a tmpfs directory anyone may add to.
        v.mkdirs("/dev/shm", 0777).chmod(01777, v.now());
        SplittableRandom rng = new SplittableRandom(seed ^ 0xdef_1ce_5eedL);
        List<Device> nodes = new ArrayList<>();
        nodes.add(node(v, dev, "null", 1, 3, d -> new Devices.Null(d)));
        nodes.add(node(v, dev, "zero", 1, 5, d -> new Devices.Zero(d, false)));
        nodes.add(node(v, dev, "full", 1, 7, d -> new Devices.Zero(d, true)));
        nodes.add(node(v, dev, "random", 1, 8, d -> new Devices.Random(d, rng)));
        nodes.add(node(v, dev, "urandom", 1, 9, d -> new Devices.Random(d, rng)));
        nodes.add(node(v, dev, "tty", 5, 0, d -> {
            File f = tty == null ? null : tty.get();
            if (f == null) throw new FsException(Errno.ENXIO);
            return f;
        }));
        Devpts pts = new Devpts(v, dev, tty);
        v.setDevpts(pts);
        dev.add("pts", pts.dir());
        Device ptmx = node(v, dev, "ptmx", Devpts.PTMX_MAJOR, Devpts.PTMX_MINOR, pts::openMaster);
        for (Device d : nodes) d.setOwner(0, 0);
        ptmx.setOwner(0, Devpts.TTY_GID);
        dev.add("fd", new Symlink(v, dev.dev(), "/proc/self/fd"));
        dev.add("stdin", new Symlink(v, dev.dev(), "/proc/self/fd/0"));
        dev.add("stdout", new Symlink(v, dev.dev(), "/proc/self/fd/1"));
        dev.add("stderr", new Symlink(v, dev.dev(), "/proc/self/fd/2"));
    }

    private static Device node(Vfs v, Dir dev, String name, int major, int minor, java.util.function.Function<Device, File> driver) {
        Device d = new Device(v, dev.dev(), 0666, major, minor, driver);
        dev.add(name, d);
        return d;
    }
}
