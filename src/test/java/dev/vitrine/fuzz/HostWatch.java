package dev.vitrine.fuzz;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The host side of a fuzz run: a temporary directory whose {@code mnt/} the guest gets read-write,
 * with canary files around it (beside the mount, in a sibling directory) and host symlinks in the
 * mount that point out of it (relative, absolute, at a canary), and a record of the host's /, /tmp, home and working directory.
 * {@link #changes()} lists every difference outside the mount: a canary's existence, content or
 * mtime, an entry added or removed beside the mount, or a new entry named like the fuzzer's files
 * (fz_*, canary*) in the watched host directories (only those names, since other programs on the
 * host write to /tmp too).
 */
final class HostWatch implements AutoCloseable {
    final Path root;
    final Path mount;
    private final Map<Path, String> before;
    private final Map<Path, Set<String>> namesBefore = new TreeMap<>();
    private final List<Path> watched;

    HostWatch() throws IOException {
        root = Files.createTempDirectory("vitrine-fuzz");
        mount = Files.createDirectory(root.resolve("mnt"));
        Files.writeString(root.resolve("canary.txt"), "canary beside the mount\n");
        Path sib = Files.createDirectory(root.resolve("sibling"));
        Files.writeString(sib.resolve("canary.txt"), "canary in a sibling directory\n");
        Files.writeString(mount.resolve("inside.txt"), "the guest may change this\n");
        Files.createDirectory(mount.resolve("fz_d"));
        // host symlinks inside the mount that point out of it: the guest must never reach through them
        Files.createSymbolicLink(mount.resolve("fz_out"), Path.of(".."));
        Files.createSymbolicLink(mount.resolve("fz_abs"), root);
        Files.createSymbolicLink(mount.resolve("fz_canary"), Path.of("../canary.txt"));
        before = snapshot();
        watched = new ArrayList<>(List.of(Path.of("/"), Path.of("/tmp"), Path.of("").toAbsolutePath(), root.getParent()));
        String home = System.getProperty("user.home");
        if (home != null) watched.add(Path.of(home));
        for (Path d : watched) namesBefore.put(d, fuzzNames(d));
    }

    /** The --mount spec that shows {@link #mount} at /mnt/host, read-write. */
    String mountSpec() { return mount + ":/mnt/host:rw"; }

    /** What changed on the host outside the mount; empty when nothing did. */
    List<String> changes() throws IOException {
        List<String> out = new ArrayList<>();
        Map<Path, String> after = snapshot();
        for (var e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (now == null) out.add("host " + e.getKey() + " was removed");
            else if (!now.equals(e.getValue())) out.add("host " + e.getKey() + " changed: " + e.getValue() + " -> " + now);
        }
        for (Path p : after.keySet()) if (!before.containsKey(p)) out.add("host " + p + " appeared");
        for (Path d : watched) {
            Set<String> now = fuzzNames(d);
            now.removeAll(namesBefore.get(d));
            for (String n : now) out.add("host " + d.resolve(n) + " appeared");
        }
        return out;
    }

    /** Every entry under root except inside the mount: path -> kind, size, mtime, content hash. */
    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> m = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                if (dir.equals(mount)) return FileVisitResult.SKIP_SUBTREE;   // the mount point itself is the guest's too
                m.put(dir, describe(dir, a));
                return FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                m.put(file, describe(file, a));
                return FileVisitResult.CONTINUE;
            }
        });
        return m;
    }

    private static String describe(Path p, BasicFileAttributes a) {
        try {
            String kind = a.isSymbolicLink() ? "link->" + Files.readSymbolicLink(p) : a.isDirectory() ? "dir" : "file";
            String perm = String.valueOf(Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS));
            String hash = a.isRegularFile() ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))).substring(0, 16) : "";
            String mtime = a.isDirectory() ? "" : a.lastModifiedTime().toString();
            return kind + " mode " + perm + " size " + (a.isDirectory() ? "" : a.size()) + " mtime " + mtime + " " + hash;
        } catch (Exception e) {
            return "unreadable: " + e;
        }
    }

    private static Set<String> fuzzNames(Path dir) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("fz_") || n.startsWith("canary")).forEach(names::add);
        } catch (IOException e) {
            // an unreadable directory has no names to compare
        }
        return names;
    }

    @Override public void close() throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
