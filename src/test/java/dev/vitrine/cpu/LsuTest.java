package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape of the load/store unit that the translated blocks' speed depends on (see Lsu's comment on miss). */
class LsuTest {
    /** C2's FreqInlineSize on x86_64 and aarch64: a hot call to a larger method stays a call. */
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void theMissPathIsTooBigForC2ToInlineIntoABlock() throws IOException {
        int size = codeSizes().get("miss");
        assertTrue(size > FREQ_INLINE_SIZE, "Lsu.miss is " + size + " bytes of bytecode: C2 would inline it into every block");
    }

    @Test
    void theFastPathsStaySmall() throws IOException {
        Map<String, Integer> sizes = codeSizes();
        for (String m : new String[] {"load8", "load16", "load32", "load64", "store8", "store16", "store32", "store64"})
            assertTrue(sizes.get(m) <= 100, "Lsu." + m + " grew to " + sizes.get(m) + " bytes");
    }

    /** Each method's bytecode length, from Lsu.class itself (JVMS 4: the Code attribute's code_length). */
    private static Map<String, Integer> codeSizes() throws IOException {
        try (InputStream raw = Lsu.class.getResourceAsStream("Lsu.class")) {
            DataInputStream in = new DataInputStream(raw);
            in.readInt();
            in.readInt();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> { in.skipBytes(8); i++; }
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    default -> throw new IOException("constant tag " + tag);
                }
            }
            in.skipBytes(6);
            in.skipBytes(2 * in.readUnsignedShort());
            for (int f = in.readUnsignedShort(); f > 0; f--) { in.skipBytes(6); skipAttributes(in); }
            Map<String, Integer> sizes = new HashMap<>();
            for (int m = in.readUnsignedShort(); m > 0; m--) {
                in.skipBytes(2);
                String name = utf8[in.readUnsignedShort()];
                in.skipBytes(2);
                for (int a = in.readUnsignedShort(); a > 0; a--) {
                    String attr = utf8[in.readUnsignedShort()];
                    int len = in.readInt();
                    if (attr.equals("Code")) {
                        in.skipBytes(4);
                        int code = in.readInt();
                        sizes.merge(name, code, Math::max);
                        in.skipBytes(len - 8);
                    } else {
                        in.skipBytes(len);
                    }
                }
            }
            return sizes;
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        for (int a = in.readUnsignedShort(); a > 0; a--) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }
}
