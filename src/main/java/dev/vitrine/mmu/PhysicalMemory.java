package dev.vitrine.mmu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Simulated RAM, little-endian, allocated as it is touched: 4 KiB chunks, each a byte
 * array made on the first write into it. Until then a chunk is the one shared {@link #ZERO}
 * array, which reads as zeros and is never written (every write path asks for
 * {@link #writable}); so a machine of many GiB that touches a little holds a little, and
 * the size is not bound by one Java array's 2 GiB. A chunk once made stays (the kernel's
 * zeroing of a reused frame clears it in place), so a chunk reference stays valid for as
 * long as anyone holds it. Page tables live here as real bytes, next to programs' data.
 *
 * <p>Chunks are 4 KiB, the code-cache block and the smallest page, so an access that does
 * not cross a 4 KiB boundary (what the hart's fast paths check anyway) lies in one chunk.
 */
public final class PhysicalMemory {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    public static final int CHUNK_BITS = 12;
    public static final int CHUNK = 1 << CHUNK_BITS;
    public static final int CHUNK_MASK = CHUNK - 1;
    /** The most memory one machine can have: chunks are counted in an int (and frames in the kernel's int arrays). */
    public static final long MAX_BYTES = (long) Integer.MAX_VALUE << CHUNK_BITS;
    /** What every untouched chunk is: reads see zeros; nothing may write it. */
    private static final byte[] ZERO = new byte[CHUNK];

    private final byte[][] chunks;
    private final long size;
    private final int pageBits;
    private long touched;
    /** Told of bulk writes (the kernel's), so decoded instructions of those bytes can be dropped. */
    private BulkWriteListener listener = (pa, len) -> {};

    public interface BulkWriteListener { void written(long pa, long len); }

    public void setBulkWriteListener(BulkWriteListener l) { listener = l; }

    public PhysicalMemory(long bytes, int pageBits) {
        if (bytes <= 0 || bytes > MAX_BYTES - (1L << pageBits))
            throw new IllegalArgumentException("physical memory must be between 1 byte and " + (MAX_BYTES >> 30) + " GiB");
        long pages = (bytes + (1L << pageBits) - 1) >>> pageBits;
        this.size = pages << pageBits;
        this.pageBits = pageBits;
        this.chunks = new byte[(int) ((size + CHUNK_MASK) >>> CHUNK_BITS)][];
        // Doubling copies, not Arrays.fill: at boot its loop still runs in the bytecode interpreter
        // (a few ms for the default 64 Ki chunks), arraycopy is native from the start.
        chunks[0] = ZERO;
        for (int n = 1; n < chunks.length; n <<= 1) System.arraycopy(chunks, 0, chunks, n, Math.min(n, chunks.length - n));
    }

    public long size() { return size; }
    public int pageBits() { return pageBits; }
    public long frames() { return size >>> pageBits; }
    public boolean contains(long pa, int len) { return pa >= 0 && pa + len <= size; }
    /** Bytes backed by a chunk of their own so far (what the machine's RAM really holds in the JVM). */
    public long touchedBytes() { return touched << CHUNK_BITS; }

    /** The chunk holding pa, for reading at {@code (int) pa & CHUNK_MASK}: possibly the shared zero chunk. Kept tiny for inlining. */
    public byte[] readable(long pa) { return chunks[(int) (pa >>> CHUNK_BITS)]; }

    /** The chunk holding pa, for writing at {@code (int) pa & CHUNK_MASK}: made now if untouched. Kept tiny for inlining. */
    public byte[] writable(long pa) {
        byte[] c = chunks[(int) (pa >>> CHUNK_BITS)];
        return c != ZERO ? c : touch(pa);
    }

    /** The chunk holding pa if it has been made (written), else null: unlike the shared zeros, it is this frame's for good. */
    public byte[] madeChunk(long pa) {
        byte[] c = chunks[(int) (pa >>> CHUNK_BITS)];
        return c != ZERO ? c : null;
    }

    private byte[] touch(long pa) {
        touched++;
        return chunks[(int) (pa >>> CHUNK_BITS)] = new byte[CHUNK];
    }

    private static int at(long pa) { return (int) pa & CHUNK_MASK; }

    // One access may straddle two chunks (the kernel's and tests' unaligned words): then byte by byte.
    public int read8(long pa) { return readable(pa)[at(pa)] & 0xff; }
    public int read16(long pa) { return (at(pa) > CHUNK - 2 ? (int) gather(pa, 2) : (short) I16.get(readable(pa), at(pa))) & 0xffff; }
    public int read32(long pa) { return at(pa) > CHUNK - 4 ? (int) gather(pa, 4) : (int) I32.get(readable(pa), at(pa)); }
    public long read64(long pa) { return at(pa) > CHUNK - 8 ? gather(pa, 8) : (long) I64.get(readable(pa), at(pa)); }

    public void write8(long pa, int v) { writable(pa)[at(pa)] = (byte) v; }
    public void write16(long pa, int v) { if (at(pa) > CHUNK - 2) scatter(pa, v, 2); else I16.set(writable(pa), at(pa), (short) v); }
    public void write32(long pa, int v) { if (at(pa) > CHUNK - 4) scatter(pa, v, 4); else I32.set(writable(pa), at(pa), v); }
    public void write64(long pa, long v) { if (at(pa) > CHUNK - 8) scatter(pa, v, 8); else I64.set(writable(pa), at(pa), v); }

    private long gather(long pa, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | read8(pa + i);
        return v;
    }

    private void scatter(long pa, long v, int size) {
        for (int i = 0; i < size; i++, v >>>= 8) write8(pa + i, (int) v);
    }

    public long readPte(long pa, int pteBytes) { return pteBytes == 8 ? read64(pa) : read32(pa) & 0xffffffffL; }
    public void writePte(long pa, int pteBytes, long pte) {
        if (pteBytes == 8) write64(pa, pte); else write32(pa, (int) pte);
    }

    public void read(long pa, byte[] dst, int off, int len) {
        check(pa, len);
        while (len > 0) {
            int n = Math.min(len, CHUNK - at(pa));
            System.arraycopy(readable(pa), at(pa), dst, off, n);
            pa += n;
            off += n;
            len -= n;
        }
    }

    public void write(long pa, byte[] src, int off, int len) {
        check(pa, len);
        long start = pa;
        for (int left = len; left > 0; ) {
            int n = Math.min(left, CHUNK - at(pa));
            System.arraycopy(src, off, writable(pa), at(pa), n);
            pa += n;
            off += n;
            left -= n;
        }
        listener.written(start, len);
    }

    /** Fills with a value; zeros over an untouched chunk leave it untouched. */
    public void fill(long pa, long len, byte value) {
        check(pa, len);
        for (long p = pa, end = pa + len; p < end; ) {
            int n = (int) Math.min(end - p, CHUNK - at(p));
            byte[] c = readable(p);
            if (c != ZERO || value != 0) Arrays.fill(writable(p), at(p), at(p) + n, value);
            p += n;
        }
        listener.written(pa, len);
    }

    /** Copies like System.arraycopy (overlapping ranges included). */
    public void copy(long fromPa, long toPa, long len) {
        check(fromPa, len);
        check(toPa, len);
        if (fromPa < toPa && toPa < fromPa + len) {
            // Overlapping upward: walk down from the end, so nothing is read after it was written.
            for (long left = len; left > 0; ) {
                long f = fromPa + left - 1, t = toPa + left - 1;
                int n = (int) Math.min(left, Math.min(at(f) + 1, at(t) + 1));
                System.arraycopy(readable(f), at(f) - n + 1, writable(t), at(t) - n + 1, n);
                left -= n;
            }
        } else {
            for (long done = 0; done < len; ) {
                long f = fromPa + done, t = toPa + done;
                int n = (int) Math.min(len - done, Math.min(CHUNK - at(f), CHUNK - at(t)));
                byte[] src = readable(f);
                if (src != ZERO || readable(t) != ZERO) System.arraycopy(src, at(f), writable(t), at(t), n);
                done += n;
            }
        }
        listener.written(toPa, len);
    }

    private void check(long pa, long len) {
        if (pa < 0 || len < 0 || pa + len > size)
            throw new IndexOutOfBoundsException("physical [0x" + Long.toHexString(pa) + ", +" + len + ") outside " + size + " bytes");
    }
}
