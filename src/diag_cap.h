/* Repeated warnings capped: a source that repeats one problem a thousand
 * times says so in eleven lines, not a thousand. The first `limit` of a
 * kind are reported one by one; the rest are gathered (how many, the
 * first names and lines) for one summary line at the end. Shared by the
 * Word and OpenDocument readers' unknown content (docbuild.c) and the
 * pictures' warnings (images.c, docpics.c). */
#ifndef OCT_DIAG_CAP_H
#define OCT_DIAG_CAP_H
#include "diag.h"
#include "util/buf.h"

#include <stdbool.h>

enum { OCT_CAP_NAMES = 5, OCT_CAP_LINES = 8 };

/* One kind's count. Zeroed is ready; release with oct_diag_cap_free. */
typedef struct {
    int shown, more;
    oct_buf names; /* the first OCT_CAP_NAMES gathered, ", "-joined */
    int lines[OCT_CAP_LINES];
} oct_diag_cap;

/* Whether the next one (name, at line) is reported by itself (true: the
 * first `limit`), else it is gathered. */
bool oct_diag_cap_take(oct_diag_cap *c, int limit, const char *name, int line);
/* "a.png, b.png, ...; first on lines 3, 5, ..." of the gathered ones. */
void oct_diag_cap_describe(const oct_diag_cap *c, oct_buf *b);
void oct_diag_cap_free(oct_diag_cap *c);

/* Caps by code for one file's warnings. Zeroed and then given d, file
 * and limit is ready; oct_diag_capped_finish reports the summaries and
 * releases it. */
typedef struct {
    oct_diag *d;
    const char *file;
    int limit;
    struct oct_diag_capped_code {
        const char *code; /* a static string */
        oct_diag_cap cap;
    } * v;
    size_t n, cap;
} oct_diag_capped;

/* A warning of code about name at line:col, reported or gathered. */
void oct_diag_capped_report(oct_diag_capped *s, int line, int col, const char *code,
                            const char *name, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* One line per code past its cap: "and N more <what>, without a warning
 * each (names; first on lines ...) [code]". */
void oct_diag_capped_finish(oct_diag_capped *s, const char *what);
/* Releases s without a summary (after finish, or on a failed read). */
void oct_diag_capped_free(oct_diag_capped *s);

#endif
