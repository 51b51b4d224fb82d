package dev.vitrine.proc;

import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mmu.MmuStats;

/**
 * One process's hardware and memory figures for --stats, beside the scheduler's in
 * {@link Process}: the TLB lookups and walks its instructions made (the MMU's counters,
 * charged to whoever ran on the hart during each slice), and the peaks of its resident set,
 * shared pages, swap entries and page-table frames over every address space it had (exec starts a new one).
 * What a process's space shows at its end is kept here when the space goes.
 */
public final class Measures {
    long fetchHits, fetchMisses, dataHits, dataMisses, walks;
    long peakResident, peakShared, peakSwapped, peakTableFrames;
    /** At exit: pages shared with another space, and pages on swap. */
    long sharedAtExit, swappedAtExit;

    /** The hart ran this process from counters {@code before} (fetch hits, fetch misses, data hits, data misses, walks) to {@code m}'s. */
    void ran(MmuStats m, long fh, long fm, long dh, long dm, long w) {
        fetchHits += m.fetchHits - fh;
        fetchMisses += m.fetchMisses - fm;
        dataHits += m.dataHits - dh;
        dataMisses += m.dataMisses - dm;
        walks += m.walks - w;
    }

    /** The space's peaks become the process's (before exec drops it or exit tears it down). */
    void fold(AddressSpace s) {
        peakResident = Math.max(peakResident, s.peakResident());
        peakShared = Math.max(peakShared, s.peakShared());
        peakSwapped = Math.max(peakSwapped, s.peakSwapped());
        peakTableFrames = Math.max(peakTableFrames, s.pageTable().peakTableFrames());
    }

    /** The space's last figures, as the process ends. */
    void exit(AddressSpace s) {
        fold(s);
        sharedAtExit = s.sharedNow();      // the counters; AddressSpace.destroy asserts them against the table
        swappedAtExit = s.swappedNow();
    }

    public long fetchHits() { return fetchHits; }
    public long fetchMisses() { return fetchMisses; }
    public long dataHits() { return dataHits; }
    public long dataMisses() { return dataMisses; }
    public long walks() { return walks; }
}
