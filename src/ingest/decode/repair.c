/* Mojibake repair, after ftfy's approach: find runs of characters that a
 * code page (Windows-1252 with Latin-1's C1 controls, or MacRoman) turns
 * back into complete UTF-8 sequences (repair_segment.c), decode those
 * bytes, and keep the result only where it is clearly more plausible than
 * what was there (repair_plan.c, scored by repair_badness.c).
 *
 * One left-to-right scan tries both code pages at every non-ASCII
 * character and takes the better plan, so a run of MacRoman mojibake is
 * judged as MacRoman from its first character instead of being picked
 * apart by Windows-1252 from the middle (and vice versa). Each code page
 * keeps its own cursor: a run it has judged is not scanned again, which
 * keeps the whole thing linear. Layered mojibake (UTF-8 read wrongly
 * twice) is undone by repairing a candidate's decoded text again before
 * judging it. Only non-ASCII characters are replaced, and only by
 * printable non-ASCII ones, so no newline can appear or vanish. */
#include "ingest/decode/repair.h"
#include "ingest/decode/codepages.h"
#include "ingest/decode/repair_plan.h"
#include "ingest/decode/repair_segment.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NCP 2
static const oct_codepage codepages[NCP] = {OCT_CP_WINDOWS_1252, OCT_CP_MACROMAN};

typedef struct {
    const char *text;
    size_t len;
    int depth;
    oct_buf out;
    oct_buf flags; /* one byte per output byte, top level only */
    size_t copy_from;
    unsigned used; /* OCT_RF_* bits of every repair made */
    oct_repair_segment seg[NCP];
    oct_repair_plan plan[NCP];
} scan_state;

static void flush_to(scan_state *st, size_t upto)
{
    if (upto <= st->copy_from) return;
    size_t n = upto - st->copy_from;
    oct_buf_put(&st->out, st->text + st->copy_from, n);
    if (st->depth == 0) {
        oct_buf_grow(&st->flags, n);
        memset(st->flags.data + st->flags.len, 0, n);
        st->flags.len += n;
    }
    st->copy_from = upto;
}

static void apply_plan(scan_state *st, const oct_repair_plan *p)
{
    for (size_t e = 0; e < p->nedit; e++) {
        const oct_repair_edit *ed = &p->edit[e];
        flush_to(st, ed->start);
        size_t before = st->out.len;
        for (size_t i = 0; i < ed->count; i++)
            oct_buf_put_utf8(&st->out, p->cps.v[ed->first + i]);
        if (st->depth == 0) {
            size_t n = st->out.len - before;
            oct_buf_grow(&st->flags, n);
            memset(st->flags.data + st->flags.len, (int)(ed->bits | OCT_RF_REPAIRED), n);
            st->flags.len += n;
        }
        st->used |= ed->bits;
        st->copy_from = ed->end;
    }
}

/* The last (up to) OCT_REPAIR_CONTEXT code points written, oldest first. */
static void left_context(const oct_buf *out, oct_repair_context *cx)
{
    size_t end = out->len, got = 0, l;
    uint32_t rev[OCT_REPAIR_CONTEXT];
    while (got < OCT_REPAIR_CONTEXT && end > 0) {
        size_t start = end - 1;
        while (start > 0 && end - start < 4 && ((unsigned char)out->data[start] & 0xC0) == 0x80)
            start--;
        rev[got++] = oct_utf8_decode(out->data + start, end - start, &l);
        end = start;
    }
    for (size_t i = 0; i < got; i++)
        cx->lc[i] = rev[got - 1 - i];
    cx->nl = got;
}

static void right_context(const char *t, size_t len, size_t pos, oct_repair_context *cx)
{
    size_t l;
    cx->nr = 0;
    while (cx->nr < OCT_REPAIR_CONTEXT && pos < len) {
        cx->rc[cx->nr++] = oct_utf8_decode(t + pos, len - pos, &l);
        pos += l;
    }
}

/* The right code page explains a whole run of mojibake; a wrong one
 * usually only part of it, leaving debris. So the plan that replaces more
 * input wins, and the one that removes more badness breaks ties. */
static bool better(const oct_repair_plan *a, const oct_repair_plan *b)
{
    size_t ea = a->edit[a->nedit - 1].end, eb = b->edit[b->nedit - 1].end;
    if (ea != eb) return ea > eb;
    return a->gain > b->gain;
}

/* Judges the candidates of every code page starting at byte i; applies
 * the best plan and returns where scanning resumes. */
static size_t judge_at(scan_state *st, size_t i, size_t done[NCP])
{
    int best = -1;
    for (int c = 0; c < NCP; c++) {
        if (i < done[c]) continue;
        size_t n = oct_repair_segment_scan(&st->seg[c], st->text, st->len, i, codepages[c]);
        if (n == 0) continue;
        const oct_repair_segment *seg = &st->seg[c];
        done[c] = seg->seq[n - 1].end;
        /* A spotless repair of a run at least as long cannot be beaten:
         * the same characters scored the same badness before. */
        if (best >= 0 && st->plan[best].clean && done[c] <= done[best]) continue;
        flush_to(st, i);
        oct_repair_context cx;
        left_context(&st->out, &cx);
        right_context(st->text, st->len, done[c], &cx);
        oct_repair_plan_segment(&st->plan[c], seg, codepages[c], &cx, st->depth);
        if (st->plan[c].nedit > 0 && (best < 0 || better(&st->plan[c], &st->plan[best]))) best = c;
    }
    if (best >= 0) {
        apply_plan(st, &st->plan[best]);
        if (st->copy_from > i) return st->copy_from;
    }
    size_t l;
    oct_utf8_decode(st->text + i, st->len - i, &l);
    return i + l;
}

/* Where the next non-ASCII byte at or after i is (len if none). Notes are
 * mostly ASCII, so this goes eight bytes at a time. */
static size_t skip_ascii(const char *t, size_t i, size_t len)
{
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
    }
    while (i < len && (unsigned char)t[i] < 0x80)
        i++;
    return i;
}

/* Repairs text[0..len) at layer `depth`; the result is in st->out. */
static void scan(scan_state *st)
{
    size_t done[NCP] = {0};
    size_t i = 0;
    oct_buf_grow(&st->out, st->len);
    st->out.data[0] = '\0'; /* the output may stay empty */
    while (i < st->len) {
        i = skip_ascii(st->text, i, st->len);
        if (i < st->len) i = judge_at(st, i, done);
    }
    flush_to(st, st->len);
}

static void state_free(scan_state *st)
{
    for (int c = 0; c < NCP; c++) {
        oct_repair_segment_free(&st->seg[c]);
        oct_repair_plan_free(&st->plan[c]);
    }
    oct_buf_free(&st->flags);
    oct_buf_free(&st->out);
}

char *oct_repair_layer(const char *s, size_t n, int depth, size_t *out_len, unsigned *used)
{
    scan_state st = {.text = s, .len = n, .depth = depth};
    scan(&st);
    *used |= st.used;
    *out_len = st.out.len;
    char *r = oct_buf_detach(&st.out);
    state_free(&st);
    return r;
}

static const struct {
    unsigned bit;
    const char *name;
} encodings[] = {
    {OCT_RF_MACROMAN, "MacRoman"}, {OCT_RF_CP1252, "Windows-1252"}, {OCT_RF_LATIN1, "Latin-1"}};
#define NENC (sizeof encodings / sizeof *encodings)

/* Where the next nonzero flag at or after i is (len if none). */
static size_t skip_zeros(const char *f, size_t i, size_t len)
{
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, f + i, 8);
        if (w) break;
        i += 8;
    }
    while (i < len && !f[i])
        i++;
    return i;
}

/* Counts maximal runs of repaired bytes, and per code page the runs that
 * involved it; reports one warning naming the code pages, most used first. */
static size_t report(const char *path, const char *flags, size_t len, oct_diag *diag)
{
    size_t runs = 0, per[NENC] = {0};
    for (size_t i = 0; i < len;) {
        if (!(flags[i] & OCT_RF_REPAIRED)) {
            i = skip_zeros(flags, i + 1, len);
            continue;
        }
        unsigned bits = 0;
        while (i < len && (flags[i] & OCT_RF_REPAIRED))
            bits |= (unsigned char)flags[i++];
        runs++;
        for (size_t e = 0; e < NENC; e++)
            if (bits & encodings[e].bit) per[e]++;
    }
    if (runs == 0 || !diag) return runs;
    oct_buf names = OCT_BUF_INIT;
    bool listed[NENC] = {false};
    for (size_t round = 0; round < NENC; round++) {
        size_t best = NENC;
        for (size_t e = 0; e < NENC; e++)
            if (!listed[e] && per[e] > 0 && (best == NENC || per[e] > per[best])) best = e;
        if (best == NENC) break;
        listed[best] = true;
        oct_buf_printf(&names, "%s%s", names.len ? ", " : "", encodings[best].name);
    }
    oct_diag_report(diag, OCT_WARNING, path, 0, 0, "mojibake",
                    "repaired %zu mis-decoded character sequence%s (UTF-8 read as %s)", runs,
                    runs == 1 ? "" : "s", names.len ? names.data : "?");
    oct_buf_free(&names);
    return runs;
}

char *oct_repair_mojibake(const char *path, const char *text, size_t len, size_t *out_len,
                          size_t *repairs, oct_diag *diag)
{
    scan_state st = {.text = text, .len = len, .depth = 0};
    scan(&st);
    *repairs = report(path, st.flags.data, st.flags.len, diag);
    *out_len = st.out.len;
    char *r = oct_buf_detach(&st.out);
    state_free(&st);
    return r;
}
