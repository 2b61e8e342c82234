#include "check.h"
#include "util/fileio.h"

#include <errno.h>
#include <stdlib.h>

int check_failures, check_count;

int check_done(void)
{
    printf("%d passed, %d failed\n", check_count - check_failures, check_failures);
    return check_failures ? 1 : 0;
}

char *check_read_source(const char *rel, size_t *len)
{
    const char *src = getenv("OCTAVO_SRC");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", src && *src ? src : ".", rel);
    char *buf = oct_read_file(path, 1u << 30, len);
    if (!buf) {
        fprintf(stderr, "cannot read %s: %s (set OCTAVO_SRC)\n", path, strerror(errno));
        *len = 0;
    }
    return buf;
}
