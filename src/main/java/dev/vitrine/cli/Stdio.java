package dev.vitrine.cli;

import dev.vitrine.Machine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a machine's fds 0-2 come from: the `vitrine` process's own fds 0-2 when it runs as
 * the command (a closed host stdout is then EPIPE for the guest, a closed host fd a closed
 * guest fd), or the System streams as an in-process caller (a test) set them.
 */
final class Stdio {
    private Stdio() {}

    private static volatile boolean ownProcess;

    /** Called by main: this JVM is the `vitrine` command, its fds 0-2 are the guest's. */
    static void ownProcess() { ownProcess = true; }

    static void wire(Machine.Builder b) {
        if (ownProcess) b.hostStdio(closed());
        else b.stdin(System.in).stdout(System.out).stderr(System.err);
    }

    /**
     * The host fds among 0-2 that were closed when vitrine started. The launcher tests them
     * before the JVM starts (which would reuse a closed fd 0 for its own files), reopens them on
     * /dev/null and says which in -Dvitrine.closed=0,2; without the launcher, an fd 0-2 that
     * names one of the JVM's own files (its modules, a jar of the class path) was closed too.
     */
    static Set<Integer> closed() {
        Set<Integer> fds = new TreeSet<>();
        String prop = System.getProperty("vitrine.closed", "");
        for (String s : prop.split(",")) {
            if (s.matches("[012]")) fds.add(Integer.parseInt(s));
        }
        String javaHome = System.getProperty("java.home", "/nonexistent");
        Set<String> classPath = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) classPath.add(Path.of(entry).toAbsolutePath().normalize().toString());
        }
        for (int fd = 0; fd < 3; fd++) {
            try {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
                if (target.startsWith(javaHome + "/") || classPath.contains(target)) fds.add(fd);
            } catch (Exception e) {
                // No /proc: trust the launcher.
            }
        }
        return fds;
    }
}
