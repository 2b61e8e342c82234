/* Code blocks: grown from a line that says "code" strongly enough, over
 * what a block holds — indented bodies, bracketed literals that span lines
 * (DATABASES = { … }), docstrings, backslash continuations, blank lines
 * between code — until the first line at the block's indentation that is
 * not code. A block must hold a strong line, or two statements of which
 * one has a code feature, so a lone formula stays prose. */
#include "ingest/normalize/normalize_internal.h"

#include <string.h>

typedef struct {
    size_t start, end;
    int base;
    int strong, weak, weak_feature;
    int votes[NL_LANG_COUNT];   /* from lines whose language is sure */
    int guesses[NL_LANG_COUNT]; /* from lines that only suggest one */
} block;

/* Lines a block can never hold or start on. */
#define NL_STOP (NL_FENCE | NL_PIPE | NL_QUOTE | NL_BREAK | NL_TABLE | NL_CODE | NL_DROP | NL_ITEM)

static bool compatible(nl_lang a, nl_lang b)
{
    if (a == NL_LANG_NONE || b == NL_LANG_NONE || a == b) return true;
    if ((a == NL_LANG_HTML && b == NL_LANG_DJANGO) || (a == NL_LANG_DJANGO && b == NL_LANG_HTML))
        return true;
    if (a == NL_LANG_JSON || b == NL_LANG_JSON)
        return a == NL_LANG_PYTHON || b == NL_LANG_PYTHON || a == NL_LANG_JS || b == NL_LANG_JS;
    return false;
}

/* The block's language: by the lines that are sure of theirs, else by
 * the guesses ("x = 1;" suggests JavaScript, "x = 1" Python). */
static nl_lang leading_lang(const block *b)
{
    const int *v = b->votes;
    int sure = 0;
    for (int k = 1; k < NL_LANG_COUNT; k++)
        sure += v[k];
    if (!sure) v = b->guesses;
    int best = NL_LANG_NONE;
    for (int k = 1; k < NL_LANG_COUNT; k++)
        if (v[k] > v[best]) best = k;
    if (v[NL_LANG_DJANGO] > 0 && (best == NL_LANG_HTML || best == NL_LANG_NONE))
        best = NL_LANG_DJANGO;
    return (nl_lang)best;
}

static void vote(block *b, const nl_line *l, bool in_brackets)
{
    const nl_class *c = &l->cls;
    if (c->feat & NL_F_COMMENT) return;
    if (c->strength == NL_STRONG)
        b->strong++;
    else if (c->strength == NL_WEAK && (in_brackets || !(c->feat & NL_F_ENTRY))) {
        b->weak++;
        if (c->feat & NL_F_FEATURE) b->weak_feature++;
    }
    if (c->lang == NL_LANG_NONE) return;
    if (c->feat & NL_F_LANG_WEAK)
        b->guesses[c->lang]++;
    else
        b->votes[c->lang] += c->strength == NL_STRONG ? 2 : 1;
}

/* Does the line end with something that continues on the next line? */
static bool line_opens(const nl_line *l)
{
    if (l->cls.feat & NL_F_OPENS) return true;
    size_t n = l->len;
    while (n > 0 && nl_is_space(l->s[n - 1]))
        n--;
    return n > 0 && nl_in_set(l->s[n - 1], ":,([{\\");
}

static int triple_quotes(const nl_line *l)
{
    int count = 0;
    for (size_t i = 0; i + 2 < l->len; i++)
        if ((l->s[i] == '"' || l->s[i] == '\'') && l->s[i + 1] == l->s[i] &&
            l->s[i + 2] == l->s[i]) {
            count++;
            i += 2;
        }
    return count;
}

static bool starts_closing(const nl_line *l)
{
    char c = l->lead < l->len ? l->s[l->lead] : '\0';
    return c == ')' || c == ']' || c == '}';
}

typedef struct {
    int depth;
    bool triple, backslash, opens;
    bool output; /* after a console's prompt, up to a blank line: what it printed */
    int prev_indent;
} grow_state;

/* "In [4]: x" or "Out[4]:" of IPython and Jupyter, at s[0..n). */
static bool ipython_prompt(const char *s, size_t n)
{
    size_t i = nl_starts_with(s, n, "In [") ? 4 : nl_starts_with(s, n, "Out[") ? 4 : 0;
    if (!i || i >= n || s[i] < '0' || s[i] > '9') return false;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i + 1 < n && s[i] == ']' && s[i + 1] == ':';
}

/* A console's prompt: Python's ">>>" or IPython's "In [4]:" / "Out[4]:";
 * the lines under it, to a blank line, are what the console printed (a
 * data frame's aligned columns), which belong to the block. */
static bool console_prompt(const nl_line *l)
{
    size_t n = l->len - l->lead;
    const char *t = l->s + l->lead;
    return nl_starts_with(t, n, ">>>") || ipython_prompt(t, n);
}

/* Whether line l continues the block b. */
static bool accepts(const block *b, const grow_state *g, const nl_line *l)
{
    const nl_class *c = &l->cls;
    if (g->output && !(l->flags & NL_HEADING)) return true;
    if (l->indent < b->base) return false;
    if (g->triple) return true;
    if (g->depth > 0 || g->backslash)
        return l->indent > b->base || c->strength >= NL_CONT || starts_closing(l);
    nl_lang lang = leading_lang(b);
    if (lang == NL_LANG_SQL && c->strength == NL_NONE) {
        size_t n = l->len - l->lead;
        const char *t = nl_trim(l->s + l->lead, &n);
        nl_class sub;
        return nl_sql_continues(t, n) || (l->indent > b->base && nl_sql_classify(t, n, &sub));
    }
    if (l->flags & NL_HEADING)
        return lang == NL_LANG_PYTHON || lang == NL_LANG_SHELL || lang == NL_LANG_NONE;
    if (c->strength == NL_NONE) return false;
    bool markup = lang == NL_LANG_HTML || lang == NL_LANG_DJANGO;
    if (l->indent > b->base)
        return g->opens || l->indent <= g->prev_indent ||
               (markup && (c->lang == NL_LANG_HTML || c->lang == NL_LANG_DJANGO));
    /* at the block's own indentation: the language must fit */
    bool sure = !(c->feat & NL_F_LANG_WEAK);
    if (c->lang != NL_LANG_NONE && (sure || c->strength == NL_CONT) && !compatible(c->lang, lang))
        return false;
    return true;
}

static void advance(grow_state *g, const nl_line *l)
{
    if (!g->triple) {
        g->depth += l->cls.depth;
        if (g->depth < 0) g->depth = 0;
    }
    if (triple_quotes(l) % 2 == 1) g->triple = !g->triple;
    size_t n = l->len;
    while (n > 0 && nl_is_space(l->s[n - 1]))
        n--;
    g->backslash = n > 0 && l->s[n - 1] == '\\';
    g->opens = line_opens(l);
    g->output = console_prompt(l) || g->output;
    g->prev_indent = l->indent;
}

static void grow(const nl_doc *d, size_t i, block *b)
{
    memset(b, 0, sizeof *b);
    b->start = b->end = i;
    b->base = d->lines[i].indent;
    grow_state g = {0};
    vote(b, &d->lines[i], false);
    advance(&g, &d->lines[i]);
    bool gap = false;
    for (size_t j = i + 1; j < d->n; j++) {
        const nl_line *l = &d->lines[j];
        if (l->flags & NL_BLANK) {
            gap = true;
            g.output = false;
            continue;
        }
        if ((l->flags & NL_STOP) || !accepts(b, &g, l)) break;
        bool comment = (l->cls.feat & NL_F_COMMENT) || (l->flags & NL_HEADING);
        /* a comment after a blank line only belongs if code follows it */
        if (!(comment && gap)) b->end = j;
        vote(b, l, g.depth > 0);
        advance(&g, l);
        gap = false;
    }
}

static bool valid(const block *b)
{
    return b->strong > 0 || (b->weak >= 2 && b->weak_feature > 0);
}

static bool can_start(const nl_doc *d, size_t i)
{
    const nl_line *l = &d->lines[i];
    const unsigned never = NL_STOP | NL_BLANK | NL_HEADING | NL_MDCODE;
    if (l->flags & never) return false;
    if ((l->flags & NL_LIST) && d->has_fences) return false;
    /* inside a Markdown HTML block, only its first line may start code */
    if (l->html && i > 0 && d->lines[i - 1].html == l->html) return false;
    /* in a Markdown file an HTML block is markup the author meant (html.h) */
    if (l->html && d->path && strlen(d->path) > 3 &&
        strcmp(d->path + strlen(d->path) - 3, ".md") == 0)
        return false;
    return true;
}

/* A block may hold a Markdown HTML block only whole. */
static bool splits_html(const nl_doc *d, size_t end)
{
    int id = d->lines[end].html;
    return id && end + 1 < d->n && d->lines[end + 1].html == id;
}

static void claim(nl_doc *d, size_t start, size_t end, nl_lang lang)
{
    nl_region *r = nl_add_region(d, NL_R_CODE, start, end);
    const nl_line *first = &d->lines[start];
    r->lang = lang;
    int base = first->indent;
    for (size_t i = start; i <= end; i++) {
        nl_line *l = &d->lines[i];
        l->flags |= NL_CODE;
        if (!(l->flags & NL_BLANK) && l->indent < base) base = l->indent;
    }
    r->fence_indent = (first->flags & NL_LIST) ? first->list_indent : 0;
    if (r->fence_indent > base) r->fence_indent = base;
    r->dedent = base - r->fence_indent;
}

/* Whether a comment line's syntax fits the language ('#' in Python…). */
static bool comment_fits(const nl_line *l, nl_lang lang)
{
    char c = l->s[l->lead];
    if (c == '#')
        return lang == NL_LANG_PYTHON || lang == NL_LANG_SHELL || lang == NL_LANG_YAML ||
               lang == NL_LANG_DOCKER;
    if (c == '/')
        return lang == NL_LANG_JS || lang == NL_LANG_C || lang == NL_LANG_JAVA ||
               lang == NL_LANG_GO;
    if (c == '-') return lang == NL_LANG_SQL;
    return false;
}

/* Comment lines glued to the top of a block ("# Step 1: create it" right
 * above "touch notes.txt") belong to it. */
static size_t leading_comments(const nl_doc *d, size_t start, nl_lang lang)
{
    const unsigned taken = NL_STOP | NL_BLANK | NL_MDCODE | NL_HTML;
    int base = d->lines[start].indent;
    while (start > 0) {
        const nl_line *p = &d->lines[start - 1];
        bool comment = (p->cls.feat & NL_F_COMMENT) || (p->flags & NL_HEADING);
        if (!comment || (p->flags & taken) || p->indent != base || !comment_fits(p, lang) ||
            ((p->flags & NL_LIST) && d->has_fences))
            break;
        start--;
    }
    return start;
}

void nl_detect_code(nl_doc *d)
{
    size_t i = 0, yaml_skip = (size_t)-1;
    while (i < d->n) {
        nl_line *l = &d->lines[i];
        if (!can_start(d, i)) {
            i++;
            continue;
        }
        nl_lang lang;
        size_t k = nl_special_block(d, i, &lang, &yaml_skip);
        if (k > 0) {
            claim(d, i, i + k - 1, lang);
            i += k;
            continue;
        }
        if (l->cls.strength < NL_WEAK) {
            i++;
            continue;
        }
        block b;
        grow(d, i, &b);
        if (!valid(&b)) {
            /* No line in there can start a valid block either: what the
             * block from i held was not enough, and a later start holds
             * less. Skipping keeps the scan linear. */
            i = b.end + 1;
            continue;
        }
        nl_lang bl = leading_lang(&b);
        int sure = 0;
        for (int k = 1; k < NL_LANG_COUNT; k++)
            sure += b.votes[k];
        if (bl == NL_LANG_NONE || splits_html(d, b.end)) {
            /* code we cannot name ("[foo]", "{") or half an HTML block */
            i = b.end + 1;
            continue;
        }
        if (bl == NL_LANG_JSON && l->s[l->lead] != '{' && l->s[l->lead] != '[')
            bl = b.votes[NL_LANG_JS] + b.guesses[NL_LANG_JS] > 0 ? NL_LANG_JS : NL_LANG_PYTHON;
        /* statements ending in ';' and nothing surer: C, Java or
         * JavaScript — fenced, but not named */
        if (bl == NL_LANG_JS && !sure) bl = NL_LANG_NONE;
        claim(d, leading_comments(d, b.start, bl), b.end, bl);
        i = b.end + 1;
    }
}
