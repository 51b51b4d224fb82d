package dev.vitrine.trace;

import dev.vitrine.mmu.Access;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * --trace-mem FILE: every TLB lookup of the run, one line each, in Valgrind Lackey's format
 * ("I  0400d7d4,1" a fetch, " L addr,1" a load, " S addr,1" a store; hex addresses, size 1
 * since the MMU translates addresses, not sized accesses: an access that straddles a page is
 * two lookups and two lines). Three kinds of line Lackey never writes keep a replay through
 * `vitrine sim tlb` exact: "F ADDR" (sfence.vma of that page dropped its entry), "F *" (the
 * TLB was flushed: a switch of address space on an untagged TLB, exec) and a lookup line
 * starting with '!' (it missed and the walk refused it: a page fault, and nothing was filled).
 */
public final class LackeyTrace implements AutoCloseable {
    private final BufferedWriter out;
    private long pendingVa = -1;
    private int pendingAccess;
    private boolean pendingMissed, pendingRefused, pending;
    private long lines;

    public LackeyTrace(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
    }

    /** A lookup; its line waits until we know whether its walk refused it. */
    void lookup(long va, int access) {
        flushPending();
        pending = true;
        pendingVa = va;
        pendingAccess = access;
        pendingMissed = false;
        pendingRefused = false;
    }

    void missed() { pendingMissed = true; }

    /** The walk after the pending lookup's miss found no valid leaf (a dirty re-walk after a hit is reported as a page flush instead). */
    void refused() { if (pending && pendingMissed) pendingRefused = true; }

    void flushPage(long va) {
        flushPending();
        write("F " + Long.toHexString(va) + "\n");
    }

    void flushAll() {
        flushPending();
        write("F *\n");
    }

    private void flushPending() {
        if (!pending) return;
        pending = false;
        String kind = switch (pendingAccess) { case Access.FETCH -> "I  "; case Access.LOAD -> " L "; default -> " S "; };
        String hex = Long.toHexString(pendingVa);
        StringBuilder sb = new StringBuilder(24);
        if (pendingRefused) sb.append('!');
        sb.append(kind);
        for (int i = hex.length(); i < 8; i++) sb.append('0');
        sb.append(hex).append(",1\n");
        write(sb.toString());
    }

    private void write(String s) {
        try {
            out.write(s);
            lines++;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    public long lines() { return lines; }

    @Override public void close() {
        flushPending();
        try {
            out.close();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
