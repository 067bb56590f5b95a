// A small C interface over ncursesw for the Terminal layer. It hides the
// curses macros and mutable globals Swift cannot use (stdscr, COLORS, A_*,
// KEY_*, getmaxyx) behind plain functions with plain types, and keeps the
// async-signal-safe parts (signal flags, emergency restore) in C.
#ifndef GAMEDAY_CNCURSES_H
#define GAMEDAY_CNCURSES_H

#include <stdint.h>

/// Cell attributes, independent of curses' A_* bit layout.
enum {
    GD_ATTR_BOLD = 1,
    GD_ATTR_DIM = 2,
    GD_ATTR_REVERSE = 4,
    GD_ATTR_UNDERLINE = 8,
};

/// What gd_read_key returns.
enum {
    GD_EVENT_NONE = 0,      // timeout, or interrupted by a signal
    GD_EVENT_CHAR = 1,      // a character (code = Unicode scalar)
    GD_EVENT_KEY = 2,       // a function key (code = one of GD_KEY_*)
    GD_EVENT_RESIZE = 3,
    GD_EVENT_MOUSE = 4,     // a click (x, y set)
};

enum {
    GD_KEY_UP = 1, GD_KEY_DOWN, GD_KEY_LEFT, GD_KEY_RIGHT,
    GD_KEY_HOME, GD_KEY_END, GD_KEY_PAGE_UP, GD_KEY_PAGE_DOWN,
    GD_KEY_BACKSPACE, GD_KEY_DELETE, GD_KEY_ENTER, GD_KEY_BACKTAB,
    GD_KEY_F1, GD_KEY_OTHER,
};

/// Checks that stdin and stdout are terminals and TERM can address the
/// cursor, then starts curses with newterm (which, unlike initscr, returns
/// an error instead of exiting). Returns 0, or -1 with a one-line reason in `error`.
int gd_start(char *error, int error_length);

/// Restores the terminal. Safe to call more than once.
void gd_stop(void);

/// Whether the locale's character set is UTF-8 (after gd_start set the locale).
int gd_locale_is_utf8(void);

/// Waits up to `timeout_ms` (-1: forever) for input.
int gd_read_key(int timeout_ms, uint32_t *code, int *x, int *y);

void gd_size(int *width, int *height);

/// Colour support: the number of colours, and pair set-up.
int gd_colors(void);
/// Defines pair `pair` (1…) as foreground/background colour numbers (-1 = terminal default).
int gd_init_pair(int pair, int fg, int bg);

void gd_erase(void);
/// The pair erased cells take (the theme's background): 0 for the terminal's own.
void gd_background(int pair);
/// Writes one cell; `ch` is a Unicode scalar, `pair` 0 for default colours.
void gd_put(int y, int x, uint32_t ch, int pair, int attrs);
/// Writes one cell holding a grapheme cluster: `chars` are its `count` Unicode
/// scalars, a spacing character then non-spacing ones (combining marks,
/// variation selectors); ncurses keeps at most CCHARW_MAX of them. A wide
/// character covers the next cell too, which the caller leaves alone.
void gd_put_text(int y, int x, const uint32_t *chars, int count, int pair, int attrs);
void gd_refresh(void);
void gd_beep(void);

/// Installs SIGINT/SIGTERM/SIGHUP handlers that only record the signal, and
/// fatal-signal handlers that restore the terminal before the process dies.
void gd_install_signal_handlers(void);
/// The first termination signal received since start, or 0.
int gd_pending_signal(void);

/// Bytes written to the headless pseudo-terminal since start (benchmarks).
uint64_t gd_bytes_written(void);

/// Starts curses on a pseudo-terminal whose output is counted and dropped
/// (benchmarks): `term` names the terminfo entry, size is forced.
int gd_start_headless(const char *term, int width, int height, char *error, int error_length);

#endif
