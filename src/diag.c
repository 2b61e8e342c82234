#include "diag.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct oct_diag {
    FILE *out;
    oct_diag_msg *msgs;
    size_t len, cap;
    size_t counts[3];
    oct_diag_style style;
    /* -W no-CODE and -W error=CODE: one entry per code, the later wins */
    struct policy {
        char *code;
        bool promote; /* false: silence */
    } * policy;
    size_t npolicy, cappolicy;
    void (*before_print)(void *);
    void *before_ctx;
};

oct_diag *oct_diag_new(FILE *out)
{
    oct_diag *d = oct_xcalloc(1, sizeof *d);
    d->out = out;
    return d;
}

void oct_diag_free(oct_diag *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->len; i++) {
        free(d->msgs[i].file);
        free(d->msgs[i].code);
        free(d->msgs[i].message);
    }
    free(d->msgs);
    for (size_t i = 0; i < d->npolicy; i++)
        free(d->policy[i].code);
    free(d->policy);
    free(d);
}

const char *oct_severity_name(oct_severity sev)
{
    switch (sev) {
    case OCT_ERROR:
        return "error";
    case OCT_WARNING:
        return "warning";
    default:
        return "note";
    }
}

static struct policy *find_policy(const oct_diag *d, const char *code)
{
    for (size_t i = 0; i < d->npolicy; i++)
        if (strcmp(d->policy[i].code, code) == 0) return &d->policy[i];
    return NULL;
}

static void set_policy(oct_diag *d, const char *code, bool promote)
{
    struct policy *p = find_policy(d, code);
    if (!p) {
        OCT_GROW(d->policy, d->cappolicy, d->npolicy + 1);
        p = &d->policy[d->npolicy++];
        p->code = oct_xstrdup(code);
    }
    p->promote = promote;
}

void oct_diag_silence(oct_diag *d, const char *code)
{
    set_policy(d, code, false);
}

void oct_diag_promote(oct_diag *d, const char *code)
{
    set_policy(d, code, true);
}

void oct_diag_set_style(oct_diag *d, oct_diag_style style)
{
    d->style = style;
}

void oct_diag_set_before_print(oct_diag *d, void (*fn)(void *), void *ctx)
{
    d->before_print = fn;
    d->before_ctx = ctx;
}

/* Appends m (its strings now owned by d) and prints it when d prints. */
static void keep(oct_diag *d, oct_diag_msg m)
{
    OCT_GROW(d->msgs, d->cap, d->len + 1);
    d->msgs[d->len++] = m;
    d->counts[m.severity]++;
    if (d->out) {
        if (d->before_print) d->before_print(d->before_ctx);
        oct_diag_print_as(&d->msgs[d->len - 1], d->style, d->out);
    }
}

void oct_diag_report(oct_diag *d, oct_severity sev, const char *file, int line, int col,
                     const char *code, const char *fmt, ...)
{
    if (!d) return; /* callers that do not care (tests, probes) pass NULL */
    const struct policy *pol = find_policy(d, code ? code : "general");
    if (pol && pol->promote) sev = OCT_ERROR;
    if (pol && !pol->promote && sev != OCT_ERROR) return;
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = oct_xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    va_end(ap2);

    keep(d, (oct_diag_msg){sev, file ? oct_xstrdup(file) : NULL, line, col,
                           oct_xstrdup(code ? code : "general"), msg});
}

oct_diag *oct_diag_new_buffer(const oct_diag *parent)
{
    oct_diag *d = oct_diag_new(NULL);
    d->style = parent->style;
    for (size_t i = 0; i < parent->npolicy; i++)
        set_policy(d, parent->policy[i].code, parent->policy[i].promote);
    return d;
}

void oct_diag_flush(oct_diag *into, oct_diag *from)
{
    if (!from) return;
    /* the policy was applied as each message was reported: keep them as they are */
    for (size_t i = 0; i < from->len; i++)
        keep(into, from->msgs[i]);
    from->len = 0;
    memset(from->counts, 0, sizeof from->counts);
}

void oct_diag_map_lines(oct_diag *d, const char *file, const int *map,
                        const unsigned char *keep_col, size_t n)
{
    for (size_t i = 0; d && i < d->len; i++) {
        oct_diag_msg *m = &d->msgs[i];
        if (!m->file || strcmp(m->file, file) != 0 || m->line < 1 || (size_t)m->line > n) continue;
        if (!keep_col || !keep_col[m->line - 1]) m->col = 0;
        m->line = map[m->line - 1];
    }
}

void oct_diag_print(const oct_diag_msg *m, FILE *out)
{
    if (m->file && m->line > 0)
        fprintf(out, "%s:%d:%d: ", m->file, m->line, m->col > 0 ? m->col : 1);
    else if (m->file)
        fprintf(out, "%s: ", m->file);
    else
        fputs("octavo: ", out);
    fprintf(out, "%s: %s [%s]\n", oct_severity_name(m->severity), m->message, m->code);
}

size_t oct_diag_count(const oct_diag *d, oct_severity sev)
{
    return d->counts[sev];
}

size_t oct_diag_size(const oct_diag *d)
{
    return d->len;
}

const oct_diag_msg *oct_diag_at(const oct_diag *d, size_t i)
{
    return i < d->len ? &d->msgs[i] : NULL;
}
