// A child process on a pseudo-terminal and its CPU time: what the console
// benchmarks need to measure gameday as a user runs it. Not part of the game.
#ifndef GAMEDAY_CPTY_H
#define GAMEDAY_CPTY_H

/// Runs `path` with `argv` (NULL-terminated) on a new pseudo-terminal of the
/// given size, with TERM=xterm-256color. Returns the child's pid and the
/// master side in `master`, or -1.
int pty_spawn(const char *path, char *const argv[], int width, int height, int *master);

/// CPU time (user + system) a process has used, in seconds, or -1.
double process_cpu_seconds(int pid);

#endif
