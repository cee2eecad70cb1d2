/*
 * CEditLine: libedit (BSD editline) for Swift 6.
 *
 * Swift cannot call C variadic functions (el_wset, el_wget, history_w) and, in Swift 6 language
 * mode, must not touch mutable C globals (stdin, stdout, signal state). Everything of that kind
 * lives here as small, non-variadic `static inline` functions. Only the wide-character API is used:
 * on Linux wchar_t is 32 bits, one Unicode scalar per element.
 *
 * Note on `static` state (the SIGINT flag): each object file that uses these inline functions gets
 * its own copy of it. Install the handler and read the flag from the same Swift source file
 * (LineEditor.swift does both).
 */
#ifndef ROPG_CEDITLINE_SHIM_H
#define ROPG_CEDITLINE_SHIM_H

#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/* ---------------------------------------------------------------- locale */

static inline int ropg_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

/* setlocale(LC_CTYPE, "") from the environment; if that is not UTF-8 (LANG unset, "C", "POSIX",
 * a Latin-1 locale...), fall back to C.UTF-8. Without a UTF-8 LC_CTYPE libedit silently drops
 * every non-ASCII keystroke. Must run before el_init (libedit decides its charset there).
 * Returns 1 when LC_CTYPE is UTF-8 afterwards. */
static inline int ropg_setup_locale(void) {
    static const char *const fallbacks[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8", NULL };
    if (setlocale(LC_CTYPE, "") != NULL && ropg_codeset_is_utf8())
        return 1;
    for (int i = 0; fallbacks[i] != NULL; i++) {
        if (setlocale(LC_CTYPE, fallbacks[i]) != NULL && ropg_codeset_is_utf8())
            return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- SIGINT */

static inline volatile sig_atomic_t *ropg_sigint_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

static inline void ropg_sigint_handler(int signo) {
    (void)signo;
    *ropg_sigint_flag() = 1;
}

/* Installs a SIGINT handler that only records the signal, WITHOUT SA_RESTART: the read() inside
 * el_wgets then fails with EINTR and el_wgets returns NULL with count -1. (With EL_SIGNAL set and
 * the default disposition, libedit re-raises SIGINT to the process group and the process dies.) */
static inline int ropg_install_sigint_handler(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ropg_sigint_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART, on purpose */
    return sigaction(SIGINT, &sa, NULL);
}

/* Returns 1 if SIGINT arrived since the last call, and clears the flag. */
static inline int ropg_sigint_take(void) {
    int was = *ropg_sigint_flag() != 0;
    *ropg_sigint_flag() = 0;
    return was;
}

/* ---------------------------------------------------------------- stdio */

static inline void ropg_write_stdout(const char *s) {
    fputs(s, stdout);
    fflush(stdout);
}

static inline void ropg_flush_stdout(void) {
    fflush(stdout);
}

/* Width of the terminal on stdout (then stdin), 80 if unknown. */
static inline int ropg_terminal_columns(void) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

/* ---------------------------------------------------------------- EditLine */

typedef wchar_t *(*ropg_el_wprompt_fn)(EditLine *);

/* An empty, NUL-terminated wide string with static storage (a safe prompt of last resort). */
static inline wchar_t *ropg_empty_wide_string(void) {
    static wchar_t empty[1] = { 0 };
    return empty;
}
typedef unsigned char (*ropg_el_command_fn)(EditLine *, int);

static inline EditLine *ropg_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}

static inline int ropg_el_set_prompt(EditLine *el, ropg_el_wprompt_fn fn) {
    return el_wset(el, EL_PROMPT, fn);
}

/* mode: L"emacs" or L"vi" (compared, not retained). */
static inline int ropg_el_set_editor(EditLine *el, const wchar_t *mode) {
    return el_wset(el, EL_EDITOR, mode);
}

static inline int ropg_el_set_hist(EditLine *el, HistoryW *h) {
    return el_wset(el, EL_HIST, history_w, h);
}

static inline int ropg_el_set_signal(EditLine *el, int on) {
    return el_wset(el, EL_SIGNAL, on);
}

/* libedit RETAINS name and help (no copy): they must stay valid until el_end. */
static inline int ropg_el_addfn(EditLine *el, const wchar_t *name, const wchar_t *help,
                                ropg_el_command_fn fn) {
    return el_wset(el, EL_ADDFN, name, help, fn);
}

/* key in editrc syntax ("^I", "\\e[1~", ...), command name; both are parsed/copied. */
static inline int ropg_el_bind(EditLine *el, const wchar_t *key, const wchar_t *command) {
    return el_wset(el, EL_BIND, key, command, (const wchar_t *)NULL);
}

static inline int ropg_el_set_clientdata(EditLine *el, void *data) {
    return el_wset(el, EL_CLIENTDATA, data);
}

static inline void *ropg_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_wget(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int ropg_el_set_getcfn(EditLine *el, el_rfunc_t fn) {
    return el_wset(el, EL_GETCFN, fn);
}

static inline int ropg_el_refresh(EditLine *el) {
    return el_wset(el, EL_REFRESH);
}

/* Editing in the middle of a line that holds double-width characters (Chinese) left libedit
   3.1's redraw one column off: the text was right, but the cursor was drawn one column to the
   right of where it is (deleting 恤 from "ab纯棉T恤价格cd" with the cursor before 价, or typing X
   there). The slip is in its quick path that inserts and deletes characters on the terminal
   (the termcap capabilities dc, DC, ic, IC, im, ei), which counts columns as characters. With
   those capabilities taken away, libedit redraws the rest of the line instead, and counts right. */
static inline int ropg_el_redraw_instead_of_inserting(EditLine *el) {
    static const char *const names[] = { "dc", "DC", "ic", "IC", "im", "ei", "ip" };
    int failed = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        failed |= el_set(el, EL_SETTC, names[i], "", (const char *)NULL);
    }
    return failed;
}

/* Reads $EDITRC or ~/.editrc if present. */
static inline int ropg_el_source_default(EditLine *el) {
    return el_source(el, NULL);
}

/* ---------------------------------------------------------------- History */

static inline int ropg_history_setsize(HistoryW *h, int size) {
    HistEventW ev;
    return history_w(h, &ev, H_SETSIZE, size);
}

static inline int ropg_history_setunique(HistoryW *h, int unique) {
    HistEventW ev;
    return history_w(h, &ev, H_SETUNIQUE, unique);
}

static inline int ropg_history_enter(HistoryW *h, const wchar_t *line) {
    HistEventW ev;
    return history_w(h, &ev, H_ENTER, line);
}

static inline int ropg_history_load(HistoryW *h, const char *path) {
    HistEventW ev;
    return history_w(h, &ev, H_LOAD, path);
}

static inline int ropg_history_save(HistoryW *h, const char *path) {
    HistEventW ev;
    return history_w(h, &ev, H_SAVE, path);
}

#endif /* ROPG_CEDITLINE_SHIM_H */
