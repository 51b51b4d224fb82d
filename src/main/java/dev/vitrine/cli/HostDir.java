package dev.vitrine.cli;

import dev.vitrine.fs.Mount;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The directory `./vitrine` was started in, shown to the guest at {@link #GUEST} so that a
 * program finds its input files where its user keeps them: read-only unless --rw, through the
 * same sealed mount as --mount. `vitrine run` starts its program there; `vitrine sh` starts in
 * /home/user with the chapter's sample files and can `cd /mnt/host`. Nothing is shown when the
 * directory cannot be read, when its name holds a ':' (the --mount syntax's separator), or when
 * the user mounts something of their own at or above /mnt/host.
 *
 * @param spec the --mount spec, or null when nothing is shown
 */
record HostDir(String spec, Path host, boolean writable) {
    static final String GUEST = "/mnt/host";
    static final HostDir NONE = new HostDir(null, null, false);

    static HostDir current(boolean rw, List<String> userMounts) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (cwd.toString().contains(":") || !Files.isDirectory(cwd) || !Files.isReadable(cwd) || !Files.isExecutable(cwd)) return NONE;
        for (String m : userMounts) {
            String guest = Mount.parse(m).guest();
            if (GUEST.equals(guest) || GUEST.startsWith(guest.endsWith("/") ? guest : guest + "/")) return NONE;
        }
        return new HostDir(cwd + ":" + GUEST + (rw ? ":rw" : ""), cwd, rw);
    }

    boolean shown() { return spec != null; }
}
