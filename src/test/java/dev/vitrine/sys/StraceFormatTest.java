package dev.vitrine.sys;

import dev.vitrine.Machine;
import dev.vitrine.conformance.GuestBuild;
import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * --strace against the real strace: strace_calls.c built natively runs under {@code strace -f}
 * and built for riscv64 runs on Vitrine with --strace; from the program's first write on, each
 * process's lines must be the same once what differs by nature is blanked (addresses, pids,
 * the uid, x86-64's SA_RESTORER) and a call split into "<unfinished ...>" and "resumed" is
 * joined again (where the split falls depends on scheduling). The column of "= " is checked
 * on Vitrine's own lines.
 */
class StraceFormatTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/vitrine/sys/strace_calls.c");

    @Test void linesReadAsRealStraceLinesForTheSameCalls() throws Exception {
        String vitrine = vitrine(GuestBuild.build(SOURCE), null, false);
        String real = realStrace();
        Map<String, List<String>> want = perProcess(fromBegin(real)), got = perProcess(fromBegin(vitrine));
        assertEquals(want.keySet(), got.keySet(), "processes:\n" + vitrine);
        for (String pid : want.keySet()) assertEquals(String.join("\n", want.get(pid)), String.join("\n", got.get(pid)), "process " + pid);
        // strace's -a 40: "= " at column 40, or one space after a longer call.
        Pattern result = Pattern.compile("^(.*\\))( +)(= [^=]*)$");
        int checked = 0;
        for (String line : fromBegin(vitrine)) {
            Matcher m = result.matcher(line);
            if (!m.matches()) continue;
            int call = m.group(1).length(), spaces = m.group(2).length();
            assertEquals(call + 1 < 40 ? 40 - call : 1, spaces, "column of '= ' in: " + line);
            checked++;
        }
        assertTrue(checked > 30, vitrine);
    }

    @Test void filterKeepsTheNamedCallsAndClassesAndEverySignalAndExit() throws Exception {
        Path elf = GuestBuild.build(SOURCE);
        String only = vitrine(elf, StraceFilter.parse("trace=close,%signal"), false);
        int calls = 0;
        for (String l : only.split("\n")) {
            if (l.equals("--begin--")) continue; // the guest's own output, on the same stream here
            calls++;
            String call = l.replaceFirst("^\\[pid \\d+\\] ", "");
            if (call.startsWith("---") || call.startsWith("+++")) continue;
            assertTrue(call.matches("(close|rt_sig\\w+|kill|tkill|tgkill|sigaltstack)\\(.*") || call.startsWith("<... "), l);
        }
        assertTrue(calls > 10, only);
        assertTrue(only.contains("kill(2, SIGUSR1)"), only);   // its own pid: init is 1
        assertTrue(only.contains("--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---"), only);
        assertTrue(only.contains("+++ exited with 3 +++"), only);
        String not = vitrine(elf, StraceFilter.parse("!close,write"), false);
        assertFalse(not.contains("close("), not);
        assertFalse(not.contains("write("), not);
        assertTrue(not.contains("pipe2(["), not);
        assertThrows(IllegalArgumentException.class, () -> StraceFilter.parse("opne"));
        assertThrows(IllegalArgumentException.class, () -> StraceFilter.parse("%files"));
    }

    @Test void timestampsAreTheVirtualTimeOfDayAndNeverGoBack() throws Exception {
        String out = vitrine(GuestBuild.build(SOURCE), StraceFilter.all(), true);
        Pattern tt = Pattern.compile("^(?:\\[pid \\d+\\] )?(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{6}) \\S");
        long last = -1;
        int n = 0;
        for (String line : out.split("\n")) {
            if (!line.contains("(") && !line.contains("+++") && !line.contains("---")) continue; // the guest's own output
            Matcher m = tt.matcher(line);
            assertTrue(m.find(), line);
            long us = ((Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 1_000_000
                    + Long.parseLong(m.group(4));
            assertTrue(us >= last, "time went back at: " + line);
            last = us;
            n++;
        }
        assertTrue(n > 40, out);
        // The machine boots at midnight (VirtualClock.EPOCH_NS); this short run stays in its first second.
        assertTrue(last < 1_000_000, out);
    }

    @Test void threadsShowAsStraceShowsThem() throws Exception {
        String out = vitrine(GuestBuild.build(Path.of("src/test/java/dev/vitrine/sys/strace_threads.c")), null, false);
        // The first line is the execve that started the program, as strace's is.
        assertTrue(out.startsWith("execve(\"/"), out);
        assertTrue(out.split("\n")[0].matches("execve\\(\"/\\S+\", \\[\"strace_calls\"\\], 0x[0-9a-f]+ /\\* 3 vars \\*/\\) += 0"), out);
        // pthread_create: clone with the thread flags, the tid it stored for the parent, the TLS and the tid to clear.
        Matcher clone = Pattern.compile("^\\[pid 2\\] clone\\(child_stack=0x[0-9a-f]+, flags=CLONE_VM\\|CLONE_FS\\|CLONE_FILES\\|CLONE_SIGHAND"
                + "\\|CLONE_THREAD\\|CLONE_SYSVSEM\\|CLONE_SETTLS\\|CLONE_PARENT_SETTID\\|CLONE_CHILD_CLEARTID, parent_tid=\\[(\\d+)\\], "
                + "tls=0x[0-9a-f]+, child_tidptr=0x[0-9a-f]+\\) += (\\d+)$", Pattern.MULTILINE).matcher(out);
        assertTrue(clone.find(), out);
        String tid = clone.group(2);
        assertEquals(tid, clone.group(1));
        // The join waits on the thread's tid word; the thread's end is its own exit line.
        assertTrue(Pattern.compile("^\\[pid 2\\] futex\\(0x[0-9a-f]+, FUTEX_WAIT_BITSET\\|FUTEX_CLOCK_REALTIME, " + tid
                + ", NULL, FUTEX_BITSET_MATCH_ANY <unfinished \\.\\.\\.>$", Pattern.MULTILINE).matcher(out).find(), out);
        assertTrue(out.contains("[pid " + tid + "] write(1, \"thread\\n\", 7)"), out);
        assertTrue(Pattern.compile("^\\[pid " + tid + "\\] exit\\(0\\) += \\?\n\\[pid " + tid + "\\] \\+\\+\\+ exited with 0 \\+\\+\\+$",
                Pattern.MULTILINE).matcher(out).find(), out);
        assertTrue(out.endsWith("exit_group(0)                           = ?\n+++ exited with 0 +++\n"), out);
    }

    private static String vitrine(Path elf, StraceFilter filter, boolean tt) throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        Machine.Builder b = Machine.builder().stdout(trace).stderr(new ByteArrayOutputStream()).tty(false)
                .strace(new PrintStream(trace, true, StandardCharsets.UTF_8)).maxInstructions(200_000_000L);
        if (filter != null) b.straceOptions(filter, tt);
        Machine.Result r = b.build().run(elf, List.of("strace_calls"));
        assertEquals(0, r.exitStatus(), r.report());
        return trace.toString(StandardCharsets.UTF_8);
    }

    private static String realStrace() throws Exception {
        Path gcc = Toolchain.requireHost("gcc", "apt-get install gcc");
        Path strace = Toolchain.requireHost("strace", "apt-get install strace");
        Path dir = Files.createTempDirectory("strace-format");
        try {
            Path exe = dir.resolve("strace_calls");
            run(dir, List.of(gcc.toString(), "-O2", "-o", exe.toString(), SOURCE.toAbsolutePath().toString()));
            return run(dir, List.of(strace.toString(), "-f", "-q", exe.toString()));
        } finally {
            try (var s = Files.list(dir)) { for (Path p : s.toList()) Files.deleteIfExists(p); }
            Files.deleteIfExists(dir);
        }
    }

    /** Runs a host command in {@code dir}; its stderr (strace's log). */
    private static String run(Path dir, List<String> cmd) throws Exception {
        Path err = Files.createTempFile("strace-format", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " took over 60 s");
            String text = Files.readString(err);
            if (p.exitValue() != 0) fail(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + text);
            return text;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** The lines from the program's first write on, without the guest's own output. */
    private static List<String> fromBegin(String log) {
        int at = log.indexOf("write(1, \"--begin--\\n\", 10)");
        assertTrue(at >= 0, log);
        List<String> out = new ArrayList<>();
        for (String l : log.substring(log.lastIndexOf('\n', at) + 1).split("\n"))
            if (!l.equals("--begin--") && !l.isBlank() && !l.startsWith("strace: ")) out.add(l);
        return out;
    }

    private static final Pattern PID = Pattern.compile("\\[pid +(\\d+)\\]|si_pid=(\\d+)|(?:kill|wait4)\\((\\d+),|^(?:\\[pid +\\d+\\] )?"
            + "(?:clone|getpid|<\\.\\.\\. wait4 resumed>|wait4)\\b.*\\) += (\\d+)$", Pattern.MULTILINE);

    /** Each process's lines (by order of appearance: P1, P2...), normalized, split calls joined. */
    private static Map<String, List<String>> perProcess(List<String> lines) {
        Map<String, String> names = new LinkedHashMap<>();
        String text = String.join("\n", lines);
        Matcher m = PID.matcher(text);
        while (m.find()) for (int g = 1; g <= 4; g++) if (m.group(g) != null) names.putIfAbsent(m.group(g), "P" + (names.size() + 1));
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, String> open = new LinkedHashMap<>();
        String main = null;
        for (String raw : lines) {
            Matcher p = Pattern.compile("^\\[pid +(\\d+)\\] (.*)$").matcher(raw);
            String pid, line;
            if (p.matches()) { pid = p.group(1); line = p.group(2); } else { pid = null; line = raw; }
            if (pid == null) pid = main;
            if (main == null) main = pid == null ? firstPid(names) : pid;
            if (pid == null) pid = main;
            if (line.endsWith(" <unfinished ...>")) { open.put(pid, line.substring(0, line.length() - " <unfinished ...>".length())); continue; }
            Matcher r = Pattern.compile("^<\\.\\.\\. \\w+ resumed>(.*)$").matcher(line);
            if (r.matches() && open.containsKey(pid)) line = open.remove(pid) + r.group(1);
            out.computeIfAbsent(names.getOrDefault(pid, pid), x -> new ArrayList<>()).add(normalize(line, names));
        }
        return out;
    }

    private static String firstPid(Map<String, String> names) {
        return names.isEmpty() ? "?" : names.keySet().iterator().next();
    }

    private static String normalize(String line, Map<String, String> names) {
        String s = line.replaceAll("0x[0-9a-f]+", "ADDR")
                .replace("SA_RESTORER|", "").replaceAll(", sa_restorer=ADDR", "")
                .replaceAll("si_uid=\\d+", "si_uid=UID")
                .replaceAll("\\) +=", ") =")
                .replaceAll("\\s+$", "");
        for (Map.Entry<String, String> e : names.entrySet())
            s = s.replaceAll("(si_pid=|kill\\(|wait4\\()" + e.getKey() + "\\b", "$1" + e.getValue())
                    .replaceAll("^((?:clone|getpid|wait4)\\b.*\\) = )" + e.getKey() + "$", "$1" + e.getValue());
        return s;
    }
}
