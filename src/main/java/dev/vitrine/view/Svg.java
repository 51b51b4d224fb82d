package dev.vitrine.view;

import java.util.List;

/** The little SVG the views need: boxes and text, stacked into one document. */
final class Svg {
    private Svg() {}

    record Fragment(String body, int width, int height) {}

    static final int CHAR_W = 7, LINE_H = 16;

    static String rect(int x, int y, int w, int h, String fill, String title) {
        String t = title == null ? "" : "<title>" + esc(title) + "</title>";
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" fill=\"" + fill
                + "\" stroke=\"#ffffff\" stroke-width=\"1\">" + t + "</rect>\n";
    }

    static String text(int x, int y, String s, String fill) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" fill=\"" + fill + "\">" + esc(s) + "</text>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** One document: the fragments one under the other, each under its title line. */
    static String document(String title, List<Fragment> parts) {
        int width = title.length() * CHAR_W + 20, y = 30;
        StringBuilder body = new StringBuilder(text(10, 20, title, "#000000"));
        for (Fragment f : parts) {
            body.append("<g transform=\"translate(10,").append(y).append(")\">\n").append(f.body()).append("</g>\n");
            y += f.height() + 20;
            width = Math.max(width, f.width() + 20);
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + y
                + "\" font-family=\"monospace\" font-size=\"12\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body + "</svg>\n";
    }
}
