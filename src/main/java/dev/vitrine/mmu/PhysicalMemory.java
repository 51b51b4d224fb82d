package dev.vitrine.mmu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Simulated RAM: one little-endian byte array. Page tables live here as real bytes,
 * next to the frames that hold programs' data.
 */
public final class PhysicalMemory {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] ram;
    /** Told of bulk writes (the kernel's), so decoded instructions of those bytes can be dropped. */
    private BulkWriteListener listener = (pa, len) -> {};

    public interface BulkWriteListener { void written(long pa, long len); }

    public void setBulkWriteListener(BulkWriteListener l) { listener = l; }
    private final int pageBits;

    public PhysicalMemory(long bytes, int pageBits) {
        if (bytes <= 0 || bytes > Integer.MAX_VALUE - 4096)
            throw new IllegalArgumentException("physical memory must be between 1 byte and 2047 MiB");
        long pages = (bytes + (1L << pageBits) - 1) >>> pageBits;
        this.ram = new byte[(int) (pages << pageBits)];
        this.pageBits = pageBits;
    }

    public long size() { return ram.length; }
    public int pageBits() { return pageBits; }
    public long frames() { return (long) ram.length >>> pageBits; }
    public boolean contains(long pa, int len) { return pa >= 0 && pa + len <= ram.length; }

    /** The backing array, for the hart's fast paths. */
    public byte[] array() { return ram; }

    public int read8(long pa) { return ram[(int) pa] & 0xff; }
    public int read16(long pa) { return (short) I16.get(ram, (int) pa) & 0xffff; }
    public int read32(long pa) { return (int) I32.get(ram, (int) pa); }
    public long read64(long pa) { return (long) I64.get(ram, (int) pa); }

    public void write8(long pa, int v) { ram[(int) pa] = (byte) v; }
    public void write16(long pa, int v) { I16.set(ram, (int) pa, (short) v); }
    public void write32(long pa, int v) { I32.set(ram, (int) pa, v); }
    public void write64(long pa, long v) { I64.set(ram, (int) pa, v); }

    public long readPte(long pa, int pteBytes) { return pteBytes == 8 ? read64(pa) : read32(pa) & 0xffffffffL; }
    public void writePte(long pa, int pteBytes, long pte) {
        if (pteBytes == 8) write64(pa, pte); else write32(pa, (int) pte);
    }

    public void read(long pa, byte[] dst, int off, int len) { System.arraycopy(ram, (int) pa, dst, off, len); }
    public void write(long pa, byte[] src, int off, int len) {
        System.arraycopy(src, off, ram, (int) pa, len);
        listener.written(pa, len);
    }

    public void fill(long pa, long len, byte value) {
        java.util.Arrays.fill(ram, (int) pa, (int) (pa + len), value);
        listener.written(pa, len);
    }

    public void copy(long fromPa, long toPa, long len) {
        System.arraycopy(ram, (int) fromPa, ram, (int) toPa, (int) len);
        listener.written(toPa, len);
    }
}
