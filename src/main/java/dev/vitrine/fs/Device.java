package dev.vitrine.fs;

import java.util.function.Function;

/** A character device node; each open gets a fresh {@link File} from the driver. */
public final class Device extends Inode {
    private final int major, minor;
    private final Function<Device, File> driver;

    public Device(Vfs vfs, long dev, int perm, int major, int minor, Function<Device, File> driver) {
        super(vfs, dev, Stat.S_IFCHR | (perm & 07777));
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

    @Override public long size() { return 0; }
    @Override protected long rdev() { return Stat.makedev(major, minor); }
    @Override protected long blocks() { return 0; }
}
