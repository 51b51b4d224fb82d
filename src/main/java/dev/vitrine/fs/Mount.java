package dev.vitrine.fs;

import java.nio.file.Files;
import java.nio.file.Path;

/** One --mount HOST:GUEST[:rw]: a host directory shown at an absolute guest path, read-only unless rw. */
public record Mount(Path host, String guest, boolean writable) {
    public static Mount parse(String spec) {
        String[] p = spec.split(":", -1);
        if (p.length < 2 || p.length > 3 || p[0].isEmpty() || !p[1].startsWith("/"))
            throw new IllegalArgumentException("--mount wants HOST:GUEST[:rw] with an absolute GUEST path, not " + spec);
        if (p.length == 3 && !p[2].equals("rw") && !p[2].equals("ro"))
            throw new IllegalArgumentException("--mount: the third part is rw or ro, not " + p[2]);
        for (String c : p[1].split("/"))
            if (c.equals(".") || c.equals(".."))
                throw new IllegalArgumentException("--mount: the GUEST path has no . or .. parts, not " + p[1]);
        Path host = Path.of(p[0]).toAbsolutePath().normalize();
        if (!Files.isDirectory(host))
            throw new IllegalArgumentException("--mount: " + p[0] + (missing(host) ? " does not exist" : " is not a directory"));
        // GUEST comes from the host's command line; the guest's names are bytes (see Names).
        return new Mount(host, Names.fromHost(p[1]), p.length == 3 && p[2].equals("rw"));
    }

    /** ENOENT rather than ENOTDIR: nothing there, and the nearest thing that is there a directory. */
    private static boolean missing(Path host) {
        if (Files.exists(host) || Files.isSymbolicLink(host)) return false;
        for (Path q = host.getParent(); q != null; q = q.getParent())
            if (Files.exists(q)) return Files.isDirectory(q);
        return true;
    }
}
