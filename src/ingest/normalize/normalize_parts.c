/* Exam papers and their mark schemes, typed as papers print them. A
 * question's parts continue its number ("1 (a) State…", then "  (b)
 * Calculate…", then "(i)"), its marks end the line ("[2]", "(2 marks)"),
 * sections and instructions sit between them, and the mark scheme (under
 * "MARK SCHEME", "Lösungen", "Corrigé"…) answers each part under the same
 * label. No Markdown reader sees any of that: the lines ran together into
 * paragraphs, "1." made lists, "(a)" runs became bullets, and the study
 * pass found one question that swallowed the whole scheme.
 *
 * When the text reads as a paper (three or more labelled lines ending in
 * marks beside evidence of a paper, or labelled parts before a mark
 * scheme's caption), each labelled
 * line is written with its full label first ("1(a)", "2(b)(ii)", "1.2",
 * "3"), its indent dropped, and its marks as "[2]" (in the paper; a
 * scheme's "(1)" is a marking point and stays); "Section A" and the
 * scheme's caption become headings, and so does a worded question's
 * number alone on its line ("Problem 1 (10 points)"). *exam tells the
 * study pass (study/exam_parts.c) to read the chapter as a paper. Line
 * count unchanged (the line map stays 1:1), fenced code left alone, and
 * the output normalizes to itself. */
#include "ingest/exam_labels.h"
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { WORD_MAX = 16 };

typedef struct {
    int number;
    bool word; /* its number was worded ("Exercice 1"): "1)" is a part */
    /* that word as its line wrote it, and the blank after it ("Problem ",
     * "Q"): the labels of the question and of its parts keep it, unless a
     * line writes the number again without it ("2 a" under "Question 2") */
    char wtext[WORD_MAX + 2];
    int nparts; /* the parts of the label last written */
    char part[OCT_EXAM_DEPTH][OCT_EXAM_TOKEN];
    oct_exam_kind kind[OCT_EXAM_DEPTH];
    bool scheme; /* past the mark scheme's caption */
} paper;

/* A single "i", "v" or "x" after the letter before it ("h" → "i") is a
 * letter; else a roman numeral under the current letter. */
static oct_exam_kind part_kind(const paper *p, const oct_exam_label *l)
{
    if (l->kind[0] != OCT_EXAM_ROMAN || strlen(l->part[0]) != 1) return l->kind[0];
    if (p->nparts == 0 || p->kind[0] != OCT_EXAM_LETTER) return OCT_EXAM_LETTER;
    return p->part[0][0] + 1 == l->part[0][0] ? OCT_EXAM_LETTER : OCT_EXAM_ROMAN;
}

/* Places label l under the paper's current question: false when it is no
 * part of one (a "(b)" with no number above it, a list's "3)"). */
static bool place(paper *p, const char *s, const oct_exam_label *l)
{
    if (l->number && !(l->paren && p->word && p->number)) {
        if (l->paren) return false;
        p->number = l->number;
        p->word = l->word;
        size_t w = l->wordlen <= WORD_MAX ? l->wordlen : 0;
        memcpy(p->wtext, s, w);
        if (w && (s[w] == ' ' || s[w] == '\t')) p->wtext[w++] = ' ';
        p->wtext[w] = '\0';
        p->nparts = l->nparts;
        memcpy(p->part, l->part, sizeof p->part);
        memcpy(p->kind, l->kind, sizeof p->kind);
        return true;
    }
    if (!p->number) return false;
    oct_exam_label rel = *l;
    if (l->paren) { /* "2)" under "Exercice 1" */
        snprintf(rel.part[0], sizeof rel.part[0], "%d", l->number);
        rel.kind[0] = OCT_EXAM_DIGIT;
        rel.nparts = 1;
    }
    oct_exam_kind k = l->paren ? OCT_EXAM_DIGIT : part_kind(p, l);
    int keep = k == OCT_EXAM_ROMAN && p->nparts > 0 && p->kind[0] == OCT_EXAM_LETTER ? 1 : 0;
    if (keep + rel.nparts > OCT_EXAM_DEPTH) return false;
    for (int i = 0; i < rel.nparts; i++) {
        memcpy(p->part[keep + i], rel.part[i], OCT_EXAM_TOKEN);
        p->kind[keep + i] = i == 0 ? k : rel.kind[i];
    }
    p->nparts = keep + rel.nparts;
    return true;
}

static void put_label(oct_buf *b, const paper *p)
{
    oct_buf_printf(b, "%s%d", p->wtext, p->number);
    for (int i = 0; i < p->nparts; i++)
        oct_buf_printf(b, p->kind[i] == OCT_EXAM_DIGIT ? ".%s" : "(%s)", p->part[i]);
}

typedef struct {
    size_t text;  /* where the label's text starts (after its blanks) */
    size_t marks; /* where its marks start (n if none) */
    int nmarks;
    bool label, section, caption, stem_head;
    bool cont;          /* a line of a part's wording, its marks at the end */
    bool heads;         /* a worded number ("Exercice 1 : suites") with parts below it */
    int number, nparts; /* the paper's place after the line */
} line_info;

/* What line l says, read in the paper's state p (which it moves on). */
static line_info read_line(paper *p, const nl_raw_line *l)
{
    line_info r = {0};
    const char *s = l->s + l->lead;
    size_t n = l->n - l->lead;
    r.marks = n;
    if (l->fenced || n == 0) return r;
    if (oct_exam_scheme_caption(s, n)) {
        r.caption = true;
        p->scheme = true;
        p->number = 0;
        p->nparts = 0;
        return r;
    }
    if (s[0] == '#') return r;
    if (oct_exam_section(s, n)) {
        r.section = true;
        return r;
    }
    r.marks = oct_exam_marks(s, n, !p->scheme, &r.nmarks);
    oct_exam_label lab;
    bool ok = oct_exam_read_label(s, r.marks, p->scheme, &lab);
    /* "(c) [3]": a part and its marks, its wording on the lines below */
    if (!ok && r.marks < n) ok = oct_exam_read_label(s, n, p->scheme, &lab) && lab.len >= r.marks;
    if (!ok || !place(p, s, &lab)) {
        /* a part's wording wrapped onto this line, its marks at the end */
        r.marks = p->scheme || !p->number ? n : oct_exam_marks(s, n, true, &r.nmarks);
        r.cont = r.marks < n && r.marks > 0;
        if (!r.cont) r.marks = n;
        return r;
    }
    r.label = true;
    r.number = p->number;
    r.nparts = p->nparts;
    r.heads = lab.word && lab.nparts == 0;
    r.text = lab.len;
    r.stem_head = lab.word && lab.nparts == 0 && lab.len >= r.marks;
    return r;
}

typedef struct {
    size_t marked, parts_before, after;
    size_t written;  /* marks a paper writes as marks: "[2]", "(2 marks)", "(3 Punkte)" */
    size_t lettered; /* parts under letters or numerals: "(a)", "b)", "(ii)" */
    bool caption, total;
} evidence;

/* Numbered lines ending in a number in brackets are a recipe's minutes, a
 * changelog's tickets, a to-do list's priorities or a song's repeats as
 * often as a paper's marks: they make a paper only beside something no
 * such list writes (marks written as marks, lettered parts, a total, a
 * mark scheme). */
static bool evident(const evidence *e)
{
    return e->written >= 2 || e->lettered >= 1 || e->total || e->caption;
}

static bool is_paper(const nl_raw_line *v, size_t n, line_info *info)
{
    paper p = {0};
    evidence e = {0};
    for (size_t i = 0; i < n; i++) {
        info[i] = read_line(&p, &v[i]);
        e.caption = e.caption || info[i].caption;
        const char *s = v[i].s + v[i].lead;
        size_t len = v[i].n - v[i].lead;
        if (!v[i].fenced && len && !info[i].label && oct_exam_total(s, len)) e.total = true;
        if (!info[i].label) continue;
        if (p.scheme) {
            e.after++;
        } else {
            int m;
            e.marked += info[i].marks < len;
            e.written += info[i].marks < len && oct_exam_marks(s, len, false, &m) < len;
            e.parts_before += p.nparts > 0;
            e.lettered += p.nparts > 0 && p.kind[p.nparts - 1] != OCT_EXAM_DIGIT;
        }
    }
    /* "Exercice 1 : suites (6 points)" above "1)", "2)": a heading */
    for (size_t i = 0; i < n; i++) {
        if (!info[i].heads) continue;
        size_t j = i + 1;
        while (j < n && !info[j].label && j - i < 12)
            j++;
        info[i].heads =
            j < n && info[j].label && info[j].number == info[i].number && info[j].nparts > 0;
    }
    return (e.marked >= 3 && evident(&e)) || (e.caption && e.parts_before >= 2 && e.after >= 1);
}

static void put_line(oct_buf *out, const nl_raw_line *l, const line_info *r, const paper *p)
{
    const char *s = l->s + l->lead;
    size_t n = l->n - l->lead;
    if (l->fenced || n == 0) {
        oct_buf_put(out, l->s, l->full);
        return;
    }
    if ((r->caption || r->section || r->stem_head) && s[0] != '#')
        oct_buf_puts(out, r->stem_head ? "### " : "## ");
    if (r->label && !r->stem_head) {
        put_label(out, p);
        size_t e = r->marks;
        if (r->text < e) oct_buf_putc(out, ' ');
        while (e > r->text && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        oct_buf_put(out, s + r->text, e > r->text ? e - r->text : 0);
        if (r->marks < n && !p->scheme) oct_buf_printf(out, " [%d]", r->nmarks);
        if (r->marks < n && p->scheme) oct_buf_put(out, s + r->marks, n - r->marks);
    } else if (r->cont) {
        oct_buf_put(out, s, r->marks);
        oct_buf_printf(out, " [%d]", r->nmarks);
    } else {
        oct_buf_put(out, s, n);
    }
    oct_buf_put(out, l->s + l->n, l->full - l->n);
}

/* Word w[0..n) (ASCII letters and digits) occurs in s[0..sn) as a word. */
static bool has_word(const char *s, size_t sn, const char *w, size_t n)
{
    for (size_t i = 0; i + n <= sn; i++) {
        if (i > 0 && isalnum((unsigned char)s[i - 1])) continue;
        if (strncasecmp(s + i, w, n) == 0 && (i + n == sn || !isalnum((unsigned char)s[i + n])))
            return true;
    }
    return false;
}

/* Line a (as written) lost a word on its way to b ("Question", "Part",
 * "points"): the labels' and marks' words go, which a reader of the
 * source should hear of. */
static bool lost_word(const char *a, size_t an, const char *b, size_t bn)
{
    for (size_t i = 0; i < an;) {
        while (i < an && !isalnum((unsigned char)a[i]))
            i++;
        size_t s = i;
        while (i < an && isalnum((unsigned char)a[i]))
            i++;
        if (i > s && !has_word(b, bn, a + s, i - s)) return true;
    }
    return false;
}

static void report(oct_buf *lines, int first, const char *path, oct_diag *diag)
{
    if (!first) return;
    oct_diag_report(diag, OCT_NOTE, path, first, 1, "exam-paper",
                    "read as an exam paper: each part under its full label (\"1(a)\") and its "
                    "marks as \"[2]\", the words of its parts and marks (\"Part\", "
                    "\"marks\", \"points\") left out: lines %s",
                    lines->data);
}

char *nl_mark_exam_parts(const char *text, size_t len, size_t *outlen, bool *exam, const char *path,
                         oct_diag *diag)
{
    nl_raw_line *v;
    size_t n = nl_raw_lines(text, len, &v);
    line_info *info = oct_xcalloc(n ? n : 1, sizeof *info);
    char *result = NULL;
    *exam = is_paper(v, n, info);
    if (*exam) {
        oct_buf out = OCT_BUF_INIT, lost = OCT_BUF_INIT;
        paper p = {0};
        int first = 0;
        for (size_t i = 0; i < n; i++) {
            line_info r = read_line(&p, &v[i]);
            r.stem_head = r.stem_head || info[i].heads;
            size_t at = out.len;
            put_line(&out, &v[i], &r, &p);
            if (!lost_word(v[i].s, v[i].n, out.data + at, out.len - at)) continue;
            oct_buf_printf(&lost, "%s%zu", lost.len ? ", " : "", i + 1);
            if (!first) first = (int)i + 1;
        }
        report(&lost, first, path, diag);
        oct_buf_free(&lost);
        if (out.len != len || memcmp(out.data, text, len) != 0) {
            *outlen = out.len;
            result = oct_buf_detach(&out);
        }
        oct_buf_free(&out);
    }
    free(v);
    free(info);
    return result;
}
