#include "ingest/listnum.h"

static const char *line_start(const char *text, size_t len, oct_line_cursor *cur, size_t line)
{
    if (cur->line == 0 || line < cur->line) cur->line = 1, cur->off = 0;
    while (cur->line < line) {
        while (cur->off < len && text[cur->off] != '\n')
            cur->off++;
        if (cur->off >= len) return NULL;
        cur->off++;
        cur->line++;
    }
    return text + cur->off;
}

int oct_listnum_written(const char *text, size_t len, oct_line_cursor *cur, int line, int col)
{
    if (line < 1 || col < 1) return -1;
    const char *s = line_start(text, len, cur, (size_t)line);
    if (!s) return -1;
    const char *end = text + len;
    for (int i = 1; i < col && s < end && *s != '\n'; i++)
        s++;
    while (s < end && (*s == ' ' || *s == '\t'))
        s++; /* cmark may point at the indent */
    long v = 0;
    int digits = 0;
    while (s < end && *s >= '0' && *s <= '9' && digits < 9)
        v = v * 10 + (*s++ - '0'), digits++;
    if (!digits || s >= end || (*s != '.' && *s != ')')) return -1;
    return (int)v;
}
