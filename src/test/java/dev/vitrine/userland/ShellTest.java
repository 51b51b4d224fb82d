package dev.vitrine.userland;

import dev.vitrine.conformance.Diff;
import dev.vitrine.conformance.GuestRun;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shell, script by script: each script runs as {@code sh -c SCRIPT} (or on sh's stdin) under
 * qemu-riscv64, and must print what bash prints for it with the same utilities (where the two
 * shells are meant to agree), and on Vitrine exactly what it printed under qemu. stdout and the
 * exit status are compared; stderr is not (the shells word their errors differently), so
 * scripts that test errors send them to stdout with 2>&1 only where the wording is the
 * utilities'.
 */
class ShellTest {
    /** bashToo: bash must print the same; expected (for the others): what the shell must print under qemu. */
    record Case(String name, String script, String stdin, boolean bashToo, String expected) {
        Case(String name, String script, String stdin, boolean bashToo) { this(name, script, stdin, bashToo, null); }
    }

    static final List<Case> CASES = List.of(
            new Case("the chapter's pipeline", "touch dirents  # else whether ls sees it is a race with tee\nls -1 | cut -d. -f1 | sort | uniq | tee dirents\necho ---\ncat dirents", "", true),
            new Case("a long pipeline", "seq 1 300 | grep 1 | sort -r | head -n 20 | tail -n 5 | cat | wc -l", "", true),
            new Case("pipeline status is the last command's", "false | true; echo $?; true | false; echo $?", "", true),
            new Case("redirections", """
                    echo one > f; echo two >> f; cat < f
                    cat nosuch 2> err; echo "status $?"; cat err
                    cat nosuch > out 2>&1; cat out
                    wc -l < f; cat < f > g; cat g
                    cat nosuch 2>&1 >/dev/null | wc -l
                    echo to-stderr 1>&2 2>/dev/null; echo "x" >> f; tail -n 1 f""", "", true),
            new Case("lists", """
                    true && echo and; false && echo not-printed; false || echo or; true || echo not-printed
                    false; echo $?; true; echo $?
                    false && echo a || echo b; true && false || echo c
                    echo one; echo two ; echo three""", "", true),
            new Case("quoting and escapes", """
                    echo 'single $HOME *' "double $X" back\\ slash "q\\"uote" 'it''s' \\$ \\\\
                    X="a  b"; echo $X; echo "$X"; echo "${X}c"
                    echo '' "" x; printf '[%s]\\n' a'b'"c" "" 'd e'
                    echo "multi
                    line" """, "", true),
            new Case("variables", """
                    X=1; Y=$X$X; echo $Y ${Y}z "$Y"
                    export Z=3; env | grep '^Z='
                    W=5 env | grep '^W='; echo "[$W]"
                    sh -c 'exit 7'; echo $?
                    echo $$ | grep -c '^[0-9][0-9]*$'
                    unset Z; env | grep -c '^Z='
                    echo "$UNDEFINED-x" """, "", true),
            new Case("globbing", "echo *.c; ls *.txt; echo nomatch*; echo '*.c'; echo \\*.c", "", true),
            new Case("cd and pwd", "mkdir -p d/e; cd d/e; pwd; cd ..; pwd; cd; pwd; cd d; cd -; cd nosuch; echo $?; cd /; pwd; ls -d bin", "", true),
            new Case("exit status", "sh -c 'exit 3'; echo $?; nosuchcommand 2>/dev/null; echo $?; ./nosuch 2>/dev/null; echo $?; sh -c 'exit 300'; echo $?", "", true),
            new Case("exit", "echo before; exit 4; echo after", "", true),
            new Case("background and wait", """
                    sleep 0.2 & echo started; wait; echo waited
                    false & wait $!; echo "false: $?"
                    sh -c 'exit 5' & wait $!; echo "five: $?\"""", "", true),
            new Case("jobs", "sleep 5 & jobs; kill %1; wait; jobs; echo done", "", false,
                    "[1]+  Running                 sleep 5 &\ndone\n"),
            new Case("history", "echo x; history", "", false, "x\n    1  echo x; history\n"),
            new Case("a script on stdin", "", """
                    echo first
                    echo a \\
                    b
                    ls *.c |
                    wc -l
                    X=2; echo "x=$X"
                    cat
                    echo last
                    """, true),
            new Case("SIGPIPE ends the writers", "yes | head -n 3; seq 1 100000 | head -n 2; yes | cat | cat | head -c 10; echo", "", true),
            new Case("files", """
                    seq 5 > n; cp n m; mv m k; ls; rm k; tee l < n > /dev/null; cat l; touch t; ls
                    mkdir dd; mv n dd; ls dd; rm -r dd; ls; rm nosuch 2>&1; rm -f nosuch; echo $?""", "", true),
            new Case("a named pipe", "f=/tmp/fifo.$$; mkfifo $f; cat $f > got & echo hello > $f; wait; cat got; ls -l $f | cut -c1; rm $f", "", true),
            new Case("a symbolic link", "f=/tmp/link.$$; ln -s /home $f; ls -l $f | cut -c1; cat $f/nosuch 2>/dev/null; echo $?; rm $f", "", true));

    private static final Map<String, GuestRun> QEMU = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicNode> scripts() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Case c : CASES) {
            List<DynamicTest> tests = new ArrayList<>();
            if (c.bashToo()) tests.add(DynamicTest.dynamicTest("qemu = bash", () -> {
                // A script on stdin goes to bash -s; `bash -c ""` would exit before its stdin is written ("Stream closed").
                GuestRun ours = qemu(c), theirs = Userland.bash(c.script().isEmpty() ? "exec /bin/bash -s" : c.script(), bytes(c.stdin()));
                compare("bash", theirs, "sh under qemu", ours);
            }));
            if (c.expected() != null) tests.add(DynamicTest.dynamicTest("qemu = expected", () ->
                    assertEquals(c.expected(), qemu(c).stdoutText(), () -> Userland.describe("qemu", QEMU.get(c.name())))));
            tests.add(DynamicTest.dynamicTest("vitrine = qemu", () -> {
                Userland.requireKernel();
                GuestRun q = qemu(c);
                GuestRun v = c.script().isEmpty() ? Userland.vitrineStdin(bytes(c.stdin())) : Userland.vitrine(c.script(), bytes(c.stdin()));
                compare("qemu", q, "vitrine", v);
            }));
            nodes.add(DynamicContainer.dynamicContainer(c.name(), tests));
        }
        return nodes.stream();
    }

    private static GuestRun qemu(Case c) throws Exception {
        GuestRun r = QEMU.get(c.name());
        if (r == null) {
            r = c.script().isEmpty() ? Userland.qemuStdin(bytes(c.stdin())) : Userland.qemu(c.script(), bytes(c.stdin()));
            QEMU.put(c.name(), r);
        }
        return r;
    }

    static void compare(String expectedSide, GuestRun expected, String actualSide, GuestRun actual) {
        String d = Diff.firstDifference("stdout", expected.stdoutText(), actual.stdoutText());
        if (d != null) fail(d + "\n" + Userland.describe(expectedSide, expected) + "\n" + Userland.describe(actualSide, actual));
        assertEquals(expected.status(), actual.status(), () -> "exit status\n" + Userland.describe(expectedSide, expected) + "\n"
                + Userland.describe(actualSide, actual));
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
