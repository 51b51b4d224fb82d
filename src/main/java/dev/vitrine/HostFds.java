package dev.vitrine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this process's fds 0-2 are on the host, as /proc/self/fd tells. */
final class HostFds {
    private HostFds() {}

    private static final int S_IFMT = 0170000, S_IFIFO = 0010000, S_IFSOCK = 0140000;

    /** A terminal: a pty or a virtual console. */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Whether fds {@code a} and {@code b} reach the same host file (2>&1): their bytes must stay in order. */
    static boolean same(int a, int b) {
        try {
            Path pa = Path.of("/proc/self/fd/" + a), pb = Path.of("/proc/self/fd/" + b);
            return Files.readSymbolicLink(pa).equals(Files.readSymbolicLink(pb)) && Files.isSameFile(pa, pb);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }

    /**
     * Whether a read of the fd can wait for someone else (a pipe, a socket, a terminal);
     * regular files and devices like /dev/null answer at once. Unknown counts as waiting.
     */
    static boolean canWait(int fd) {
        if (isTerminal(fd)) return true;
        try {
            Object mode = Files.getAttribute(Path.of("/proc/self/fd/" + fd), "unix:mode");
            int type = (Integer) mode & S_IFMT;
            return type == S_IFIFO || type == S_IFSOCK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException | SecurityException e) {
            return true;
        }
    }

}
