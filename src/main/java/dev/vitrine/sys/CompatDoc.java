package dev.vitrine.sys;

import java.util.stream.Collectors;

/** docs/linux-compat.md, written from the syscall table itself so the two cannot drift apart. */
public final class CompatDoc {
    private CompatDoc() {}

    public static String markdown() {
        SyscallTable table = new SyscallTable(new Services(0));
        StringBuilder sb = new StringBuilder();
        sb.append("# Linux compatibility: syscalls\n\n");
        sb.append("Generated from the syscall table (`dev.vitrine.sys.CompatDoc`; a test fails when this file is stale).\n");
        sb.append("Every number of the Linux riscv64 ABI is listed. *implemented*: Linux semantics and errors as far as the\n");
        sb.append("machine has the objects involved; *partial*: works for what programs commonly ask, see the note in the\n");
        sb.append("handler's class; *ENOSYS*: returns -ENOSYS and is reported once by name on stderr and in `--stats`.\n\n");
        long impl = table.all().stream().filter(s -> s.status() == Syscall.Status.IMPLEMENTED).count();
        long part = table.all().size() - impl;
        sb.append("Implemented: ").append(impl).append(", partial: ").append(part).append(", ENOSYS: ")
                .append(SyscallTable.abiNumbers().size() - table.all().size()).append(".\n\n");
        sb.append("| nr | syscall | status |\n|---:|---|---|\n");
        for (int nr : SyscallTable.abiNumbers()) {
            Syscall s = table.get(nr);
            String status = s == null ? "ENOSYS" : s.status() == Syscall.Status.IMPLEMENTED ? "implemented" : "partial";
            sb.append("| ").append(nr).append(" | ").append(SyscallTable.name(nr)).append(" | ").append(status).append(" |\n");
        }
        return sb.toString();
    }

    /** Where the hand-written part begins: the LTP score and its differences (scripts/ltp), kept across regenerations. */
    static final String HAND_WRITTEN = "\n## LTP";

    /** The generated part of a compatibility page: everything before the hand-written section. */
    public static String generatedPart(String doc) {
        int at = doc.indexOf(HAND_WRITTEN);
        return at < 0 ? doc : doc.substring(0, at + 1);
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path p = java.nio.file.Path.of(args.length > 0 ? args[0] : "docs/linux-compat.md");
        String old = java.nio.file.Files.exists(p) ? java.nio.file.Files.readString(p) : "";
        int at = old.indexOf(HAND_WRITTEN);
        java.nio.file.Files.writeString(p, markdown() + (at < 0 ? "" : old.substring(at + 1)));
    }
}
