package dev.vitrine.mm;

import java.util.ArrayList;
import java.util.List;

/**
 * Reverse mappings: for each frame, every (address space, page) whose PTE points at it, so
 * that reclaim can unmap a shared frame from every process (Linux's rmap, try_to_unmap's
 * input). PROT_NONE PTEs that keep their frame count as mappings too.
 */
final class Rmap {
    record Mapping(AddressSpace space, long va) {}

    private final List<Mapping>[] maps;

    @SuppressWarnings("unchecked")
    Rmap(int frames) { maps = new List[frames]; }

    /** Frames mapped by more than one address space, now and at most so far. */
    private long sharedFrames, sharedFramesPeak;

    void add(long frame, AddressSpace as, long va) {
        List<Mapping> l = maps[(int) frame];
        if (l == null) maps[(int) frame] = l = new ArrayList<>(1);
        AddressSpace only = sole(l);
        boolean shared = !l.isEmpty() && only == null;
        l.add(new Mapping(as, va));
        // Sharing counts follow: a second space makes every mapping of the frame shared.
        if (shared) as.sharedChange(+1);
        else if (only != null && only != as) {
            only.sharedChange(l.size() - 1);
            as.sharedChange(+1);
            sharedFramesPeak = Math.max(sharedFramesPeak, ++sharedFrames);
        }
    }

    void remove(long frame, AddressSpace as, long va) {
        List<Mapping> l = maps[(int) frame];
        if (l == null) return;
        boolean shared = sole(l) == null;
        boolean found = false;
        for (int i = 0; i < l.size(); i++)
            if (l.get(i).space() == as && l.get(i).va() == va) { l.remove(i); found = true; break; }
        if (found && shared) {
            as.sharedChange(-1);
            AddressSpace only = sole(l);
            if (only != null) {
                only.sharedChange(-l.size());
                sharedFrames--;
            }
        }
        if (l.isEmpty()) maps[(int) frame] = null;
    }

    /** The one address space all of {@code l} belongs to; null when empty or more than one. */
    private static AddressSpace sole(List<Mapping> l) {
        if (l.isEmpty()) return null;
        AddressSpace first = l.get(0).space();
        for (int i = 1; i < l.size(); i++) if (l.get(i).space() != first) return null;
        return first;
    }

    /** The most frames mapped by more than one address space at once. */
    long sharedFramesPeak() { return sharedFramesPeak; }

    /** A copy: callers change the mappings while they walk them. */
    List<Mapping> of(long frame) {
        List<Mapping> l = maps[(int) frame];
        return l == null ? List.of() : List.copyOf(l);
    }

    int count(long frame) {
        List<Mapping> l = maps[(int) frame];
        return l == null ? 0 : l.size();
    }

    /** Whether some other address space than {@code as} maps the frame. */
    boolean sharedBeyond(long frame, AddressSpace as) {
        List<Mapping> l = maps[(int) frame];
        if (l != null) for (Mapping m : l) if (m.space() != as) return true;
        return false;
    }
}
