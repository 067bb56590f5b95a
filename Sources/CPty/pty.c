#define _GNU_SOURCE 1
#include "CPty.h"

#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int pty_spawn(const char *path, char *const argv[], int width, int height, int *master) {
    struct winsize size = {.ws_row = (unsigned short)height, .ws_col = (unsigned short)width};
    // Set before fork: between fork and exec only async-signal-safe calls are safe in a
    // process with threads (setenv may wait for a lock another thread held at fork time).
    setenv("TERM", "xterm-256color", 1);
    pid_t pid = forkpty(master, NULL, NULL, &size);
    if (pid < 0) return -1;
    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    return (int)pid;
}

double process_cpu_seconds(int pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *file = fopen(path, "r");
    if (!file) return -1;
    char buffer[1024];
    size_t n = fread(buffer, 1, sizeof buffer - 1, file);
    fclose(file);
    buffer[n] = '\0';
    // Fields after the command name, which is in parentheses and may contain spaces.
    char *rest = strrchr(buffer, ')');
    if (!rest) return -1;
    unsigned long utime = 0, stime = 0;
    // state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    if (sscanf(rest + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) return -1;
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}
