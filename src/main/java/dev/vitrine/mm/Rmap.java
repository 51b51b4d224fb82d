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

    void add(long frame, AddressSpace as, long va) {
        List<Mapping> l = maps[(int) frame];
        if (l == null) maps[(int) frame] = l = new ArrayList<>(1);
        l.add(new Mapping(as, va));
    }

    void remove(long frame, AddressSpace as, long va) {
        List<Mapping> l = maps[(int) frame];
        if (l == null) return;
        for (int i = 0; i < l.size(); i++)
            if (l.get(i).space() == as && l.get(i).va() == va) { l.remove(i); break; }
        if (l.isEmpty()) maps[(int) frame] = null;
    }

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
