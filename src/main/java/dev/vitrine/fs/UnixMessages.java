package dev.vitrine.fs;

import dev.vitrine.mm.KernelPages;

import java.util.ArrayDeque;
import java.util.List;

/**
 * A datagram or seqpacket socket's receive queue: whole messages, each in kernel pages of the
 * machine (no page: ENOBUFS), with the descriptors sent along, the sender and its address and
 * credentials. The sender's send buffer counts a message until it is taken (sk_wmem_alloc).
 */
final class UnixMessages {
    record Message(int[] pages, int length, List<FileDescription> files, UnixSocket from, byte[] fromAddr, UnixSocket.Cred cred) {}

    private final KernelPages memory;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    /** The seqpacket peer closed: an empty queue reads as end of file. */
    private boolean writerClosed, refused;

    UnixMessages(KernelPages memory) { this.memory = memory; }

    boolean isEmpty() { return queue.isEmpty(); }
    boolean closed() { return writerClosed; }
    void closeWriter() { writerClosed = true; }
    void refuse() { refused = true; }
    boolean refused() { return refused; }

    Message peek() { return queue.peek(); }

    /** Queues a copy of {@code len} bytes; null when the machine has no page for it. */
    Message put(byte[] src, int off, int len, List<FileDescription> files, UnixSocket from, byte[] fromAddr, UnixSocket.Cred cred) {
        int[] pages = new int[(len + KernelPages.PAGE - 1) / KernelPages.PAGE];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = memory.alloc();
            if (pages[i] < 0) {
                for (int j = 0; j < i; j++) memory.free(pages[j]);
                return null;
            }
            int n = Math.min(KernelPages.PAGE, len - i * KernelPages.PAGE);
            memory.write(pages[i], 0, src, off + i * KernelPages.PAGE, n);
        }
        Message m = new Message(pages, len, files, from, fromAddr, cred);
        queue.add(m);
        return m;
    }

    /** The first message, taken off the queue unless {@code peek}. */
    Message take(boolean peek) { return peek ? queue.peek() : queue.poll(); }

    /** Copies bytes [at, at+n) of a message into dst. */
    void copy(Message m, int at, byte[] dst, int off, int n) {
        while (n > 0) {
            int page = at / KernelPages.PAGE, in = at % KernelPages.PAGE, c = Math.min(n, KernelPages.PAGE - in);
            memory.read(m.pages()[page], in, dst, off, c);
            at += c;
            off += c;
            n -= c;
        }
    }

    /** A taken message's pages go back and its sender's buffer has the room again. */
    void free(Message m) {
        for (int p : m.pages()) memory.free(p);
        if (m.from() != null) m.from().delivered(m.length());
    }

    void clear() {
        for (Message m : queue) {
            m.files().forEach(FileDescription::release);
            free(m);
        }
        queue.clear();
    }
}
