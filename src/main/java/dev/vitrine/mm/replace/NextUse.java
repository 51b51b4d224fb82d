package dev.vitrine.mm.replace;

/** The future as OPT needs it: when the page now in a frame will next be used. */
@FunctionalInterface
public interface NextUse {
    /** Position of the next use of the page in {@code frame}, or {@link Long#MAX_VALUE} for never. */
    long next(int frame);
}
