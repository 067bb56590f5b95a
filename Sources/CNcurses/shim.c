#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE 1
#define NCURSES_WIDECHAR 1
#include "CNcurses.h"

#include <errno.h>
#include <fcntl.h>
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
//
// Every signal whose default action ends the process either asks the loop to
// quit (termination signals: a handler sets a flag, the loop restores the
// terminal and ends the recording) or, for a crash, restores the terminal in
// the handler, says where the crash log is, and hands the signal back to whoever
// handled it before (the Swift runtime's backtracer, which writes the log).

static const int termination_signals[] = {
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM,
    SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT, SIGXCPU,
};
static const int fatal_signals[] = { SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGABRT, SIGSYS };
static struct sigaction previous_fatal[NSIG];

// While the console is up, stderr (fd 2) goes to a diagnostics file: nothing
// written there can scribble over the screen, and a crash's message and
// backtrace land in it. The terminal's stderr is kept here for the crash notice.
static int saved_stderr = -1;
static char diagnostics_path[1024];

static void on_termination(int signal_number) {
    if (pending_signal == 0) pending_signal = signal_number;
}

static void write_all_to(int fd, const char *text) {
    size_t length = strlen(text);
    while (length > 0) {
        ssize_t n = write(fd, text, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        text += n;
        length -= (size_t)n;
    }
}

static void write_all(const char *text) { write_all_to(STDOUT_FILENO, text); }

static const char *signal_name(int signal_number) {
    switch (signal_number) {
    case SIGSEGV: return "segmentation fault";
    case SIGILL: return "illegal instruction: a Swift runtime check failed";
    case SIGTRAP: return "trace trap";
    case SIGBUS: return "bus error";
    case SIGFPE: return "arithmetic error";
    case SIGABRT: return "aborted";
    case SIGSYS: return "bad system call";
    default: return "fatal signal";
    }
}

// A crash must not leave the terminal raw and on the alternate screen. Only
// async-signal-safe calls: restore termios, write the reset sequences, name the
// crash log, then give the signal to the previous handler.
static void on_fatal(int signal_number, siginfo_t *info, void *context) {
    (void)context;
    int notice = saved_stderr >= 0 ? saved_stderr : STDERR_FILENO;
    int console_was_up = started;
    if (started) {
        if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &original_termios);
        write_all("\033[?1000l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n");
    }
    write_all_to(notice, "gameday crashed (");
    write_all_to(notice, signal_name(signal_number));
    write_all_to(notice, console_was_up ? "); the terminal is restored" : ")");
    if (saved_stderr >= 0 && diagnostics_path[0]) {
        write_all_to(notice, ". Crash log: ");
        write_all_to(notice, diagnostics_path);
    }
    write_all_to(notice, "\n");
    sigaction(signal_number, &previous_fatal[signal_number], NULL);
    // A fault (si_code > 0) happens again when the handler returns, now delivered to
    // the previous handler with its true context; a sent signal (abort, kill) is re-raised.
    if (info == NULL || info->si_code <= 0) raise(signal_number);
}

void gd_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_termination;
    action.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the loop sees the flag
    for (size_t i = 0; i < sizeof termination_signals / sizeof termination_signals[0]; ++i) {
        sigaction(termination_signals[i], &action, NULL);
    }
    for (int n = SIGRTMIN; n <= SIGRTMAX; ++n) sigaction(n, &action, NULL);
    // Past a file size limit a write fails with EFBIG instead: the recording stops, the game goes on.
    signal(SIGXFSZ, SIG_IGN);
    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    sigemptyset(&fatal.sa_mask);
    fatal.sa_sigaction = on_fatal;
    fatal.sa_flags = SA_SIGINFO | SA_ONSTACK;
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; ++i) {
        struct sigaction previous;
        sigaction(fatal_signals[i], &fatal, &previous);
        // Installed twice (a second screen in one process): keep the first previous handler.
        if (previous.sa_sigaction != on_fatal) previous_fatal[fatal_signals[i]] = previous;
    }
}

int gd_pending_signal(void) { return pending_signal; }

int gd_divert_stderr(int fd, const char *path) {
    if (saved_stderr >= 0) return 0;
    int saved = dup(STDERR_FILENO);
    if (saved < 0) return -1;
    if (dup2(fd, STDERR_FILENO) < 0) {
        close(saved);
        return -1;
    }
    fcntl(saved, F_SETFD, FD_CLOEXEC);
    strncpy(diagnostics_path, path, sizeof diagnostics_path - 1);
    diagnostics_path[sizeof diagnostics_path - 1] = '\0';
    saved_stderr = saved;
    return 0;
}

static void restore_stderr(void) {
    if (saved_stderr < 0) return;
    dup2(saved_stderr, STDERR_FILENO);
    close(saved_stderr);
    saved_stderr = -1;
}

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
    // Blank the alternate screen before leaving it: tmux (and top, vim… show the same)
    // lets lines drawn after the window grew stay on the normal screen otherwise.
    werase(stdscr);
    wnoutrefresh(stdscr);
    doupdate();
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
    restore_stderr();
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
