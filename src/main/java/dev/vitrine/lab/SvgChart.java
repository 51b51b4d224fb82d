package dev.vitrine.lab;

import java.util.List;
import java.util.Locale;

/** A line chart as a self-contained SVG: one polyline per series over shared x values. */
public final class SvgChart {
    private SvgChart() {}

    public record Series(String name, double[] y) {}

    /** A remark pinned to point {@code index} of series {@code series}. */
    public record Note(int series, int index, String text) {}

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int W = 640, H = 400, LEFT = 60, RIGHT = 120, TOP = 40, BOTTOM = 50;

    /** y is drawn from 0 to yMax; x values are evenly spaced labels. */
    public static String lines(String title, String xLabel, String yLabel, long[] x, List<Series> series, double yMax) {
        return lines(title, xLabel, yLabel, x, series, yMax, List.of());
    }

    /** Earlier series are drawn wider, so a later one lying on top of it leaves it visible as a border. */
    public static String lines(String title, String xLabel, String yLabel, long[] x, List<Series> series, double yMax, List<Note> notes) {
        StringBuilder s = new StringBuilder();
        int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(s, W / 2.0, 20, "middle", title, 14);
        text(s, LEFT + pw / 2.0, H - 10, "middle", xLabel, 12);
        s.append(String.format(Locale.ROOT, "<text x=\"15\" y=\"%d\" transform=\"rotate(-90 15 %d)\" text-anchor=\"middle\">%s</text>\n",
                TOP + ph / 2, TOP + ph / 2, esc(yLabel)));
        s.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" stroke=\"black\" fill=\"none\"/>\n", LEFT, TOP, TOP + ph, LEFT + pw));
        for (int t = 0; t <= 4; t++) {
            double v = yMax * t / 4, py = TOP + ph - ph * t / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, py, LEFT + pw, py));
            text(s, LEFT - 5, py + 4, "end", trim(v), 11);
        }
        for (int i = 0; i < x.length; i++) text(s, px(i, x.length, pw), TOP + ph + 16, "middle", Long.toString(x[i]), 11);
        for (int k = 0; k < series.size(); k++) {
            Series sr = series.get(k);
            String c = COLORS[k % COLORS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < sr.y().length; i++)
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(i, x.length, pw), TOP + ph - ph * Math.min(sr.y()[i], yMax) / yMax));
            double width = 1.5 + 1.2 * (series.size() - 1 - k);
            s.append("<polyline fill=\"none\" stroke=\"").append(c).append("\" stroke-width=\"").append(width)
                    .append("\" stroke-linejoin=\"round\" points=\"").append(pts.toString().strip()).append("\"/>\n");
            for (String p : pts.toString().strip().split(" ")) {
                String[] xy = p.split(",");
                s.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"3\" fill=\"").append(c).append("\"/>\n");
            }
            int ly = TOP + 10 + 18 * k;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                    LEFT + pw + 10, ly, LEFT + pw + 30, ly, c));
            text(s, LEFT + pw + 35, ly + 4, "start", sr.name(), 12);
        }
        for (Note n : notes) {
            double cx = px(n.index(), x.length, pw), cy = TOP + ph - ph * Math.min(series.get(n.series()).y()[n.index()], yMax) / yMax;
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"none\" stroke=\"black\"/>%n", cx, cy));
            text(s, cx, cy + 24, "middle", n.text(), 11);
        }
        return s.append("</svg>\n").toString();
    }

    private static double px(int i, int n, int pw) { return LEFT + (n == 1 ? pw / 2.0 : pw * i / (double) (n - 1)); }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static void text(StringBuilder s, double x, double y, String anchor, String t, int size) {
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>\n", x, y, anchor, size, esc(t)));
    }

    static String esc(String t) { return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
