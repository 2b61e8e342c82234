#include "check.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/utf8.h"

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

bool check_valid_utf8(const char *s, size_t n)
{
    size_t i = 0, l;
    while (i < n) {
        unsigned c = oct_utf8_decode(s + i, n - i, &l);
        if (c == OCT_REPLACEMENT_CHAR && l == 1) return false;
        i += l;
    }
    return true;
}

size_t check_count_code(const oct_diag *d, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < oct_diag_size(d); i++)
        if (strcmp(oct_diag_at(d, i)->code, code) == 0) n++;
    return n;
}

char *check_run(const char *cmd, int *status)
{
    FILE *f = popen(cmd, "r");
    oct_buf b = OCT_BUF_INIT;
    *status = -1;
    if (f) {
        char chunk[4096];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
            oct_buf_put(&b, chunk, n);
        *status = pclose(f);
    }
    return oct_buf_detach(&b);
}
