/* sh: a small Unix shell, written the way the chapter teaches: fork, pipe, dup2, execvp,
 * waitpid. It reads a line, splits it into words and operators, and runs
 *
 *   pipelines of any length      a | b | c        each command a child, joined by pipe()s
 *   redirections                 < f  > f  >> f  2> f  2>&1  N>&M  &> f
 *   lists                        a ; b   a && b   a || b   a &
 *   quoting                      'single'  "double $VAR"  back\ slash
 *   variables                    NAME=value  $NAME ${NAME}  $?  $$  $!  $#  $0..$9
 *   builtins                     cd exit export unset wait jobs fg bg kill history exec echo type help
 *
 * Interactive (stdin a terminal, no -c): a prompt, history, and job control: every pipeline
 * is its own process group (setpgid); the foreground one owns the terminal (tcsetpgrp), so
 * Ctrl-C and Ctrl-Z reach it and not the shell; lines are typed with editing, history and Tab
 * completion (lineedit.h), and !! / !N / !PREFIX recall history lines. Otherwise the shell reads its script from
 * stdin one byte at a time (so commands that read stdin get the rest), or runs `-c 'LINE'`.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

/* ---- small helpers ---- */

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) { perror("sh: malloc"); exit(2); }
    return p;
}
static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) { perror("sh: realloc"); exit(2); }
    return p;
}
static char *xstrndup(const char *s, size_t n) {
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* A growable string. */
struct str { char *s; size_t len, cap; };
static void sadd(struct str *b, char c) {
    if (b->len + 2 > b->cap) { b->cap = b->cap ? 2 * b->cap : 32; b->s = xrealloc(b->s, b->cap); }
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}
static void sadds(struct str *b, const char *s) { while (*s) sadd(b, *s++); }

/* A growable array of strings. */
struct vec { char **v; int n, cap; };
static void vpush(struct vec *a, char *s) {
    if (a->n + 2 > a->cap) { a->cap = a->cap ? 2 * a->cap : 8; a->v = xrealloc(a->v, a->cap * sizeof *a->v); }
    a->v[a->n++] = s;
    a->v[a->n] = NULL;
}

/* ---- shell state ---- */

static int interactive;      /* prompt, job control, history echo */
static int last_status;      /* $? */
static pid_t last_bg;        /* $! */
static pid_t shell_pgid;
static char **posargs;       /* $0, $1, ... */
static int nposargs;
static volatile sig_atomic_t got_sigint;

/* ---- variables: one table, some exported ---- */

struct var { char *name, *value; int exported; struct var *next; };
static struct var *vars;

static struct var *findvar(const char *name) {
    for (struct var *v = vars; v; v = v->next)
        if (strcmp(v->name, name) == 0) return v;
    return NULL;
}
static const char *getvar(const char *name) {
    struct var *v = findvar(name);
    return v ? v->value : NULL;
}
static void setvar(const char *name, const char *value, int export) {
    struct var *v = findvar(name);
    if (!v) {
        v = xmalloc(sizeof *v);
        v->name = strdup(name);
        v->value = NULL;
        v->exported = 0;
        v->next = vars;
        vars = v;
    }
    if (value) { free(v->value); v->value = strdup(value); }
    if (export) v->exported = 1;
}
static void unsetvar(const char *name) {
    for (struct var **p = &vars; *p; p = &(*p)->next)
        if (strcmp((*p)->name, name) == 0) { *p = (*p)->next; return; }
}
/* The environment a child gets: every exported variable that has a value, oldest first. */
static char **build_env(void) {
    struct vec e = {0};
    struct vec rev = {0};
    for (struct var *v = vars; v; v = v->next)
        if (v->exported && v->value) {
            struct str s = {0};
            sadds(&s, v->name); sadd(&s, '='); sadds(&s, v->value);
            vpush(&rev, s.s);
        }
    for (int i = rev.n - 1; i >= 0; i--) vpush(&e, rev.v[i]);
    if (!e.v) vpush(&e, NULL), e.n = 0;
    return e.v;
}
static int valid_name(const char *s, size_t n) {
    if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_')) return 0;
    for (size_t i = 1; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_')) return 0;
    return 1;
}

/* ---- history ---- */

static struct vec history;

/* ---- lexer: a line into words (quotes kept, expanded later) and operators ---- */

enum { T_WORD, T_OP };
struct tok { int type; char *text; int fd; int start, end; };  /* fd: N of "N>" or -1 */
struct toks { struct tok *t; int n, cap; };

static void tpush(struct toks *ts, int type, char *text, int fd, int start, int end) {
    if (ts->n + 1 > ts->cap) { ts->cap = ts->cap ? 2 * ts->cap : 16; ts->t = xrealloc(ts->t, ts->cap * sizeof *ts->t); }
    ts->t[ts->n++] = (struct tok){type, text, fd, start, end};
}

/* Returns 0, 1 if the line is incomplete (open quote, trailing backslash), -1 on error. */
static int lex(const char *line, struct toks *ts) {
    int i = 0, n = strlen(line);
    while (i < n) {
        char c = line[i];
        if (c == ' ' || c == '\t') { i++; continue; }
        if (c == '\\' && line[i + 1] == '\n') { i += 2; continue; }
        if (c == '#') { while (i < n && line[i] != '\n') i++; continue; }
        int start = i;
        if (c == '\n' || c == ';' || c == '|' || c == '&' || c == '<' || c == '>' || c == '(' || c == ')') {
            char op[3] = {c, 0, 0};
            if ((c == '|' || c == '&' || c == '>') && line[i + 1] == c) op[1] = c;
            else if ((c == '>' || c == '<') && line[i + 1] == '&') op[1] = '&';
            else if (c == '&' && line[i + 1] == '>') op[1] = '>';
            i += op[1] ? 2 : 1;
            tpush(ts, T_OP, strdup(op), -1, start, i);
            continue;
        }
        /* a word: up to unquoted blank or operator */
        struct str w = {0};
        int alldigits = 1;
        while (i < n) {
            c = line[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '|' || c == '&' || c == '<' || c == '>'
                || c == '(' || c == ')')
                break;
            if (!isdigit((unsigned char)c)) alldigits = 0;
            if (c == '\\') {
                if (i + 1 >= n) return 1;
                if (line[i + 1] == '\n') { i += 2; continue; }
                sadd(&w, c); sadd(&w, line[i + 1]); i += 2;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && line[j] != '\'') j++;
                if (j >= n) return 1;
                for (; i <= j; i++) sadd(&w, line[i]);
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && line[j] != '"') { if (line[j] == '\\' && j + 1 < n) j++; j++; }
                if (j >= n) return 1;
                for (; i <= j; i++) sadd(&w, line[i]);
            } else if (c == '$' && line[i + 1] == '{') {
                int j = i + 2;
                while (j < n && line[j] != '}') j++;
                if (j >= n) return 1;
                for (; i <= j; i++) sadd(&w, line[i]);
            } else {
                sadd(&w, c); i++;
            }
        }
        if (alldigits && w.len > 0 && w.len < 3 && i < n && (line[i] == '<' || line[i] == '>')) {
            int fd = atoi(w.s);
            free(w.s);
            c = line[i];
            char op[3] = {c, 0, 0};
            if (c == '>' && line[i + 1] == '>') op[1] = '>';
            else if (line[i + 1] == '&') op[1] = '&';
            i += op[1] ? 2 : 1;
            tpush(ts, T_OP, strdup(op), fd, start, i);
            continue;
        }
        tpush(ts, T_WORD, w.s, -1, start, i);
    }
    return 0;
}

/* ---- parser: tokens into and-or lists of pipelines of commands ---- */

enum { R_IN, R_OUT, R_APPEND, R_DUP, R_BOTH };
struct redir { int fd, type; char *target; };
struct cmd { struct vec words; struct redir *r; int nr; };
struct pipeline { struct cmd *c; int n; int start, end; };
struct andor { struct pipeline *p; int n; char *conn; int background; int start, end; };
struct list { struct andor *a; int n; };

static int is_op(struct tok *t, const char *op) { return t->type == T_OP && strcmp(t->text, op) == 0; }
static int is_redir(struct tok *t) {
    return t->type == T_OP && (t->text[0] == '<' || t->text[0] == '>' || strcmp(t->text, "&>") == 0);
}

static void syntax_error(const char *near) {
    fprintf(stderr, "sh: syntax error near unexpected token `%s'\n", near);
}

/* Returns 0, 1 if incomplete (a line ending in | && ||), -1 on a syntax error. */
static int parse(struct toks *ts, struct list *out) {
    int i = 0;
    out->a = NULL;
    out->n = 0;
    while (i < ts->n) {
        if (is_op(&ts->t[i], "\n") || is_op(&ts->t[i], ";")) {
            if (is_op(&ts->t[i], ";")) { syntax_error(";"); return -1; }
            i++;
            continue;
        }
        struct andor ao = {0};
        ao.conn = xmalloc(ts->n + 1);
        ao.start = ts->t[i].start;
        for (;;) {
            struct pipeline pl = {0};
            pl.start = i < ts->n ? ts->t[i].start : 0;
            for (;;) {
                struct cmd c = {0};
                while (i < ts->n && (ts->t[i].type == T_WORD || is_redir(&ts->t[i]))) {
                    struct tok *t = &ts->t[i];
                    if (t->type == T_WORD) { vpush(&c.words, t->text); i++; continue; }
                    if (i + 1 >= ts->n || ts->t[i + 1].type != T_WORD) {
                        if (i + 1 >= ts->n) { syntax_error("newline"); return -1; }
                        syntax_error(ts->t[i + 1].text[0] == '\n' ? "newline" : ts->t[i + 1].text);
                        return -1;
                    }
                    struct redir r;
                    r.target = ts->t[i + 1].text;
                    const char *o = t->text;
                    if (strcmp(o, "<") == 0) r.type = R_IN, r.fd = 0;
                    else if (strcmp(o, ">") == 0) r.type = R_OUT, r.fd = 1;
                    else if (strcmp(o, ">>") == 0) r.type = R_APPEND, r.fd = 1;
                    else if (strcmp(o, ">&") == 0 || strcmp(o, "<&") == 0) {
                        r.fd = o[0] == '<' ? 0 : 1;
                        int digits = 1;
                        for (char *p = r.target; *p; p++) if (!isdigit((unsigned char)*p) && !(*p == '-' && !p[1])) digits = 0;
                        r.type = digits ? R_DUP : R_BOTH;
                        if (!digits && o[0] == '<') { syntax_error(o); return -1; }
                    } else if (strcmp(o, "&>") == 0) r.type = R_BOTH, r.fd = 1;
                    else { syntax_error(o); return -1; }
                    if (t->fd >= 0) r.fd = t->fd;
                    c.r = xrealloc(c.r, (c.nr + 1) * sizeof *c.r);
                    c.r[c.nr++] = r;
                    i += 2;
                }
                if (c.words.n == 0 && c.nr == 0) {
                    if (i >= ts->n) return pl.n > 0 ? 1 : (syntax_error("newline"), -1);
                    if (is_op(&ts->t[i], "\n") && pl.n > 0) { i++; continue; }   /* a | <newline> b */
                    syntax_error(ts->t[i].text[0] == '\n' ? "newline" : ts->t[i].text);
                    return -1;
                }
                pl.c = xrealloc(pl.c, (pl.n + 1) * sizeof *pl.c);
                pl.c[pl.n++] = c;
                pl.end = ts->t[i - 1].end;
                if (i < ts->n && is_op(&ts->t[i], "|")) {
                    i++;
                    if (i >= ts->n) return 1;
                    continue;
                }
                break;
            }
            ao.p = xrealloc(ao.p, (ao.n + 1) * sizeof *ao.p);
            ao.p[ao.n++] = pl;
            ao.end = pl.end;
            if (i < ts->n && (is_op(&ts->t[i], "&&") || is_op(&ts->t[i], "||"))) {
                ao.conn[ao.n - 1] = ts->t[i].text[0];
                i++;
                while (i < ts->n && is_op(&ts->t[i], "\n")) i++;
                if (i >= ts->n) return 1;
                continue;
            }
            break;
        }
        if (i < ts->n) {
            struct tok *t = &ts->t[i];
            if (is_op(t, "&")) ao.background = 1, i++;
            else if (is_op(t, ";") || is_op(t, "\n")) i++;
            else { syntax_error(t->text); return -1; }
        }
        out->a = xrealloc(out->a, (out->n + 1) * sizeof *out->a);
        out->a[out->n++] = ao;
    }
    return 0;
}

/* ---- expansion: quotes, escapes, $variables, ~, field splitting, globbing ---- */

static char *special_var(const char *name, char *buf) {
    if (strcmp(name, "?") == 0) { sprintf(buf, "%d", last_status); return buf; }
    if (strcmp(name, "$") == 0) { sprintf(buf, "%d", (int)getpid()); return buf; }
    if (strcmp(name, "!") == 0) { if (!last_bg) return ""; sprintf(buf, "%d", (int)last_bg); return buf; }
    if (strcmp(name, "#") == 0) { sprintf(buf, "%d", nposargs > 0 ? nposargs - 1 : 0); return buf; }
    if (isdigit((unsigned char)name[0]) && !name[1]) {
        int k = name[0] - '0';
        return k < nposargs ? posargs[k] : "";
    }
    const char *v = getvar(name);
    return v ? (char *)v : "";
}

/* Reads a $-expression at s (after the '$'); returns its value and advances *len. */
static const char *dollar(const char *s, int *len, char *buf) {
    char name[256];
    if (s[0] == '{') {
        int j = 1;
        while (s[j] && s[j] != '}') j++;
        snprintf(name, sizeof name, "%.*s", j - 1, s + 1);
        *len = j + 1;
        return special_var(name, buf);
    }
    if (s[0] && strchr("?$!#0123456789", s[0])) {
        name[0] = s[0]; name[1] = 0;
        *len = 1;
        return special_var(name, buf);
    }
    int j = 0;
    while (isalnum((unsigned char)s[j]) || s[j] == '_') j++;
    if (j == 0) { *len = 0; return NULL; }   /* a lone $ */
    snprintf(name, sizeof name, "%.*s", j, s);
    *len = j;
    return special_var(name, buf);
}

struct fieldbuf { struct str text, pat; int quoted, glob, started; };

static void fb_char(struct fieldbuf *f, char c, int quoted) {
    sadd(&f->text, c);
    if (quoted && strchr("*?[\\", c)) sadd(&f->pat, '\\');
    sadd(&f->pat, c);
    if (!quoted && strchr("*?[", c)) f->glob = 1;
    f->started = 1;
}
static void fb_end(struct fieldbuf *f, struct vec *out) {
    if (!f->started && !f->quoted) return;
    if (f->glob) {
        glob_t g;
        if (glob(f->pat.s, 0, NULL, &g) == 0) {
            for (size_t k = 0; k < g.gl_pathc; k++) vpush(out, strdup(g.gl_pathv[k]));
            globfree(&g);
            free(f->text.s); free(f->pat.s);
            memset(f, 0, sizeof *f);
            return;
        }
    }
    vpush(out, f->text.s ? f->text.s : strdup(""));
    free(f->pat.s);
    memset(f, 0, sizeof *f);
}

static void expand(const char *w, struct vec *out) {
    struct fieldbuf f = {0};
    char buf[32];
    int i = 0;
    if (w[0] == '~' && (w[1] == 0 || w[1] == '/')) {
        const char *h = getvar("HOME");
        for (const char *p = h ? h : "~"; *p; p++) fb_char(&f, *p, 1);
        i = 1;
    }
    while (w[i]) {
        char c = w[i];
        if (c == '\\') { fb_char(&f, w[i + 1], 1); i += 2; continue; }
        if (c == '\'') {
            f.quoted = 1;
            for (i++; w[i] != '\''; i++) fb_char(&f, w[i], 1);
            i++;
            continue;
        }
        if (c == '"') {
            f.quoted = 1;
            for (i++; w[i] != '"';) {
                if (w[i] == '\\' && strchr("$`\"\\\n", w[i + 1])) { fb_char(&f, w[i + 1], 1); i += 2; continue; }
                if (w[i] == '$') {
                    int len;
                    const char *v = dollar(w + i + 1, &len, buf);
                    if (v) { for (; *v; v++) fb_char(&f, *v, 1); i += 1 + len; continue; }
                }
                fb_char(&f, w[i], 1);
                i++;
            }
            i++;
            continue;
        }
        if (c == '$') {
            int len;
            const char *v = dollar(w + i + 1, &len, buf);
            if (v) {
                /* unquoted: split on blanks */
                for (; *v; v++) {
                    if (*v == ' ' || *v == '\t' || *v == '\n') { fb_end(&f, out); continue; }
                    fb_char(&f, *v, 0);
                }
                i += 1 + len;
                continue;
            }
        }
        fb_char(&f, c, 0);
        i++;
    }
    fb_end(&f, out);
}

/* A word expanded to exactly one string (redirection targets, assignments). */
static char *expand1(const char *w) {
    struct vec v = {0};
    expand(w, &v);
    if (v.n == 0) return strdup("");
    return v.v[0];
}

/* ---- jobs ---- */

enum { J_RUNNING, J_STOPPED, J_DONE };
struct job {
    int id;
    pid_t pgid;
    pid_t *pids; int *st; int *alive; int n;
    int state, status;   /* status: of the last process, as from waitpid */
    char *text;
    int background, notified;
    struct job *next;
};
static struct job *jobs;
static int next_job_id = 1;

static struct job *newjob(int n, const char *text) {
    struct job *j = xmalloc(sizeof *j);
    memset(j, 0, sizeof *j);
    j->pids = xmalloc(n * sizeof *j->pids);
    j->st = xmalloc(n * sizeof *j->st);
    j->alive = xmalloc(n * sizeof *j->alive);
    j->text = strdup(text);
    int maxid = 0;
    for (struct job *k = jobs; k; k = k->next) if (k->id > maxid) maxid = k->id;
    j->id = maxid + 1;
    (void)next_job_id;
    return j;
}
static void addjob(struct job *j) {
    struct job **p = &jobs;
    while (*p) p = &(*p)->next;
    *p = j;
}
static void deljob(struct job *j) {
    for (struct job **p = &jobs; *p; p = &(*p)->next)
        if (*p == j) { *p = j->next; return; }
}
/* The current job (+) is the newest one; the previous (-) the one before. */
static struct job *current_job(int which) {
    struct job *last = NULL, *prev = NULL;
    for (struct job *j = jobs; j; j = j->next) { prev = last; last = j; }
    return which == 0 ? last : prev;
}

/* Records a waitpid result for whichever job owns pid. */
static void record(pid_t pid, int st) {
    for (struct job *j = jobs; j; j = j->next)
        for (int k = 0; k < j->n; k++)
            if (j->pids[k] == pid) {
                if (WIFSTOPPED(st)) {
                    j->state = J_STOPPED;
                } else if (WIFCONTINUED(st)) {
                    j->state = J_RUNNING;
                } else {
                    j->alive[k] = 0;
                    j->st[k] = st;
                    int any = 0;
                    for (int m = 0; m < j->n; m++) any |= j->alive[m];
                    if (!any) { j->state = J_DONE; j->status = j->st[j->n - 1]; }
                }
                return;
            }
}

static int status_of(int st) {
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    if (WIFSTOPPED(st)) return 128 + WSTOPSIG(st);
    return 0;
}

static const char *state_name(struct job *j, char *buf) {
    if (j->state == J_RUNNING) return "Running";
    if (j->state == J_STOPPED) return "Stopped";
    if (WIFEXITED(j->status)) {
        if (WEXITSTATUS(j->status) == 0) return "Done";
        sprintf(buf, "Exit %d", WEXITSTATUS(j->status));
        return buf;
    }
    if (WIFSIGNALED(j->status)) return strsignal(WTERMSIG(j->status));
    return "Done";
}

static void print_job(struct job *j, FILE *to) {
    char buf[32];
    char mark = j == current_job(0) ? '+' : j == current_job(1) ? '-' : ' ';
    fprintf(to, "[%d]%c  %-24s%s%s\n", j->id, mark, state_name(j, buf), j->text,
            j->state == J_RUNNING ? " &" : "");
}

/* Reaps whatever finished, without blocking; in an interactive shell reports finished
 * background jobs (like bash, before the next prompt). */
static void reap(int report) {
    int st;
    pid_t pid;
    while ((pid = waitpid(-1, &st, WNOHANG | WUNTRACED | WCONTINUED)) > 0) record(pid, st);
    if (!report) return;
    for (struct job *j = jobs, *next; j; j = next) {
        next = j->next;
        if (j->state == J_DONE) {
            if (interactive) print_job(j, stderr);
            deljob(j);
        }
    }
}

/*
 * A foreground job that can never finish: every live process of it is in the kernel's
 * /proc/deadlock (sleepers that nothing can wake). Prints who waits for what and who holds
 * the other end, once; returns whether it did.
 */
static int deadlock_report(struct job *j) {
    int fd = open("/proc/deadlock", O_RDONLY);
    if (fd < 0) return 0;
    struct str text = {0};
    char buf[1024];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) for (ssize_t k = 0; k < n; k++) sadd(&text, buf[k]);
    close(fd);
    if (!text.s) return 0;
    int all = 1, any = 0;
    for (int k = 0; k < j->n; k++) {
        if (!j->alive[k]) continue;
        char pid[24];
        snprintf(pid, sizeof pid, "%d ", (int)j->pids[k]);
        int found = 0;
        for (char *line = text.s; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
            if (strncmp(line, pid, strlen(pid)) == 0) found = 1;
        any |= found;
        all &= found;
    }
    if (all && any) {
        fprintf(stderr, "\nsh: deadlock: job [%d] (%s) can never finish; what each process waits for:\n", j->id, j->text);
        for (char *line = text.s; *line;) {
            char *end = strchr(line, '\n');
            size_t len = end ? (size_t)(end - line) : strlen(line);
            fprintf(stderr, "  pid %.*s\n", (int)len, line);
            line += len + (end ? 1 : 0);
        }
        fprintf(stderr, "sh: Ctrl-C interrupts the job, Ctrl-Z stops it\n");
    }
    free(text.s);
    return all && any;
}

/* Waits for a foreground job to finish or stop; gives the terminal back to the shell. An
 * interactive shell looks once a second (machine time: no time passes while all sleep) for
 * a job that can never finish, and says so. */
static int wait_job(struct job *j) {
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    if (interactive) sigprocmask(SIG_BLOCK, &chld, &old);
    int reported = 0;
    while (j->state == J_RUNNING) {
        int st;
        /* Without job control (a script) a stopped child is not the shell's business, as in bash. */
        /* Once reported, a deadlocked job only ends by a signal: wait for it without waking the machine. */
        pid_t pid = waitpid(-1, &st, interactive ? WUNTRACED | (reported ? 0 : WNOHANG) : 0);
        if (pid == 0) {
            struct timespec second = {1, 0};
            if (sigtimedwait(&chld, NULL, &second) < 0 && errno == EAGAIN && !reported) reported = deadlock_report(j);
            continue;
        }
        if (pid < 0) {
            if (errno == EINTR) continue;
            if (errno == ECHILD) { for (int k = 0; k < j->n; k++) j->alive[k] = 0; j->state = J_DONE; break; }
            perror("sh: waitpid");
            break;
        }
        record(pid, st);
    }
    if (interactive) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        tcsetpgrp(0, shell_pgid);
    }
    int status;
    if (j->state == J_STOPPED) {
        fprintf(stderr, "\n");
        j->background = 1;
        print_job(j, stderr);
        status = 128 + SIGTSTP;
    } else {
        status = status_of(j->status);
        if (WIFSIGNALED(j->status)) {
            int sig = WTERMSIG(j->status);
            if (sig == SIGINT) { if (interactive) fprintf(stderr, "\n"); }
            else if (sig != SIGPIPE) fprintf(stderr, "%s%s\n", strsignal(sig), WCOREDUMP(j->status) ? " (core dumped)" : "");
        }
        deljob(j);
    }
    return status;
}

static struct job *find_job(const char *spec) {
    if (!spec || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0 || strcmp(spec, "%") == 0) return current_job(0);
    if (strcmp(spec, "%-") == 0) return current_job(1);
    if (spec[0] == '%') {
        int id = atoi(spec + 1);
        for (struct job *j = jobs; j; j = j->next) if (j->id == id) return j;
        return NULL;
    }
    pid_t pid = atoi(spec);
    for (struct job *j = jobs; j; j = j->next)
        for (int k = 0; k < j->n; k++) if (j->pids[k] == pid) return j;
    return NULL;
}

/* ---- redirections ---- */

/* Applies a command's redirections in order; returns -1 (after a message) on failure. */
static int redirect(struct cmd *c) {
    for (int k = 0; k < c->nr; k++) {
        struct redir *r = &c->r[k];
        char *t = expand1(r->target);
        int fd;
        switch (r->type) {
        case R_DUP:
            if (strcmp(t, "-") == 0) { close(r->fd); continue; }
            fd = atoi(t);
            if (dup2(fd, r->fd) < 0) { fprintf(stderr, "sh: %s: %s\n", t, strerror(errno)); return -1; }
            continue;
        case R_IN: fd = open(t, O_RDONLY); break;
        case R_OUT: case R_BOTH: fd = open(t, O_WRONLY | O_CREAT | O_TRUNC, 0666); break;
        default: fd = open(t, O_WRONLY | O_CREAT | O_APPEND, 0666); break;
        }
        if (fd < 0) { fprintf(stderr, "sh: %s: %s\n", t, strerror(errno)); return -1; }
        if (fd != r->fd) { dup2(fd, r->fd); close(fd); }
        if (r->type == R_BOTH) dup2(1, 2);
        free(t);
    }
    return 0;
}

/* ---- builtins ---- */

static int run_list(struct list *l);
static int run_line(char *line);
static void add_history(const char *line);

static int b_cd(char **argv) {
    const char *dir = argv[1];
    if (!dir) dir = getvar("HOME");
    if (!dir) { fprintf(stderr, "sh: cd: HOME not set\n"); return 1; }
    int print = 0;
    if (strcmp(dir, "-") == 0) {
        dir = getvar("OLDPWD");
        if (!dir) { fprintf(stderr, "sh: cd: OLDPWD not set\n"); return 1; }
        print = 1;
    }
    if (chdir(dir) < 0) { fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno)); return 1; }
    char cwd[4096];
    const char *old = getvar("PWD");
    if (old) setvar("OLDPWD", old, 0);
    if (getcwd(cwd, sizeof cwd)) {
        setvar("PWD", cwd, 0);
        if (print) printf("%s\n", cwd), fflush(stdout);
    }
    return 0;
}

static int b_exit(char **argv) {
    exit(argv[1] ? atoi(argv[1]) & 255 : last_status);
}

static int b_export(char **argv) {
    if (!argv[1]) {
        for (struct var *v = vars; v; v = v->next)
            if (v->exported) printf("export %s=\"%s\"\n", v->name, v->value ? v->value : "");
        fflush(stdout);
        return 0;
    }
    int rc = 0;
    for (int k = 1; argv[k]; k++) {
        char *eq = strchr(argv[k], '=');
        size_t n = eq ? (size_t)(eq - argv[k]) : strlen(argv[k]);
        if (!valid_name(argv[k], n)) { fprintf(stderr, "sh: export: `%s': not a valid identifier\n", argv[k]); rc = 1; continue; }
        char *name = xstrndup(argv[k], n);
        setvar(name, eq ? eq + 1 : NULL, 1);
        free(name);
    }
    return rc;
}

static int b_unset(char **argv) {
    for (int k = 1; argv[k]; k++) unsetvar(argv[k]);
    return 0;
}

static int b_wait(char **argv) {
    int rc = 0;
    if (argv[1]) {
        for (int k = 1; argv[k]; k++) {
            struct job *j = find_job(argv[k]);
            if (!j) { fprintf(stderr, "sh: wait: %s: no such job\n", argv[k]); rc = 127; continue; }
            while (j->state == J_RUNNING) {
                int st;
                pid_t pid = waitpid(-1, &st, 0);
                if (pid < 0) { if (errno == EINTR) continue; break; }
                record(pid, st);
            }
            rc = status_of(j->status);
            deljob(j);
        }
        return rc;
    }
    for (;;) {
        int any = 0;
        for (struct job *j = jobs; j; j = j->next) if (j->state == J_RUNNING) any = 1;
        if (!any) break;
        int st;
        pid_t pid = waitpid(-1, &st, 0);
        if (pid < 0) { if (errno == EINTR) continue; break; }
        record(pid, st);
    }
    for (struct job *j = jobs, *next; j; j = next) { next = j->next; if (j->state == J_DONE) deljob(j); }
    return 0;
}

static int b_jobs(char **argv) {
    (void)argv;
    reap(0);
    for (struct job *j = jobs, *next; j; j = next) {
        next = j->next;
        print_job(j, stdout);
    }
    fflush(stdout);
    for (struct job *j = jobs, *next; j; j = next) { next = j->next; if (j->state == J_DONE) deljob(j); }
    return 0;
}

static int b_fg(char **argv) {
    struct job *j = find_job(argv[1]);
    if (!j) { fprintf(stderr, "sh: %s: %s: no such job\n", argv[0], argv[1] ? argv[1] : "current"); return 1; }
    int fg = argv[0][0] == 'f';
    if (fg) {
        printf("%s\n", j->text);
        fflush(stdout);
    } else {
        printf("[%d]+ %s &\n", j->id, j->text);
        fflush(stdout);
    }
    if (fg && interactive) tcsetpgrp(0, j->pgid);
    if (j->state == J_STOPPED) {
        if (interactive) kill(-j->pgid, SIGCONT);
        else for (int k = 0; k < j->n; k++) if (j->alive[k]) kill(j->pids[k], SIGCONT);
    }
    j->state = J_RUNNING;
    if (!fg) return 0;
    j->background = 0;
    return wait_job(j);
}

static int b_history(char **argv) {
    (void)argv;
    for (int k = 0; k < history.n; k++) printf("%5d  %s\n", k + 1, history.v[k]);
    fflush(stdout);
    return 0;
}

static int b_exec(char **argv);

/* echo, built in as in every shell (one process fewer per echo): -n, -e, -E as bin/echo.c. */
static int b_echo(char **argv) {
    int newline = 1, escapes = 0, k = 1;
    for (; argv[k] && argv[k][0] == '-' && argv[k][1] && strspn(argv[k] + 1, "neE") == strlen(argv[k] + 1); k++)
        for (const char *p = argv[k] + 1; *p; p++) {
            if (*p == 'n') newline = 0;
            else escapes = *p == 'e';
        }
    struct str out = {0};
    for (int first = 1; argv[k]; k++, first = 0) {
        if (!first) sadd(&out, ' ');
        for (const char *p = argv[k]; *p; p++) {
            if (!escapes || *p != '\\' || !p[1]) { sadd(&out, *p); continue; }
            char c = *++p;
            const char *from = "ntrabfve\\", *to = "\n\t\r\a\b\f\v\033\\";
            const char *hit = strchr(from, c);
            if (c == 'c') { newline = 0; argv[k + 1] = NULL; break; }
            if (c == '0') {
                int v = 0;
                for (int d = 0; d < 3 && p[1] >= '0' && p[1] <= '7'; d++) v = v * 8 + (*++p - '0');
                sadd(&out, v);
            } else if (c == 'x' && isxdigit((unsigned char)p[1])) {
                int v = 0;
                for (int d = 0; d < 2 && isxdigit((unsigned char)p[1]); d++) {
                    char h = *++p;
                    v = v * 16 + (isdigit((unsigned char)h) ? h - '0' : (h | 32) - 'a' + 10);
                }
                sadd(&out, v);
            } else if (hit) sadd(&out, to[hit - from]);
            else { sadd(&out, '\\'); sadd(&out, c); }
        }
    }
    if (newline) sadd(&out, '\n');
    fflush(stdout);
    int rc = out.len && write(1, out.s, out.len) < 0 ? 1 : 0;
    if (rc) fprintf(stderr, "sh: echo: write error: %s\n", strerror(errno));
    free(out.s);
    return rc;
}

/* kill, built in so that %N names a job: its process group (or its processes). */
static const char *signames[] = {NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
                                 "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
                                 "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS"};
static int b_kill(char **argv) {
    int sig = SIGTERM, k = 1, rc = 0;
    if (argv[k] && argv[k][0] == '-' && argv[k][1] && strcmp(argv[k], "--") != 0) {
        const char *s = argv[k] + 1;
        if (strcmp(s, "s") == 0 && argv[k + 1]) s = argv[++k];
        if (strcmp(s, "l") == 0) {
            for (int n = 1; n < 32; n++) printf("%2d) SIG%s\n", n, signames[n]);
            fflush(stdout);
            return 0;
        }
        if (strncmp(s, "SIG", 3) == 0) s += 3;
        sig = -1;
        if (isdigit((unsigned char)s[0])) sig = atoi(s);
        for (int n = 1; n < 32; n++) if (strcmp(signames[n], s) == 0) sig = n;
        if (sig < 0) { fprintf(stderr, "sh: kill: %s: invalid signal specification\n", s); return 1; }
        k++;
    } else if (argv[k] && strcmp(argv[k], "--") == 0) k++;
    if (!argv[k]) { fprintf(stderr, "kill: usage: kill [-s sigspec | -signum | -sigspec] pid | jobspec ...\n"); return 2; }
    for (; argv[k]; k++) {
        if (argv[k][0] == '%') {
            struct job *j = find_job(argv[k]);
            if (!j) { fprintf(stderr, "sh: kill: %s: no such job\n", argv[k]); rc = 1; continue; }
            if (interactive) kill(-j->pgid, sig);
            else for (int m = 0; m < j->n; m++) if (j->alive[m]) kill(j->pids[m], sig);
            continue;
        }
        char *end;
        long pid = strtol(argv[k], &end, 10);
        if (*end || end == argv[k]) { fprintf(stderr, "sh: kill: %s: arguments must be process or job IDs\n", argv[k]); rc = 1; continue; }
        if (kill((pid_t)pid, sig) < 0) { fprintf(stderr, "sh: kill: (%ld) - %s\n", pid, strerror(errno)); rc = 1; }
    }
    return rc;
}

static int b_help(char **argv);
static int b_type(char **argv);

struct builtin { const char *name; int (*fn)(char **); const char *help; };
static const struct builtin builtins[] = {
    {"cd", b_cd, "cd [DIR | -]         change the working directory (HOME without DIR, the last one with -)"},
    {"echo", b_echo, "echo [-neE] [ARG...] write the arguments"},
    {"exec", b_exec, "exec COMMAND [ARG...] replace the shell with COMMAND"},
    {"exit", b_exit, "exit [N]             leave the shell with status N (the last command's without N)"},
    {"export", b_export, "export [NAME[=VALUE]...] give variables to the commands the shell runs"},
    {"unset", b_unset, "unset NAME...        forget variables"},
    {"jobs", b_jobs, "jobs                 list the jobs: running, stopped, done"},
    {"fg", b_fg, "fg [%N]              continue a job in the foreground (Ctrl-Z stops it again)"},
    {"bg", b_fg, "bg [%N]              continue a stopped job in the background"},
    {"wait", b_wait, "wait [%N | PID...]   wait for background jobs"},
    {"kill", b_kill, "kill [-SIG] %N | PID... send a signal to a job or process (kill -l lists them)"},
    {"history", b_history, "history              the lines typed so far; !! runs the last, !N line N, !PREFIX the last that starts so"},
    {"type", b_type, "type NAME...         say whether NAME is a builtin or which program runs"},
    {"help", b_help, "help                 this list"},
    {NULL, NULL, NULL},
};
static const struct builtin *find_builtin(const char *name) {
    for (const struct builtin *b = builtins; b->name; b++)
        if (strcmp(b->name, name) == 0) return b;
    return NULL;
}

static int b_help(char **argv) {
    (void)argv;
    printf("Builtins (anything else is a program in $PATH; Tab completes both):\n");
    for (const struct builtin *b = builtins; b->name; b++) printf("  %s\n", b->help);
    printf("Lines: a | b, a && b, a || b, a; b, a &, < > >> 2> 2>&1, 'quotes', $VAR.\n"
           "Keys: arrows, Home/End, ^A ^E ^K ^U ^W, ^R search, Tab, ^C interrupts, ^Z stops the job.\n");
    fflush(stdout);
    return 0;
}

static int host_tool(const char *name);

/* type: a builtin, or the file $PATH finds (bash's words). */
static int b_type(char **argv) {
    int rc = 0;
    for (int k = 1; argv[k]; k++) {
        const char *name = argv[k];
        if (find_builtin(name)) { printf("%s is a shell builtin\n", name); continue; }
        const char *found = NULL;
        char full[4096];
        if (strchr(name, '/')) {
            if (access(name, X_OK) == 0) found = name;
        } else {
            const char *path = getvar("PATH");
            char *copy = strdup(path ? path : ""), *save = NULL;
            for (char *dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
                struct stat st;
                snprintf(full, sizeof full, "%s/%s", *dir ? dir : ".", name);
                if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0) found = full;
            }
            free(copy);
        }
        if (found) printf("%s is %s\n", name, found);
        else {
            fflush(stdout);
            fprintf(stderr, "sh: type: %s: not found%s\n", name,
                    host_tool(name) ? " (programs are built on the host: ./vitrine run file.c)" : "");
            rc = 1;
        }
    }
    fflush(stdout);
    return rc;
}

/* ---- running commands ---- */

/* Splits off leading NAME=value words; returns the index of the first real word. */
static int assignments(struct vec *words) {
    int k = 0;
    while (k < words->n) {
        char *eq = strchr(words->v[k], '=');
        if (!eq || !valid_name(words->v[k], eq - words->v[k])) break;
        k++;
    }
    return k;
}

/* A compiler, assembler, linker or make: none live in the machine, they run on the host. */
static int host_tool(const char *name) {
    static const char *const tools[] = {"gcc", "cc", "c99", "clang", "make", "ld", "as", NULL};
    for (int k = 0; tools[k]; k++) if (strcmp(name, tools[k]) == 0) return 1;
    return 0;
}

/* In a child: replace this process with argv[0] (searched in $PATH). Never returns. */
static void exec_argv(char **argv) {
    environ = build_env();
    execvp(argv[0], argv);
    int e = errno;
    if (e == ENOENT && !strchr(argv[0], '/')) {
        fprintf(stderr, "sh: %s: command not found%s\n", argv[0], host_tool(argv[0])
                ? " (programs are built on the host: ./vitrine run file.c)" : "");
        _exit(127);
    }
    fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(e));
    _exit(e == ENOENT ? 127 : 126);
}

static int b_exec(char **argv) {
    if (!argv[1]) return 0;
    exec_argv(argv + 1);
    return 126;
}

/* Expands a command's words: assignments first (set for the command only), then argv. */
static void expand_cmd(struct cmd *c, struct vec *argv, struct vec *assign) {
    int k = assignments(&c->words);
    for (int m = 0; m < k; m++) {
        char *eq = strchr(c->words.v[m], '=');
        struct str s = {0};
        for (char *p = c->words.v[m]; p <= eq; p++) sadd(&s, *p);
        char *val = expand1(eq + 1);
        sadds(&s, val);
        free(val);
        vpush(assign, s.s);
    }
    for (int m = k; m < c->words.n; m++) expand(c->words.v[m], argv);
}

static void apply_assign(struct vec *assign, int export) {
    for (int m = 0; m < assign->n; m++) {
        char *eq = strchr(assign->v[m], '=');
        *eq = 0;
        setvar(assign->v[m], eq + 1, export);
        *eq = '=';
    }
}

/* The body of a pipeline's child: redirections, then the builtin or the program. */
static void child(struct cmd *c) {
    struct vec argv = {0}, assign = {0};
    expand_cmd(c, &argv, &assign);
    if (redirect(c) < 0) _exit(1);
    if (argv.n == 0) _exit(0);
    apply_assign(&assign, 1);
    const struct builtin *b = find_builtin(argv.v[0]);
    if (b) {
        int rc = b->fn(argv.v);
        fflush(stdout);
        _exit(rc);
    }
    exec_argv(argv.v);
}

static void default_signals(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
    signal(SIGTTIN, SIG_DFL);
    signal(SIGTTOU, SIG_DFL);
    signal(SIGCHLD, SIG_DFL);
}

/* Runs one pipeline: n children joined by n-1 pipes, in one process group. */
static int run_pipeline(struct pipeline *p, const char *text, int background) {
    /* A lone builtin or assignment runs in the shell itself, so cd and export stick. */
    if (p->n == 1 && !background) {
        struct cmd *c = &p->c[0];
        struct vec argv = {0}, assign = {0};
        expand_cmd(c, &argv, &assign);
        const struct builtin *b = argv.n ? find_builtin(argv.v[0]) : NULL;
        if (argv.n == 0 || b) {
            int saved[3];
            for (int k = 0; k < 3; k++) saved[k] = fcntl(k, F_DUPFD_CLOEXEC, 10);
            int rc;
            if (redirect(c) < 0) rc = 1;
            else if (argv.n == 0) { apply_assign(&assign, 0); rc = 0; }
            else rc = b->fn(argv.v);
            fflush(stdout);
            for (int k = 0; k < 3; k++) if (saved[k] >= 0) { dup2(saved[k], k); close(saved[k]); }
            return rc;
        }
    }

    struct job *j = newjob(p->n, text);
    j->n = p->n;
    j->background = background;
    int in = -1;   /* read end of the previous pipe */
    for (int k = 0; k < p->n; k++) {
        int fd[2] = {-1, -1};
        if (k < p->n - 1 && pipe(fd) < 0) { perror("sh: pipe"); if (in >= 0) close(in); return 1; }
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0) { perror("sh: fork"); if (in >= 0) close(in); if (fd[0] >= 0) close(fd[0]), close(fd[1]); break; }
        if (pid == 0) {
            if (interactive) {
                setpgid(0, j->pgid);   /* the first child: its own pid; the others join it */
                if (!background) tcsetpgrp(0, getpgrp());
                default_signals();
            } else if (background) {
                signal(SIGINT, SIG_IGN);
                signal(SIGQUIT, SIG_IGN);
            }
            if (background && !interactive && k == 0) {
                int nul = open("/dev/null", O_RDONLY);
                if (nul >= 0) { dup2(nul, 0); close(nul); }
            }
            if (in >= 0) { dup2(in, 0); close(in); }
            if (fd[1] >= 0) { dup2(fd[1], 1); close(fd[1]); close(fd[0]); }
            child(&p->c[k]);
        }
        if (k == 0) j->pgid = pid;
        if (interactive) setpgid(pid, j->pgid);
        j->pids[k] = pid;
        j->alive[k] = 1;
        if (in >= 0) close(in);
        if (fd[1] >= 0) close(fd[1]);
        in = fd[0];
    }
    addjob(j);
    if (background) {
        last_bg = j->pids[j->n - 1];
        if (interactive) fprintf(stderr, "[%d] %d\n", j->id, (int)last_bg);
        return 0;
    }
    return wait_job(j);
}

static int run_andor(struct andor *a, const char *line) {
    int status = 0;
    for (int k = 0; k < a->n; k++) {
        if (k > 0 && a->conn[k - 1] == '&' && status != 0) continue;
        if (k > 0 && a->conn[k - 1] == '|' && status == 0) continue;
        struct pipeline *p = &a->p[k];
        char *text = xstrndup(line + p->start, p->end - p->start);
        status = run_pipeline(p, text, 0);
        free(text);
        last_status = status;
    }
    return status;
}

static int run_background(struct andor *a, const char *line) {
    char *text = xstrndup(line + a->start, a->end - a->start);
    if (a->n == 1) {
        int rc = run_pipeline(&a->p[0], text, 1);
        free(text);
        return rc;
    }
    /* a && b &: a subshell runs the whole list */
    struct job *j = newjob(1, text);
    j->n = 1;
    j->background = 1;
    pid_t pid = fork();
    if (pid == 0) {
        if (interactive) { setpgid(0, 0); default_signals(); }
        interactive = 0;
        jobs = NULL;
        exit(run_andor(a, line));
    }
    if (interactive) setpgid(pid, pid);
    j->pgid = pid;
    j->pids[0] = pid;
    j->alive[0] = 1;
    addjob(j);
    last_bg = pid;
    if (interactive) fprintf(stderr, "[%d] %d\n", j->id, (int)pid);
    free(text);
    return 0;
}

static const char *cur_line;

static int run_list(struct list *l) {
    for (int k = 0; k < l->n; k++) {
        if (l->a[k].background) last_status = run_background(&l->a[k], cur_line);
        else last_status = run_andor(&l->a[k], cur_line);
    }
    return last_status;
}

/* Runs one complete line. Returns 1 if more input is needed to complete it. */
static int run_line(char *line) {
    struct toks ts = {0};
    int r = lex(line, &ts);
    if (r == 1) return 1;
    struct list l;
    r = parse(&ts, &l);
    if (r == 1) return 1;
    add_history(line);
    if (r < 0) { last_status = 2; return 0; }
    cur_line = line;
    run_list(&l);
    return 0;
}

#include "lineedit.h"

/* ---- input ---- */

/* Reads one line from fd 0 a byte at a time; NULL at end of input. */
static char *read_line(void) {
    struct str b = {0};
    for (;;) {
        char c;
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR) {
            if (got_sigint) { got_sigint = 0; free(b.s); return strdup("\x03"); }
            continue;
        }
        if (n <= 0) {
            if (b.len == 0) { free(b.s); return NULL; }
            break;
        }
        if (c == '\n') break;
        sadd(&b, c);
    }
    if (!b.s) return strdup("");
    return b.s;
}

static void on_sigint(int sig) {
    (void)sig;
    got_sigint = 1;
}

static void prompt(int more) {
    const char *ps = getvar(more ? "PS2" : "PS1");
    if (!ps) ps = more ? "> " : "$ ";
    fputs(ps, stderr);
    fflush(stderr);
}

static void add_history(const char *line) {
    const char *p = line;
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    if (*p) vpush(&history, strdup(line));
}

static int usage(void) {
    fprintf(stderr, "usage: sh [-i] [-c COMMANDS [NAME [ARG...]]] [SCRIPT [ARG...]]\n");
    return 2;
}

int main(int argc, char **argv) {
    for (char **e = environ; *e; e++) {
        char *eq = strchr(*e, '=');
        if (!eq) continue;
        char *name = xstrndup(*e, eq - *e);
        setvar(name, eq + 1, 1);
        free(name);
    }
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) setvar("PWD", cwd, 0);
    {
        char pid[32];
        const char *lvl = getvar("SHLVL");
        snprintf(pid, sizeof pid, "%d", lvl ? atoi(lvl) + 1 : 1);
        setvar("SHLVL", pid, 1);
    }

    const char *command = NULL;
    int force_interactive = 0, a = 1;
    for (; a < argc && argv[a][0] == '-' && argv[a][1]; a++) {
        if (strcmp(argv[a], "-c") == 0) {
            if (a + 1 >= argc) { fprintf(stderr, "sh: -c: option requires an argument\n"); return 2; }
            command = argv[++a];
            a++;
            break;   /* what follows the line is $0, $1, ..., options too, as in dash and bash */
        } else if (strcmp(argv[a], "-i") == 0) force_interactive = 1;
        else if (strcmp(argv[a], "--") == 0) { a++; break; }
        else return usage();
    }
    static char *def0[] = {"sh"};
    posargs = a < argc ? argv + a : def0;
    nposargs = a < argc ? argc - a : 1;
    if (!command && a < argc) {
        /* sh SCRIPT: read the script from the file instead of stdin */
        int fd = open(argv[a], O_RDONLY);
        if (fd < 0) { fprintf(stderr, "sh: %s: %s\n", argv[a], strerror(errno)); return 127; }
        dup2(fd, 0);
        close(fd);
    }

    if (command) {
        if (run_line((char *)command) == 1) {
            fprintf(stderr, "sh: -c: syntax error: unexpected end of file\n");
            return 2;
        }
        return last_status;
    }

    interactive = force_interactive || (isatty(0) && a >= argc);
    if (interactive) {
        /* Job control: the shell leads its own process group and owns the terminal. The stop
         * signals are ignored first: moving to a new group makes the shell a background
         * process until tcsetpgrp, which would stop it with SIGTTOU. */
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigint;   /* no SA_RESTART: Ctrl-C abandons the line being typed */
        sigaction(SIGINT, &sa, NULL);
        signal(SIGQUIT, SIG_IGN);
        signal(SIGTSTP, SIG_IGN);
        signal(SIGTTIN, SIG_IGN);
        signal(SIGTTOU, SIG_IGN);
        shell_pgid = getpid();
        if (getpgrp() != shell_pgid) setpgid(0, 0);
        shell_pgid = getpgrp();
        tcsetpgrp(0, shell_pgid);
        have_tmodes = tcgetattr(0, &shell_tmodes) == 0;
    }

    struct str pending = {0};
    for (;;) {
        char *line;
        if (interactive) {
            if (!pending.len) reap(1);
            if (have_tmodes) {
                const char *ps = getvar(pending.len ? "PS2" : "PS1");
                line = edit_line(ps ? ps : pending.len ? "> " : "$ ");
            } else {
                prompt(pending.len > 0);
                line = read_line();
            }
        } else line = read_line();
        if (!line) {
            if (pending.len) fprintf(stderr, "sh: syntax error: unexpected end of file\n"), last_status = 2;
            break;
        }
        if (line[0] == '\x03') {   /* Ctrl-C at the prompt */
            fputc('\n', stderr);
            pending.len = 0;
            free(line);
            continue;
        }
        if (interactive && strchr(line, '!')) {
            int changed;
            char *expanded = expand_history(line, &changed);
            free(line);
            if (!expanded) { pending.len = 0; last_status = 1; continue; }
            line = expanded;
            if (changed) fprintf(stderr, "%s\n", line);
        }
        if (pending.len) sadd(&pending, '\n');
        sadds(&pending, line);
        free(line);
        if (!pending.s) sempty(&pending);   /* sadds of "" allocates nothing: an empty first line */
        if (run_line(pending.s) == 1) continue;   /* open quote, trailing | or && */
        pending.len = 0;
        pending.s[0] = 0;
    }
    if (interactive) fprintf(stderr, "exit\n");
    return last_status;
}
