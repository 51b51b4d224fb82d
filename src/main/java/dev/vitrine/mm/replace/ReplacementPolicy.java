package dev.vitrine.mm.replace;

/**
 * Which resident frame to give up when a page must come in and no frame is free.
 *
 * <p>Driven with frame numbers only, so the same object serves the kernel (physical
 * frames) and the lab's simulator (frames 0..n-1). The protocol, for every caller:
 * <ol>
 *   <li>{@link #loaded(int)} when a page has been brought into a frame (that load is
 *       itself a use of the page);</li>
 *   <li>{@link #referenced(int)} when the page in a frame is used again, if the caller
 *       can see uses (the simulator sees all; a kernel sees only faults, so LRU there is
 *       as exact as its information and clock is the practical choice);</li>
 *   <li>{@link #victim(AccessedBits)} when a frame is needed: returns one resident frame
 *       and does not forget it;</li>
 *   <li>{@link #removed(int)} when the caller has actually evicted or freed a frame.</li>
 * </ol>
 * A full replacement is therefore {@code v = victim(bits); removed(v); loaded(v)}.
 */
public sealed interface ReplacementPolicy permits FifoPolicy, LruPolicy, ClockPolicy, RandomPolicy, OptPolicy {

    void loaded(int frame);

    void referenced(int frame);

    void removed(int frame);

    /** A resident frame to evict; throws {@link IllegalStateException} if none is resident. */
    int victim(AccessedBits bits);

    /** Frames currently known to the policy. */
    int resident();

    PolicyKind kind();
}
