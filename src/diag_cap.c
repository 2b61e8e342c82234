/* Capping repeated warnings (diag_cap.h). */
#include "diag_cap.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool oct_diag_cap_take(oct_diag_cap *c, int limit, const char *name, int line)
{
    if (c->shown < limit) {
        c->shown++;
        return true;
    }
    if (c->more < OCT_CAP_NAMES)
        oct_buf_printf(&c->names, "%s%s", c->more ? ", " : "", name ? name : "");
    if (c->more < OCT_CAP_LINES) c->lines[c->more] = line;
    c->more++;
    return false;
}

void oct_diag_cap_describe(const oct_diag_cap *c, oct_buf *b)
{
    int n = c->more < OCT_CAP_LINES ? c->more : OCT_CAP_LINES;
    oct_buf_printf(b, "%s%s; first on lines ", c->names.data ? c->names.data : "",
                   c->more > OCT_CAP_NAMES ? ", ..." : "");
    for (int k = 0; k < n; k++)
        oct_buf_printf(b, "%s%d", k ? ", " : "", c->lines[k]);
    if (c->more > n) oct_buf_puts(b, ", ...");
}

void oct_diag_cap_free(oct_diag_cap *c)
{
    oct_buf_free(&c->names);
    memset(c, 0, sizeof *c);
}

static oct_diag_cap *cap_of(oct_diag_capped *s, const char *code)
{
    for (size_t k = 0; k < s->n; k++)
        if (!strcmp(s->v[k].code, code)) return &s->v[k].cap;
    OCT_GROW(s->v, s->cap, s->n + 1);
    memset(&s->v[s->n], 0, sizeof *s->v);
    s->v[s->n].code = code;
    return &s->v[s->n++].cap;
}

void oct_diag_capped_report(oct_diag_capped *s, int line, int col, const char *code,
                            const char *name, const char *fmt, ...)
{
    if (!oct_diag_cap_take(cap_of(s, code), s->limit, name, line)) return;
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    oct_diag_report(s->d, OCT_WARNING, s->file, line, col, code, "%s", msg);
}

void oct_diag_capped_finish(oct_diag_capped *s, const char *what)
{
    for (size_t k = 0; k < s->n; k++) {
        oct_diag_cap *c = &s->v[k].cap;
        if (c->more) {
            oct_buf d = OCT_BUF_INIT;
            oct_diag_cap_describe(c, &d);
            oct_diag_report(s->d, OCT_WARNING, s->file, c->lines[0], 1, s->v[k].code,
                            "and %d more %s, without a warning each (%s)", c->more, what, d.data);
            oct_buf_free(&d);
        }
    }
    oct_diag_capped_free(s);
}

void oct_diag_capped_free(oct_diag_capped *s)
{
    for (size_t k = 0; k < s->n; k++)
        oct_diag_cap_free(&s->v[k].cap);
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}
