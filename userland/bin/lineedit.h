/* lineedit.h: the interactive shell's line editor, included by sh.c (it uses sh.c's strings,
 * history, variables and builtins). The terminal goes to non-canonical mode without echo
 * while a line is typed (ISIG stays on: ^C is the shell's SIGINT) and back to the shell's
 * own settings before a command runs, as readline does for bash.
 *
 *   left/right ^B ^F, Home/End ^A ^E     move              Backspace ^H, Delete, ^D   delete a character
 *   ^K ^U ^W                             kill to the end, to the start, the word before
 *   up/down ^P ^N                        history           ^R                         reverse search
 *   Tab                                  complete a command (builtins, $PATH) or a path; a second
 *                                        Tab where nothing more is common lists the choices
 *   ^L                                   clear the screen  ^D on an empty line          end of input
 *
 * One line on the screen: a line wider than the terminal scrolls sideways (linenoise's way).
 */
#include <dirent.h>
#include <sys/ioctl.h>

static struct termios shell_tmodes;   /* the terminal as commands get it */
static int have_tmodes;

static void le_write(const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        s += w;
        n -= w;
    }
}
static void le_puts(const char *s) { le_write(s, strlen(s)); }

static int le_cols(void) {
    struct winsize ws;
    if (ioctl(0, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

/* What the prompt takes on the screen: its printable bytes (no escape sequences in ours). */
struct le { struct str buf; size_t pos; const char *prompt; size_t plen; };

static void le_refresh(struct le *l) {
    int cols = le_cols();
    const char *b = l->buf.s ? l->buf.s : "";
    size_t len = l->buf.len, pos = l->pos, start = 0;
    /* Scroll sideways so the cursor stays on the screen. */
    size_t room = l->plen + 1 < (size_t)cols ? cols - 1 - l->plen : 1;
    while (pos - start > room) start++;
    size_t shown = len - start;
    if (shown > room) shown = room;
    struct str out = {0};
    sadds(&out, "\r");
    sadds(&out, l->prompt);
    for (size_t k = 0; k < shown; k++) sadd(&out, b[start + k]);
    sadds(&out, "\x1b[K");
    char mv[32];
    size_t back = start + shown - pos;
    if (back > 0 && start + shown >= pos) { snprintf(mv, sizeof mv, "\x1b[%zuD", back); sadds(&out, mv); }
    le_write(out.s, out.len);
    free(out.s);
}

static void le_insert(struct le *l, const char *s, size_t n) {
    for (size_t k = 0; k < n; k++) sadd(&l->buf, 0);   /* room (and a terminating NUL) */
    memmove(l->buf.s + l->pos + n, l->buf.s + l->pos, l->buf.len - n - l->pos);
    memcpy(l->buf.s + l->pos, s, n);
    l->pos += n;
    l->buf.s[l->buf.len] = 0;
}

static void le_delete(struct le *l, size_t from, size_t to) {   /* [from, to) */
    if (to <= from) return;
    memmove(l->buf.s + from, l->buf.s + to, l->buf.len - to + 1);
    l->buf.len -= to - from;
    if (l->pos > to) l->pos -= to - from;
    else if (l->pos > from) l->pos = from;
}

/* An empty string that owns its buffer (sadds of "" allocates nothing). */
static void sempty(struct str *b) {
    sadd(b, ' ');
    b->len = 0;
    b->s[0] = 0;
}

static void le_set(struct le *l, const char *s) {
    sempty(&l->buf);
    sadds(&l->buf, s);
    l->pos = l->buf.len;
}

/* ---- Tab completion ---- */

static int le_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void le_add_match(struct vec *m, const char *name) {
    for (int k = 0; k < m->n; k++) if (strcmp(m->v[k], name) == 0) return;
    vpush(m, strdup(name));
}

/* Commands starting with prefix: builtins, then executables in each $PATH directory. */
static void le_commands(const char *prefix, struct vec *m) {
    size_t n = strlen(prefix);
    for (const struct builtin *b = builtins; b->name; b++) if (strncmp(b->name, prefix, n) == 0) le_add_match(m, b->name);
    const char *path = getvar("PATH");
    if (!path) return;
    char *copy = strdup(path), *save = NULL;
    for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
        DIR *d = opendir(*dir ? dir : ".");
        if (!d) continue;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strncmp(e->d_name, prefix, n) != 0 || e->d_name[0] == '.') continue;
            char full[4096];
            snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
            struct stat st;
            if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0) le_add_match(m, e->d_name);
        }
        closedir(d);
    }
    free(copy);
}

/* Paths starting with word: the entries of its directory part that start with its last part; directories end in '/'. */
static void le_paths(const char *word, struct vec *m) {
    const char *slash = strrchr(word, '/');
    char dir[4096];
    const char *base = slash ? slash + 1 : word;
    if (slash) snprintf(dir, sizeof dir, "%.*s", (int)(slash - word + 1), word);
    else dir[0] = 0;
    DIR *d = opendir(*dir ? dir : ".");
    if (!d) return;
    size_t n = strlen(base);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, base, n) != 0) continue;
        if (e->d_name[0] == '.' && (base[0] != '.' || !strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))) continue;
        char full[4096], shown[4096];
        snprintf(full, sizeof full, "%s%s", dir, e->d_name);
        struct stat st;
        int isdir = stat(*full ? full : ".", &st) == 0 && S_ISDIR(st.st_mode);
        snprintf(shown, sizeof shown, "%s%s%s", dir, e->d_name, isdir ? "/" : "");
        le_add_match(m, shown);
    }
    closedir(d);
}

/* Tab: completes the word before the cursor; returns 1 when it listed the choices (the prompt is redrawn). */
static int le_complete(struct le *l, int again) {
    size_t start = l->pos;
    while (start > 0 && !strchr(" \t|&;<>()", l->buf.s[start - 1])) start--;
    size_t before = start;
    while (before > 0 && (l->buf.s[before - 1] == ' ' || l->buf.s[before - 1] == '\t')) before--;
    char *word = xstrndup(l->buf.s + start, l->pos - start);
    int command = (before == 0 || strchr("|&;(", l->buf.s[before - 1])) && !strchr(word, '/');
    struct vec m = {0};
    if (command) le_commands(word, &m);
    else le_paths(word, &m);
    int listed = 0;
    if (m.n == 1) {
        const char *w = m.v[0];
        le_insert(l, w + strlen(word), strlen(w) - strlen(word));
        if (w[strlen(w) - 1] != '/') le_insert(l, " ", 1);
    } else if (m.n > 1) {
        size_t common = strlen(m.v[0]);
        for (int k = 1; k < m.n; k++) {
            size_t c = 0;
            while (c < common && m.v[k][c] == m.v[0][c]) c++;
            common = c;
        }
        if (common > strlen(word)) le_insert(l, m.v[0] + strlen(word), common - strlen(word));
        else if (again) {
            qsort(m.v, m.n, sizeof *m.v, le_cmp);
            struct str out = {0};
            sadds(&out, "\r\n");
            size_t wide = 0;
            for (int k = 0; k < m.n; k++) {
                const char *s = strrchr(m.v[k], '/');
                const char *name = s && s[1] ? s + 1 : m.v[k];
                if (strlen(name) > wide) wide = strlen(name);
            }
            int per = le_cols() / (int)(wide + 2);
            if (per < 1) per = 1;
            for (int k = 0; k < m.n; k++) {
                const char *s = strrchr(m.v[k], '/');
                const char *name = s && s[1] ? s + 1 : m.v[k];
                sadds(&out, name);
                if ((k + 1) % per == 0 || k == m.n - 1) sadds(&out, "\r\n");
                else for (size_t p = strlen(name); p < wide + 2; p++) sadd(&out, ' ');
            }
            le_write(out.s, out.len);
            free(out.s);
            listed = 1;
        } else le_write("\a", 1);
    } else le_write("\a", 1);
    for (int k = 0; k < m.n; k++) free(m.v[k]);
    free(m.v);
    free(word);
    return listed;
}

/* ---- one key ---- */

enum { K_NONE = 1000, K_UP, K_DOWN, K_LEFT, K_RIGHT, K_HOME, K_END, K_DEL, K_INTR, K_EOF };

/* The next key: a byte, or one of K_* for an escape sequence; K_INTR on ^C (SIGINT), K_EOF at end of input. */
static int le_key(void) {
    unsigned char c;
    for (;;) {
        ssize_t n = read(0, &c, 1);
        if (n == 1) break;
        if (n < 0 && errno == EINTR) {
            if (got_sigint) { got_sigint = 0; return K_INTR; }
            continue;
        }
        return K_EOF;
    }
    if (c != 27) return c;
    unsigned char seq[3];
    if (read(0, &seq[0], 1) != 1) return K_NONE;
    if (seq[0] != '[' && seq[0] != 'O') return K_NONE;
    if (read(0, &seq[1], 1) != 1) return K_NONE;
    if (seq[1] >= '0' && seq[1] <= '9') {
        if (read(0, &seq[2], 1) != 1 || seq[2] != '~') return K_NONE;
        switch (seq[1]) {
        case '1': case '7': return K_HOME;
        case '4': case '8': return K_END;
        case '3': return K_DEL;
        default: return K_NONE;
        }
    }
    switch (seq[1]) {
    case 'A': return K_UP;
    case 'B': return K_DOWN;
    case 'C': return K_RIGHT;
    case 'D': return K_LEFT;
    case 'H': return K_HOME;
    case 'F': return K_END;
    default: return K_NONE;
    }
}

/* ^R: searches the history backwards for what is typed; returns the key that ended the search (Enter accepts and runs). */
static int le_search(struct le *l) {
    struct str q = {0};
    sempty(&q);
    int at = history.n;   /* the entry shown; history.n: none yet */
    for (;;) {
        const char *shown = at < history.n ? history.v[at] : "";
        struct str out = {0};
        sadds(&out, "\r(reverse-i-search)`");
        sadds(&out, q.s);
        sadds(&out, "': ");
        sadds(&out, shown);
        sadds(&out, "\x1b[K");
        le_write(out.s, out.len);
        free(out.s);
        int k = le_key();
        int from = -1;
        if (k == 18) from = at - 1;   /* ^R again: an older match */
        else if (k == 127 || k == 8) { if (q.len) q.s[--q.len] = 0; from = history.n - 1; }
        else if (k >= 32 && k < 127) { sadd(&q, k); from = at < history.n ? at : history.n - 1; }
        else {
            if (k == 7 || k == K_INTR) { le_set(l, ""); free(q.s); return k; }   /* ^G, ^C: give up */
            le_set(l, shown);
            free(q.s);
            return k;
        }
        for (int h = from; h >= 0; h--)
            if (strstr(history.v[h], q.s)) { at = h; break; }
    }
}

/*
 * Reads one line with editing; the terminal is the shell's again when it returns. NULL at end
 * of input, "\x03" after ^C, else the line (malloc'd, without its newline).
 */
static char *edit_line(const char *prompt) {
    struct termios raw = shell_tmodes;
    raw.c_lflag &= ~(ICANON | ECHO | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(0, TCSADRAIN, &raw);
    struct le l = {{0}, 0, prompt, strlen(prompt)};
    sempty(&l.buf);
    int hist = history.n, tabs = 0;
    char *saved = NULL;   /* the line being typed while history is shown */
    char *result = NULL;
    le_refresh(&l);
    for (;;) {
        int k = le_key();
        if (k == 18) {
            k = le_search(&l);
            hist = history.n;
            if (k == '\r' || k == '\n') { le_refresh(&l); goto done; }
            if (k == K_INTR || k == 7) { le_refresh(&l); if (k == K_INTR) goto interrupted; continue; }
        }
        tabs = k == '\t' ? tabs + 1 : 0;
        switch (k) {
        case '\r': case '\n': goto done;
        case K_INTR: goto interrupted;
        case K_EOF: goto eof;
        case 4:   /* ^D */
            if (l.buf.len == 0) goto eof;
            le_delete(&l, l.pos, l.pos + 1);
            break;
        case K_DEL: le_delete(&l, l.pos, l.pos + 1); break;
        case 127: case 8: if (l.pos > 0) le_delete(&l, l.pos - 1, l.pos); break;
        case 1: case K_HOME: l.pos = 0; break;
        case 5: case K_END: l.pos = l.buf.len; break;
        case 2: case K_LEFT: if (l.pos > 0) l.pos--; break;
        case 6: case K_RIGHT: if (l.pos < l.buf.len) l.pos++; break;
        case 11: le_delete(&l, l.pos, l.buf.len); break;
        case 21: le_delete(&l, 0, l.pos); break;
        case 23: {
            size_t p = l.pos;
            while (p > 0 && l.buf.s[p - 1] == ' ') p--;
            while (p > 0 && l.buf.s[p - 1] != ' ') p--;
            le_delete(&l, p, l.pos);
            break;
        }
        case 12: le_puts("\x1b[H\x1b[2J"); break;
        case 16: case K_UP:
        case 14: case K_DOWN: {
            int to = hist + (k == 16 || k == K_UP ? -1 : 1);
            if (to < 0 || to > history.n) break;
            if (hist == history.n) { free(saved); saved = strdup(l.buf.s); }
            hist = to;
            le_set(&l, hist == history.n ? saved : history.v[hist]);
            break;
        }
        case '\t':
            if (le_complete(&l, tabs > 1)) tabs = 0;
            break;
        default:
            if (k >= 32 && k < 256 && k != 127) { char c = k; le_insert(&l, &c, 1); }
            break;
        }
        le_refresh(&l);
    }
done:
    l.pos = l.buf.len;
    le_refresh(&l);
    le_puts("\n");
    result = l.buf.s;
    goto out;
interrupted:
    le_puts("^C");
    free(l.buf.s);
    result = strdup("\x03");
    goto out;
eof:
    free(l.buf.s);
    result = NULL;
out:
    free(saved);
    tcsetattr(0, TCSADRAIN, &shell_tmodes);
    return result;
}

/* ---- history expansion: !! !n !-n !prefix (outside single quotes), as bash does before running a line ---- */

/* Returns the expanded line (malloc'd), or NULL after "event not found"; *changed says whether to show it. */
static char *expand_history(const char *line, int *changed) {
    struct str out = {0};
    sempty(&out);
    *changed = 0;
    int quoted = 0;
    for (const char *p = line; *p; p++) {
        if (*p == '\'') quoted = !quoted;
        if (*p == '\\' && p[1] == '!') { sadd(&out, '!'); p++; continue; }
        if (quoted || *p != '!' || !p[1] || strchr(" \t\n=(", p[1])) { sadd(&out, *p); continue; }
        const char *q = p + 1, *hit = NULL;
        char spec[256];
        if (*q == '!') { hit = history.n ? history.v[history.n - 1] : NULL; q++; }
        else if (isdigit((unsigned char)*q) || (*q == '-' && isdigit((unsigned char)q[1]))) {
            char *end;
            long n = strtol(q, &end, 10);
            long idx = n > 0 ? n - 1 : history.n + n;
            if (idx >= 0 && idx < history.n) hit = history.v[idx];
            q = end;
        } else {
            const char *e = q;
            while (*e && !strchr(" \t\n;|&<>()", *e)) e++;
            size_t n = e - q;
            for (int h = history.n - 1; h >= 0; h--)
                if (strncmp(history.v[h], q, n) == 0) { hit = history.v[h]; break; }
            q = e;
        }
        snprintf(spec, sizeof spec, "%.*s", (int)(q - p), p);
        if (!hit) {
            fprintf(stderr, "sh: %s: event not found\n", spec);
            free(out.s);
            return NULL;
        }
        sadds(&out, hit);
        *changed = 1;
        p = q - 1;
    }
    return out.s;
}
