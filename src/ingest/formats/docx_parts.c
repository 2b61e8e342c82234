/* Styles, numbering and relationships of a Word package (docx_parts.h).
 * Style ids are localized ("berschrift1" in a German Word), so a heading
 * is known by its name ("heading 1", or the name in a dozen languages),
 * an outline level, or a style it is based on that is one. */
#include "ingest/formats/docx_parts.h"

#include "util/strmap.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_BASED 16 /* basedOn chains longer than this are cycles */
#define MAX_LEVELS 9

typedef struct {
    const xmlNode *node;
    dx_style s;
    bool resolving, resolved;
} style_slot;

/* A w:num: its abstract numbering and what it overrides of it, per
 * level: the start (w:startOverride) and the whole level (a w:lvl in its
 * w:lvlOverride, which Word writes for a list restarted in another
 * format). */
typedef struct {
    const char *num_id, *abstract;
    int start_override[MAX_LEVELS]; /* 0 none */
    const xmlNode *lvl_override[MAX_LEVELS];
    bool used;
} num_slot;

typedef struct {
    const char *abstract;
    int count[MAX_LEVELS]; /* last number given; -1 not yet */
} counter;

/* Every lookup goes through a hash map, so a part of a million styles,
 * lists or links costs a million steps, not a million squared. */
struct dx_parts {
    style_slot *styles;
    size_t nstyles;
    num_slot *nums;
    size_t nnums;
    counter *counters;
    size_t ncounters, capcounters;
    const xmlNode **levels; /* w:lvl of every abstract numbering */
    size_t nlevels, caplevels;
    const xmlNode **rels; /* Relationship elements */
    size_t nrels, caprels;
    oct_strmap style_ids, num_ids, level_keys, counter_ids, rel_ids; /* → index */
};

static bool lookup(const oct_strmap *m, const char *key, size_t *i)
{
    return key && oct_strmap_get(m, key, strlen(key), i);
}

/* The first of equal keys wins, as a linear search would find it. */
static void remember(oct_strmap *m, const char *key, size_t i)
{
    size_t old;
    if (key && !oct_strmap_get(m, key, strlen(key), &old)) oct_strmap_put(m, key, strlen(key), i);
}

static bool has_word(const char *s, const char *w)
{
    if (!s) return false;
    size_t n = strlen(w);
    for (const char *p = s; *p; p++)
        if (!strncasecmp(p, w, n)) return true;
    return false;
}

/* The font of run properties: w:rFonts' w:ascii, else its w:hAnsi. */
static const char *rfont(const xmlNode *rPr)
{
    const xmlNode *f = oct_xml_child(rPr, NS_W, "rFonts");
    const char *a = f ? oct_xml_attr(f, NS_W, "ascii") : NULL;
    return a ? a : f ? oct_xml_attr(f, NS_W, "hAnsi") : NULL;
}

static bool mono_font(const char *f)
{
    static const char *const fonts[] = {"consolas", "courier",        "mono",        "menlo",
                                        "monaco",   "lucida console", "source code", "fira code",
                                        "cascadia", "inconsolata"};
    for (size_t k = 0; f && k < sizeof fonts / sizeof *fonts; k++)
        if (has_word(f, fonts[k])) return true;
    return false;
}

/* w:b and its kind: on unless w:val says 0, false or off. */
static int toggle(const xmlNode *rPr, const char *name)
{
    const xmlNode *e = oct_xml_child(rPr, NS_W, name);
    if (!e) return -1;
    const char *v = oct_xml_attr(e, NS_W, "val");
    return !(v &&
             (!strcmp(v, "0") || !strcmp(v, "false") || !strcmp(v, "off") || !strcmp(v, "none")));
}

static unsigned set(unsigned flags, unsigned f, int on)
{
    return on < 0 ? flags : on ? flags | f : flags & ~f;
}

/* underline: whether it counts (a run's own, not a style's: links are
 * underlined by their character style, and that is no emphasis). */
static unsigned own_run_flags(const xmlNode *rPr, unsigned flags, bool underline)
{
    if (!rPr) return flags;
    flags = set(flags, DB_STRONG, toggle(rPr, "b"));
    flags = set(flags, DB_EMPH, toggle(rPr, "i"));
    int strike = toggle(rPr, "strike"), dstrike = toggle(rPr, "dstrike");
    flags = set(flags, DB_STRIKE,
                strike > 0 || dstrike > 0   ? 1
                : strike < 0 && dstrike < 0 ? -1
                                            : 0);
    /* underlined words are what a handout stresses: emphasis */
    int u = toggle(rPr, "u");
    if (u > 0 && underline) flags |= DB_EMPH;
    const char *va = oct_xml_child_attr(rPr, NS_W, "vertAlign", "val");
    /* w:position (half points up or down): raised or lowered text, as
     * LibreOffice writes a subscript */
    const char *pos = oct_xml_child_attr(rPr, NS_W, "position", "val");
    if (va || pos) flags &= ~(unsigned)(DB_SUP | DB_SUB);
    if (va && !strcmp(va, "superscript")) flags |= DB_SUP;
    if (va && !strcmp(va, "subscript")) flags |= DB_SUB;
    if (!va && pos && atoi(pos) > 0) flags |= DB_SUP;
    if (!va && pos && atoi(pos) < 0) flags |= DB_SUB;
    const char *a = rfont(rPr);
    if (a) flags = set(flags, DB_CODE, mono_font(a));
    return flags;
}

static style_slot *slot_of(const dx_parts *p, const char *id)
{
    size_t i;
    return lookup(&p->style_ids, id, &i) ? &p->styles[i] : NULL;
}

static void resolve(dx_parts *p, style_slot *st, int depth)
{
    if (st->resolved || st->resolving || depth > MAX_BASED) return;
    st->resolving = true;
    const xmlNode *n = st->node;
    dx_style *s = &st->s;
    style_slot *base = slot_of(p, oct_xml_child_attr(n, NS_W, "basedOn", "val"));
    if (base) {
        resolve(p, base, depth + 1);
        if (base->resolved) {
            const char *id = s->id;
            *s = base->s;
            s->id = id;
        }
    }
    const char *name = oct_xml_child_attr(n, NS_W, "name", "val");
    const char *nm = name ? name : s->id;
    int h = db_heading_name(nm);
    if (!h && s->id) h = db_heading_name(s->id); /* "Heading2", "berschrift2" */
    const xmlNode *pPr = oct_xml_child(n, NS_W, "pPr");
    const char *ol = oct_xml_child_attr(pPr, NS_W, "outlineLvl", "val");
    if (!h && ol && ol[0] >= '0' && ol[0] <= '8') h = ol[0] - '0' + 1 > 6 ? 6 : ol[0] - '0' + 1;
    if (h) s->heading = h;
    if (nm && (!strcasecmp(nm, "title") || !strcasecmp(nm, "titel"))) s->title = true;
    if (nm && (!strcasecmp(nm, "subtitle") || !strcasecmp(nm, "untertitel"))) s->subtitle = true;
    if (has_word(nm, "code") || has_word(nm, "preformatted") || has_word(nm, "source text") ||
        !strcasecmp(nm ? nm : "", "plain text"))
        s->code = true;
    if (has_word(nm, "quote") || has_word(nm, "zitat") || has_word(nm, "citation") ||
        !strcasecmp(nm ? nm : "", "block text"))
        s->quote = true;
    const xmlNode *numPr = oct_xml_child(pPr, NS_W, "numPr");
    if (numPr) {
        s->num_id = oct_xml_child_attr(numPr, NS_W, "numId", "val");
        const char *il = oct_xml_child_attr(numPr, NS_W, "ilvl", "val");
        s->ilvl = il ? atoi(il) : 0;
        s->has_ilvl = il != NULL;
    }
    s->flags = own_run_flags(oct_xml_child(n, NS_W, "rPr"), s->flags, false);
    const char *font = rfont(oct_xml_child(n, NS_W, "rPr"));
    if (font) s->font = font;
    st->resolving = false;
    st->resolved = true;
}

static void load_styles(dx_parts *p, const xmlDoc *styles)
{
    const xmlNode *root = styles ? xmlDocGetRootElement((xmlDoc *)styles) : NULL;
    size_t n = 0;
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
        n += oct_xml_is(c, NS_W, "style");
    p->styles = oct_xcalloc(n ? n : 1, sizeof *p->styles);
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
        if (oct_xml_is(c, NS_W, "style")) {
            p->styles[p->nstyles].node = c;
            p->styles[p->nstyles].s.id = oct_xml_attr(c, NS_W, "styleId");
            remember(&p->style_ids, p->styles[p->nstyles].s.id, p->nstyles);
            p->nstyles++;
        }
    for (size_t i = 0; i < p->nstyles; i++)
        resolve(p, &p->styles[i], 0);
}

/* "abstractNumId/ilvl", the key of a level. */
static void level_key(char *key, size_t n, const char *abstract, int ilvl)
{
    snprintf(key, n, "%.60s/%d", abstract, ilvl);
}

static void load_levels(dx_parts *p, const xmlNode *abs)
{
    const char *id = oct_xml_attr(abs, NS_W, "abstractNumId");
    for (const xmlNode *l = id ? abs->children : NULL; l; l = l->next) {
        const char *il = oct_xml_attr(l, NS_W, "ilvl");
        if (!oct_xml_is(l, NS_W, "lvl") || !il) continue;
        char key[80];
        level_key(key, sizeof key, id, atoi(il));
        OCT_GROW(p->levels, p->caplevels, p->nlevels + 1);
        p->levels[p->nlevels] = l;
        remember(&p->level_keys, key, p->nlevels++);
    }
}

static void load_numbering(dx_parts *p, const xmlDoc *numbering)
{
    const xmlNode *root = numbering ? xmlDocGetRootElement((xmlDoc *)numbering) : NULL;
    size_t n = 0;
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
        n += oct_xml_is(c, NS_W, "num");
    p->nums = oct_xcalloc(n ? n : 1, sizeof *p->nums);
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (oct_xml_is(c, NS_W, "abstractNum")) load_levels(p, c);
        if (!oct_xml_is(c, NS_W, "num")) continue;
        remember(&p->num_ids, oct_xml_attr(c, NS_W, "numId"), p->nnums);
        num_slot *s = &p->nums[p->nnums++];
        s->num_id = oct_xml_attr(c, NS_W, "numId");
        s->abstract = oct_xml_child_attr(c, NS_W, "abstractNumId", "val");
        for (const xmlNode *o = c->children; o; o = o->next) {
            const char *il = oct_xml_attr(o, NS_W, "ilvl");
            const char *so = oct_xml_child_attr(o, NS_W, "startOverride", "val");
            int l = il ? atoi(il) : -1;
            if (!oct_xml_is(o, NS_W, "lvlOverride") || l < 0 || l >= MAX_LEVELS) continue;
            if (so) s->start_override[l] = atoi(so) > 0 ? atoi(so) : 1;
            s->lvl_override[l] = oct_xml_child(o, NS_W, "lvl");
        }
    }
}

dx_parts *dx_parts_new(const oct_doc *doc)
{
    dx_parts *p = oct_xcalloc(1, sizeof *p);
    load_styles(p, doc->styles);
    load_numbering(p, doc->numbering);
    const xmlNode *rels = doc->rels ? xmlDocGetRootElement(doc->rels) : NULL;
    for (const xmlNode *c = rels ? rels->children : NULL; c; c = c->next) {
        if (!oct_xml_is(c, NULL, "Relationship")) continue;
        OCT_GROW(p->rels, p->caprels, p->nrels + 1);
        p->rels[p->nrels] = c;
        remember(&p->rel_ids, oct_xml_attr(c, NULL, "Id"), p->nrels++);
    }
    return p;
}

void dx_parts_free(dx_parts *p)
{
    if (!p) return;
    free(p->styles);
    free(p->nums);
    free(p->counters);
    free(p->levels);
    free(p->rels);
    oct_strmap_free(&p->style_ids);
    oct_strmap_free(&p->num_ids);
    oct_strmap_free(&p->level_keys);
    oct_strmap_free(&p->counter_ids);
    oct_strmap_free(&p->rel_ids);
    free(p);
}

const dx_style *dx_style_get(const dx_parts *p, const char *id)
{
    style_slot *s = slot_of(p, id);
    return s ? &s->s : NULL;
}

unsigned dx_run_flags(const dx_parts *p, const xmlNode *rPr, unsigned flags)
{
    const dx_style *cs = dx_style_get(p, oct_xml_child_attr(rPr, NS_W, "rStyle", "val"));
    if (cs) flags |= cs->flags;
    return own_run_flags(rPr, flags, true);
}

const char *dx_run_symbol_font(const dx_parts *p, const xmlNode *rPr)
{
    const char *f = rfont(rPr);
    if (!f) {
        const dx_style *cs = dx_style_get(p, oct_xml_child_attr(rPr, NS_W, "rStyle", "val"));
        f = cs ? cs->font : NULL;
    }
    return f && db_symbol_font(f) ? f : NULL;
}

/* The w:lvl of an abstract numbering, or NULL. */
static const xmlNode *level_of(const dx_parts *p, const char *abstract, int ilvl)
{
    char key[80];
    size_t i;
    level_key(key, sizeof key, abstract, ilvl);
    return lookup(&p->level_keys, key, &i) ? p->levels[i] : NULL;
}

/* Level ilvl as list ns shows it: its own w:lvl override, else the
 * abstract numbering's. */
static const xmlNode *num_level(const dx_parts *p, const num_slot *ns, int ilvl)
{
    return ns->lvl_override[ilvl] ? ns->lvl_override[ilvl] : level_of(p, ns->abstract, ilvl);
}

/* The number level ilvl of list ns starts from, and starts again from
 * when it restarts: the override's, else the level's w:start, else 1. */
static int level_start(const dx_parts *p, const num_slot *ns, int ilvl)
{
    if (ns->start_override[ilvl]) return ns->start_override[ilvl];
    const char *st = oct_xml_child_attr(num_level(p, ns, ilvl), NS_W, "start", "val");
    return st ? atoi(st) : 1;
}

/* Whether a paragraph at level `used` restarts the deeper level k. As
 * Word counts: a level restarts after any level above it unless its
 * w:lvlRestart says otherwise, 0 never, N (one-based) only after the
 * levels 1..N, so questions numbered on across the sections that a
 * numbered heading level opens keep counting; a value naming k itself or
 * a level below it is ignored. */
static bool restarts(const dx_parts *p, const num_slot *ns, int k, int used)
{
    const char *r = oct_xml_child_attr(num_level(p, ns, k), NS_W, "lvlRestart", "val");
    if (!r) return true;
    int upto = atoi(r);
    if (upto <= 0) return false;
    return upto > k || used < upto;
}

bool dx_list_next(dx_parts *p, const char *num_id, int ilvl, bool *ordered, int *number,
                  const void **key)
{
    if (!num_id || !strcmp(num_id, "0")) return false;
    size_t at;
    num_slot *ns = lookup(&p->num_ids, num_id, &at) ? &p->nums[at] : NULL;
    if (!ns || !ns->abstract) return false;
    if (ilvl < 0 || ilvl >= MAX_LEVELS) ilvl = ilvl < 0 ? 0 : MAX_LEVELS - 1;
    const char *fmt = oct_xml_child_attr(num_level(p, ns, ilvl), NS_W, "numFmt", "val");
    *ordered = fmt && strcmp(fmt, "bullet") && strcmp(fmt, "none");
    counter *c = lookup(&p->counter_ids, ns->abstract, &at) ? &p->counters[at] : NULL;
    if (!c) {
        remember(&p->counter_ids, ns->abstract, p->ncounters);
        OCT_GROW(p->counters, p->capcounters, p->ncounters + 1);
        c = &p->counters[p->ncounters++];
        c->abstract = ns->abstract;
        for (int k = 0; k < MAX_LEVELS; k++)
            c->count[k] = -1;
    }
    /* lists of one abstract numbering count on together (Word's way);
     * one that overrides a level's start restarts it at its first use */
    if (!ns->used) {
        ns->used = true;
        for (int k = 0; k < MAX_LEVELS; k++)
            if (ns->start_override[k]) c->count[k] = -1;
    }
    c->count[ilvl] = c->count[ilvl] < 0 ? level_start(p, ns, ilvl) : c->count[ilvl] + 1;
    for (int k = ilvl + 1; k < MAX_LEVELS; k++)
        if (restarts(p, ns, k, ilvl)) c->count[k] = -1;
    *number = c->count[ilvl];
    *key = (const void *)(uintptr_t)(c - p->counters + 1); /* counters move as they grow */
    return true;
}

static const num_slot *num_of(const dx_parts *p, const char *num_id)
{
    size_t at;
    if (!num_id || !strcmp(num_id, "0") || !lookup(&p->num_ids, num_id, &at)) return NULL;
    return p->nums[at].abstract ? &p->nums[at] : NULL;
}

int dx_list_style_level(const dx_parts *p, const char *num_id, const char *style_id, int fallback)
{
    const num_slot *ns = num_of(p, num_id);
    for (int k = 0; ns && style_id && k < MAX_LEVELS; k++) {
        const char *ps = oct_xml_child_attr(num_level(p, ns, k), NS_W, "pStyle", "val");
        if (ps && !strcmp(ps, style_id)) return k;
    }
    return fallback;
}

/* Word's numFmt as a style of db_number_text; 0 for none or a bullet. */
static char number_style(const char *fmt)
{
    static const struct {
        const char *name;
        char style;
    } fmts[] = {{"decimalZero", '0'}, {"lowerLetter", 'a'}, {"upperLetter", 'A'},
                {"lowerRoman", 'i'},  {"upperRoman", 'I'},  {"bullet", 0},
                {"none", 0}};
    for (size_t k = 0; fmt && k < sizeof fmts / sizeof *fmts; k++)
        if (!strcmp(fmt, fmts[k].name)) return fmts[k].style;
    return '1'; /* decimal, and the rarer ones (ordinal, Japanese counting…) */
}

void dx_list_label(const dx_parts *p, const char *num_id, int ilvl, oct_buf *out)
{
    const num_slot *ns = num_of(p, num_id);
    size_t at;
    const counter *c = ns && lookup(&p->counter_ids, ns->abstract, &at) ? &p->counters[at] : NULL;
    if (!c || ilvl < 0 || ilvl >= MAX_LEVELS) return;
    const xmlNode *lvl = num_level(p, ns, ilvl);
    const char *text = oct_xml_child_attr(lvl, NS_W, "lvlText", "val");
    if (!text || !number_style(oct_xml_child_attr(lvl, NS_W, "numFmt", "val"))) return;
    bool legal = oct_xml_child(lvl, NS_W, "isLgl") != NULL; /* "1.1" whatever the formats */
    size_t start = out->len;
    for (const char *t = text; *t && out->len - start < 200; t++) {
        if (t[0] != '%' || t[1] < '1' || t[1] > '9') {
            oct_buf_putc(out, *t);
            continue;
        }
        int k = *++t - '1';
        const xmlNode *kl = num_level(p, ns, k);
        int n = c->count[k] >= 0 ? c->count[k] : level_start(p, ns, k); /* a level not yet used */
        char style = number_style(oct_xml_child_attr(kl, NS_W, "numFmt", "val"));
        db_number_text(n, legal || !style ? '1' : style, out);
    }
    const char *suff = oct_xml_child_attr(lvl, NS_W, "suff", "val");
    if (out->len > start && !(suff && !strcmp(suff, "nothing"))) oct_buf_putc(out, ' ');
}

const char *dx_rel(const dx_parts *p, const char *rid, bool *external)
{
    *external = false;
    size_t i;
    if (!lookup(&p->rel_ids, rid, &i)) return NULL;
    const char *mode = oct_xml_attr(p->rels[i], NULL, "TargetMode");
    *external = mode && !strcmp(mode, "External");
    return oct_xml_attr(p->rels[i], NULL, "Target");
}
