package dev.vitrine.fs;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/**
 * The raw host terminal's keys as events: a reader thread reads whatever the host has (a
 * key, a paste), hands it to the machine's thread through the kernel's host inbox, where
 * the {@link Terminal}'s line discipline takes it, and reads on only once it was taken, so
 * at most one chunk is in flight. It reads all the time, not only when a guest reads: ^C
 * must reach a foreground job that never reads. End of file or an error is a hang-up.
 */
public final class TerminalInput {
    private static final int CHUNK = 4096;

    private TerminalInput() {}

    /** Starts the reader thread on {@code in}; {@code machine} runs an event on the machine's thread (thread-safe). */
    public static void start(InputStream in, Terminal terminal, Executor machine) {
        Thread t = new Thread(() -> loop(in, terminal, machine), "vitrine-tty");
        t.setDaemon(true);
        t.start();
    }

    private static void loop(InputStream in, Terminal terminal, Executor machine) {
        byte[] buf = new byte[CHUNK];
        Object taken = new Object();
        while (true) {
            int n;
            try {
                n = in.read(buf, 0, CHUNK);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                machine.execute(terminal::hangUp);
                return;
            }
            byte[] keys = java.util.Arrays.copyOf(buf, n);
            boolean[] done = {false};
            machine.execute(() -> {
                terminal.receive(keys, 0, keys.length);
                synchronized (taken) {
                    done[0] = true;
                    taken.notifyAll();
                }
            });
            synchronized (taken) {
                while (!done[0]) {
                    try {
                        taken.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }
}
