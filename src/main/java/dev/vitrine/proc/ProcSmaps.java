package dev.vitrine.proc;

import dev.vitrine.fs.RegularFile;
import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.PageInfo;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.Vma;

import java.util.List;

/**
 * /proc/PID/maps, smaps, smaps_rollup and pagemap as fs/proc/task_mmu.c makes them, from the
 * page table's leaves as {@link AddressSpace#pages} reports them (the views read the same).
 */
final class ProcSmaps {
    private ProcSmaps() {}

    /** Linux's PSS_SHIFT: proportional sizes are summed in 1/4096ths of a byte. */
    private static final int PSS_SHIFT = 12;

    /** show_map_vma: "start-end perms offset major:minor inode", padded to column 73, then the name. */
    static String header(Vma v) {
        long dev = 0, ino = 0;
        String name = v.name() == null ? "" : v.name();
        if (v.file() instanceof RegularFile f) { dev = f.dev(); ino = f.ino(); }
        else if (v.file() != null && name.isEmpty()) name = v.file().name();
        String perms = Prot.string(v.prot()) + (v.shared() ? 's' : 'p');
        String line = String.format("%08x-%08x %s %08x %02x:%02x %d", v.start(), v.end(), perms,
                v.file() == null ? 0 : v.offset(), (dev >>> 8) & 0xfff, dev & 0xff, ino);
        return name.isEmpty() ? line : String.format("%-72s %s", line, name);
    }

    static String maps(AddressSpace as) {
        StringBuilder sb = new StringBuilder();
        for (Vma v : as.vmas()) sb.append(header(v)).append('\n');
        return sb.toString();
    }

    /** struct mem_size_stats: what smaps_account and smaps_pte_entry sum over an area's leaves. */
    static final class Usage {
        long resident, anonymous, referenced, sharedClean, sharedDirty, privateClean, privateDirty, swap, lazyFree;
        long pss, pssDirty, pssAnon, pssFile, pssShmem, pssLocked, swapPss;

        void add(PageInfo p, long pageSize, boolean locked) {
            if (p.swapped()) {
                swap += pageSize;
                long share = (long) pageSize << PSS_SHIFT;
                swapPss += p.swapCount() >= 2 ? share / p.swapCount() : share;
                return;
            }
            if (p.anonymous()) anonymous += pageSize;
            resident += pageSize;
            if (p.accessed()) referenced += pageSize;
            // A frame only this mapping holds is private whatever else; otherwise the mapping count decides.
            boolean priv = p.refCount() == 1 || p.mapCount() < 2;
            long share = (long) pageSize << PSS_SHIFT;
            if (p.refCount() != 1 && p.mapCount() >= 2) share /= p.mapCount();
            pss += share;
            if (p.anonymous()) pssAnon += share;
            else if (p.shmem()) pssShmem += share;
            else pssFile += share;
            if (locked) pssLocked += share;
            if (p.dirty()) {
                pssDirty += share;
                if (priv) privateDirty += pageSize; else sharedDirty += pageSize;
            } else if (priv) privateClean += pageSize;
            else sharedClean += pageSize;
        }

        void addAll(Usage u) {
            resident += u.resident; anonymous += u.anonymous; referenced += u.referenced;
            sharedClean += u.sharedClean; sharedDirty += u.sharedDirty; privateClean += u.privateClean;
            privateDirty += u.privateDirty; swap += u.swap; lazyFree += u.lazyFree; pss += u.pss; pssDirty += u.pssDirty;
            pssAnon += u.pssAnon; pssFile += u.pssFile; pssShmem += u.pssShmem; pssLocked += u.pssLocked; swapPss += u.swapPss;
        }
    }

    static Usage usage(AddressSpace as, Vma v) {
        Usage u = new Usage();
        boolean locked = AddressSpace.locked(v);
        as.pages(v.start(), v.end(), p -> u.add(p, as.pageSize(), locked));
        return u;
    }

    /** show_smap: the maps line, then the figures in Linux 6.x's order and layout. */
    static String smaps(AddressSpace as) {
        StringBuilder sb = new StringBuilder();
        long kbPage = as.pageSize() >> 10;
        for (Vma v : as.vmas()) {
            Usage u = usage(as, v);
            sb.append(header(v)).append('\n');
            line(sb, "Size:", v.length() >> 10);
            line(sb, "KernelPageSize:", kbPage);
            line(sb, "MMUPageSize:", kbPage);
            figures(sb, u, false);
            sb.append(String.format("%-16s%8d\n", "THPeligible:", 0));
            sb.append("VmFlags:").append(vmFlags(v)).append(" \n");
        }
        return sb.toString();
    }

    /** show_smaps_rollup: one header spanning every area, the figures summed, Pss split by kind. */
    static String rollup(AddressSpace as) {
        List<Vma> vmas = as.vmas();
        if (vmas.isEmpty()) return "";
        Usage all = new Usage();
        for (Vma v : vmas) all.addAll(usage(as, v));
        StringBuilder sb = new StringBuilder();
        String head = String.format("%08x-%08x ---p 00000000 00:00 0", vmas.get(0).start(), vmas.get(vmas.size() - 1).end());
        sb.append(String.format("%-72s %s", head, "[rollup]")).append('\n');
        figures(sb, all, true);
        return sb.toString();
    }

    private static void figures(StringBuilder sb, Usage u, boolean rollup) {
        line(sb, "Rss:", u.resident >> 10);
        line(sb, "Pss:", u.pss >> (PSS_SHIFT + 10));
        line(sb, "Pss_Dirty:", u.pssDirty >> (PSS_SHIFT + 10));
        if (rollup) {
            line(sb, "Pss_Anon:", u.pssAnon >> (PSS_SHIFT + 10));
            line(sb, "Pss_File:", u.pssFile >> (PSS_SHIFT + 10));
            line(sb, "Pss_Shmem:", u.pssShmem >> (PSS_SHIFT + 10));
        }
        line(sb, "Shared_Clean:", u.sharedClean >> 10);
        line(sb, "Shared_Dirty:", u.sharedDirty >> 10);
        line(sb, "Private_Clean:", u.privateClean >> 10);
        line(sb, "Private_Dirty:", u.privateDirty >> 10);
        line(sb, "Referenced:", u.referenced >> 10);
        line(sb, "Anonymous:", u.anonymous >> 10);
        line(sb, "KSM:", 0);
        line(sb, "LazyFree:", u.lazyFree >> 10);
        for (String n : new String[] {"AnonHugePages:", "ShmemPmdMapped:", "FilePmdMapped:", "Shared_Hugetlb:", "Private_Hugetlb:"})
            line(sb, n, 0);
        line(sb, "Swap:", u.swap >> 10);
        line(sb, "SwapPss:", u.swapPss >> (PSS_SHIFT + 10));
        line(sb, "Locked:", u.pssLocked >> (PSS_SHIFT + 10));
    }

    /** "%-16s%8d kB", without String.format: smaps of a process with thousands of areas has a line per figure per area. */
    private static void line(StringBuilder sb, String name, long kb) {
        String v = Long.toString(kb);
        sb.append(name);
        for (int i = name.length(); i < 16; i++) sb.append(' ');
        for (int i = v.length(); i < 8; i++) sb.append(' ');
        sb.append(v).append(" kB\n");
    }

    /**
     * show_smap_vma_flags, the VM_* bits Vitrine's areas carry, in bit order: rd wr ex sh (a
     * shared mapping that may write its file) mr mw (private, or shared and open for writing)
     * me ms (shared) gd lo ac (a private writable area is charged to the commit limit) nr.
     */
    static String vmFlags(Vma v) {
        StringBuilder f = new StringBuilder();
        boolean shared = v.shared(), mayWrite = !shared || v.mayWrite();
        if ((v.prot() & Prot.READ) != 0) f.append(" rd");
        if ((v.prot() & Prot.WRITE) != 0) f.append(" wr");
        if ((v.prot() & Prot.EXEC) != 0) f.append(" ex");
        if (shared && mayWrite) f.append(" sh");
        f.append(" mr");
        if (mayWrite) f.append(" mw");
        f.append(" me");
        if (shared) f.append(" ms");
        if (v.growsDown()) f.append(" gd");
        if (AddressSpace.locked(v)) f.append(" lo");
        boolean noreserve = (v.flags() & Prot.MAP_NORESERVE) != 0;
        if (!shared && (v.prot() & Prot.WRITE) != 0 && !noreserve) f.append(" ac");
        if (noreserve) f.append(" nr");
        return f.toString();
    }

    // ---- pagemap

    public static final long PM_PRESENT = 1L << 63, PM_SWAP = 1L << 62, PM_FILE = 1L << 61,
            PM_MMAP_EXCLUSIVE = 1L << 56, PM_PFRAME_MASK = (1L << 55) - 1;
    /** MAX_SWAPFILES_SHIFT: a swap entry shows its type in bits 0-4, its offset above. */
    private static final int SWAP_TYPE_BITS = 5;

    /**
     * pte_to_pagemap_entry for {@code out.length} pages from page number {@code vpn}: present
     * (PROT_NONE pages are present), the frame only to a reader with CAP_SYS_ADMIN as
     * pagemap_read's show_pfn, file or shared-anonymous, mapped by this PTE alone, or
     * swapped (type 0, offset the slot). Soft-dirty (bit 55) stays 0: there is no clear_refs.
     */
    static void pagemap(AddressSpace as, long vpn, long[] out, boolean showPfn) {
        java.util.Arrays.fill(out, 0);
        long ps = as.pageSize();
        long start = vpn * ps, end = start + out.length * ps;
        as.pages(start, end, p -> {
            long e;
            if (p.swapped()) e = PM_SWAP | (showPfn ? (p.swapSlot() << SWAP_TYPE_BITS) & PM_PFRAME_MASK : 0);
            else {
                e = PM_PRESENT | (showPfn ? p.frame() & PM_PFRAME_MASK : 0);
                if (!p.anonymous()) e |= PM_FILE;
                if (p.mapCount() == 1) e |= PM_MMAP_EXCLUSIVE;
            }
            out[(int) ((p.va() - start) / ps)] = e;
        });
    }
}
