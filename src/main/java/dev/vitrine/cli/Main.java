package dev.vitrine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The `vitrine` command: a thin layer over {@link dev.vitrine.Machine} and the lab. A bad
 * command line (an unknown option, a value out of range, a missing file) is one line on
 * stderr and exit status 2, before anything runs.
 */
@Command(name = "vitrine", mixinStandardHelpOptions = true, version = "vitrine 0.1",
        description = "A see-through Unix machine: RV64GC hart, MMU, TLB and a Linux-ABI kernel.")
public final class Main implements Runnable {
    /** The exit status of a bad command line. */
    public static final int USAGE = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Stdio.ownProcess();
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        RunCommand plain = RunCommand.plain(args);
        if (plain != null) return plain.executePlain();
        CommandLine cl = commandLine(args.length > 0 ? args[0] : "");
        return cl.execute(args);
    }

    /** Every command, in the order `vitrine --help` lists them (made when picocli is, not for a plain run). */
    private static final class Commands {
        static final Map<String, Supplier<Object>> ALL = commands();

        private static Map<String, Supplier<Object>> commands() {
            Map<String, Supplier<Object>> m = new LinkedHashMap<>();
            m.put("run", RunCommand::new);
            m.put("demo", DemoCommand::new);
            m.put("sh", ShCommand::new);
            m.put("serve", ServeCommand::new);
            LabCommands.register(m);
            return m;
        }
    }

    static CommandLine commandLine() { return commandLine(""); }

    private static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";

    /**
     * The command line with every command, or only {@code first} when the arguments begin
     * with a command's name: picocli reads each command's annotations by reflection when it
     * is added, and the nine others cost `vitrine run hello` about a fifth of its start-up.
     * Parsing, help and errors of the named command are the same either way.
     */
    static CommandLine commandLine(String first) {
        // picocli's converters for java.time and java.sql types (no option has one) initialize
        // both packages through reflection at every start: a tenth of `vitrine run hello`'s.
        if (System.getProperty(CONVERTERS_EXCLUDED) == null) System.setProperty(CONVERTERS_EXCLUDED, "java\\.(time|sql)\\..*");
        CommandLine cl = new CommandLine(new Main());
        // An argument that starts with @ is the guest's (or a flag), never a file picocli opens and splices in.
        cl.setExpandAtFiles(false);
        Commands.ALL.forEach((name, command) -> {
            if (!Commands.ALL.containsKey(first) || name.equals(first)) cl.addSubcommand(name, command.get());
        });
        // What follows the program (run) or the -c line (sh) belongs to the guest, options too.
        for (String name : List.of("run", "sh", "serve")) {
            CommandLine sub = cl.getSubcommands().get(name);
            if (sub != null) sub.setStopAtPositional(true);
        }
        handleErrors(cl);
        return cl;
    }

    /** Bad input is a one-line error and status 2, never a stack trace. */
    static void handleErrors(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(problem(ex));
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof IllegalArgumentException) {
                c.getErr().println("vitrine: " + ex.getMessage());
                return USAGE;
            }
            throw ex;
        });
    }

    /** "vitrine: unknown option '--mme' (did you mean --mem?); see vitrine run --help". */
    private static String problem(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        String what = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            what = arg.startsWith("-") ? "unknown option '" + arg + "'"
                    : !c.getSubcommands().isEmpty() ? "unknown command '" + arg + "'" : "unexpected argument '" + arg + "'";
            List<String> near = nearest(arg, arg.startsWith("-") ? c.getCommandSpec().optionsMap().keySet() : c.getSubcommands().keySet());
            if (!near.isEmpty()) what += " (did you mean " + String.join(" or ", near.subList(0, Math.min(3, near.size()))) + "?)";
        }
        return "vitrine: " + what + "; see " + name(c) + " --help";
    }

    /** The names a typo is closest to: at most two edits away, or the ones it begins. */
    static List<String> nearest(String typo, java.util.Collection<String> names) {
        String word = typo.contains("=") ? typo.substring(0, typo.indexOf('=')) : typo;
        int best = Integer.MAX_VALUE;
        List<String> out = new java.util.ArrayList<>();
        for (String n : new java.util.TreeSet<>(names)) {
            int d = n.startsWith(word) && word.length() > 2 ? 1 : edits(word, n);
            if (d > 2 || d > best) continue;
            if (d < best) out.clear();
            best = d;
            out.add(n);
        }
        return out;
    }

    /** Levenshtein distance. */
    private static int edits(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) row[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int diag = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int up = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diag + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diag = up;
            }
        }
        return row[b.length()];
    }

    private static String name(CommandLine c) { return c.getCommandSpec().qualifiedName(); }

    @Override public void run() { spec.commandLine().usage(System.out); }
}
