package dev.vitrine.fuzz;

import dev.vitrine.conformance.GuestBuild;
import dev.vitrine.conformance.Toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the fuzzers' guest programs (userland/fuzz/*.c) with the cross compiler through the
 * tests' one compile helper, cached under target/fuzz by a hash of compiler, flags and source.
 * A missing compiler skips, or fails under CI=true.
 */
final class FuzzGuest {
    private FuzzGuest() {}

    static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no pom.xml above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** userland/fuzz/NAME.c built with -O2 -Wall and {@code flags} (e.g. -static), or taken from the cache (conformance.GuestBuild). */
    static Path build(String name, String... flags) throws IOException, InterruptedException {
        Path root = projectRoot();
        List<String> cflags = new ArrayList<>(List.of("-O2", "-Wall"));
        cflags.addAll(List.of(flags));
        return new GuestBuild(Toolchain.requireCompiler(), root.resolve("target/fuzz"))
                .binary(root.resolve("userland/fuzz/" + name + ".c"), cflags, List.of());
    }
}
