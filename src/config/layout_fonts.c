/* The `fonts:` section of a layout: body, heading and mono families and
 * the fallback chain, and the `emoji:` choice.
 *
 * The chain is tried in order for a character its text's own face lacks
 * (src/pdf/text.c). Its default takes the script fonts from Debian
 * packages (fonts-noto-core, fonts-droid-fallback, fonts-nanum,
 * fonts-noto-color-emoji, installed by build.sh; the README says why), the symbols from the
 * vendored DejaVu Sans. A chain file that does not exist is a warning, not
 * an error: the build goes on and what only that font could draw prints
 * as a box, reported per character. Chain files are checked cheaply here
 * (existence, TrueType magic) and probed in full only when the PDF first
 * needs one, so a build that never draws Chinese never reads a 4 MB
 * font. */
#include "config/fontprobe.h"
#include "config/layout_internal.h"
#include "oct_limits.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NOTO "/usr/share/fonts/truetype/noto/"

static const char *const FAMILY_KEYS[] = {"body", "heading", "mono", "fallback", NULL};
static const char *const VARIANT_KEYS[LAYOUT_VARIANTS + 1] = {"regular", "bold", "italic",
                                                              "bold-italic", NULL};
static const char *const DEFAULT_FONTS[LAYOUT_FAMILIES][LAYOUT_VARIANTS] = {
    {"CharisSIL-Regular.ttf", "CharisSIL-Bold.ttf", "CharisSIL-Italic.ttf",
     "CharisSIL-BoldItalic.ttf"},
    {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"},
    {"JetBrainsMono-Regular.ttf", "JetBrainsMono-Bold.ttf", "JetBrainsMono-Italic.ttf",
     "JetBrainsMono-BoldItalic.ttf"},
};

/* Scripts first (their fonts hold little else), so Arabic and Hebrew come
 * from faces made for them rather than from DejaVu's; then symbols and
 * arrows (DejaVu), mathematics, more symbols, CJK (Droid has no Hangul:
 * Nanum Myeongjo after it; before it, its Hanja would mix two designs in
 * Chinese text), emoji. */
static const char *const DEFAULT_CHAIN[][2] = {
    {NOTO "NotoNaskhArabic-Regular.ttf", NOTO "NotoNaskhArabic-Bold.ttf"},
    {NOTO "NotoSerifHebrew-Regular.ttf", NOTO "NotoSerifHebrew-Bold.ttf"},
    {NOTO "NotoSerifDevanagari-Regular.ttf", NOTO "NotoSerifDevanagari-Bold.ttf"},
    {NOTO "NotoSerifThai-Regular.ttf", NOTO "NotoSerifThai-Bold.ttf"},
    {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"},
    {NOTO "NotoSansMath-Regular.ttf", NULL},
    {NOTO "NotoSansSymbols2-Regular.ttf", NULL},
    {NOTO "NotoSansSymbols-Regular.ttf", NOTO "NotoSansSymbols-Bold.ttf"},
    {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", NULL},
    {"/usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf",
     "/usr/share/fonts/truetype/nanum/NanumMyeongjoBold.ttf"},
    /* the other scripts of India and South and South-East Asia, Ethiopia
     * and Tibet (Georgian and Armenian are DejaVu's), serif to sit beside
     * Charis; after the common ones, as a character's face is looked for
     * down the chain */
    {NOTO "NotoSerifBengali-Regular.ttf", NOTO "NotoSerifBengali-Bold.ttf"},
    {NOTO "NotoSerifTamil-Regular.ttf", NOTO "NotoSerifTamil-Bold.ttf"},
    {NOTO "NotoSerifTelugu-Regular.ttf", NOTO "NotoSerifTelugu-Bold.ttf"},
    {NOTO "NotoSerifKannada-Regular.ttf", NOTO "NotoSerifKannada-Bold.ttf"},
    {NOTO "NotoSerifMalayalam-Regular.ttf", NOTO "NotoSerifMalayalam-Bold.ttf"},
    {NOTO "NotoSerifGujarati-Regular.ttf", NOTO "NotoSerifGujarati-Bold.ttf"},
    {NOTO "NotoSerifGurmukhi-Regular.ttf", NOTO "NotoSerifGurmukhi-Bold.ttf"},
    {NOTO "NotoSansOriya-Regular.ttf", NOTO "NotoSansOriya-Bold.ttf"},
    {NOTO "NotoSerifSinhala-Regular.ttf", NOTO "NotoSerifSinhala-Bold.ttf"},
    {NOTO "NotoSerifKhmer-Regular.ttf", NOTO "NotoSerifKhmer-Bold.ttf"},
    {NOTO "NotoSerifLao-Regular.ttf", NOTO "NotoSerifLao-Bold.ttf"},
    {NOTO "NotoSerifMyanmar-Regular.ttf", NOTO "NotoSerifMyanmar-Bold.ttf"},
    {NOTO "NotoSerifTibetan-Regular.ttf", NOTO "NotoSerifTibetan-Bold.ttf"},
    {NOTO "NotoSerifEthiopic-Regular.ttf", NOTO "NotoSerifEthiopic-Bold.ttf"},
    {NOTO "NotoColorEmoji.ttf", NULL},
};

void oct_layout_default_fonts(loader *ld)
{
    for (int f = 0; f < LAYOUT_FAMILIES; f++)
        for (int v = 0; v < LAYOUT_VARIANTS; v++)
            ld->fonts[f][v] = (font_ref){DEFAULT_FONTS[f][v], NULL};
    ld->nchain = 0;
    for (size_t i = 0; i < sizeof DEFAULT_CHAIN / sizeof *DEFAULT_CHAIN; i++) {
        ld->chain[ld->nchain][0] = (font_ref){DEFAULT_CHAIN[i][0], NULL};
        ld->chain[ld->nchain][1] = (font_ref){DEFAULT_CHAIN[i][1], NULL};
        ld->chain[ld->nchain][2] = ld->chain[ld->nchain][3] = (font_ref){NULL, NULL};
        ld->nchain++;
    }
}

/* The PDF embeds TrueType outlines only (CIDFontType2, src/pdf/fontobj.c);
 * catch a CFF .otf or a collection here, where the message can name the
 * key. `full`: also probe the tables (fontprobe.h); otherwise only the
 * file's existence and magic are checked. */
enum { WHY_SIZE = 256 };

static const char *font_problem(const char *path, bool full, const char **code,
                                char why[WHY_SIZE])
{
    *code = "missing-font";
    struct stat st;
    if (stat(path, &st) != 0) return "not found";
    if (!S_ISREG(st.st_mode)) return "not a regular file";
    if (st.st_size > (off_t)OCT_LIMIT_FONT_BYTES) {
        *code = "limit-font-size";
        snprintf(why, WHY_SIZE, "is larger than the limit of %u bytes", OCT_LIMIT_FONT_BYTES);
        return why;
    }
    if (st.st_size < 4) return "is not a TrueType font file";
    size_t len = 0;
    /* mapped, not copied: the probe reads every table of a file of
     * megabytes, and the PDF maps the same pages again */
    unsigned char *m = full ? oct_map_file(path, OCT_LIMIT_FONT_BYTES, &len)
                            : (unsigned char *)oct_read_head(path, 4, &len);
    if (!m) return "cannot be opened";
    const char *problem = NULL;
    if (len >= 4 && ((m[0] == 0 && m[1] == 1 && m[2] == 0 && m[3] == 0) || !memcmp(m, "true", 4))) {
        /* a damaged file is refused here, with its key, before any
         * library reads it (fontprobe.h) */
        if (full && oct_font_probe_mem(m, len, why, WHY_SIZE) != 0) {
            *code = "font-damaged";
            problem = why;
        }
    } else if (len >= 4 && !memcmp(m, "OTTO", 4)) {
        problem = "is an OpenType/CFF font; a TrueType (.ttf) file is needed";
    } else if (len >= 4 && !memcmp(m, "ttcf", 4)) {
        problem = "is a font collection (.ttc); a single TrueType (.ttf) file is needed";
    } else {
        problem = "is not a TrueType font file";
    }
    if (full)
        oct_unmap_file(m, len);
    else
        free(m);
    return problem;
}

/* Checks one font file; reports a problem at the key that named it or,
 * for a built-in default, at the layout file as a whole. A chain file
 * that is missing is a warning. Returns 0 when the file is usable. */
static int check_font(loader *ld, const char *family, int var, const font_ref *r, bool chain)
{
    char *path = oct_layout_join_path(ld->fonts_dir, r->name);
    const char *code;
    char why[WHY_SIZE]; /* per call: booklets load their layouts side by side (--jobs) */
    const char *problem = font_problem(path, !chain, &code, why);
    if (problem && chain && !strcmp(problem, "not found")) {
        oct_diag_report(ld->doc->diag, OCT_WARNING, ld->doc->file, r->at ? r->at->line : 0,
                        r->at ? r->at->col : 0, "font-fallback-missing",
                        "fallback font %s: %s; characters only it could draw print as boxes", path,
                        problem);
    } else if (problem && r->at) {
        oct_yaml_error(ld->doc, r->at, code, "font file for '%s' in '%s' %s: %s", VARIANT_KEYS[var],
                       family, problem, path);
    } else if (problem) {
        oct_yaml_error(ld->doc, NULL, code,
                       "built-in font for '%s' in '%s' %s: %s (is the fonts directory right?)",
                       VARIANT_KEYS[var], family, problem, path);
    }
    free(path);
    return problem ? -1 : 0;
}

/* A family mapping (`regular:` required) into refs; 0 or -1. Files of
 * body, heading and mono (`check`) are checked as they are read, so the
 * messages come in the order of their lines. */
static int read_family(loader *ld, const oct_yaml_node *n, font_ref refs[LAYOUT_VARIANTS],
                       bool check)
{
    if (oct_yaml_expect(ld->doc, n, OCT_YAML_MAPPING)) return -1;
    for (int v = 0; v < LAYOUT_VARIANTS; v++)
        refs[v] = (font_ref){NULL, NULL};
    for (const oct_yaml_node *c = n->first; c; c = c->next) {
        int v = oct_layout_key_index(VARIANT_KEYS, c->key);
        const char *name;
        if (v < 0)
            oct_yaml_unknown_key(ld->doc, c, n->key ? n->key : "fallback", VARIANT_KEYS);
        else if (oct_yaml_nonempty(ld->doc, c, &name) == 0) {
            refs[v] = (font_ref){name, c};
            if (check) check_font(ld, n->key, v, &refs[v], false);
        }
    }
    if (!oct_yaml_get(n, "regular")) {
        oct_yaml_error_key(ld->doc, n, "missing-key", "missing key 'regular' in '%s'",
                           n->key ? n->key : "fallback");
        return -1;
    }
    return refs[0].name ? 0 : -1; /* "regular:" with no file: reported above */
}

/* Checks the files of chain entry k; a missing or unusable one drops the
 * entry (a missing one with a warning). Files named in the layout are
 * checked as they are read, built-in ones when the layout is resolved. */
static bool chain_entry_ok(loader *ld, const font_ref refs[LAYOUT_VARIANTS], bool named)
{
    for (int v = 0; v < LAYOUT_VARIANTS; v++)
        if (refs[v].name && (refs[v].at != NULL) == named &&
            check_font(ld, "fallback", v, &refs[v], true) != 0)
            return false;
    return true;
}

/* `fallback:` a list of entries, each a file name or a family mapping;
 * or one family mapping (the older form). Replaces the default chain. */
static void read_chain(loader *ld, const oct_yaml_node *n)
{
    ld->nchain = 0;
    if (n->kind == OCT_YAML_MAPPING) {
        if (read_family(ld, n, ld->chain[0], false) == 0 && chain_entry_ok(ld, ld->chain[0], true))
            ld->nchain = 1;
        return;
    }
    if (oct_yaml_expect(ld->doc, n, OCT_YAML_SEQUENCE)) return;
    for (const oct_yaml_node *c = n->first; c; c = c->next) {
        if (ld->nchain == OCT_MAX_FALLBACK) {
            oct_yaml_error(ld->doc, c, "invalid-value", "at most %d fallback fonts",
                           OCT_MAX_FALLBACK);
            return;
        }
        font_ref *refs = ld->chain[ld->nchain];
        const char *name;
        bool ok = false;
        if (c->kind == OCT_YAML_MAPPING) {
            ok = read_family(ld, c, refs, false) == 0;
        } else if (oct_yaml_nonempty(ld->doc, c, &name) == 0) {
            refs[0] = (font_ref){name, c};
            refs[1] = refs[2] = refs[3] = (font_ref){NULL, NULL};
            ok = true;
        }
        if (ok && chain_entry_ok(ld, refs, true)) ld->nchain++;
    }
}

void oct_layout_read_fonts(loader *ld, const oct_yaml_node *fonts)
{
    if (oct_yaml_expect(ld->doc, fonts, OCT_YAML_MAPPING)) return;
    for (const oct_yaml_node *c = fonts->first; c; c = c->next) {
        int f = oct_layout_key_index(FAMILY_KEYS, c->key);
        font_ref refs[LAYOUT_VARIANTS];
        if (f < 0) {
            oct_yaml_unknown_key(ld->doc, c, "fonts", FAMILY_KEYS);
        } else if (f == LAYOUT_FAMILIES) {
            read_chain(ld, c);
        } else if (read_family(ld, c, refs, true) == 0) {
            /* a family given replaces the default one as a whole: one
             * typeface's regular with another's bold is never wanted */
            memcpy(ld->fonts[f], refs, sizeof refs);
        }
    }
}

void oct_layout_read_emoji(loader *ld, const oct_yaml_node *n)
{
    static const char *const MODES[] = {"image", "text", "omit", NULL};
    int i = n->kind == OCT_YAML_SCALAR && !oct_yaml_is_null(n)
                ? oct_layout_key_index(MODES, n->text)
                : -1;
    if (i >= 0)
        ld->l->emoji = (oct_emoji_mode)i;
    else
        oct_yaml_error(ld->doc, n, "invalid-value", "'emoji' must be 'image', 'text' or 'omit'");
}

/* Variants not given reuse the closest one that is: bold-italic falls
 * back to bold (the stronger of its two traits), all to regular. */
static void fill_family(loader *ld, const font_ref refs[LAYOUT_VARIANTS], oct_font_family *out)
{
    char *paths[LAYOUT_VARIANTS] = {NULL};
    for (int v = 0; v < LAYOUT_VARIANTS; v++)
        if (refs[v].name) paths[v] = oct_layout_join_path(ld->fonts_dir, refs[v].name);
    const char *reg = paths[0], *bold = paths[1] ? paths[1] : reg;
    out->regular = oct_xstrdup(reg);
    out->bold = oct_xstrdup(bold);
    out->italic = oct_xstrdup(paths[2] ? paths[2] : reg);
    out->bold_italic = oct_xstrdup(paths[3] ? paths[3] : bold);
    for (int v = 0; v < LAYOUT_VARIANTS; v++)
        free(paths[v]);
}

void oct_layout_resolve_fonts(loader *ld)
{
    oct_font_family *out[LAYOUT_FAMILIES] = {&ld->l->body, &ld->l->heading, &ld->l->mono};
    for (int f = 0; f < LAYOUT_FAMILIES; f++) {
        for (int v = 0; v < LAYOUT_VARIANTS; v++)
            if (ld->fonts[f][v].name && !ld->fonts[f][v].at)
                check_font(ld, FAMILY_KEYS[f], v, &ld->fonts[f][v], false);
        fill_family(ld, ld->fonts[f], out[f]);
    }
    ld->l->nfallback = 0;
    for (int k = 0; k < ld->nchain; k++)
        if (chain_entry_ok(ld, ld->chain[k], false))
            fill_family(ld, ld->chain[k], &ld->l->fallback[ld->l->nfallback++]);
}

static void release_family(oct_font_family *f)
{
    free(f->regular);
    free(f->bold);
    free(f->italic);
    free(f->bold_italic);
}

void oct_layout_release_fonts(oct_layout *l)
{
    release_family(&l->body);
    release_family(&l->heading);
    release_family(&l->mono);
    for (int k = 0; k < l->nfallback; k++)
        release_family(&l->fallback[k]);
}
