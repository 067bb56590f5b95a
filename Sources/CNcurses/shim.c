#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE 1
#define NCURSES_WIDECHAR 1
#include "CNcurses.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <pthread.h>
#include <pty.h>
#include <sys/ioctl.h>

static SCREEN *screen = NULL;
static FILE *output = NULL;
static FILE *input = NULL;
static int started = 0;
static int have_termios = 0;
static struct termios original_termios;
static volatile sig_atomic_t pending_signal = 0;
static uint64_t bytes_written = 0;

// --- headless output: a pseudo-terminal whose other end is drained and counted

static int pty_master = -1;
static pthread_t drain_thread;
static volatile int draining = 0;

static void *drain(void *unused) {
    (void)unused;
    char buffer[8192];
    while (draining) {
        ssize_t n = read(pty_master, buffer, sizeof buffer);
        if (n > 0) __atomic_add_fetch(&bytes_written, (uint64_t)n, __ATOMIC_RELAXED);
        else if (n < 0 && errno != EINTR) break;
    }
    return NULL;
}

// --- signals ---------------------------------------------------------------

static void on_termination(int signal_number) {
    if (pending_signal == 0) pending_signal = signal_number;
}

static void write_all(const char *text) {
    size_t length = strlen(text);
    while (length > 0) {
        ssize_t n = write(STDOUT_FILENO, text, length);
        if (n <= 0) return;
        text += n;
        length -= (size_t)n;
    }
}

// A crash must not leave the terminal raw and on the alternate screen. Only
// async-signal-safe calls: restore termios, write the reset sequences, re-raise.
static void on_fatal(int signal_number) {
    if (started) {
        if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &original_termios);
        write_all("\033[?1000l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n");
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void gd_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_termination;
    action.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the loop sees the flag
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    sigemptyset(&fatal.sa_mask);
    fatal.sa_handler = on_fatal;
    fatal.sa_flags = (int)SA_RESETHAND;
    sigaction(SIGSEGV, &fatal, NULL);
    sigaction(SIGILL, &fatal, NULL);
    sigaction(SIGTRAP, &fatal, NULL);
    sigaction(SIGBUS, &fatal, NULL);
    sigaction(SIGFPE, &fatal, NULL);
    sigaction(SIGABRT, &fatal, NULL);
}

int gd_pending_signal(void) { return pending_signal; }

// --- start and stop --------------------------------------------------------

static void set_error(char *error, int length, const char *text) {
    if (error && length > 0) {
        strncpy(error, text, (size_t)length - 1);
        error[length - 1] = '\0';
    }
}

static void configure_screen(void) {
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    leaveok(stdscr, TRUE);
    curs_set(0);
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
    mouseinterval(0);
    set_escdelay(25);
}

int gd_start(char *error, int error_length) {
    setlocale(LC_ALL, "");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        set_error(error, error_length, "stdin and stdout must be a terminal (for scripts use: gameday simulate)");
        return -1;
    }
    const char *term = getenv("TERM");
    if (!term || !*term) {
        set_error(error, error_length, "TERM is not set: cannot drive the terminal");
        return -1;
    }
    int status = 0;
    if (setupterm((char *)term, STDOUT_FILENO, &status) != OK) {
        char text[256];
        snprintf(text, sizeof text, "unknown terminal type TERM=%s (no terminfo entry)", term);
        set_error(error, error_length, text);
        return -1;
    }
    const char *cup = tigetstr("cup");
    int addressable = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    if (!addressable) {
        char text[256];
        snprintf(text, sizeof text, "terminal TERM=%s cannot address the cursor", term);
        set_error(error, error_length, text);
        return -1;
    }
    if (tcgetattr(STDIN_FILENO, &original_termios) == 0) have_termios = 1;
    screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        set_error(error, error_length, "ncurses could not start on this terminal");
        return -1;
    }
    set_term(screen);
    started = 1;
    configure_screen();
    return 0;
}

int gd_start_headless(const char *term, int width, int height, char *error, int error_length) {
    setlocale(LC_ALL, "");
    int slave = -1;
    struct winsize size = {.ws_row = (unsigned short)height, .ws_col = (unsigned short)width};
    if (openpty(&pty_master, &slave, NULL, NULL, &size) != 0) {
        set_error(error, error_length, "cannot open a pseudo-terminal");
        return -1;
    }
    draining = 1;
    pthread_create(&drain_thread, NULL, drain, NULL);
    output = fdopen(slave, "w");
    input = fdopen(dup(slave), "r");
    if (!output || !input) {
        set_error(error, error_length, "cannot open headless streams");
        return -1;
    }
    screen = newterm(term, output, input);
    if (!screen) {
        set_error(error, error_length, "unknown terminal type for headless ncurses");
        return -1;
    }
    set_term(screen);
    started = 1;
    configure_screen();
    return 0;
}

void gd_stop(void) {
    if (!started) return;
    started = 0;
    mousemask(0, NULL);
    curs_set(1);
    endwin();
    fflush(stdout);
    if (screen) {
        delscreen(screen);
        screen = NULL;
    }
    if (output) { fclose(output); output = NULL; }
    if (input) { fclose(input); input = NULL; }
    if (pty_master >= 0) {
        draining = 0;
        close(pty_master);
        pthread_join(drain_thread, NULL);
        pty_master = -1;
    }
    if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &original_termios);
}

int gd_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// --- input -----------------------------------------------------------------

static uint32_t translate_key(wint_t key) {
    switch (key) {
    case KEY_UP: return GD_KEY_UP;
    case KEY_DOWN: return GD_KEY_DOWN;
    case KEY_LEFT: return GD_KEY_LEFT;
    case KEY_RIGHT: return GD_KEY_RIGHT;
    case KEY_HOME: return GD_KEY_HOME;
    case KEY_END: return GD_KEY_END;
    case KEY_PPAGE: return GD_KEY_PAGE_UP;
    case KEY_NPAGE: return GD_KEY_PAGE_DOWN;
    case KEY_BACKSPACE: return GD_KEY_BACKSPACE;
    case KEY_DC: return GD_KEY_DELETE;
    case KEY_ENTER: return GD_KEY_ENTER;
    case KEY_BTAB: return GD_KEY_BACKTAB;
    case KEY_F(1): return GD_KEY_F1;
    default: return GD_KEY_OTHER;
    }
}

int gd_read_key(int timeout_ms, uint32_t *code, int *x, int *y) {
    if (!started) return GD_EVENT_NONE;
    timeout(timeout_ms);
    wint_t key = 0;
    int kind = wget_wch(stdscr, &key);
    if (kind == ERR) return GD_EVENT_NONE;
    if (kind == KEY_CODE_YES) {
        if (key == KEY_RESIZE) return GD_EVENT_RESIZE;
        if (key == KEY_MOUSE) {
            MEVENT event;
            if (getmouse(&event) == OK && (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))) {
                *x = event.x;
                *y = event.y;
                return GD_EVENT_MOUSE;
            }
            return GD_EVENT_NONE;
        }
        *code = translate_key(key);
        return GD_EVENT_KEY;
    }
    *code = (uint32_t)key;
    return GD_EVENT_CHAR;
}

void gd_size(int *width, int *height) {
    if (!started) { *width = 0; *height = 0; return; }
    *width = getmaxx(stdscr);
    *height = getmaxy(stdscr);
}

// --- colour and drawing ------------------------------------------------------

int gd_colors(void) { return started && has_colors() ? COLORS : 0; }
int gd_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg) == OK ? 0 : -1; }

void gd_erase(void) { if (started) werase(stdscr); }

void gd_background(int pair) {
    if (!started) return;
    cchar_t blank;
    wchar_t space[] = { L' ', 0 };
    if (setcchar(&blank, space, A_NORMAL, 0, &pair) == OK) wbkgrndset(stdscr, &blank);
}

static void put_wide_text(int y, int x, const wchar_t *text, int pair, int attrs) {
    attr_t a = A_NORMAL;
    if (attrs & GD_ATTR_BOLD) a |= A_BOLD;
    if (attrs & GD_ATTR_DIM) a |= A_DIM;
    if (attrs & GD_ATTR_REVERSE) a |= A_REVERSE;
    if (attrs & GD_ATTR_UNDERLINE) a |= A_UNDERLINE;
    cchar_t cell;
    if (setcchar(&cell, text, a, 0, &pair) == OK) mvwadd_wch(stdscr, y, x, &cell);
}

void gd_put(int y, int x, uint32_t ch, int pair, int attrs) {
    if (!started) return;
    wchar_t text[2] = {(wchar_t)ch, L'\0'};
    put_wide_text(y, x, text, pair, attrs);
}

void gd_put_text(int y, int x, const uint32_t *chars, int count, int pair, int attrs) {
    if (!started || count <= 0) return;
    // A cell holds a spacing character and up to CCHARW_MAX - 1 non-spacing ones.
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; ++i) text[i] = (wchar_t)chars[i];
    text[n] = L'\0';
    put_wide_text(y, x, text, pair, attrs);
}

void gd_refresh(void) {
    if (!started) return;
    wnoutrefresh(stdscr);
    doupdate();
}

void gd_beep(void) { if (started) beep(); }

uint64_t gd_bytes_written(void) { return __atomic_load_n(&bytes_written, __ATOMIC_RELAXED); }
