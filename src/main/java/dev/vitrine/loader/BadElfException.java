package dev.vitrine.loader;

/** A file that is not a runnable riscv64 ELF; the message is the one line users see. */
public final class BadElfException extends RuntimeException {
    public BadElfException(String message) { super(message, null, false, false); }
}
