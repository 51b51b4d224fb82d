package dev.vitrine.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Physical memory as a hex dump, one page a line: "page N: hexbytes" (spaces in the hex
 * are allowed), the form OSTEP's paging-multilevel-translate.py prints. Pages not listed
 * are zero. Other lines (OSTEP's headers, blank lines, '#' comments) are skipped.
 */
public record MemoryImage(int pageSize, byte[] bytes) {
    /** 64 MiB: far past any exercise, and a bound on what a file can make the lab hold. */
    public static final long MAX_BYTES = 64L << 20;
    private static final Pattern LINE = Pattern.compile("^\\s*page\\s+(\\d+)\\s*:\\s*([0-9a-fA-F ]*)\\s*$");

    public static MemoryImage read(Path file, int pageSize) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read memory image " + file + ": " + IoErrors.reason(e));
        }
        return parse(lines, pageSize, file.toString());
    }

    public static MemoryImage parse(List<String> lines, int pageSize, String source) {
        int maxPage = -1;
        for (String l : lines) {
            Matcher m = LINE.matcher(l);
            if (m.matches()) maxPage = Math.max(maxPage, page(m.group(1), source));
        }
        if (maxPage < 0) throw new IllegalArgumentException(source + ": no 'page N: hexbytes' lines");
        if ((long) (maxPage + 1) * pageSize > MAX_BYTES) throw new IllegalArgumentException(source + ": page " + maxPage + " is past " + (MAX_BYTES >> 20) + " MiB of memory");
        byte[] mem = new byte[(maxPage + 1) * pageSize];
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            if (!m.matches()) continue;
            String hex = m.group(2).replace(" ", "");
            if (hex.length() != 2 * pageSize)
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + hex.length() / 2.0 + " bytes for a page of " + pageSize);
            int base = page(m.group(1), source) * pageSize;
            for (int b = 0; b < pageSize; b++) mem[base + b] = (byte) Integer.parseInt(hex.substring(2 * b, 2 * b + 2), 16);
        }
        return new MemoryImage(pageSize, mem);
    }

    private static int page(String digits, String source) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": page number " + digits + " is too large");
        }
    }

    public long size() { return bytes.length; }

    /** The byte at {@code pa}, unsigned. */
    public int read(long pa) { return bytes[(int) pa] & 0xff; }

    /** {@code n} bytes at {@code pa}: big-endian (as a dump reads) or little-endian (as RISC-V stores). */
    public long read(long pa, int n, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int b = read(pa + (bigEndian ? i : n - 1 - i));
            v = (v << 8) | b;
        }
        return v;
    }

    /** The dump, in the same form it is read. */
    public String text() {
        StringBuilder s = new StringBuilder();
        int pages = bytes.length / pageSize, w = Integer.toString(pages - 1).length();
        for (int p = 0; p < pages; p++) {
            s.append(String.format("page %" + Math.max(3, w) + "d:", p));
            for (int b = 0; b < pageSize; b++) s.append(String.format("%02x", bytes[p * pageSize + b] & 0xff));
            s.append('\n');
        }
        return s.toString();
    }
}
