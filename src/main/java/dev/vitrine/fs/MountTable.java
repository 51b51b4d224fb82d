package dev.vitrine.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The machine's mounts in the order they were made, as /proc/PID/mounts and mountinfo print
 * them (fs/proc_namespace.c): the in-memory tree at /, devpts, proc, the sysroot and each
 * --mount. The per-mount options come from the file system's statfs flags, so the two agree;
 * a file system's own options are what its show_options would print of Vitrine's settings.
 * There is one mount namespace; a process chrooted somewhere sees the mounts at or below its
 * root, their points relative to it (seq_path_root skips the ones it cannot reach).
 */
final class MountTable {
    /** One mount: its id, its parent's, where it is, what it shows as, and its st_dev. */
    private record Entry(int id, int parent, String point, String source, Supplier<String> type, long dev, Supplier<String> fsOptions) {}

    /** Linux numbers the first mounts in the low twenties; the table starts there. */
    private static final int FIRST_ID = 21;
    private final List<Entry> entries = new ArrayList<>();
    private int nextId = FIRST_ID;
    /** Changes since boot (ns->event): a reader's poll reports EPOLLPRI and EPOLLERR once per change. */
    private long events;
    /** Where the table's pollers are woken when it changes. */
    private final Object channel = new Object();

    long events() { return events; }
    int size() { return entries.size(); }
    Object channel() { return channel; }

    /** A mount went (umount): its line leaves the table. */
    void remove(long dev) {
        entries.removeIf(e -> e.dev == dev);
        events++;
    }

    /** Adds a mount at absolute guest path {@code point}; {@code fsOptions}: its show_options text, "" or ",a,b". */
    void add(String point, String source, String type, long dev, Supplier<String> fsOptions) {
        add(point, source, () -> type, dev, fsOptions);
    }

    /** The same, the type found when the table is read (a host mount's: its root is opened only then, see HostHandle.root). */
    void add(String point, String source, Supplier<String> type, long dev, Supplier<String> fsOptions) {
        String p = normal(point);
        int parent = FIRST_ID;
        int best = -1;
        for (Entry e : entries)
            if (under(p, e.point) && e.point.length() > best && !e.point.equals(p)) { best = e.point.length(); parent = e.id; }
        entries.add(new Entry(nextId++, parent, p, source, type, dev, fsOptions));
        events++;
    }

    /** A mount's point as a process whose root is {@code root} sees it, or null if it lies outside. */
    private static String seen(String point, String root) {
        if (root.equals("/")) return point;
        if (point.equals(root)) return "/";
        return point.startsWith(root + "/") ? point.substring(root.length()) : null;
    }

    /** /proc/PID/mounts for a process whose root is {@code root}: "source point type options 0 0". */
    String mounts(Vfs v, String root) {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            String point = seen(e.point, root);
            if (point == null) continue;
            long flags = Statfs.of(v, e.dev).flags();
            b.append(escape(e.source)).append(' ').append(escape(point)).append(' ').append(e.type.get()).append(' ')
                    .append(readOnly(flags)).append(mountOptions(flags)).append(e.fsOptions.get()).append(" 0 0\n");
        }
        return b.toString();
    }

    /** /proc/PID/mountinfo: "id parent major:minor root point options - type source super-options". */
    String mountinfo(Vfs v, String root) {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            String point = seen(e.point, root);
            if (point == null) continue;
            long flags = Statfs.of(v, e.dev).flags();
            b.append(e.id).append(' ').append(e.parent).append(' ').append(Stat.major(e.dev)).append(':').append(Stat.minor(e.dev))
                    .append(" / ").append(escape(point)).append(' ').append(readOnly(flags)).append(mountOptions(flags))
                    .append(" - ").append(e.type.get()).append(' ').append(escape(e.source)).append(' ')
                    .append(readOnly(flags)).append(e.fsOptions.get()).append('\n');
        }
        return b.toString();
    }

    private static String readOnly(long flags) { return (flags & Statfs.ST_RDONLY) != 0 ? "ro" : "rw"; }

    /** show_mnt_opts, in its order. */
    private static String mountOptions(long flags) {
        StringBuilder b = new StringBuilder();
        if ((flags & Statfs.ST_NOSUID) != 0) b.append(",nosuid");
        if ((flags & Statfs.ST_NODEV) != 0) b.append(",nodev");
        if ((flags & Statfs.ST_NOEXEC) != 0) b.append(",noexec");
        if ((flags & 0x400) != 0) b.append(",noatime");
        if ((flags & 0x800) != 0) b.append(",nodiratime");
        if ((flags & Statfs.ST_RELATIME) != 0) b.append(",relatime");
        return b.toString();
    }

    /** mangle(): space, tab, newline and backslash as octal escapes, so a line splits on spaces. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\\') b.append('\\').append(String.format("%03o", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    private static String normal(String path) {
        StringBuilder b = new StringBuilder();
        for (String c : path.split("/")) if (!c.isEmpty()) b.append('/').append(c);
        return b.isEmpty() ? "/" : b.toString();
    }

    private static boolean under(String p, String mount) {
        return mount.equals("/") || p.equals(mount) || p.startsWith(mount + "/");
    }

    /** The name Linux gives a file system of statfs type {@code magic} (a host mount's). */
    static String typeName(long magic) {
        return switch ((int) magic) {
            case 0xEF53 -> "ext4";
            case 0x58465342 -> "xfs";
            case 0x9123683E -> "btrfs";
            case 0x01021994 -> "tmpfs";
            case 0x794C7630 -> "overlay";
            case 0x6969 -> "nfs";
            case 0x01021997 -> "9p";
            case 0x6A656A63 -> "virtiofs";
            case 0x65735546 -> "fuse";
            case 0xF2F52010 -> "f2fs";
            case 0x2FC12FC1 -> "zfs";
            case 0x4D44 -> "vfat";
            case 0x5346544E -> "ntfs";
            default -> "unknown";
        };
    }
}
