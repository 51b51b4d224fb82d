package dev.vitrine.lab.sched;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Job lists. A file has one job a line, "NAME ARRIVAL LENGTH [PRIORITY]", '#' comments.
 * Inline (--jobs) is a comma list of "[NAME=]LENGTH[@ARRIVAL][/PRIORITY]": "100,10,10" is
 * OSTEP's three jobs A, B, C arriving at 0.
 */
public final class JobReader {
    private JobReader() {}

    public static List<Job> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read jobs " + file + ": " + dev.vitrine.lab.IoErrors.reason(e));
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i);
            int hash = s.indexOf('#');
            if (hash >= 0) s = s.substring(0, hash);
            s = s.strip();
            if (s.isEmpty()) continue;
            String[] w = s.split("\\s+");
            String where = file + " line " + (i + 1) + ": ";
            if (w.length < 3 || w.length > 4) throw new IllegalArgumentException(where + "expected 'NAME ARRIVAL LENGTH [PRIORITY]'");
            try {
                jobs.add(new Job(w[0], Long.parseLong(w[1]), Long.parseLong(w[2]), w.length == 4 ? Integer.parseInt(w[3]) : 0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "bad number in '" + s + "'");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        return check(jobs, file.toString());
    }

    public static List<Job> inline(String text) {
        List<Job> jobs = new ArrayList<>();
        String[] items = text.split(",");
        for (int i = 0; i < items.length; i++) {
            String it = items[i].strip();
            if (it.isEmpty()) continue;
            try {
                String name = i < 26 ? String.valueOf((char) ('A' + i)) : "J" + i;
                int eq = it.indexOf('=');
                if (eq >= 0) {
                    name = it.substring(0, eq).strip();
                    it = it.substring(eq + 1);
                }
                int prio = 0;
                int slash = it.indexOf('/');
                if (slash >= 0) {
                    prio = Integer.parseInt(it.substring(slash + 1).strip());
                    it = it.substring(0, slash);
                }
                long arrival = 0;
                int at = it.indexOf('@');
                if (at >= 0) {
                    arrival = Long.parseLong(it.substring(at + 1).strip());
                    it = it.substring(0, at);
                }
                jobs.add(new Job(name, arrival, Long.parseLong(it.strip()), prio));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--jobs item " + (i + 1) + " '" + items[i].strip() + "': expected [NAME=]LENGTH[@ARRIVAL][/PRIORITY]");
            }
        }
        return check(jobs, "--jobs");
    }

    /**
     * A job list in the form OSTEP's simulators take it (-l / -L), named as they name jobs:
     * mlfq.py's "start,run,ioFreq:start,run,ioFreq:..." (jobs 0, 1, ...), lottery.py's
     * "run:tickets,run:tickets,..." (jobs 0, 1, ..., arriving at 0) or multi.py's
     * "name:run:workingSet,..." (arriving at 0).
     */
    public static List<Job> jlist(String text) {
        String t = text.strip();
        String[] byColon = t.split(":", -1);
        boolean mlfq = java.util.Arrays.stream(byColon).allMatch(x -> x.split(",", -1).length == 3);
        List<Job> jobs = new ArrayList<>();
        try {
            if (mlfq) {
                for (int i = 0; i < byColon.length; i++) {
                    String[] f = byColon[i].split(",");
                    jobs.add(new Job(Integer.toString(i), num(f[0]), num(f[1]), 0, Job.DEFAULT_TICKETS, num(f[2]), 0));
                }
                return check(jobs, "--jlist");
            }
            String[] items = t.split(",", -1);
            for (int i = 0; i < items.length; i++) {
                String[] f = items[i].split(":", -1);
                if (f.length == 2) jobs.add(new Job(Integer.toString(i), 0, num(f[0]), 0, (int) num(f[1]), 0, 0));
                else if (f.length == 3 && !f[0].isBlank()) jobs.add(new Job(f[0].strip(), 0, num(f[1]), 0, Job.DEFAULT_TICKETS, 0, num(f[2])));
                else throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--jlist '" + text + "': expected mlfq.py's start,run,ioFreq:..., lottery.py's run:tickets,... or multi.py's name:run:workingSet,...");
        }
        return check(jobs, "--jlist");
    }

    /** Gives the jobs, in order, the tickets of a comma list ("--tickets 100,50,250"). */
    public static List<Job> withTickets(List<Job> jobs, String list) {
        String[] t = list.split(",");
        if (t.length != jobs.size()) throw new IllegalArgumentException("--tickets gives " + t.length + " counts for " + jobs.size() + " jobs");
        List<Job> out = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            try {
                out.add(jobs.get(i).withTickets(Integer.parseInt(t[i].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--tickets item " + (i + 1) + " '" + t[i].strip() + "' is not a number");
            }
        }
        return List.copyOf(out);
    }

    private static long num(String s) {
        long v = Long.parseLong(s.strip());
        if (v < 0 || v > SchedSim.MAX_TIME) throw new NumberFormatException();
        return v;
    }

    private static List<Job> check(List<Job> jobs, String source) {
        if (jobs.isEmpty()) throw new IllegalArgumentException(source + ": no jobs");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Job j : jobs) if (!names.add(j.name())) throw new IllegalArgumentException(source + ": two jobs named " + j.name());
        return List.copyOf(jobs);
    }
}
