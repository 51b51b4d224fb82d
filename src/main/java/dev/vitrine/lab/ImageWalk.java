package dev.vitrine.lab;

import dev.vitrine.mmu.Geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A walk through page tables that live in a memory image, from a page-directory base (a
 * frame number), for the paging exercises: which entry each level reads, whether it is
 * valid, the frame it names, and the physical address and the byte found there.
 */
public record ImageWalk(long va, long[] indices, long offset, List<Step> steps, Long pa, Integer value, String fault) {

    /** How entries are laid out. */
    public enum PteFormat {
        /** OSTEP's: the entry's top bit is valid, the rest the frame number; read big-endian (one byte in paging-multilevel-translate.py). */
        OSTEP,
        /** RISC-V's: V is bit 0, R/W/X bits 1-3 (a leaf when any is set), the frame number from bit 10; little-endian. */
        RISCV;

        public static PteFormat parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "ostep" -> OSTEP;
                case "riscv", "risc-v", "sv" -> RISCV;
                default -> throw new IllegalArgumentException("bad --pte-format '" + s + "': expected ostep or riscv");
            };
        }
    }

    /** One level: the table's frame, the index, the entry's address and value, valid, and the frame it names. */
    public record Step(int level, long tableFrame, long index, long entryPa, long entry, boolean valid, long pfn) {}

    public static ImageWalk walk(Geometry g, MemoryImage mem, long pdbr, PteFormat f, int entryBytes, long va) {
        Translator.checkFits(g, va);
        if (mem.pageSize() != g.pageSize()) throw new IllegalArgumentException("the image has pages of " + mem.pageSize() + " bytes, the geometry " + g.pageSize());
        long[] idx = new long[g.levels()];
        for (int l = 0; l < g.levels(); l++) idx[l] = g.index(va, l);
        List<Step> steps = new ArrayList<>();
        long frame = pdbr;
        for (int l = 0; l < g.levels(); l++) {
            long at = frame > (mem.size() >>> g.pageBits()) ? Long.MAX_VALUE : (frame << g.pageBits()) + idx[l] * entryBytes;
            if (at > mem.size() - entryBytes)
                return new ImageWalk(va, idx, g.offset(va), List.copyOf(steps), null, null,
                        String.format(Locale.ROOT, "the level %d table (frame 0x%x) is outside the image's %d bytes", l, frame, mem.size()));
            long e = mem.read(at, entryBytes, f == PteFormat.OSTEP);
            boolean valid;
            long pfn;
            boolean leaf;
            if (f == PteFormat.OSTEP) {
                int bits = 8 * entryBytes;
                valid = (e >>> (bits - 1) & 1) == 1;
                pfn = e & ((1L << (bits - 1)) - 1);
                leaf = l == g.levels() - 1;
            } else {
                valid = (e & 1) == 1;
                pfn = e >>> 10;
                leaf = (e & 0xe) != 0;
                if (valid && !leaf && l == g.levels() - 1) valid = false; // a pointer at the last level is no translation
            }
            steps.add(new Step(l, frame, idx[l], at, e, valid, pfn));
            if (!valid) return new ImageWalk(va, idx, g.offset(va), List.copyOf(steps), null, null, entryName(g, l) + " not valid");
            if (leaf) {
                long pa = (pfn << g.pageBits()) | (va & ((1L << g.shift(l)) - 1)); // a leaf above the last level maps a superpage
                if (pa >= mem.size())
                    return new ImageWalk(va, idx, g.offset(va), List.copyOf(steps), pa, null, String.format(Locale.ROOT, "physical address 0x%x is outside the image", pa));
                return new ImageWalk(va, idx, g.offset(va), List.copyOf(steps), pa, mem.read(pa), null);
            }
            frame = pfn;
        }
        throw new IllegalStateException("walk ended without a leaf");
    }

    /** OSTEP's words: the top level of a multi-level table is the page directory, the last the page table. */
    static String entryName(Geometry g, int level) {
        if (level == g.levels() - 1) return "page table entry";
        if (level == 0) return "page directory entry";
        return "level " + level + " directory entry";
    }
}
