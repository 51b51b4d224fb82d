package dev.vitrine.loader;

/** The program is fine but the machine has no memory left to load it (execve's ENOMEM); the message is one line. */
public final class NoMemoryException extends RuntimeException {
    public NoMemoryException(String message) { super(message, null, false, false); }
}
