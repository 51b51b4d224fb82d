package dev.vitrine.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the real command line with captured output, for the lab's CLI tests. */
record LabRun(int status, String out, String err) {
    static LabRun of(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new LabRun(status, out.toString(), err.toString());
    }

    /** The first numeric value of "key" in the JSON output. */
    long number(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(-?\\d+)").matcher(out);
        if (!m.find()) throw new AssertionError("no \"" + key + "\" in " + out);
        return Long.parseLong(m.group(1));
    }

    /** The first string value of "key" in the JSON output. */
    String string(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\"([^\"]*)\"").matcher(out);
        if (!m.find()) throw new AssertionError("no \"" + key + "\" in " + out);
        return m.group(1);
    }
}
