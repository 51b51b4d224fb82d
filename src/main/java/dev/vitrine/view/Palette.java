package dev.vitrine.view;

/** Colours shared by the views: one per process, and one per kind of frame; ANSI for terminals, hex for SVG. */
final class Palette {
    private Palette() {}

    private static final int[] ANSI_PID = {44, 42, 45, 46, 43, 104, 102, 105};
    private static final String[] HEX_PID = {"#4e79a7", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#8cd17d", "#ff9da7"};

    static final String RESET = "\u001b[0m";

    static String ansiPid(int pid) { return "\u001b[" + ANSI_PID[Math.floorMod(pid - 1, ANSI_PID.length)] + ";30m"; }
    static String hexPid(int pid) { return HEX_PID[Math.floorMod(pid - 1, HEX_PID.length)]; }

    static final String ANSI_COW = "\u001b[41;97m", ANSI_SHARED = "\u001b[101;30m", ANSI_CACHE = "\u001b[47;30m",
            ANSI_KERNEL = "\u001b[100;97m", ANSI_FREE = "\u001b[2m", ANSI_DIM = "\u001b[2m", ANSI_BOLD = "\u001b[1m";
    static final String HEX_COW = "#e15759", HEX_SHARED = "#f28e2b", HEX_CACHE = "#bab0ac", HEX_KERNEL = "#555555",
            HEX_FREE = "#eeeeee", HEX_SWAP = "#d4a6c8";

    static String paint(boolean color, String ansi, String s) { return color ? ansi + s + RESET : s; }
}
