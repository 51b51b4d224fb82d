package dev.vitrine.fs;

/**
 * n_tty's output column and canon_column: where the cursor is after what went out under OPOST
 * (do_output_char's bookkeeping), and where the line being edited began. Erasing a tab needs
 * both to go back the columns the tab took. A terminal's output and its echo both move them.
 */
final class Columns {
    // c_oflag and c_iflag bits (asm-generic/termbits.h)
    static final int OPOST = 1, ONLCR = 4, OCRNL = 010, ONOCR = 020, ONLRET = 040, IUTF8 = 040000;

    int column, canon;

    /** One byte out with {@code oflag} and {@code iflag}: nothing moves without OPOST, as in do_output_char. */
    void wrote(int c, int oflag, int iflag) {
        if ((oflag & OPOST) == 0) return;
        switch (c) {
            case '\n' -> {
                if ((oflag & ONLRET) != 0) column = 0;
                if ((oflag & ONLCR) != 0) column = 0;
                canon = column;
            }
            case '\r' -> {
                if ((oflag & ONOCR) != 0 && column == 0) return;
                if ((oflag & OCRNL) == 0 || (oflag & ONLRET) != 0) canon = column = 0;
            }
            case '\t' -> column += 8 - (column & 7);
            case '\b' -> { if (column > 0) column--; }
            default -> { if (!control(c) && !continuation(c, iflag)) column++; }
        }
    }

    /** The kernel's iscntrl on a byte: C0 and DEL (bytes from 0x80 on are not, as the tests on Linux show). */
    static boolean control(int c) { return c < 0x20 || c == 0x7f; }

    /** is_continuation: a UTF-8 continuation byte, when the terminal says its input is UTF-8 (IUTF8). */
    static boolean continuation(int c, int iflag) { return (iflag & IUTF8) != 0 && (c & 0xc0) == 0x80; }
}
