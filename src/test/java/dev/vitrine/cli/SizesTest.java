package dev.vitrine.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** --mem, --swap and --tmpfs-size as people write them. */
class SizesTest {
    @ParameterizedTest
    @CsvSource({"4096,4096", "64K,65536", "64KB,65536", "64KiB,65536", "64kib,65536", "' 1g ',1073741824", "2T,2199023255552",
            "256M,268435456", "1IB,1", "0,0", "9223372036854775807,9223372036854775807", "8388607T,9223370937343148032"})
    void aSizeIsItsBytes(String text, long bytes) {
        assertEquals(bytes, Sizes.parse(text, "--mem"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "B", "K", "12X", "1.5G", "-1", "+1", "1BB", "1 G", "12345678901234567890", "9223372036854775808",
            "8388608T", "0x10", "١٢"})
    void anythingElseIsOneLineNamingTheOption(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text, "--swap"));
        assertEquals("--swap " + text + ": expected a size such as 4096, 64K, 256M or 1G", e.getMessage());
    }
}
