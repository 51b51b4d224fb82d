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

    /**
     * Per frame: null, the one {@link Mapping} (most frames: every anonymous page until a
     * fork), or a {@code List<Mapping>} in the order they were made. One object per fault
     * instead of three.
     */
    private Object[] maps;

    Rmap(int frames) { maps = new Object[frames]; }

    /** A frame never handed out has no mappings (and no slot yet). */
    private Object at(long frame) { return frame < maps.length ? maps[(int) frame] : null; }

    /** The frame allocator's tables grew to {@code frames}. */
    void grow(int frames) { maps = java.util.Arrays.copyOf(maps, frames); }

    /** Frames mapped by more than one address space, now and at most so far. */
    private long sharedFrames, sharedFramesPeak;

    void add(long frame, AddressSpace as, long va) {
        Mapping m = new Mapping(as, va);
        Object o = maps[(int) frame];
        if (o == null) {
            maps[(int) frame] = m;
            return;
        }
        List<Mapping> l = list(frame, o);
        AddressSpace only = sole(l);
        boolean shared = only == null;
        l.add(m);
        // Sharing counts follow: a second space makes every mapping of the frame shared.
        if (shared) as.sharedChange(+1);
        else if (only != as) {
            only.sharedChange(l.size() - 1);
            as.sharedChange(+1);
            sharedFramesPeak = Math.max(sharedFramesPeak, ++sharedFrames);
        }
    }

    void remove(long frame, AddressSpace as, long va) {
        Object o = maps[(int) frame];
        if (o == null) return;
        if (o instanceof Mapping m) {
            if (m.space() == as && m.va() == va) maps[(int) frame] = null;
            return;
        }
        @SuppressWarnings("unchecked") List<Mapping> l = (List<Mapping>) o;
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

    /** The frame's mappings as a list that can grow (a lone mapping becomes one). */
    private List<Mapping> list(long frame, Object o) {
        if (o instanceof Mapping m) {
            List<Mapping> l = new ArrayList<>(2);
            l.add(m);
            maps[(int) frame] = l;
            return l;
        }
        @SuppressWarnings("unchecked") List<Mapping> l = (List<Mapping>) o;
        return l;
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
        Object o = at(frame);
        if (o == null) return List.of();
        if (o instanceof Mapping m) return List.of(m);
        @SuppressWarnings("unchecked") List<Mapping> l = (List<Mapping>) o;
        return List.copyOf(l);
    }

    int count(long frame) {
        Object o = at(frame);
        if (o == null) return 0;
        if (o instanceof Mapping) return 1;
        return ((List<?>) o).size();
    }

    /** Whether some other address space than {@code as} maps the frame. */
    boolean sharedBeyond(long frame, AddressSpace as) {
        Object o = at(frame);
        if (o == null) return false;
        if (o instanceof Mapping m) return m.space() != as;
        @SuppressWarnings("unchecked") List<Mapping> l = (List<Mapping>) o;
        for (Mapping m : l) if (m.space() != as) return true;
        return false;
    }
}
