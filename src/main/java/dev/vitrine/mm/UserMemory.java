package dev.vitrine.mm;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's copy_from_user / copy_to_user: a page at a time through the process's page
 * table, faulting pages in (and copying on write) as the hardware would, so a bad pointer
 * is EFAULT rather than an error in the machine. Sets A and D like the hardware does.
 * Kernel accesses are not hart accesses, so they count in no TLB figure.
 */
public final class UserMemory {
    private final AddressSpace as;
    private final PhysicalMemory memory;
    private final long pageSize;
    private final int pageBits;

    public UserMemory(AddressSpace as) {
        this.as = as;
        this.memory = as.frames().memory();
        this.pageSize = as.pageSize();
        this.pageBits = as.geometry().pageBits();
    }

    public AddressSpace space() { return as; }

    /** Physical address of {@code va} for this access, faulting the page in; -1 for EFAULT. */
    public long translate(long va, int access) {
        if (!as.geometry().representable(va) || va < 0) return -1;
        for (int attempt = 0; attempt < 3; attempt++) {
            long ptePa = as.pageTable().walk(va, false);
            long pte = ptePa < 0 ? 0 : as.pageTable().read(ptePa);
            long need = access == Access.STORE ? Pte.W : Pte.R;
            if (Pte.valid(pte) && (pte & need) != 0 && (pte & Pte.U) != 0) {
                long set = Pte.A | (access == Access.STORE ? Pte.D : 0);
                if ((pte & set) != set) as.pageTable().set(ptePa, pte | set);
                return (Pte.ppn(pte) << pageBits) | (va & (pageSize - 1));
            }
            Fault f = as.fault(va, access);
            // Out of memory inside the kernel: the OOM killer runs, and the copy retries if someone else died.
            if (f == Fault.OOM && as.pager().outOfMemory(as, va)) continue;
            if (f != Fault.HANDLED) return -1;
        }
        return -1;
    }

    public boolean read(long va, byte[] dst, int off, int len) {
        while (len > 0) {
            long pa = translate(va, Access.LOAD);
            if (pa < 0) return false;
            int n = (int) Math.min(len, pageSize - (va & (pageSize - 1)));
            memory.read(pa, dst, off, n);
            va += n; off += n; len -= n;
        }
        return true;
    }

    public boolean write(long va, byte[] src, int off, int len) {
        while (len > 0) {
            long pa = translate(va, Access.STORE);
            if (pa < 0) return false;
            int n = (int) Math.min(len, pageSize - (va & (pageSize - 1)));
            memory.write(pa, src, off, n);
            va += n; off += n; len -= n;
        }
        return true;
    }

    public boolean write(long va, byte[] src) { return write(va, src, 0, src.length); }

    public boolean writeLong(long va, long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
        return write(va, b);
    }

    public boolean writeInt(long va, int v) {
        byte[] b = {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
        return write(va, b);
    }

    /** Reads 8 bytes, or null on EFAULT. */
    public Long readLong(long va) {
        byte[] b = new byte[8];
        if (!read(va, b, 0, 8)) return null;
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
        return v;
    }

    /**
     * A NUL-terminated string of at most {@code max} bytes, or null on EFAULT or when too long.
     * One char per byte (ISO-8859-1), as the kernel sees names, argv and envp: any bytes, UTF-8 or not (fs.Names).
     */
    public String readCString(long va, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < max) {
            long pa = translate(va, Access.LOAD);
            if (pa < 0) return null;
            int n = (int) (pageSize - (va & (pageSize - 1)));
            for (int i = 0; i < n; i++) {
                int c = memory.read8(pa + i);
                if (c == 0) return out.toString(StandardCharsets.ISO_8859_1);
                out.write(c);
                if (out.size() >= max) return null;
            }
            va += n;
        }
        return null;
    }
}
