package dev.vitrine.abi;

/** The machine's one user: every process runs as uid and gid 1000, without capabilities. */
public final class Cred {
    private Cred() {}

    public static final int UID = 1000, GID = 1000;
}
