#define _XOPEN_SOURCE 700 /* realpath */
#include "cli/cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* fonts/ and layouts/ are found, in order: $OCTAVO_DATA_DIR; the installed
 * data beside the executable (bin/octavo → share/octavo, the path relative
 * to the program that `cmake --install` keeps, OCTAVO_REL_DATA_DIR); the
 * directory above the executable (build/octavo → the source tree); the
 * source tree the program was configured from. Output then never depends
 * on fonts installed on the machine, and an installed tree can be moved. */

static int has_data(const char *dir)
{
    static const char *const subdirs[] = {"fonts", "layouts"};
    for (size_t i = 0; i < 2; i++) {
        char p[PATH_MAX];
        struct stat st;
        int n = snprintf(p, sizeof p, "%s/%s", dir, subdirs[i]);
        if (n < 0 || (size_t)n >= sizeof p) return 0;
        if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) return 0;
    }
    return 1;
}

#ifndef OCTAVO_REL_DATA_DIR
#define OCTAVO_REL_DATA_DIR "../share/octavo"
#endif

/* <directory of exe>/OCTAVO_REL_DATA_DIR, resolved, into dir when it holds
 * the data; returns whether it does. */
static int installed_data(const char *exe, char *dir, size_t size)
{
    char p[PATH_MAX];
    const char *slash = strrchr(exe, '/');
    if (!slash) return 0;
    int n = snprintf(p, sizeof p, "%.*s/%s", (int)(slash - exe), exe, OCTAVO_REL_DATA_DIR);
    if (n < 0 || (size_t)n >= sizeof p || !has_data(p)) return 0;
    char *real = realpath(p, NULL);
    if (!real) return 0;
    n = snprintf(dir, size, "%s", real);
    free(real);
    if (n < 0 || (size_t)n >= size) {
        dir[0] = '\0';
        return 0;
    }
    return 1;
}

const char *oct_cli_data_dir(void)
{
    static char dir[PATH_MAX];
    if (dir[0]) return dir;
    const char *env = getenv("OCTAVO_DATA_DIR");
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        if (installed_data(exe, dir, sizeof dir)) return dir;
        for (int up = 0; up < 2; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash) break;
            *slash = '\0';
            if (up == 1 && has_data(exe)) {
                snprintf(dir, sizeof dir, "%s", exe);
                return dir;
            }
        }
    }
    snprintf(dir, sizeof dir, "%s", OCTAVO_DATA_DIR);
    return dir;
}
