package dev.vitrine.trace;

import java.util.Set;

/** Where events go: a file format. A sink sees only the categories it {@link #wants()}, in the order they happened. */
public interface Sink extends AutoCloseable {
    Set<Category> wants();

    void accept(Event e);

    /** The run is over: write what is buffered and any trailer. */
    @Override void close();
}
