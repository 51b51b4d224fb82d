package dev.vitrine.view;

import java.util.Map;

/**
 * One look at the machine's state, taken at a moment of the run: the data is read from the
 * kernel and the MMU when the view is made, so rendering later shows that moment.
 */
public sealed interface View permits PageTableView, FrameMapView, TlbView {
    /** "pagetable", "frames" or "tlb". */
    String kind();

    /** Plain text, or with ANSI colours for a terminal. */
    String text(boolean color);

    /** The same data as JSON values (trace.Json). */
    Map<String, Object> json();

    /** An SVG fragment drawn from (0, 0), and how much room it takes. */
    Svg.Fragment svg();
}
