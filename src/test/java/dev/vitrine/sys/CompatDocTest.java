package dev.vitrine.sys;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompatDocTest {
    @Test void docMatchesTheTable() throws Exception {
        String doc = Files.readString(Path.of("docs/linux-compat.md"));
        assertEquals(CompatDoc.markdown(), CompatDoc.generatedPart(doc),
                "docs/linux-compat.md is stale: regenerate with java -cp target/classes dev.vitrine.sys.CompatDoc");
    }

    @Test void everyRegisteredNameMatchesItsNumber() {
        // Registering checks each name against the ABI header's (and each number once): all() registers every group.
        SyscallTable t = new SyscallTable(new Services(0));
        assertTrue(t.all().stream().anyMatch(r -> r.nr() == 64 && r.name().equals("write")));
    }

    /** Groups register on first lookup: a fresh table finds each number as the whole table has it, or lacks it alike. */
    @Test void aLookupInAFreshTableFindsWhatTheWholeTableHas() {
        SyscallTable whole = new SyscallTable(new Services(0));
        java.util.Map<Integer, Syscall> rows = new java.util.HashMap<>();
        for (Syscall s : whole.all()) rows.put(s.nr(), s);
        for (int nr = -1; nr <= 512; nr++) {
            Syscall lazy = new SyscallTable(new Services(0)).get(nr), all = rows.get(nr);
            assertEquals(all == null, lazy == null, "syscall " + nr);
            if (all != null) assertEquals(java.util.List.of(all.name(), java.util.List.of(all.args()), all.result(), all.status(), all.restart()),
                    java.util.List.of(lazy.name(), java.util.List.of(lazy.args()), lazy.result(), lazy.status(), lazy.restart()), "syscall " + nr);
        }
    }
}
