package dev.vitrine.fs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EOF on a pipe only once every write end is closed, including the reader's own copy. */
class PipeEofTest {
    @Test void childThatKeepsItsWriteEndNeverLeavesTheLoop() throws Exception {
        Guest.Run r = Guest.run("pipe_eof", "rr", "bug");
        assertEquals(125, r.status(), r.report());
        assertTrue(r.report().contains("blocked in read(3) from a pipe whose writers are all blocked"), r.report());
    }

    @Test void childThatClosesItsWriteEndSeesEof() throws Exception {
        Guest.Run r = Guest.run("pipe_eof", "rr");
        assertEquals(0, r.status(), r.report());
        assertEquals("Hi Child!\nchild left the loop after 9 bytes\nchild exited with 0\n", r.stdout());
    }
}
