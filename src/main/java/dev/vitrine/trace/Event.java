package dev.vitrine.trace;

import java.util.Map;

/**
 * One thing that happened on the machine, stamped with the virtual time (ns since boot) and
 * the process and thread it happened to (pid and tid 0: the kernel, no task on the hart).
 * The records are the closed set of what the kernel and the MMU report; {@link #fields()}
 * gives each one's own fields by their stable JSON names (docs/tracing.md lists them).
 */
public sealed interface Event {
    long ns();
    int pid();
    int tid();
    Category category();
    /** The name in the "type" field of --trace: one word per record. */
    String type();
    /** The record's own fields, in a stable order, beside ns, pid, tid and type. */
    Map<String, Object> fields();

    /** A syscall entered: its number, name and raw argument registers a0-a5. */
    record SyscallEnter(long ns, int pid, int tid, int nr, String name, long[] args) implements Event {
        public Category category() { return Category.SYSCALL; }
        public String type() { return "syscall_enter"; }
        public Map<String, Object> fields() { return Fields.of("nr", nr, "name", name, "args", args); }
    }

    /**
     * A syscall left: the value put in a0 (negative errno), or {@code sleeping} when it blocked
     * and will restart; {@code text} is strace's line for it (decoded arguments and result).
     */
    record SyscallExit(long ns, int pid, int tid, int nr, String name, long result, boolean sleeping, String text) implements Event {
        public Category category() { return Category.SYSCALL; }
        public String type() { return "syscall_exit"; }
        public Map<String, Object> fields() { return Fields.of("nr", nr, "name", name, "result", result, "sleeping", sleeping, "text", text); }
    }

    /**
     * A page fault the kernel handled: {@code kind} minor, major, invalid or none (a stale
     * entry or a write bit given back, counted nowhere), the access that faulted, and how it
     * was resolved: zero-fill, page-cache, file-read, cow-copy, write-enable, swap-in, retry,
     * SIGSEGV, SIGBUS, oom.
     */
    record Fault(long ns, int pid, int tid, long va, String access, String kind, String resolution) implements Event {
        public Category category() { return Category.FAULT; }
        public String type() { return "fault"; }
        public Map<String, Object> fields() { return Fields.of("va", va, "access", access, "kind", kind, "resolution", resolution); }
    }

    /** A TLB lookup missed (the hardware walks next). */
    record TlbMiss(long ns, int pid, int tid, long va, String access) implements Event {
        public Category category() { return Category.TLB; }
        public String type() { return "tlb_miss"; }
        public Map<String, Object> fields() { return Fields.of("va", va, "access", access); }
    }

    /** A hardware walk: the physical address and value of each PTE it read, root first, and how it ended (ok, not_present, protection). */
    record Walk(long ns, int pid, int tid, long va, String access, long[] ptePas, long[] ptes, String result) implements Event {
        public Category category() { return Category.WALK; }
        public String type() { return "walk"; }
        public Map<String, Object> fields() { return Fields.of("va", va, "access", access, "pte_pas", ptePas, "ptes", ptes, "result", result); }
    }

    /** A private page copied on a store (do_wp_page, or a private file page's first store): the frame it came from and the new one. */
    record Cow(long ns, int pid, int tid, long va, long from, long to) implements Event {
        public Category category() { return Category.COW; }
        public String type() { return "cow"; }
        public Map<String, Object> fields() { return Fields.of("va", va, "from_frame", from, "to_frame", to); }
    }

    /** The replacement policy chose {@code frame}; outcome: swap-out, write-back, drop (clean file page), zero (a shared page of zeros). */
    record Evict(long ns, int pid, int tid, long frame, String policy, String outcome, int mappings) implements Event {
        public Category category() { return Category.EVICT; }
        public String type() { return "evict"; }
        public Map<String, Object> fields() { return Fields.of("frame", frame, "policy", policy, "outcome", outcome, "mappings", mappings); }
    }

    /** A page went to swap (out) or came back from it (in), by slot. */
    record Swap(long ns, int pid, int tid, String direction, long slot, long frame) implements Event {
        public Category category() { return Category.SWAP; }
        public String type() { return "swap"; }
        public Map<String, Object> fields() { return Fields.of("direction", direction, "slot", slot, "frame", frame); }
    }

    /** The hart went from the stamped task to another: reason quantum, blocked, exit, stopped, yield or policy (a preemption). */
    record Switch(long ns, int pid, int tid, int toPid, int toTid, String reason, String detail) implements Event {
        public Category category() { return Category.SWITCH; }
        public String type() { return "switch"; }
        public Map<String, Object> fields() { return Fields.of("to_pid", toPid, "to_tid", toTid, "reason", reason, "detail", detail); }
    }

    /**
     * A signal generated for a process or thread (phase generated, stamped with the sender), or
     * acted on by its target (phase delivered: action handler, ignore, term, core, stop, cont).
     */
    record Signal(long ns, int pid, int tid, String phase, int sig, String name, int targetPid, int targetTid, int code, String action)
            implements Event {
        public Category category() { return Category.SIGNAL; }
        public String type() { return "signal"; }
        public Map<String, Object> fields() {
            return Fields.of("phase", phase, "sig", sig, "name", name, "target_pid", targetPid, "target_tid", targetTid, "code", code,
                    "action", action);
        }
    }

    /** Bytes moved through a pipe or FIFO: op read or write, the pipe's id (its inode), and the bytes queued after it out of its capacity. */
    record Pipe(long ns, int pid, int tid, String op, long pipe, long bytes, long fill, long capacity) implements Event {
        public Category category() { return Category.PIPE; }
        public String type() { return "pipe"; }
        public Map<String, Object> fields() { return Fields.of("op", op, "pipe", pipe, "bytes", bytes, "fill", fill, "capacity", capacity); }
    }

    /** The stamped task went to sleep; reason says on what, in words. */
    record Block(long ns, int pid, int tid, String reason) implements Event {
        public Category category() { return Category.BLOCK; }
        public String type() { return "block"; }
        public Map<String, Object> fields() { return Fields.of("reason", reason); }
    }

    /** The stamped task (or the kernel, pid 0: a timer) woke another; reason is what it slept on. */
    record Wake(long ns, int pid, int tid, int wokenPid, int wokenTid, String reason) implements Event {
        public Category category() { return Category.WAKE; }
        public String type() { return "wake"; }
        public Map<String, Object> fields() { return Fields.of("woken_pid", wokenPid, "woken_tid", wokenTid, "reason", reason); }
    }

    /** A process's life: op fork, clone (a thread), exec, exit or wait; other is the child, the new thread, or the reaped pid; detail the program, status or signal. */
    record Proc(long ns, int pid, int tid, String op, int other, String detail) implements Event {
        public Category category() { return Category.PROC; }
        public String type() { return "proc"; }
        public Map<String, Object> fields() { return Fields.of("op", op, "other", other, "detail", detail); }
    }

    /** A process's resident pages after they changed: after a fault, a syscall, or its exit (0). */
    record Rss(long ns, int pid, int tid, long pages) implements Event {
        public Category category() { return Category.COUNTER; }
        public String type() { return "rss"; }
        public Map<String, Object> fields() { return Fields.of("pages", pages); }
    }

    /** The machine's gauges, sampled at each context switch: the running process's resident pages, free frames, the TLB's hits and misses so far. */
    record Counters(long ns, int pid, int tid, long rssPages, long freeFrames, long tlbHits, long tlbMisses) implements Event {
        public Category category() { return Category.COUNTER; }
        public String type() { return "counters"; }
        public Map<String, Object> fields() {
            return Fields.of("rss_pages", rssPages, "free_frames", freeFrames, "tlb_hits", tlbHits, "tlb_misses", tlbMisses);
        }
    }
}
