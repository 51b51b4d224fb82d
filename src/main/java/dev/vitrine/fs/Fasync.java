package dev.vitrine.fs;

import java.util.ArrayList;
import java.util.List;

import static dev.vitrine.abi.Fcntl.O_ASYNC;

/**
 * Linux's fasync_struct list on one side of a file: the open file descriptions that asked
 * (F_SETFL O_ASYNC) to be signalled when it becomes readable or writable. kill_fasync sends
 * each one its owner's signal (F_SETOWN, F_SETSIG) through the {@link Sender} it registered
 * with; a description that has closed or dropped O_ASYNC since leaves the list then.
 */
public final class Fasync {
    /** si_code of a SIGIO/F_SETSIG signal: what became possible. */
    public static final int POLL_IN = 1, POLL_OUT = 2, POLL_MSG = 3, POLL_ERR = 4, POLL_PRI = 5, POLL_HUP = 6;

    /** send_sigio: signals the description's owner; {@code fd} is the descriptor it registered with. */
    public interface Sender { void sigio(FileDescription f, int fd, int reason); }

    private record Entry(FileDescription f, int fd, Sender sender) {}

    private final List<Entry> entries = new ArrayList<>(1);

    /** fasync_helper(on): one entry per description; registering again updates its fd. */
    public void add(FileDescription f, int fd, Sender s) {
        remove(f);
        entries.add(new Entry(f, fd, s));
    }

    public void remove(FileDescription f) { entries.removeIf(e -> e.f() == f); }

    public void kill(int reason) {
        if (entries.isEmpty()) return;
        entries.removeIf(e -> e.f().released() || (e.f().flags() & O_ASYNC) == 0);
        for (Entry e : List.copyOf(entries)) e.sender().sigio(e.f(), e.fd(), reason);
    }
}
