/* Org headings and the flashcards they open (org_int.h). A heading loses
 * what Org's agenda reads, not a reader: its TODO keyword, priority
 * ([#A]), statistics cookies ([2/5], [40%]) and tags (:drill:verbs:).
 *
 * A card is a heading tagged :drill: (org-drill) or holding an
 * ANKI_NOTE_TYPE property (anki-editor). Its question and answer are
 * written as the "Q:" and "A:" labels the study pass reads:
 *   - subheadings Front and Back (or Question and Answer, in a few
 *     languages): the heading stays a title, the Front's text takes "Q: ",
 *     the Back's "A: ", the subheadings' own lines go;
 *   - only a Back/Answer subheading: the text before it is the question
 *     (org-drill shows the body, not the title), else the title is;
 *   - neither: the title is the question, the body its answer;
 *   - a drill card whose body holds clozes ([words], [words||hint]):
 *     they become Anki's clozes and the note a deck, so that each line
 *     holding one is a card (cloze.h, srcards.h). */
#define _GNU_SOURCE /* memmem */
#include "ingest/formats/org_int.h"

#include <string.h>

int org_heading_level(const nl_raw_line *l)
{
    size_t k = 0;
    while (k < l->n && l->s[k] == '*')
        k++;
    if (k == 0 || (k < l->n && l->s[k] != ' ' && l->s[k] != '\t')) return 0;
    return k > 100000 ? 100000 : (int)k;
}

typedef struct {
    const char *s;
    size_t n;
} span;

static bool word_in(const char *list, const char *w, size_t n)
{
    for (const char *p = list; (p = strstr(p, " ")) && p[1]; p++) {
        const char *q = p + 1;
        size_t k = strcspn(q, " ");
        if (k == n && !memcmp(q, w, n)) return true;
    }
    return false;
}

/* Trailing tags ":a:b:" of s[0..*n): cut (with the blanks before them). */
static span take_tags(const char *s, size_t *n)
{
    size_t e = *n;
    while (e && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    size_t b = e;
    while (b && s[b - 1] != ' ' && s[b - 1] != '\t')
        b--;
    span t = {NULL, 0};
    if (e - b < 3 || s[b] != ':' || s[e - 1] != ':' ||
        (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\t'))
        return t;
    for (size_t k = b; k < e; k++)
        if (s[k] == ' ') return t;
    t.s = s + b;
    t.n = e - b;
    while (b && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        b--;
    *n = b;
    return t;
}

/* A statistics cookie "[2/5]", "[40%]" at s[i]: its length, else 0. */
static size_t cookie(const char *s, size_t n, size_t i)
{
    if (s[i] != '[') return 0;
    size_t k = i + 1, marks = 0;
    while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == '/' || s[k] == '%'))
        marks += s[k++] != '/' || 1;
    if (k >= n || s[k] != ']' || k == i + 1 || (!memchr(s + i, '/', k - i) && s[k - 1] != '%'))
        return 0;
    (void)marks;
    return k + 1 - i;
}

static void note_tags(org_ctx *c, span t, int src)
{
    for (size_t i = 1; i < t.n;) {
        size_t k = i;
        while (k < t.n && t.s[k] != ':')
            k++;
        if (k > i) {
            oct_buf probe = OCT_BUF_INIT;
            oct_buf_printf(&probe, ", %.*s,", (int)(k - i), t.s + i);
            oct_buf hay = OCT_BUF_INIT;
            oct_buf_printf(&hay, ", %s,", c->tagnames.data ? c->tagnames.data : "");
            if (!strstr(hay.data, probe.data))
                oct_buf_printf(&c->tagnames, "%s%.*s", c->tagnames.len ? ", " : "", (int)(k - i),
                               t.s + i);
            oct_buf_free(&probe);
            oct_buf_free(&hay);
        }
        i = k + 1;
    }
    md_lines_add(&c->taglines, src);
}

/* Whether tags t (":a:b:") hold tag[0..k). */
static bool has_tag(span t, const char *tag, size_t k)
{
    for (size_t i = 0; i + k + 2 <= t.n; i++)
        if (t.s[i] == ':' && !memcmp(t.s + i + 1, tag, k) && t.s[i + k + 1] == ':') return true;
    return false;
}

bool org_heading_tagged(const nl_raw_line *l, int lvl, const char *tag, size_t n)
{
    size_t len = l->n - (size_t)lvl;
    return has_tag(take_tags(l->s + lvl, &len), tag, n);
}

/* Past a heading's TODO keyword (and COMMENT, when `comment`) and its
 * priority cookie ("[#A]") at *s, with the blanks after each; whether
 * there was either. */
static bool skip_keyword_priority(org_ctx *c, const char **s, size_t *n, bool comment)
{
    bool marked = false;
    size_t w = nl_word_len(*s, *n);
    if (w && (word_in(c->todo.data, *s, w) || (comment && w == 7 && !memcmp(*s, "COMMENT", 7)))) {
        marked = true;
        *s += w, *n -= w;
        while (*n && **s == ' ')
            (*s)++, (*n)--;
    }
    if (*n >= 4 && (*s)[0] == '[' && (*s)[1] == '#' && (*s)[3] == ']') {
        marked = true;
        *s += 4, *n -= 4;
        while (*n && **s == ' ')
            (*s)++, (*n)--;
    }
    return marked;
}

bool org_heading_commented(org_ctx *c, const nl_raw_line *l, int lvl)
{
    const char *s = l->s + lvl;
    size_t n = l->n - (size_t)lvl;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    skip_keyword_priority(c, &s, &n, false); /* "* TODO [#A] COMMENT ..." */
    return n >= 7 && !memcmp(s, "COMMENT", 7) && (n == 7 || s[7] == ' ' || s[7] == '\t');
}

/* The title of heading line l without keyword, priority, cookies, tags. */
static void heading_parts(org_ctx *c, const nl_raw_line *l, int lvl, oct_buf *title, span *tags,
                          bool *marked)
{
    const char *s = l->s + lvl;
    size_t n = l->n - (size_t)lvl;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    *tags = take_tags(s, &n);
    *marked = skip_keyword_priority(c, &s, &n, true);
    for (size_t i = 0; i < n; i++) {
        size_t k = cookie(s, n, i);
        if (!k) {
            oct_buf_putc(title, s[i]);
            continue;
        }
        *marked = true;
        i += k - 1;
        while (title->len && title->data[title->len - 1] == ' ')
            title->data[--title->len] = '\0';
        while (i + 1 < n && s[i + 1] == ' ' && title->len == 0)
            i++;
    }
    while (title->len && title->data[title->len - 1] == ' ')
        title->data[--title->len] = '\0';
}

typedef enum { SUB_OTHER, SUB_FRONT, SUB_BACK } subkind;

static subkind sub_kind(const char *s, size_t n)
{
    static const char *const FRONT[] = {"front", "question", "frage", "pregunta", "pergunta"};
    static const char *const BACK[] = {"back",    "answer",    "antwort",  "réponse",
                                       "reponse", "respuesta", "resposta", "risposta"};
    for (size_t k = 0; k < sizeof FRONT / sizeof *FRONT; k++)
        if (md_eq_nocase(s, n, FRONT[k])) return SUB_FRONT;
    for (size_t k = 0; k < sizeof BACK / sizeof *BACK; k++)
        if (md_eq_nocase(s, n, BACK[k])) return SUB_BACK;
    return SUB_OTHER;
}

/* A subheading's kind from its line (level lvl). */
static subkind line_sub(org_ctx *c, size_t i, int lvl)
{
    oct_buf t = OCT_BUF_INIT;
    span tags;
    bool marked;
    heading_parts(c, &c->v[i], lvl, &t, &tags, &marked);
    subkind k = t.data ? sub_kind(t.data, t.len) : SUB_OTHER;
    oct_buf_free(&t);
    return k;
}

/* Whether heading i (level lvl) has ANKI_NOTE_TYPE in its drawer. */
static bool anki_note(org_ctx *c, size_t i)
{
    size_t j = i + 1;
    while (j < c->n &&
           (nl_starts_with(c->v[j].s + c->v[j].lead, c->v[j].n - c->v[j].lead, "SCHEDULED:") ||
            nl_starts_with(c->v[j].s + c->v[j].lead, c->v[j].n - c->v[j].lead, "DEADLINE:")))
        j++;
    size_t end = j < c->n ? org_drawer_end(c, j) : 0;
    for (size_t k = j + 1; end && k < end; k++) {
        const char *s = c->v[k].s + c->v[k].lead;
        if (nl_starts_with(s, c->v[k].n - c->v[k].lead, ":ANKI_NOTE_TYPE:")) return true;
    }
    return false;
}

/* Reads the card heading i (level lvl) opens: how it is written. */
static void open_card(org_ctx *c, size_t i, int lvl, bool drill, bool *q_title)
{
    size_t end = i + 1, back = 0;
    bool front = false, clozes = false, text_before = false, braces = false;
    for (; end < c->n; end++) {
        int l = org_heading_level(&c->v[end]);
        if (l && l <= lvl) break;
        const nl_raw_line *v = &c->v[end];
        if (l == lvl + 1) {
            subkind k = line_sub(c, end, l);
            front |= k == SUB_FRONT;
            if (k == SUB_BACK && !back) back = end;
            continue;
        }
        bool meta = v->lead < v->n && (v->s[v->lead] == ':' || v->s[v->lead] == '#');
        if (!back && !l && !meta && v->lead < v->n) text_before = true;
        if (drill && !meta && org_has_cloze(v->s, v->n)) clozes = true;
        braces |= v->n > 4 && memmem(v->s, v->n, "{{c", 3) != NULL;
    }
    c->card_level = lvl;
    c->card_end = end;
    c->inl.nclozes = 0;
    *q_title = false;
    if (clozes && !back && !front) {
        c->inl.cloze = c->deck = true;
    } else if (front || (back && text_before)) {
        c->label = front ? NULL : "Q: ";
    } else if (braces && !back) {
        c->deck = true; /* anki-editor's Cloze notes: {{c1::...}} in a field */
    } else {
        *q_title = true;
    }
}

void org_heading(org_ctx *c, size_t i, const char *prefix)
{
    const nl_raw_line *l = &c->v[i];
    int lvl = org_heading_level(l);
    int src = (int)i + 1;
    if (c->card_level && (lvl <= c->card_level || i >= c->card_end)) {
        c->card_level = 0;
        c->inl.cloze = false;
        c->label = NULL;
    }
    oct_buf title = OCT_BUF_INIT, b = OCT_BUF_INIT;
    span tags;
    bool marked, q_title = false;
    heading_parts(c, l, lvl, &title, &tags, &marked);
    if (marked) md_lines_add(&c->meta, src);
    if (tags.n) note_tags(c, tags, src);
    if (c->card_level && lvl == c->card_level + 1) {
        subkind k = sub_kind(title.data ? title.data : "", title.len);
        if (k != SUB_OTHER) { /* the field's name: its text takes the label */
            c->label = k == SUB_FRONT ? "Q: " : "A: ";
            md_blank(&c->w, prefix, src);
            oct_buf_free(&title);
            return;
        }
    }
    if (!c->card_level && (has_tag(tags, "drill", 5) || anki_note(c, i)))
        open_card(c, i, lvl, has_tag(tags, "drill", 5), &q_title);
    md_blank(&c->w, prefix, src);
    for (int k = 0; k < (lvl > 6 ? 6 : lvl); k++)
        oct_buf_putc(&b, '#');
    oct_buf_putc(&b, ' ');
    if (q_title) oct_buf_puts(&b, "Q: ");
    if (title.len) org_inline(&c->inl, &b, title.data, title.len, false);
    md_line(&c->w, prefix, b.data, b.len, src);
    oct_buf_free(&b);
    oct_buf_free(&title);
}
