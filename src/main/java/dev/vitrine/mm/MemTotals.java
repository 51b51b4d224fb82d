package dev.vitrine.mm;

/**
 * Machine-wide sums over every address space, now and at their peak: page-table frames, and
 * pages mapped (the resident sets added up, so a frame two processes map counts twice; the
 * distinct frames in use are the allocator's). Kept as the tables and mappings change, so a
 * peak is exact, not sampled.
 */
public final class MemTotals {
    private long tableFrames, tableFramesPeak, mapped, mappedPeak;

    void tables(long delta) {
        tableFrames += delta;
        tableFramesPeak = Math.max(tableFramesPeak, tableFrames);
    }

    void mapped(long delta) {
        mapped += delta;
        mappedPeak = Math.max(mappedPeak, mapped);
    }

    public long tableFrames() { return tableFrames; }
    public long tableFramesPeak() { return tableFramesPeak; }
    public long mappedPages() { return mapped; }
    public long mappedPagesPeak() { return mappedPeak; }
}
