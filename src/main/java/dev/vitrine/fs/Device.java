package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

import java.util.function.Function;

/** A character (or block) device node; each open gets a fresh {@link File} from the driver. */
public final class Device extends Inode {
    private final int major, minor;
    private final Function<Device, File> driver;

    public Device(Vfs vfs, long dev, int perm, int major, int minor, Function<Device, File> driver) {
        this(vfs, dev, Stat.S_IFCHR, perm, major, minor, driver);
    }

    /** A node mknod made: {@code type} is S_IFCHR or S_IFBLK. */
    public Device(Vfs vfs, long dev, int type, int perm, int major, int minor, Function<Device, File> driver) {
        super(vfs, dev, type | (perm & 07777));
        this.major = major;
        this.minor = minor;
        this.driver = driver;
    }

    /** With a given inode number (devpts numbers its nodes: ptmx 2, pts/N N + 3). */
    public Device(Vfs vfs, long dev, long ino, int perm, int major, int minor, Function<Device, File> driver) {
        super(vfs, dev, ino, Stat.S_IFCHR | (perm & 07777));
        this.major = major;
        this.minor = minor;
        this.driver = driver;
    }

    public int major() { return major; }
    public int minor() { return minor; }

    /** Opens the device; the driver may refuse (ENXIO for /dev/tty without a terminal). */
    public File open() { return driver.apply(this); }

    /**
     * A node made by mknod(2): memory devices 1:3 (null), 1:5 (zero) and 1:7 (full) have their
     * drivers; any other number opens as ENXIO, as a number no driver registered.
     */
    public static Device made(Vfs vfs, long fsDev, int type, int perm, int major, int minor) {
        Function<Device, File> driver = d -> { throw new FsException(Errno.ENXIO); };
        if (type == Stat.S_IFCHR && major == 1 && minor == 3) driver = Devices.Null::new;
        else if (type == Stat.S_IFCHR && major == 1 && (minor == 5 || minor == 7)) driver = d -> new Devices.Zero(d, minor == 7);
        return new Device(vfs, fsDev, type, perm, major, minor, driver);
    }

    @Override public long size() { return 0; }
    @Override protected long rdev() { return Stat.makedev(major, minor); }
    @Override protected long blocks() { return 0; }
}
