package dev.vitrine.fs;

import java.nio.charset.StandardCharsets;

/**
 * How the guest's names are Java Strings: one char per byte (ISO-8859-1), so a name of any
 * bytes, valid UTF-8 or not, maps one-to-one to a String and back, whatever the host's or
 * the JVM's locale. Paths read from guest memory, getdents64, readlink, getcwd and host
 * directory entries all go through here.
 */
public final class Names {
    private Names() {}

    public static String of(byte[] b) { return new String(b, StandardCharsets.ISO_8859_1); }

    public static String of(byte[] b, int off, int len) { return new String(b, off, len, StandardCharsets.ISO_8859_1); }

    /** The bytes of a guest name; chars past 0xff (only a host-side String can hold them) become UTF-8. */
    public static byte[] bytes(String s) {
        for (int i = 0; i < s.length(); i++)
            if (s.charAt(i) > 0xff) return s.getBytes(StandardCharsets.UTF_8);
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A name that came from the host's command line (decoded by the JVM) as the guest sees it. */
    public static String fromHost(String s) {
        String enc = System.getProperty("sun.jnu.encoding");
        java.nio.charset.Charset cs;
        try {
            cs = enc == null ? java.nio.charset.Charset.defaultCharset() : java.nio.charset.Charset.forName(enc);
        } catch (IllegalArgumentException e) {
            cs = StandardCharsets.UTF_8;
        }
        return of(s.getBytes(cs));
    }
}
