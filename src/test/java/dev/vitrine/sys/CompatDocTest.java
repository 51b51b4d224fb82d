package dev.vitrine.sys;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompatDocTest {
    @Test void docMatchesTheTable() throws Exception {
        String doc = Files.readString(Path.of("docs/linux-compat.md"));
        assertEquals(CompatDoc.markdown(), CompatDoc.generatedPart(doc),
                "docs/linux-compat.md is stale: regenerate with java -cp target/classes dev.vitrine.sys.CompatDoc");
    }

    @Test void everyRegisteredNameMatchesItsNumber() {
        // The table's constructor checks each name against the ABI header's; building it is the test.
        SyscallTable t = new SyscallTable(new Services(0));
        assertEquals("write", t.get(64).name());
    }
}
