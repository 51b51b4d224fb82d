package dev.vitrine.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns .c files into a riscv64 executable with the cross compiler, cached under
 * ~/.cache/vitrine/guest (or $XDG_CACHE_HOME/vitrine/guest).
 *
 * <p>The cache key is a SHA-256 over everything the build reads: the compiler's
 * {@code --version}, the full flag list (static or dynamic, the user's --cflags), the sources'
 * names, and the preprocessed text of every source ({@code gcc -E} with the same flags). The
 * preprocessor is the part of the compiler that opens headers, so its output is exact: a
 * changed header, a -D, an -I that finds another file all change the key, while a comment
 * edited within its lines does not; it costs one preprocessor run (tens of milliseconds), far less than a
 * compile. What -E cannot see is the libraries the link pulls from the sysroot (libc, -lm,
 * -lpthread): they come with the installed toolchain, which the version stands for. When -E
 * itself fails the build goes straight to the compiler, whose diagnostics then say why.
 *
 * <p>The compiler's output (errors, warnings) goes to the given writer; a failed compile is an
 * IllegalArgumentException, the one line after gcc's own (status 2, as a bad command line).
 */
final class GuestCompiler {
    private GuestCompiler() {}

    static final String CC = "riscv64-linux-gnu-gcc";

    /**
     * Builds the program from {@code sources} (the first names it) with the checked
     * {@code cflags}: static unless {@code dynamic}; -l flags go after the sources, as the
     * linker reads them in order.
     */
    static Path compile(List<Path> sources, List<String> cflags, boolean dynamic, PrintWriter diagnostics)
            throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(), libs = new ArrayList<>();
        if (!dynamic) flags.add("-static");
        flags.add("-O2"); // a later -O in cflags wins
        for (String f : cflags) (f.startsWith("-l") ? libs : flags).add(f);
        libs.add("-lm");
        List<String> names = sources.stream().map(Path::toString).toList();

        Path cache = cacheDir();
        Files.createDirectories(cache);
        String name = sources.get(0).getFileName().toString().replaceFirst("\\.c$", "");
        Path out = cache.resolve(name + "-" + key(flags, libs, names));
        if (Files.isRegularFile(out)) return out;

        Path tmp = Files.createTempFile(cache, name, ".tmp");
        List<String> cmd = new ArrayList<>(List.of(CC));
        cmd.addAll(flags);
        cmd.addAll(List.of("-o", tmp.toString()));
        cmd.addAll(names);
        cmd.addAll(libs);
        Output r = exec(cmd);
        diagnostics.print(r.text());
        diagnostics.flush();
        if (r.status() != 0) {
            Files.deleteIfExists(tmp);
            throw new IllegalArgumentException("cannot compile " + String.join(" ", names) + ": " + CC
                    + " exited with status " + r.status());
        }
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("vitrine").resolve("guest");
    }

    /** The hash of everything the build reads (see the class comment), 16 hex digits. */
    private static String key(List<String> flags, List<String> libs, List<String> names)
            throws IOException, InterruptedException {
        MessageDigest md = sha256();
        field(md, exec(List.of(CC, "--version")).text().getBytes(StandardCharsets.UTF_8));
        field(md, String.join("\0", flags).getBytes(StandardCharsets.UTF_8));
        field(md, String.join("\0", libs).getBytes(StandardCharsets.UTF_8));
        field(md, String.join("\0", names).getBytes(StandardCharsets.UTF_8));
        List<String> cpp = new ArrayList<>(List.of(CC, "-E"));
        cpp.addAll(flags);
        cpp.addAll(names);
        Output pre = exec(cpp);
        // A source -E cannot read makes this key unique to the attempt: the compile then fails and says why.
        field(md, pre.status() == 0 ? pre.bytes() : ("failed " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    /** A length before each field, so no two different inputs hash alike by shifting bytes between fields. */
    private static void field(MessageDigest md, byte[] b) {
        md.update(Long.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(b);
    }

    private record Output(int status, byte[] bytes) {
        String text() { return new String(bytes, StandardCharsets.UTF_8); }
    }

    /** Runs the compiler driver, stdout and stderr together, no stdin. */
    private static Output exec(List<String> cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot compile: " + CC
                    + " is not installed (Debian/Ubuntu: apt-get install gcc-riscv64-linux-gnu)");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) { in.transferTo(buf); }
        return new Output(p.waitFor(), buf.toByteArray());
    }

    private static java.io.File nullFile() { return new java.io.File("/dev/null"); }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
