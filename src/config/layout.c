#include "config/layout_internal.h"
#include "config/fontprobe.h"
#include "config/yaml.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/xalloc.h"
#include "oct_limits.h"

#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Every value has a built-in default (the same values layouts/a4.yaml
 * spells out), so a layout file only overrides what it changes. Fields
 * are table-driven: one row per key says its type, where it goes and
 * what range makes sense, so adding a key is adding a row. */

#ifndef OCTAVO_DATA_DIR
#define OCTAVO_DATA_DIR "."
#endif

#define MM(x) ((x)*72.0 / 25.4)

/* F_SIZE is a length too, with a message that speaks of type sizes. */
typedef enum { F_LENGTH, F_SIZE, F_NUMBER, F_COLOR } field_kind;

typedef struct {
    const char *key;
    field_kind kind;
    size_t off; /* into oct_layout */
    double min, max;
} field;

static const field MARGIN_FIELDS[] = {
    {"top", F_LENGTH, offsetof(oct_layout, margin_top), 0, 1e4},
    {"bottom", F_LENGTH, offsetof(oct_layout, margin_bottom), 0, 1e4},
    {"inner", F_LENGTH, offsetof(oct_layout, margin_inner), 0, 1e4},
    {"outer", F_LENGTH, offsetof(oct_layout, margin_outer), 0, 1e4},
};

static const field SIZE_FIELDS[] = {
    {"body", F_SIZE, offsetof(oct_layout, body_size), 4, 36},
    {"leading", F_NUMBER, offsetof(oct_layout, leading), 0.8, 3},
    {"h1", F_SIZE, offsetof(oct_layout, h1_size), 4, 96},
    {"h2", F_SIZE, offsetof(oct_layout, h2_size), 4, 96},
    {"h3", F_SIZE, offsetof(oct_layout, h3_size), 4, 96},
    {"h4", F_SIZE, offsetof(oct_layout, h4_size), 4, 96},
    {"code", F_SIZE, offsetof(oct_layout, code_size), 4, 36},
    {"small", F_SIZE, offsetof(oct_layout, small_size), 4, 36},
    {"paragraph-gap", F_LENGTH, offsetof(oct_layout, paragraph_gap), 0, 72},
};

static const field COLOR_FIELDS[] = {
    {"text", F_COLOR, offsetof(oct_layout, text), 0, 0},
    {"heading", F_COLOR, offsetof(oct_layout, heading_color), 0, 0},
    {"link", F_COLOR, offsetof(oct_layout, link), 0, 0},
    {"code-background", F_COLOR, offsetof(oct_layout, code_background), 0, 0},
    {"rule", F_COLOR, offsetof(oct_layout, rule), 0, 0},
    {"muted", F_COLOR, offsetof(oct_layout, muted), 0, 0},
    {"accent", F_COLOR, offsetof(oct_layout, accent), 0, 0},
};

static const field CARD_FIELDS[] = {
    {"columns", F_NUMBER, offsetof(oct_layout, cards.columns), 1, 8},
    {"rows", F_NUMBER, offsetof(oct_layout, cards.rows), 1, 8},
    {"width", F_LENGTH, offsetof(oct_layout, cards.width), 0, 14400},
    {"height", F_LENGTH, offsetof(oct_layout, cards.height), 0, 14400},
    {"gutter", F_LENGTH, offsetof(oct_layout, cards.gutter), 0, 144},
    {"padding", F_LENGTH, offsetof(oct_layout, cards.padding), 0, 72},
    {"prompt", F_SIZE, offsetof(oct_layout, cards.prompt_size), 4, 36},
    {"answer", F_SIZE, offsetof(oct_layout, cards.answer_size), 4, 36},
    {"floor", F_SIZE, offsetof(oct_layout, cards.floor_size), 4, 36},
    {"label", F_SIZE, offsetof(oct_layout, cards.label_size), 4, 36},
};

#define NFIELDS(t) (sizeof(t) / sizeof((t)[0]))

static const struct {
    const char *name;
    double w, h;
} PAPER[] = {
    {"A4", MM(210), MM(297)},
    {"A5", MM(148), MM(210)},
    {"Letter", 8.5 * 72, 11 * 72},
    {"Legal", 8.5 * 72, 14 * 72},
};

int oct_layout_paper(const char *name, double *w, double *h)
{
    for (size_t i = 0; i < NFIELDS(PAPER); i++) {
        if (strcasecmp(name, PAPER[i].name) == 0) {
            *w = PAPER[i].w;
            *h = PAPER[i].h;
            return 0;
        }
    }
    return -1;
}

static oct_color rgb(unsigned hex)
{
    return (oct_color){((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0,
                       (hex & 0xFF) / 255.0};
}

/* A4, Charis SIL 10.5/14.2 on a 140mm measure: about 70 characters a
 * line, with a wide outer margin for the reader's own notes. */
static void set_defaults(oct_layout *l)
{
    l->page_width = MM(210);
    l->page_height = MM(297);
    l->margin_top = MM(22);
    l->margin_bottom = MM(30);
    l->margin_inner = MM(25);
    l->margin_outer = MM(45);
    l->body_size = 10.5;
    l->leading = 1.35;
    l->h1_size = 22;
    l->h2_size = 16;
    l->h3_size = 12.5;
    l->h4_size = 10.5;
    l->code_size = 8.5;
    l->small_size = 8.5;
    l->paragraph_gap = 6;
    l->question_checkbox = true;
    l->justify = true;
    l->breaks = (oct_breaks){2, 2, 8, true, true};
    l->text = rgb(0x1a1a1a);
    l->heading_color = rgb(0x1f3a5f);
    l->link = rgb(0x1d5fa0);
    l->code_background = rgb(0xf3f3ef);
    l->rule = rgb(0xc4c4c4);
    l->muted = rgb(0x666666);
    l->accent = rgb(0xa8432a);
    l->cards = (oct_cards){2, 4, 0, 0, MM(6), MM(4), 12, 10, 6.5, 8, true};
}

static int read_value(loader *ld, const field *f, const oct_yaml_node *n, double *v)
{
    if (f->kind == F_NUMBER) return oct_yaml_number(ld->doc, n, v);
    if (f->kind == F_LENGTH) return oct_yaml_length(ld->doc, n, v);
    if (n->kind == OCT_YAML_SCALAR && !oct_yaml_is_null(n) &&
        oct_yaml_parse_length(n->text, v) == 0)
        return 0;
    oct_yaml_error(ld->doc, n, "wrong-type",
                   "'%s' must be a number of points (e.g. 10.5 or 10.5pt), got %s", f->key,
                   n->kind != OCT_YAML_SCALAR ? "a list or mapping"
                   : oct_yaml_is_null(n)      ? "nothing"
                                              : oct_arena_printf(ld->doc->arena, "'%s'", n->text));
    return -1;
}

static void read_field(loader *ld, const field *f, const oct_yaml_node *n)
{
    char *dst = (char *)ld->l + f->off;
    if (f->kind == F_COLOR) {
        double c[3];
        if (oct_yaml_color(ld->doc, n, c) == 0) *(oct_color *)dst = (oct_color){c[0], c[1], c[2]};
        return;
    }
    double v;
    if (read_value(ld, f, n, &v)) return;
    if (v < f->min || v > f->max) {
        const char *unit = f->kind == F_NUMBER ? "" : "pt";
        oct_yaml_error(ld->doc, n, "invalid-value", "'%s' must be between %g%s and %g%s, got '%s'",
                       f->key, f->min, unit, f->max, unit, n->text);
        return;
    }
    *(double *)dst = v;
}

int oct_layout_key_index(const char *const keys[], const char *key)
{
    for (int i = 0; keys[i]; i++)
        if (!strcmp(keys[i], key)) return i;
    return -1;
}

/* Reads one section (a mapping of fields), in file order so diagnostics
 * come out in the order of the lines they point at. */
static void read_fields(loader *ld, const oct_yaml_node *map, const char *where,
                        const field *fields, size_t n)
{
    if (oct_yaml_expect(ld->doc, map, OCT_YAML_MAPPING)) return;
    const char *allowed[16];
    for (size_t i = 0; i < n; i++)
        allowed[i] = fields[i].key;
    allowed[n] = NULL;
    for (const oct_yaml_node *c = map->first; c; c = c->next) {
        int i = oct_layout_key_index(allowed, c->key);
        if (i < 0)
            oct_yaml_unknown_key(ld->doc, c, where, allowed);
        else
            read_field(ld, &fields[i], c);
    }
}

static void read_page_size(loader *ld, const oct_yaml_node *n)
{
    if (n->kind == OCT_YAML_SEQUENCE) {
        double wh[2];
        if (n->count != 2) {
            oct_yaml_error(ld->doc, n, "invalid-value",
                           "'size' must be a paper name or [width, height], got a list of %zu",
                           n->count);
            return;
        }
        if (oct_yaml_length(ld->doc, n->first, &wh[0]) ||
            oct_yaml_length(ld->doc, n->first->next, &wh[1]))
            return;
        for (int i = 0; i < 2; i++) {
            if (wh[i] < 72 || wh[i] > 14400) {
                oct_yaml_error(ld->doc, i ? n->first->next : n->first, "invalid-value",
                               "page %s must be between 72pt (1in) and 14400pt (200in)",
                               i ? "height" : "width");
                return;
            }
        }
        ld->l->page_width = wh[0];
        ld->l->page_height = wh[1];
        return;
    }
    const char *s;
    if (oct_yaml_string(ld->doc, n, &s)) return;
    for (size_t i = 0; i < NFIELDS(PAPER); i++) {
        if (strcasecmp(s, PAPER[i].name) == 0) {
            ld->l->page_width = PAPER[i].w;
            ld->l->page_height = PAPER[i].h;
            return;
        }
    }
    oct_yaml_error(ld->doc, n, "invalid-value",
                   "unknown page size '%s' (use A4, A5, Letter, Legal or [width, height])", s);
}

static void read_margins(loader *ld, const oct_yaml_node *m)
{
    ld->margins_at = m;
    if (m->kind != OCT_YAML_SCALAR) {
        read_fields(ld, m, "margins", MARGIN_FIELDS, NFIELDS(MARGIN_FIELDS));
        return;
    }
    /* Shorthand: one length for all four margins. */
    double v;
    if (oct_yaml_length(ld->doc, m, &v)) return;
    if (v < 0) {
        oct_yaml_error(ld->doc, m, "invalid-value", "'margins' must not be negative");
        return;
    }
    ld->l->margin_top = ld->l->margin_bottom = ld->l->margin_inner = ld->l->margin_outer = v;
}

static void read_page(loader *ld, const oct_yaml_node *page)
{
    static const char *const keys[] = {"size", "margins", NULL};
    if (oct_yaml_expect(ld->doc, page, OCT_YAML_MAPPING)) return;
    for (const oct_yaml_node *c = page->first; c; c = c->next) {
        switch (oct_layout_key_index(keys, c->key)) {
        case 0:
            ld->size_at = c;
            read_page_size(ld, c);
            break;
        case 1:
            read_margins(ld, c);
            break;
        default:
            oct_yaml_unknown_key(ld->doc, c, "page", keys);
        }
    }
}

char *oct_layout_join_path(const char *dir, const char *name)
{
    if (name[0] == '/' || !dir || !*dir) return oct_xstrdup(name);
    size_t n = strlen(dir);
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, dir);
    if (dir[n - 1] != '/') oct_buf_putc(&b, '/');
    oct_buf_puts(&b, name);
    return oct_buf_detach(&b);
}

void oct_layout_read_bool(loader *ld, const oct_yaml_node *n, bool *out)
{
    if (n->kind == OCT_YAML_SCALAR && !oct_yaml_is_null(n)) {
        if (!strcmp(n->text, "true")) {
            *out = true;
            return;
        }
        if (!strcmp(n->text, "false")) {
            *out = false;
            return;
        }
    }
    oct_yaml_error(ld->doc, n, "wrong-type", "'%s' must be true or false, got %s", n->key,
                   n->kind != OCT_YAML_SCALAR ? "a list or mapping"
                   : oct_yaml_is_null(n)      ? "nothing"
                                              : oct_arena_printf(ld->doc->arena, "'%s'", n->text));
}

bool oct_layout_read_whole(loader *ld, const oct_yaml_node *n, int *out, int lo, int hi)
{
    double v;
    if (oct_yaml_number(ld->doc, n, &v) != 0) return false;
    if (v != (double)(long)v || v < lo || v > hi) {
        oct_yaml_error(ld->doc, n, "invalid-value",
                       "'%s' must be a whole number from %d to %d, got '%s'", n->key, lo, hi,
                       n->text);
        return false;
    }
    *out = (int)v;
    return true;
}

/* `mode: study|quiz|flashcards`: how the booklet is printed unless the
 * manifest or --mode says otherwise. */
static const char *const MODES[] = {"study", "quiz", "flashcards", NULL};

const char *oct_mode_name(const char *s)
{
    int i = s ? oct_layout_key_index(MODES, s) : -1;
    return i >= 0 ? MODES[i] : NULL;
}

static void read_mode(loader *ld, const oct_yaml_node *n)
{
    const char *mode =
        n->kind == OCT_YAML_SCALAR && !oct_yaml_is_null(n) ? oct_mode_name(n->text) : NULL;
    if (mode) {
        ld->l->mode = mode;
        return;
    }
    oct_yaml_error(ld->doc, n, "invalid-value", "'mode' must be 'study', 'quiz' or 'flashcards'");
}

/* `cards:` the flashcard grid: number and length fields, and `cut-marks`.
 * Columns and rows are whole numbers; a card must leave room for text. */
static void read_cards(loader *ld, const oct_yaml_node *map)
{
    if (oct_yaml_expect(ld->doc, map, OCT_YAML_MAPPING)) return;
    ld->cards_at = map;
    const char *allowed[NFIELDS(CARD_FIELDS) + 2];
    for (size_t i = 0; i < NFIELDS(CARD_FIELDS); i++)
        allowed[i] = CARD_FIELDS[i].key;
    allowed[NFIELDS(CARD_FIELDS)] = "cut-marks";
    allowed[NFIELDS(CARD_FIELDS) + 1] = NULL;
    oct_cards *c = &ld->l->cards;
    for (const oct_yaml_node *k = map->first; k; k = k->next) {
        int i = oct_layout_key_index(allowed, k->key);
        if (i < 0) {
            oct_yaml_unknown_key(ld->doc, k, "cards", allowed);
        } else if ((size_t)i == NFIELDS(CARD_FIELDS)) {
            oct_layout_read_bool(ld, k, &c->cut_marks);
        } else {
            read_field(ld, &CARD_FIELDS[i], k);
            double *v = (double *)((char *)ld->l + CARD_FIELDS[i].off);
            if (i < 2 && *v != (double)(int)*v) {
                oct_yaml_error(ld->doc, k, "invalid-value", "'%s' must be a whole number, got '%s'",
                               k->key, k->text);
                *v = (double)(int)*v;
            }
        }
    }
    if (c->floor_size > c->answer_size)
        oct_yaml_error(ld->doc, map, "invalid-value",
                       "'floor' (%gpt) must not be larger than 'answer' (%gpt)", c->floor_size,
                       c->answer_size);
}

static void read_document(loader *ld)
{
    static const char *const keys[] = {"page",   "fonts", "sizes", "colours", "question_checkbox",
                                       "mode",   "cards", "emoji", "impose",  "justify",
                                       "breaks", NULL};
    const oct_yaml_node *root = ld->doc->root;
    if (!root) return; /* an empty layout: all defaults */
    if (oct_yaml_expect(ld->doc, root, OCT_YAML_MAPPING)) return;
    for (const oct_yaml_node *c = root->first; c; c = c->next) {
        switch (oct_layout_key_index(keys, c->key)) {
        case 0:
            read_page(ld, c);
            break;
        case 1:
            oct_layout_read_fonts(ld, c);
            break;
        case 2:
            read_fields(ld, c, "sizes", SIZE_FIELDS, NFIELDS(SIZE_FIELDS));
            break;
        case 3:
            read_fields(ld, c, "colours", COLOR_FIELDS, NFIELDS(COLOR_FIELDS));
            break;
        case 4:
            oct_layout_read_bool(ld, c, &ld->l->question_checkbox);
            break;
        case 5:
            read_mode(ld, c);
            break;
        case 6:
            read_cards(ld, c);
            break;
        case 7:
            oct_layout_read_emoji(ld, c);
            break;
        case 8:
            oct_layout_read_impose(ld, c);
            break;
        case 9:
            oct_layout_read_bool(ld, c, &ld->l->justify);
            break;
        case 10:
            oct_layout_read_breaks(ld, c);
            break;
        default:
            oct_yaml_unknown_key(ld->doc, c, NULL, keys);
        }
    }
}

/* Margins that eat the page are a mistake, not a design. */
static void check_text_area(loader *ld)
{
    const oct_layout *l = ld->l;
    double w = l->page_width - l->margin_inner - l->margin_outer;
    double h = l->page_height - l->margin_top - l->margin_bottom;
    if (w >= 72 && h >= 72) return;
    const oct_yaml_node *at = ld->margins_at ? ld->margins_at : ld->size_at;
    oct_yaml_error(ld->doc, at, "invalid-value",
                   "the margins leave a text area of %.0fpt x %.0fpt; at least 72pt (1in) "
                   "each way is needed",
                   w, h);
}

/* Cards of a given size must fit on the page side by side (a size left
 * out is the page shared out, which always fits). */
static void check_cards(loader *ld)
{
    const oct_layout *l = ld->l;
    const oct_cards *c = &l->cards;
    double w = c->columns * c->width + (c->columns - 1) * c->gutter;
    double h = c->rows * c->height + (c->rows - 1) * c->gutter;
    if (!ld->cards_at || (w <= l->page_width && h <= l->page_height)) return;
    oct_yaml_error(ld->doc, ld->cards_at, "invalid-value",
                   "%g x %g cards of %.0f x %.0f mm do not fit on a %.0f x %.0f mm page",
                   c->columns, c->rows, c->width * 25.4 / 72, c->height * 25.4 / 72,
                   l->page_width * 25.4 / 72, l->page_height * 25.4 / 72);
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int is_path(const char *s)
{
    return strchr(s, '/') || has_suffix(s, ".yaml") || has_suffix(s, ".yml");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "a4, a5, letter" (caller frees), for the unknown-layout message. */
static char *list_layouts(const char *dir)
{
    oct_buf b = OCT_BUF_INIT;
    DIR *d = opendir(dir);
    if (!d) return oct_buf_detach(&b);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !has_suffix(e->d_name, ".yaml")) continue;
        OCT_GROW(names, cap, n + 1);
        names[n++] = oct_xstrndup(e->d_name, strlen(e->d_name) - 5);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        oct_buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
        free(names[i]);
    }
    free(names);
    return oct_buf_detach(&b);
}

/* Fills l->name and l->path; returns 0, or -1 after reporting. */
static int resolve_layout(const char *name_or_path, const char *layouts_dir, oct_layout *l,
                          oct_diag *diag)
{
    if (!*name_or_path) {
        oct_diag_report(diag, OCT_ERROR, NULL, 0, 0, "unknown-layout", "empty layout name");
        return -1;
    }
    if (is_path(name_or_path)) {
        const char *base = strrchr(name_or_path, '/');
        base = base ? base + 1 : name_or_path;
        size_t n = strlen(base);
        if (has_suffix(base, ".yaml"))
            n -= 5;
        else if (has_suffix(base, ".yml"))
            n -= 4;
        l->name = oct_xstrndup(base, n);
        l->path = oct_xstrdup(name_or_path);
        return 0;
    }
    oct_buf b = OCT_BUF_INIT;
    oct_buf_printf(&b, "%s.yaml", name_or_path);
    l->path = oct_layout_join_path(layouts_dir, b.data);
    oct_buf_free(&b);
    l->name = oct_xstrdup(name_or_path);
    struct stat st;
    if (stat(l->path, &st) == 0) return 0;
    char *avail = list_layouts(layouts_dir);
    oct_diag_report(diag, OCT_ERROR, NULL, 0, 0, "unknown-layout",
                    "unknown layout '%s' (no %s); available: %s", name_or_path, l->path,
                    *avail ? avail : "none");
    free(avail);
    return -1;
}

int oct_layout_load(const char *name_or_path, const char *layouts_dir, const char *fonts_dir,
                    oct_layout *out, oct_diag *diag)
{
    oct_layout l = {0};
    loader ld = {.l = &l};
    int rc = -1;
    if (!name_or_path) name_or_path = "a4";
    if (!layouts_dir) layouts_dir = OCTAVO_DATA_DIR "/layouts";
    if (!fonts_dir) fonts_dir = OCTAVO_DATA_DIR "/fonts";
    ld.fonts_dir = fonts_dir;

    if (resolve_layout(name_or_path, layouts_dir, &l, diag)) goto out;
    if (!(ld.doc = oct_yaml_load(l.path, diag))) goto out;
    set_defaults(&l);
    oct_layout_default_fonts(&ld);
    read_document(&ld);
    check_text_area(&ld);
    check_cards(&ld);
    oct_layout_check_impose(&ld);
    oct_layout_resolve_fonts(&ld);
    if (ld.doc->errors == 0) rc = 0;
out:
    oct_yaml_free(ld.doc);
    if (rc) oct_layout_release(&l);
    *out = l;
    return rc;
}

void oct_layout_release(oct_layout *l)
{
    if (!l) return;
    free(l->name);
    free(l->path);
    oct_layout_release_fonts(l);
    memset(l, 0, sizeof *l);
}
