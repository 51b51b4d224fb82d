package dev.vitrine.lab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TraceReaderTest {
    @Test void readsAllFormatsAndSkipsNoise() {
        List<String> lines = List.of(
                "==1234== Lackey, an example Valgrind tool",
                "# a comment",
                "I  04000000,3",
                " L 7ff000ff8,8",
                " S 7ff001000,4",
                " M 0403a0c8,4",
                "R 0x2000",
                "W 8192",
                "1, 2 3",
                "");
        List<TraceRef> refs = TraceReader.parse(lines, "t");
        assertEquals(9, refs.size());
        assertEquals(new TraceRef.Access('X', 0x04000000L, 3, 3), refs.get(0));
        assertEquals(new TraceRef.Access('R', 0x7ff000ff8L, 8, 4), refs.get(1));
        assertEquals(new TraceRef.Access('W', 0x7ff001000L, 4, 5), refs.get(2));
        assertEquals('M', ((TraceRef.Access) refs.get(3)).kind());
        assertEquals(new TraceRef.Access('W', 8192, 1, 8), refs.get(5));
        assertEquals(new TraceRef.Page(3, 9), refs.get(8));
    }

    @Test void pagesSplitStraddlingAccesses() {
        List<TraceRef> refs = TraceReader.parse(List.of(" L 0ffe,4", "R 0x1000", "7"), "t");
        assertArrayEquals(new long[] {0, 1, 1, 7}, TraceReader.pages(refs, 12));
        assertArrayEquals(new long[] {0xf, 0x10, 0x10, 7}, TraceReader.pages(refs, 8));
    }

    @Test void badLinesNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceReader.parse(List.of("1,2", "R 0xZZ"), "trace.txt"));
        assertTrue(e.getMessage().startsWith("trace.txt line 2:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TraceReader.parse(List.of("1", "2", "3 four"), "t"));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'four'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TraceReader.parse(List.of(" L 7ff0,0"), "t"));
        assertThrows(IllegalArgumentException.class, () -> TraceReader.parse(List.of("# only a comment"), "t"));
    }
}
