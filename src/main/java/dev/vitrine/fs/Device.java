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

    /** Opens the device; the driver may refuse (ENXIO for /dev/tty without a terminal). */
    public File open() { return driver.apply(this); }

    @Override public long size() { return 0; }
    @Override protected long rdev() { return Stat.makedev(major, minor); }
    @Override protected long blocks() { return 0; }
}
