/* What a Markdown cell leaves open, closed at its end (nb_cells.h).
 * Jupyter renders each cell alone; octavo parses the cells as one text,
 * where an open fence, or an HTML block of the kinds CommonMark ends only
 * at their end marker (<pre>, <script>, <style>, <textarea>, "<!--",
 * "<?", "<!X", "<![CDATA["), would run on through every later cell. The
 * other HTML blocks end at a blank line, which follows every cell. */
#include "ingest/formats/nb_cells.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef struct {
    char fence;      /* the open fence's character, or 0 */
    size_t flen;     /* its length */
    const char *end; /* the open HTML block's end marker, or NULL */
    char tag[12];    /* its element (pre, script...), for the message */
    int line;        /* where it opened */
} cell_state;

static const char *const RAW_TAGS[] = {"pre", "script", "style", "textarea"};

/* The HTML block of CommonMark's kinds 1-5 opening at s (after up to
 * three spaces): its end marker, else NULL. */
static const char *html_open(const char *s, size_t n, char tag[12], char *closer, size_t cap)
{
    if (n < 2 || s[0] != '<') return NULL;
    for (size_t k = 0; k < sizeof RAW_TAGS / sizeof *RAW_TAGS; k++) {
        size_t t = strlen(RAW_TAGS[k]);
        if (n >= t + 1 && !strncasecmp(s + 1, RAW_TAGS[k], t) &&
            (n == t + 1 || s[t + 1] == '>' || s[t + 1] == ' ' || s[t + 1] == '\t')) {
            snprintf(tag, 12, "<%s>", RAW_TAGS[k]);
            snprintf(closer, cap, "</%s>", RAW_TAGS[k]);
            return closer;
        }
    }
    const char *end = n >= 4 && !memcmp(s, "<!--", 4)        ? "-->"
                      : n >= 2 && s[1] == '?'                ? "?>"
                      : n >= 9 && !memcmp(s, "<![CDATA[", 9) ? "]]>"
                      : n >= 3 && s[1] == '!' && ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'z')
                          ? ">"
                          : NULL;
    if (end) snprintf(tag, 12, "%s", !strcmp(end, "-->") ? "<!--" : s[1] == '?' ? "<?" : "<!");
    return end;
}

/* Whether s[0..n) holds needle (ASCII case-insensitive). */
static bool holds(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (!strncasecmp(s + i, needle, k)) return true;
    return false;
}

static void fence_line(cell_state *st, const char *s, size_t len, size_t ind)
{
    char c = s[ind];
    size_t k = ind;
    while (k < len && s[k] == c)
        k++;
    if (k - ind < 3) return;
    if (!st->fence) {
        if (c == '`' && memchr(s + k, '`', len - k)) return; /* inline code */
        st->fence = c;
        st->flen = k - ind;
    } else if (c == st->fence && k - ind >= st->flen && strspn(s + k, " \t") >= len - k)
        st->fence = 0;
}

void nb_close_cell(nb_writer *w, const nb_lines *src)
{
    cell_state st = {0};
    char closer[16];
    size_t pos = 0, len, i = 0;
    for (const char *s; (s = nb_lines_next(src, &pos, &len)); i++) {
        if (st.end) { /* inside an HTML block: only its end marker counts */
            if (holds(s, len, st.end)) st.end = NULL;
            continue;
        }
        size_t ind = 0;
        while (ind < len && ind < 4 && s[ind] == ' ')
            ind++;
        if (ind > 3 || ind >= len) continue;
        if (s[ind] == '`' || s[ind] == '~') {
            fence_line(&st, s, len, ind);
        } else if (!st.fence &&
                   (st.end = html_open(s + ind, len - ind, st.tag, closer, sizeof closer))) {
            st.line = src->map[i];
            /* the marker may close it on its own line, after the opener */
            if (holds(s + ind + 2, len - ind - 2, st.end)) st.end = NULL;
        }
    }
    int last = src->n ? src->map[src->n - 1] : w->cell_line;
    if (st.fence) {
        char fence[64];
        size_t flen = st.flen < sizeof fence - 1 ? st.flen : sizeof fence - 1;
        memset(fence, st.fence, flen);
        nb_lines_put(&w->md, fence, flen, last);
    } else if (st.end) {
        oct_diag_report(w->diag, OCT_WARNING, w->path, st.line, 1, "html-unclosed",
                        "cell %d: %s has no end (%s): it ends with its cell, as Jupyter shows it",
                        w->cell, st.tag, st.end);
        nb_lines_put(&w->md, st.end, strlen(st.end), last);
    }
}
