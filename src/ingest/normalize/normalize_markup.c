/* HTML and Django/Jinja template lines: "<div class="x">", "{% if user %}",
 * "{{ form.as_p }}". The tags Markdown renders itself (<details>, <b>,
 * <br>, <sup>, <sub>, <kbd>…) are left to Markdown. */
#include "ingest/normalize/normalize_internal.h"

#include <string.h>

static const char *const HTML_TAGS =
    " a abbr address article aside audio blockquote body button canvas caption cite code col "
    "colgroup dd div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "head header hr html iframe img input label legend li link main meta nav noscript ol "
    "optgroup option p picture pre script section select small source span strong style svg "
    "table tbody td template textarea tfoot th thead title tr u ul video ";

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0) return true;
    return false;
}

static bool known_tag(const char *w, size_t n)
{
    return nl_in_word_list(HTML_TAGS, w, n);
}

/* The elements GitHub READMEs are written with: ingest maps them to
 * structure (see html.h), so a line of them is text, not code to fence. */
static const char *const README_TAGS =
    " a b blockquote br center code del details div em h1 h2 h3 h4 h5 h6 hr i img kbd li ol p "
    "picture pre s source span strong sub summary sup table tbody td th thead tr u ul ";

bool nl_prose_between_tags(const char *s, size_t n)
{
    int words = 0;
    bool stop = false;
    for (size_t i = 0; i < n;) {
        if (s[i] == '{' && i + 1 < n && nl_in_set(s[i + 1], "%{#")) {
            char close = s[i + 1] == '{' ? '}' : s[i + 1];
            size_t j = i + 2;
            while (j + 1 < n && !(s[j] == close && s[j + 1] == '}'))
                j++;
            i = j + 2;
        } else if (s[i] == '<') {
            while (i < n && s[i] != '>')
                i++;
            i++;
        } else if (nl_is_ident_start((unsigned char)s[i])) {
            size_t k = nl_word_len(s + i, n - i);
            words++;
            stop |= nl_is_stopword(s + i, k);
            i += k;
        } else {
            i++;
        }
    }
    return words >= 3 && stop;
}

/* "{{c1::" opens Anki's cloze deletion (ingest/cloze.c), never a
 * template's variable: a variable holds no "::". */
static bool cloze_at(const char *s, size_t n)
{
    size_t k = 3;
    while (k < n && s[k] >= '0' && s[k] <= '9')
        k++;
    return n > 3 && (s[2] == 'c' || s[2] == 'C') && k > 3 && k + 1 < n && s[k] == ':' &&
           s[k + 1] == ':';
}

/* A line of template markup: it starts with a tag or a variable. Prose
 * that mentions `{% block %}` in passing is not one. */
static bool template_line(const char *s, size_t n, nl_class *out)
{
    bool tag = nl_starts_with(s, n, "{%") && contains(s, n, "%}");
    bool var = nl_starts_with(s, n, "{{") && contains(s, n, "}}") && !cloze_at(s, n);
    bool comment = nl_starts_with(s, n, "{#") && contains(s, n, "#}");
    if (!tag && !var && !comment) return false;
    if (nl_prose_between_tags(s, n)) return false;
    out->lang = NL_LANG_DJANGO;
    out->strength = comment ? NL_CONT : NL_STRONG;
    out->feat |= NL_F_FEATURE;
    return true;
}

static bool has_template(const char *s, size_t n)
{
    return contains(s, n, "{%") || contains(s, n, "{{");
}

bool nl_markup_classify(const char *s, size_t n, nl_class *out)
{
    memset(out, 0, sizeof *out);
    if (template_line(s, n, out)) return true;
    if (n < 3 || s[0] != '<') return false;
    if (nl_starts_with(s, n, "<!--")) {
        out->lang = NL_LANG_HTML;
        out->strength = NL_CONT;
        out->feat |= NL_F_COMMENT;
        return true;
    }
    if (n >= 9 && (nl_starts_with(s, n, "<!DOCTYPE") || nl_starts_with(s, n, "<!doctype"))) {
        out->lang = NL_LANG_HTML;
        out->strength = NL_WEAK;
        out->feat |= NL_F_FEATURE;
        return true;
    }
    size_t i = s[1] == '/' ? 2 : 1;
    size_t k = 0;
    while (i + k < n && nl_is_ident_char((unsigned char)s[i + k]))
        k++;
    if (!known_tag(s + i, k) && !nl_in_word_list(README_TAGS, s + i, k)) return false;
    if (nl_in_word_list(README_TAGS, s + i, k) && !has_template(s, n)) return false;
    char after = i + k < n ? s[i + k] : '\0';
    if (after != ' ' && after != '>' && after != '/' && after != '\0') return false;
    char last = s[n - 1];
    if (last != '>' && last != '"' && last != '\'' && !contains(s, n, "</")) return false;
    if (nl_prose_between_tags(s, n)) return false; /* "<p>This is a sentence.</p>" */
    out->lang = NL_LANG_HTML;
    out->strength = NL_WEAK;
    if (has_template(s, n)) {
        out->lang = NL_LANG_DJANGO;
        out->strength = NL_STRONG;
    }
    if (contains(s, n, "=\"") || contains(s, n, "='") || (s[1] != '/' && contains(s, n, "</")))
        out->feat |= NL_F_FEATURE;
    return true;
}

/* --- CommonMark HTML blocks --- */

static const char *const BLOCK_TAGS =
    " address article aside base basefont blockquote body caption center col colgroup dd "
    "details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 "
    "h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol "
    "optgroup option p param section source summary table tbody td tfoot th thead title tr "
    "track ul ";

static bool tag_in(const char *list, const char *w, size_t n)
{
    char low[16];
    if (n == 0 || n + 2 >= sizeof low) return false;
    low[0] = ' ';
    for (size_t i = 0; i < n; i++)
        low[i + 1] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    low[n + 1] = ' ';
    low[n + 2] = '\0';
    return strstr(list, low) != NULL;
}

static bool contains_ci(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && (s[i + j] | 0x20) == (needle[j] | 0x20))
            j++;
        if (j == k) return true;
    }
    return false;
}

/* A complete open or closing tag alone on the line (kind 7). */
static bool lone_tag(const char *t, size_t n)
{
    if (n < 3 || t[n - 1] != '>') return false;
    size_t i = t[1] == '/' ? 2 : 1;
    if (i >= n || !nl_is_ident_start((unsigned char)t[i])) return false;
    for (size_t j = i; j + 1 < n; j++)
        if (t[j] == '<' || t[j] == '>') return false;
    return true;
}

/* Kind of HTML block the line starts (1-7, 0: none) and, for kinds 1-5,
 * the text that ends it. */
static int html_start(const char *t, size_t n, bool after_blank, const char **end)
{
    static const struct {
        const char *open, *close;
        int kind;
    } raw[] = {
        {"<script", "</script>", 1},     {"<pre", "</pre>", 1}, {"<style", "</style>", 1},
        {"<textarea", "</textarea>", 1}, {"<!--", "-->", 2},    {"<?", "?>", 3},
        {"<![CDATA[", "]]>", 5},
    };
    if (n < 2 || t[0] != '<') return 0;
    for (size_t k = 0; k < sizeof raw / sizeof *raw; k++) {
        size_t len = strlen(raw[k].open);
        if (n < len || !contains_ci(t, len, raw[k].open)) continue;
        if (raw[k].kind == 1 && n > len && !nl_in_set(t[len], " \t>")) continue;
        *end = raw[k].close;
        return raw[k].kind;
    }
    if (n > 2 && t[1] == '!' && t[2] >= 'A' && t[2] <= 'Z') {
        *end = ">";
        return 4;
    }
    size_t i = t[1] == '/' ? 2 : 1, k = 0;
    while (i + k < n && nl_is_ident_char((unsigned char)t[i + k]))
        k++;
    char after = i + k < n ? t[i + k] : ' ';
    bool closes = after == '/' && i + k + 1 < n && t[i + k + 1] == '>';
    if (tag_in(BLOCK_TAGS, t + i, k) && (after == ' ' || after == '\t' || after == '>' || closes))
        return 6;
    return after_blank && lone_tag(t, n) ? 7 : 0;
}

void nl_mark_html_blocks(nl_doc *d)
{
    const unsigned skip = NL_FENCE | NL_MDCODE | NL_PIPE | NL_LIST | NL_ITEM | NL_QUOTE;
    int id = 0;
    bool after_blank = true;
    for (size_t i = 0; i < d->n; i++) {
        nl_line *l = &d->lines[i];
        if ((l->flags & (NL_BLANK | skip)) || l->indent > 3) {
            after_blank = (l->flags & NL_BLANK) != 0;
            continue;
        }
        size_t n = l->len - l->lead;
        const char *t = nl_trim(l->s + l->lead, &n);
        const char *end = NULL;
        int kind = html_start(t, n, after_blank, &end);
        after_blank = false;
        if (!kind) continue;
        id++;
        /* kinds 1-5 end at a line holding their end text (the first line
         * after its opening), kinds 6-7 at a blank line */
        size_t j = i;
        for (; j < d->n; j++) {
            nl_line *m = &d->lines[j];
            if (kind >= 6 && (m->flags & NL_BLANK)) break;
            m->flags |= NL_HTML;
            m->html = id;
            size_t from = j == i ? l->lead + 2 : 0;
            if (kind < 6 && m->len > from && contains_ci(m->s + from, m->len - from, end)) break;
        }
        i = j < d->n ? j : d->n;
    }
}
