package dev.vitrine.userland;

import dev.vitrine.conformance.GuestRun;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The utilities against the host's GNU coreutils (and grep), one command line at a time, on the
 * options both accept: each line's stdout and exit status must be the same. All lines run as one
 * script per side (a separator and "$?" after each, with the shell's builtin echo), so the suite
 * starts three shells, not three hundred. echo itself is tested as {@code env echo}. The same script on Vitrine must print exactly what it printed under qemu.
 *
 * <p>FIFOs and links are made in /tmp: Vitrine's mounts of host directories refuse mknod,
 * symlink and link (EPERM).
 *
 * <p>Not compared with coreutils: ls -l's dates and stat's Birth line (GNU stat uses statx),
 * dd's timing line, ps, free, vmstat and procmaps (they describe the running system), yes and
 * sleep (tested through the shell).
 */
class UtilitiesTest {
    static final List<String> LINES = List.of(
            "cat notes.txt words.txt", "cat < words.txt", "cat nosuch",
            "env echo hello world", "env echo -n no newline", "env echo -e 'a\\tb\\\\c\\n\\101\\x41'", "env echo -- -n",
            "printf '%5d|%-4s|%x|%o|%c|%s\\n' 42 ab 255 8 xyz one two", "printf '%.2f %e %g %%\\n' 3.14159 1000 0.5",
            "printf '%s-' a b c; printf '\\n'", "printf 'no args %d\\n'",
            "ls", "ls -1", "ls -a", "ls -1a", "ls -l notes.txt Makefile", "ls a.c nosuch", "ls -1 /nonexistent",
            "cut -d. -f1 < /dev/null", "ls -1 | cut -d. -f1", "cut -c2-4 words.txt", "cut -c-3,6 words.txt", "cut -d' ' -f2 notes.txt",
            "cut -d' ' -f1,2 words.txt", "cut -d' ' -f2- words.txt", "cut -s -d' ' -f2 words.txt", "cut -f1 notes.txt",
            "sort notes.txt", "sort -r words.txt", "sort -u notes.txt", "sort -n nums.txt", "sort -nr nums.txt", "sort -k2 -n notes.txt",
            "sort -k2,2 -r notes.txt", "sort -t' ' -k2 notes.txt", "sort words.txt notes.txt",
            "uniq notes.txt", "sort notes.txt | uniq -c", "sort notes.txt | uniq -d", "sort notes.txt | uniq -u", "sort notes.txt | uniq -c -d",
            "tee copy < words.txt; cat copy", "echo x | tee -a notes.txt > /dev/null; tail -n 2 notes.txt",
            "head -n 2 words.txt", "head -c 10 words.txt", "head -3 notes.txt", "head -n 1 notes.txt words.txt", "head -n 0 words.txt",
            "tail -n 2 words.txt", "tail -c 9 words.txt", "tail -n +3 notes.txt", "tail -3 nums.txt", "seq 100 | tail -n 3",
            "wc notes.txt", "wc -l words.txt", "wc -w < words.txt", "wc -c notes.txt words.txt", "wc < notes.txt", "wc -lw notes.txt",
            "grep apple notes.txt", "grep -v apple notes.txt", "grep -c a notes.txt", "grep -n the words.txt", "grep -i the words.txt",
            "grep '^[a-c]' notes.txt", "grep 'o.*o' words.txt", "grep 'x' notes.txt", "grep -E 'fox|dog' words.txt", "grep a nosuch",
            "grep -h 2>/dev/null; echo usage", "grep '[0-9]\\{2\\}' notes.txt", "grep -c '' words.txt", "grep the words.txt notes.txt",
            "f=/tmp/p.$$; mkfifo $f; ls -l $f | cut -c1; mkfifo $f; echo $?; rm $f", "mkdir d; mkdir d; mkdir -p d/e/f; ls d/e", "rm nosuch; rm -f nosuch; mkdir x; rm x",
            "cp notes.txt n2; cat n2", "cp nosuch n3", "mv a.c z.c; ls", "mv nosuch z", "touch new; ls new; wc -c new",
            "t=/tmp/n.$$; cp notes.txt $t; ln $t $t.h; ls -l $t.h | cut -c11-12; f=/tmp/s.$$; ln -s $PWD/words.txt $f; cat $f $t.h | wc -l; rm $f $t $t.h", "ln nosuch x",
            "stat -c 2>/dev/null; echo x", "true; echo $?", "false; echo $?",
            "seq 3", "seq 2 5", "seq 1 3 10", "seq 5 -1 1", "seq -s, 1 4", "seq 0.5 0.5 2",
            "basename /usr/lib/x.c .c", "basename a/b/", "basename /", "dirname /usr/lib/", "dirname a", "dirname /a", "dirname a/b//c",
            "env -i A=1 B=2", "env -i X=1 env", "pwd | wc -l",
            "od -c words.txt", "od notes.txt", "od -x nums.txt", "od -t x1 a.h", "od -A d -c a.h", "od -b a.h", "od -A x -t x1 a.h",
            "seq 1000 | od -c | tail -n 3", "head -c 64 /dev/zero | od -c",
            "dd if=notes.txt bs=4 count=3 2>/dev/null", "dd if=words.txt of=w2 bs=16 2>/dev/null; cat w2",
            "dd if=notes.txt bs=1k skip=0 count=1 2>/dev/null | wc -c", "kill -l 2>/dev/null | head -n 0; kill 999999",
            "id", "id -u", "id -gn", "id -G", "id -Gn", "id -ur", "id -x 2>/dev/null", "id -n 2>/dev/null", "id -ug 2>/dev/null");

    @TestFactory
    Stream<DynamicNode> againstCoreutils() throws Exception {
        String script = script();
        Map<String, String> ours = split(Userland.qemu(script, new byte[0]).stdoutText());
        Map<String, String> gnu = split(Userland.coreutils(script).stdoutText());
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            String key = "#" + i;
            String line = LINES.get(i);
            tests.add(DynamicTest.dynamicTest(line, () -> assertEquals(gnu.get(key), ours.get(key),
                    "`" + line + "`: coreutils (expected) vs ours under qemu (actual)")));
        }
        return tests.stream();
    }

    /** Lines whose output on Vitrine differs for a reason outside the userland, with the reason. */
    static final java.util.Map<String, String> VITRINE_KNOWN = java.util.Map.of(
            "ls -l notes.txt Makefile", "host-mounted files show owner user and the boot time as mtime, not the host's",
            "id", "the guest runs as uid 1000 (user), the host's tests as themselves (cred_user and cred_root in the corpus check the calls)",
            "id -u", "the same", "id -gn", "the same", "id -G", "the same", "id -Gn", "the same", "id -ur", "the same");

    @TestFactory
    Stream<DynamicNode> onVitrine() throws Throwable {
        if (!Userland.kernelReady()) return Stream.of(DynamicTest.dynamicTest("kernel not ready", Userland::requireKernel));
        String script = script();
        Map<String, String> q = split(Userland.qemu(script, new byte[0]).stdoutText());
        GuestRun vr = Userland.vitrine(script, new byte[0]);
        Map<String, String> v = split(vr.stdoutText());
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            String key = "#" + i;
            String line = LINES.get(i);
            String known = VITRINE_KNOWN.get(line);
            if (known != null) {
                tests.add(DynamicTest.dynamicTest(line, () -> org.junit.jupiter.api.Assumptions.abort("known difference: " + known)));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(line, () -> assertEquals(q.get(key), v.get(key),
                    "`" + line + "`: qemu (expected) vs Vitrine (actual); Vitrine's run: " + vr.status() + " " + vr.note()
                            + "\n" + vr.stderrText())));
        }
        return tests.stream();
    }

    /** Every line in the same fixture, each followed by a marker and its status. Files they create stay for the next. */
    static String script() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LINES.size(); i++)
            sb.append(LINES.get(i)).append("\necho \"@@ #").append(i).append(" status $?\"\n");
        return sb.toString();
    }

    static Map<String, String> split(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        StringBuilder cur = new StringBuilder();
        for (String l : out.split("\n", -1)) {
            if (l.startsWith("@@ #")) {
                String[] f = l.split(" ");
                m.put(f[1], cur + "[status " + f[3] + "]");
                cur.setLength(0);
            } else cur.append(l).append('\n');
        }
        return m;
    }
}
