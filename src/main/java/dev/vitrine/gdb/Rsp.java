package dev.vitrine.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * gdb's remote serial protocol on one connection: {@code $data#cs} packets, each acknowledged
 * with '+', and a lone 0x03 byte for "interrupt". Replies go out unescaped except for the
 * characters the protocol reserves ($ # } *), which a binary memory dump could hold.
 */
final class Rsp {
    static final int INTERRUPT = 0x03;

    private final InputStream in;
    private final OutputStream out;

    Rsp(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** The next packet's data (acknowledged), "\u0003" for an interrupt, or null when gdb hung up. */
    String read() throws IOException {
        while (true) {
            int c = in.read();
            if (c < 0) return null;
            if (c == INTERRUPT) return "\u0003";
            if (c != '$') continue;   // acks and noise between packets
            StringBuilder data = new StringBuilder();
            int sum = 0;
            while ((c = in.read()) != '#') {
                if (c < 0) return null;
                data.append((char) c);
                sum += c;
            }
            int hi = in.read(), lo = in.read();
            if (lo < 0) return null;
            boolean ok = Integer.parseInt("" + (char) hi + (char) lo, 16) == (sum & 0xff);
            out.write(ok ? '+' : '-');
            out.flush();
            if (ok) return unescape(data.toString());
        }
    }

    /** True when a byte waits (gdb's interrupt while the machine runs). */
    boolean pending() throws IOException { return in.available() > 0; }

    int readByte() throws IOException { return in.read(); }

    void send(String data) throws IOException {
        StringBuilder p = new StringBuilder("$");
        int sum = 0;
        for (char ch : data.toCharArray()) {
            if (ch == '$' || ch == '#' || ch == '}' || ch == '*') {
                p.append('}');
                sum += '}';
                ch ^= 0x20;
            }
            p.append(ch);
            sum += ch;
        }
        p.append('#').append(String.format("%02x", sum & 0xff));
        out.write(p.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String unescape(String s) {
        if (s.indexOf('}') < 0) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c == '}' && i + 1 < s.length() ? (char) (s.charAt(++i) ^ 0x20) : c);
        }
        return b.toString();
    }
}
