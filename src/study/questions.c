#include "study/study_int.h"

#include <string.h>

/* Which units answer which question. A question claims the units after it
 * until something that cannot be part of its answer: the next question, a
 * heading of the same or a higher level, a thematic break. A heading
 * question's answer runs to the next heading of its level or higher:
 * deeper headings, even ones that ask, rules with more answer after them
 * and numbered steps that only open like an instruction are part of it. A question that
 * is one item among others in a list claims nothing after the list (the
 * items after it are its siblings, not its answer) unless an answer label
 * or a <details> answer follows it directly. */

/* Last unit of the <details> region opened by unit i: the first unit from
 * i on whose text closes it, or the unit before the next opener, or the
 * last unit that can be part of it. */
static size_t details_end(st_ctx *c, size_t i)
{
    for (size_t j = i; j < c->n; j++) {
        st_unit *v = &c->u[j];
        if (j > i && (v->role == ST_DETAILS || v->role == ST_END || v->owner >= 0 || v->done))
            return j - 1;
        if (st_closes_details(c, v->node)) return j;
    }
    return c->n - 1;
}

/* Units that can join a prompt (which holds inlines only). */
static bool inlinable(const st_unit *v)
{
    return v->role == ST_PLAIN && st_inlinable(v->node);
}

/* A multiple-choice question: what stands between the prompt and the
 * <details> answer (options, code) belongs to the question. */
static void mark_stems(st_ctx *c, size_t q, size_t details)
{
    for (size_t j = q + 1; j < details; j++)
        if (!inlinable(&c->u[j])) return;
    for (size_t j = q + 1; j < details; j++)
        c->u[j].stem = true;
}

/* Whether the units between question q and the answer label at unit a
 * are its options ("A) Sydney", "B) Canberra"...: one paragraph, or one
 * each): they belong to the question, and the label's text is the
 * answer ("Answer: B"). */
static bool options_between(st_ctx *c, size_t q, size_t a)
{
    for (size_t j = q + 1; j < a; j++) {
        const st_unit *v = &c->u[j];
        if (v->node->kind != OCT_PARAGRAPH) return false;
        const char *s = st_node_text(v->node, &c->tmp);
        char letter = st_option_letter(s, c->tmp.len);
        if (!letter || (j == q + 1 && letter != 'A')) return false;
    }
    return true;
}

static bool opens_answer(const st_unit *q)
{
    if (q->node->kind == OCT_DETAILS) return false; /* its body is the answer */
    if (q->node->kind != OCT_ITEM) return true;
    return !q->has_rest && (q->pk == ST_PROMPT_BOLD || q->single);
}

/* An item of an ordered list that reads as a question only by its opening
 * verb ("Define …", "Explain …"): no label, no question mark, no bold
 * prompt. */
static bool instruction_step(st_ctx *c, const st_unit *v)
{
    if (v->role != ST_QUESTION || v->node->kind != OCT_ITEM || !v->list ||
        !v->list->u.list.ordered || v->pk != ST_PROMPT_LINES || v->strip || !v->para)
        return false;
    const char *s = st_node_text(v->para, &c->tmp);
    return !strchr(s, '?') && !st_ends_question(s, c->tmp.len);
}

/* Whether the heading question i has question headings below it of their
 * own: the heading at j is one level deeper, ends with a question mark,
 * asks in four words or more without pointing back ("it", "one", "this"),
 * and text answers i before it ("## What is an acid?", its answer, then
 * "### What is a strong acid?"). A deeper heading right under the
 * question, a follow-up ("### Why use one?") or one that asks only by its
 * words ("### How it works") is part of the answer. */
static bool subquestions(st_ctx *c, size_t i, size_t j)
{
    static const char *const POINTS_BACK[] = {"it",   "one",   "ones",  "this", "that",  "they",
                                              "them", "these", "those", "its",  "their", NULL};
    const st_unit *q = &c->u[i], *v = &c->u[j];
    if (j == i + 1 || v->level != q->level + 1) return false;
    const char *s = st_node_text(v->node, &c->tmp);
    if (!st_ends_question(s, c->tmp.len)) return false;
    /* "Why use one?", "How does it work?": a follow-up of the question
     * above, part of its answer; "What is a strong acid?" asks anew */
    int words = 0;
    for (size_t k = 0; s[k];) {
        while (s[k] && !((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z') && (unsigned char)s[k] < 0x80)
            k++;
        char w[8];
        size_t n = 0;
        while (s[k] &&
               (((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z') || (unsigned char)s[k] >= 0x80)) {
            if (n + 1 < sizeof w) w[n] = (char)(s[k] | 32);
            n++, k++;
        }
        if (!n) continue;
        words++;
        w[n < sizeof w ? n : sizeof w - 1] = '\0';
        for (size_t a = 0; n < sizeof w && POINTS_BACK[a]; a++)
            if (strcmp(w, POINTS_BACK[a]) == 0) return false;
    }
    return words >= 4;
}

/* Longest paragraph (bytes) taken for the question of the answer label
 * after it: a quiz bowl tossup runs to a few hundred. */
#define ST_MAX_ASKING_PARAGRAPH 1500

/* Words of s (runs of letters and digits), up to 4. */
static int few_words(const char *s)
{
    int n = 0;
    for (bool in = false; *s && n < 4; s++) {
        bool w = (unsigned char)*s >= 0x80 || ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') ||
                 (*s >= '0' && *s <= '9');
        if (w && !in) n++;
        in = w;
    }
    return n;
}

/* Whether unit p, a paragraph right before an answer label, may be that
 * label's question though it does not read as one: a quiz bowl tossup ("…
 * For ten points, name this element." / "ANSWER: boron"), "Problem."
 * written without a number. Not when it is an answer itself (an orphan
 * label), a title ("Capitals", "Part two:") rather than a sentence of two
 * words or a line of four, or too long. */
static bool may_ask(st_ctx *c, const st_unit *p)
{
    if (p->role != ST_PLAIN || p->owner >= 0 || p->consumed || p->node->kind != OCT_PARAGRAPH)
        return false;
    const char *s = st_node_text(p->node, &c->tmp);
    size_t n = c->tmp.len;
    if (n > ST_MAX_ASKING_PARAGRAPH || st_answer_label(s, n)) return false;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    int w = few_words(s);
    return w >= 4 || (w >= 2 && n > 0 && (s[n - 1] == '.' || s[n - 1] == '!'));
}

/* A label strong enough to make a question of the paragraph before it:
 * a word ("ANSWER:", "Solution.", "Antwort:") or a letter with a colon
 * ("A:"), not a letter set off by a dash, which is as likely a line of a
 * mnemonic ("R - Rheumatic heart disease", "A - Anaemia"). */
static bool strong_label(st_ctx *c, const st_unit *v)
{
    const char *s = st_node_text(v->para ? v->para : v->node, &c->tmp);
    size_t k = st_answer_label(s, c->tmp.len), letters = 0;
    while (letters < k && ((s[letters] | 0x20) >= 'a' && (s[letters] | 0x20) <= 'z'))
        letters++;
    return k > 0 && (letters != 1 || memchr(s, ':', k));
}

/* The letters of question unit q's label ("Q" of "**Q3:**", "Question"
 * of "Question 9:"), empty for a question without one. */
static void label_word(st_ctx *c, const st_unit *q, char out[16])
{
    const char *s = st_node_text(q->para ? q->para : q->node, &c->tmp);
    size_t n = q->strip < c->tmp.len ? q->strip : c->tmp.len, k = 0, i = 0;
    while (i < n && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') && (unsigned char)s[i] < 0x80)
        i++;
    while (i < n && k < 15 &&
           (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || (unsigned char)s[i] >= 0x80))
        out[k++] = s[i++];
    out[k] = '\0';
}

/* Whether question i asks in the form of the run before it. */
static bool like_run(st_ctx *c, size_t i)
{
    const st_unit *q = &c->u[i];
    char w[16];
    label_word(c, q, w);
    return q->node->kind == c->shape_kind && q->pk == c->shape_pk && !strcmp(w, c->shape_label);
}

/* Whether unit k's text ends in a colon: it leads into what follows. */
static bool leads_on(st_ctx *c, const st_unit *k)
{
    const char *s = st_node_text(k->para ? k->para : k->node, &c->tmp);
    size_t n = c->tmp.len;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '*'))
        n--;
    return n > 0 && s[n - 1] == ':';
}

/* Unit k goes on from the one before: led into by its colon, or the next
 * item of the same list. */
static bool continues(st_ctx *c, size_t k)
{
    const st_unit *a = &c->u[k - 1], *b = &c->u[k];
    if (b->node->kind == OCT_ITEM && a->node->kind == OCT_ITEM && b->list == a->list) return true;
    return leads_on(c, a);
}

/* The last question of a run whose answers all took the same number of
 * blocks (the Q:/A: pairs of a cheat sheet, one paragraph each) takes as
 * many: what follows it -- a warning in a quote, "Mnemonic: …", a page's
 * footer -- is the notes' own, not a longer answer. Unless its answer
 * leads on with a colon, or another question comes before the section
 * ends (then that question ends this answer, as it ended the others). */
static bool run_ends_here(st_ctx *c, size_t i, size_t j)
{
    if (c->shape_run < 2 || j < i + 1 + c->shape_units || !like_run(c, i)) return false;
    /* past the run's shape, only what a colon leads into (a list's items
     * one after another): unit j too, or the answer goes on */
    bool led = true;
    for (size_t k = i + 1 + c->shape_units; k <= j && led; k++)
        led = continues(c, k);
    if (led) return false;
    for (size_t k = j; k < c->n; k++) {
        st_role r = c->u[k].role;
        if (r == ST_QUESTION) return false;
        if (r == ST_BREAK || r == ST_END || r == ST_SECTION) break;
    }
    return true;
}

/* Records the shape of question i's answer, units [i + 1, j). */
static void note_shape(st_ctx *c, size_t i, size_t j, bool heading)
{
    const st_unit *q = &c->u[i];
    bool ended = !heading && j < c->n && c->u[j].role == ST_QUESTION;
    size_t units = j - i - 1;
    if (!ended) {
        c->shape_run = 0;
    } else if (c->shape_run > 0 && units == c->shape_units && like_run(c, i)) {
        c->shape_run++;
    } else {
        c->shape_units = units;
        c->shape_kind = q->node->kind;
        c->shape_pk = q->pk;
        label_word(c, q, c->shape_label);
        c->shape_run = 1;
    }
}

/* Gives question unit i the units that answer it; returns the index after
 * them. */
static size_t absorb(st_ctx *c, size_t i, bool open)
{
    st_unit *q = &c->u[i];
    size_t j = i + 1;
    bool heading = q->pk == ST_PROMPT_SECTION && q->node->kind == OCT_SECTION, labelled = false;
    /* an answer whose end the source marks (a question callout's body, a
     * flashcard's "::" answer: ends_answer) stops there; a heading's
     * answer holds such a callout and goes on to the next heading */
    bool marked = !heading && q->node->ends_answer;
    /* options as list items right before an answer label: the question's */
    size_t opt = heading ? j : st_option_units(c, j);
    for (; j < opt; j++) {
        c->u[j].owner = (int)i;
        c->u[j].stem = true;
        open = true;
    }
    while (j < c->n && !marked) {
        st_unit *v = &c->u[j];
        if (v->owner >= 0 || v->consumed || v->done) break;
        if (heading && v->role == ST_QUESTION && v->node->kind == OCT_SECTION &&
            v->level > q->level && !subquestions(c, i, j)) {
            /* a heading below the question's level is part of its answer */
            v->role = ST_SECTION;
            v->pk = ST_PROMPT_NONE;
        }
        if (heading && instruction_step(c, v)) {
            /* "1. Define the view function: …" under a heading question is
             * a step of its answer, not a question of its own */
            v->role = ST_PLAIN;
            v->pk = ST_PROMPT_NONE;
        }
        if (heading && v->role == ST_BREAK) {
            /* a rule inside the answer, with more of it after: it stays */
            size_t k = j;
            while (k < c->n && c->u[k].role == ST_BREAK)
                k++;
            if (k == c->n || !st_in_heading_scope(q, &c->u[k])) break;
            for (; j < k; j++)
                c->u[j].owner = (int)i;
            continue;
        }
        if (v->role == ST_BREAK || v->role == ST_END || v->role == ST_QUESTION) break;
        if (!heading && v->role == ST_PLAIN && run_ends_here(c, i, j)) break;
        if (v->role == ST_SECTION && !(q->pk == ST_PROMPT_SECTION && v->level > q->level)) break;
        if (v->role == ST_DETAILS) {
            size_t e = details_end(c, j);
            for (size_t k = j; k <= e; k++) {
                c->u[k].owner = (int)i;
                c->u[k].in_details = true;
            }
            mark_stems(c, i, j);
            j = e + 1;
            break; /* a revealed answer ends the question */
        }
        /* answered by its label, a question ends where a paragraph asks
         * the next label's question ("ANSWER: boron", the next tossup,
         * "ANSWER: neon") */
        if (labelled && j + 1 < c->n && c->u[j + 1].role == ST_ALABEL && c->u[j + 1].owner < 0 &&
            may_ask(c, v) && strong_label(c, &c->u[j + 1]))
            break;
        if (v->role == ST_ALABEL) {
            labelled = open = true;
            /* (a question has a few options: a long run is no list of them) */
            if (j > i + 1 && j - i <= 16 && options_between(c, i, j)) mark_stems(c, i, j);
        } else if (!open)
            break;
        v->owner = (int)i;
        j++;
        marked = !heading && v->node->ends_answer;
    }
    note_shape(c, i, j, heading || marked);
    q->done = true;
    return j;
}

/* A <details> answer after something that does not read as a question
 * ("The capital of France is ___" and its options): the block before the
 * options is the prompt, else the heading right before them. */
static bool optionish(st_ctx *c, const st_unit *v)
{
    if (v->node->kind == OCT_ITEM || v->node->kind == OCT_CODE_BLOCK) return true;
    if (v->node->kind != OCT_PARAGRAPH) return false;
    const char *s = st_node_text(v->node, &c->tmp);
    return st_option_letter(s, c->tmp.len) != 0;
}

static void backfill(st_ctx *c, size_t i)
{
    size_t k = i;
    while (k > 0 && c->u[k - 1].role == ST_PLAIN && c->u[k - 1].owner < 0 && !c->u[k - 1].consumed)
        k--;
    size_t o = i; /* options (and code) right before the answer */
    while (o > k && optionish(c, &c->u[o - 1]))
        o--;
    size_t p;
    if (o > k) {
        p = o - 1;
    } else if (k > 0 && c->u[k - 1].role == ST_SECTION && c->u[k - 1].owner < 0) {
        p = k - 1;
    } else if (k < i) {
        p = k;
    } else {
        if (c->diag)
            oct_diag_report(c->diag, OCT_WARNING, c->path, c->u[i].node->span.line,
                            c->u[i].node->span.col, "orphan-answer",
                            "<details> answer without a question before it; kept as text");
        return;
    }
    st_unit *u = &c->u[p];
    u->role = ST_QUESTION;
    u->strip = 0;
    if (u->node->kind == OCT_SECTION) {
        u->pk = ST_PROMPT_SECTION;
    } else {
        u->para = st_lead_paragraph(u->node);
        if (!u->para) {
            u->role = ST_PLAIN;
            return;
        }
        st_lines_of(u->para, &c->lines);
        u->pk = ST_PROMPT_LINES;
        u->nprompt = (int)c->lines.n;
    }
    absorb(c, p, true);
}

static void orphan_label(st_ctx *c, const st_unit *v)
{
    if (c->diag)
        oct_diag_report(c->diag, OCT_WARNING, c->path, v->node->span.line, v->node->span.col,
                        "orphan-answer", "answer label without a question before it");
}

/* An answer label no question claims, right after a paragraph that asks
 * without a question's words or mark (may_ask): that paragraph is the
 * question. Returns whether it was taken. */
static bool backfill_label(st_ctx *c, size_t i)
{
    if (i == 0 || !may_ask(c, &c->u[i - 1]) || !strong_label(c, &c->u[i])) return false;
    st_unit *p = &c->u[i - 1];
    p->role = ST_QUESTION;
    p->strip = 0;
    p->para = p->node;
    st_lines_of(p->para, &c->lines);
    p->pk = ST_PROMPT_LINES;
    p->nprompt = (int)c->lines.n;
    p->has_rest = false;
    absorb(c, i - 1, true);
    return true;
}

/* A paragraph question right before its answer label asks with all its
 * lines: "Tossup 2. In this novel, … fires." / "For ten points, name
 * this book." / "ANSWER: …" (what stands between a question and its
 * label belongs to the question, as options do). */
static void prompt_to_label(st_ctx *c, size_t i)
{
    st_unit *u = &c->u[i];
    if (u->pk != ST_PROMPT_LINES || u->node->kind != OCT_PARAGRAPH || !u->para || i + 1 >= c->n ||
        c->u[i + 1].role != ST_ALABEL || c->u[i + 1].owner >= 0)
        return;
    st_lines_of(u->para, &c->lines);
    u->nprompt = (int)c->lines.n;
    u->has_rest = false;
}

void st_assign_answers(st_ctx *c)
{
    for (size_t i = 0; i < c->n;) {
        st_unit *u = &c->u[i];
        if (u->owner >= 0 || u->consumed) {
            i++;
        } else if (u->role == ST_QUESTION && u->done) {
            i++;
        } else if (u->role == ST_QUESTION) {
            prompt_to_label(c, i);
            i = absorb(c, i, opens_answer(u));
        } else if (u->role == ST_DETAILS) {
            backfill(c, i);
            if (c->u[i].owner < 0) {
                i = details_end(c, i) + 1;
                continue;
            }
            i++;
        } else {
            if (u->role == ST_ALABEL && backfill_label(c, i)) {
                i++;
                continue;
            }
            if (u->role == ST_ALABEL) {
                orphan_label(c, u);
                u->role = ST_PLAIN; /* keeps its label as text */
                u->strip = 0;
            }
            i++;
        }
    }
}
