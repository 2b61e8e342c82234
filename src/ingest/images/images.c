/* The images pass: every IMAGE of a chapter is resolved beneath the
 * booklet directory, read, identified by its magic bytes and decoded
 * completely; a picture that passes is stored once in the tree (equal
 * bytes share one entry and one EPUB file) and the node points at it. A
 * picture that does not pass stays an IMAGE with index 0, a warning names
 * the source line, and the backends print its alt text. A paragraph that
 * holds nothing but one available picture becomes a FIGURE; a row of
 * status badges (remote pictures that link somewhere) is dropped with one
 * note per file. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "ingest/images/images.h"
#include "ingest/images/images_path.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    oct_tree *t;
    oct_diag *diag;
    const char *file; /* source path as given, for messages */
    char *srcdir, *root;
    oct_buf badge_lines;
    int nbadges, badge_line;
    const oct_image_memory *mem;
    oct_diag_capped warn; /* the pictures' warnings, capped by code */
} pass;

/* "image 'URL' <what>; its alt text is printed instead" at the node (a
 * picture without one prints as "[image]": the message says so). A
 * source of a thousand broken pictures gets ten lines of a kind and a
 * summary. */
void oct_image_warn(oct_diag_capped *warn, const oct_node *n, const char *code, const char *what)
{
    const char *url = n->u.link.url ? n->u.link.url : "";
    char name[64];
    snprintf(name, sizeof name, "%.40s%s", url, strlen(url) > 40 ? "..." : "");
    oct_diag_capped_report(warn, n->span.line, n->span.col, code, name,
                           "image '%.200s' %s; %s is printed instead", url, what,
                           n->first ? "its alt text" : "\"[image]\"");
}

static void warn(pass *ps, const oct_node *n, const char *code, const char *what)
{
    oct_image_warn(&ps->warn, n, code, what);
}

/* ---- the table of pictures ---------------------------------------------- */

static const char *extension(oct_image_type type)
{
    return type == OCT_IMAGE_JPEG ? "jpg" : "png"; /* an SVG travels as its raster */
}

/* 1-based index of the picture with these bytes, 0 if none yet. */
static int find_image(const oct_tree *t, const char *hash, const unsigned char *data, size_t len)
{
    for (size_t i = 0; i < t->nimages; i++) {
        const oct_image *im = &t->images[i];
        if (im->len == len && !strncmp(im->name + 4, hash, 20) && !memcmp(im->data, data, len))
            return (int)i + 1;
    }
    return 0;
}

static int add_image(oct_tree *t, const char *hash, const unsigned char *data, size_t len,
                     const oct_image_info *info)
{
    OCT_GROW(t->images, t->capimages, t->nimages + 1);
    oct_image *im = &t->images[t->nimages];
    memset(im, 0, sizeof *im);
    im->type = info->type;
    unsigned char *copy = oct_arena_alloc(t->arena, len ? len : 1);
    memcpy(copy, data, len);
    im->data = copy;
    im->len = len;
    im->width = info->width;
    im->height = info->height;
    im->dpi = info->dpi;
    if (info->raster) {
        unsigned char *r = oct_arena_alloc(t->arena, info->raster_len);
        memcpy(r, info->raster, info->raster_len);
        im->raster = r;
        im->raster_len = info->raster_len;
        im->raster_width = info->raster_width;
        im->raster_height = info->raster_height;
    }
    im->orientation = info->orientation;
    if (info->upright) {
        unsigned char *u = oct_arena_alloc(t->arena, info->upright_len);
        memcpy(u, info->upright, info->upright_len);
        im->upright = u;
        im->upright_len = info->upright_len;
    }
    /* Equal names mean equal bytes: 80 bits of SHA-256 (find_image checks
     * the bytes themselves). */
    im->name = oct_arena_printf(t->arena, "img/%.20s.%s", hash, extension(info->type));
    im->media_type = info->type == OCT_IMAGE_JPEG ? "image/jpeg" : "image/png";
    return (int)++t->nimages;
}

int oct_image_store(oct_tree *t, const oct_node *n, const unsigned char *data, size_t len,
                    oct_diag_capped *warn, const char **code)
{
    gchar *hash = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
    int index = find_image(t, hash, data, len);
    if (!index) {
        oct_image_info info;
        if (oct_image_decode(data, len, &info) == 0)
            index = add_image(t, hash, data, len, &info);
        else {
            char what[260];
            snprintf(what, sizeof what, "cannot be used: %s", info.why);
            const char *why_code = info.unsupported ? "image-unsupported" : "image-damaged";
            oct_image_warn(warn, n, why_code, what);
            if (code) *code = why_code;
        }
        free(info.raster);
        free(info.upright);
    }
    g_free(hash);
    return index;
}

/* Checks and stores the bytes of the picture n shows; its index or 0. */
static int store_image(pass *ps, const oct_node *n, const unsigned char *data, size_t len)
{
    return oct_image_store(ps->t, n, data, len, &ps->warn, NULL);
}

/* Reads, checks and stores the picture an IMAGE names; returns its index or 0. */
static int load_image(pass *ps, const oct_node *n)
{
    const char *url = n->u.link.url ? n->u.link.url : "";
    oct_image_path r;
    if (oct_image_resolve(url, ps->srcdir, ps->root, &r) != 0) {
        warn(ps, n, r.code, r.why);
        return 0;
    }
    size_t len;
    unsigned char *data = oct_image_read(r.real, OCT_IMAGE_MAX_BYTES, &len, &r);
    free(r.real);
    if (!data) {
        warn(ps, n, r.code, r.why);
        return 0;
    }
    int index = store_image(ps, n, data, len);
    free(data);
    return index;
}

/* ---- badges ------------------------------------------------------------- */

static bool blank_inline(const oct_node *n)
{
    if (n->kind == OCT_SOFT_BREAK || n->kind == OCT_LINE_BREAK) return true;
    return n->kind == OCT_TEXT && (!n->text || strspn(n->text, " \t\r\n") == strlen(n->text));
}

static bool badge_url(const char *url)
{
    static const char *const marks[] = {"shields.io", "badge",     "travis-ci",  "circleci.com",
                                        "codecov.io", "coveralls", "badgen.net", "codacy.com",
                                        "snyk.io",    "pepy.tech", "/workflows/"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (strstr(url, marks[i])) return true;
    return false;
}

/* The one remote IMAGE a LINK holds (whitespace aside), or NULL. */
static const oct_node *linked_image(const oct_node *link)
{
    const oct_node *img = NULL;
    for (const oct_node *c = link->first; c; c = c->next) {
        if (blank_inline(c)) continue;
        if (c->kind != OCT_IMAGE || img) return NULL;
        img = c;
    }
    return img;
}

/* A paragraph of remote pictures only, each linked or on a badge service,
 * and either several of them or one on a badge service. */
static bool badge_row(const oct_node *para)
{
    int images = 0;
    bool badge_host = false;
    for (const oct_node *c = para->first; c; c = c->next) {
        if (blank_inline(c)) continue;
        const oct_node *img = c->kind == OCT_LINK ? linked_image(c) : c;
        if (!img || img->kind != OCT_IMAGE) return false;
        const char *url = img->u.link.url ? img->u.link.url : "";
        if (oct_image_url_kind(url) != OCT_URL_REMOTE) return false;
        bool host = badge_url(url);
        if (c->kind != OCT_LINK && !host) return false;
        badge_host |= host;
        images++;
    }
    return images >= 2 || (images == 1 && badge_host);
}

static void drop_badges(pass *ps, oct_node *para)
{
    for (const oct_node *c = para->first; c; c = c->next)
        if (!blank_inline(c)) ps->nbadges++;
    if (!ps->badge_line) ps->badge_line = para->span.line;
    oct_buf_printf(&ps->badge_lines, "%s%d", ps->badge_lines.len ? ", " : "", para->span.line);
    oct_node_unlink(para);
}

/* ---- the walk ----------------------------------------------------------- */

static void check_image(pass *ps, oct_node *n)
{
    const char *url = n->u.link.url ? n->u.link.url : "";
    n->u.link.image = 0;
    if (ps->mem && !strncmp(url, "attachment:", 11)) { /* a picture the source holds */
        size_t len = 0;
        const unsigned char *data = ps->mem->find(ps->mem->ctx, url, n->span.line, &len);
        if (data)
            n->u.link.image = store_image(ps, n, data, len);
        else
            warn(ps, n, "image-missing", "is not attached to its cell");
        return;
    }
    switch (oct_image_url_kind(url)) {
    case OCT_URL_REMOTE:
        warn(ps, n, "image-remote", "is not a local file (octavo never fetches)");
        break;
    case OCT_URL_ABSOLUTE:
        warn(ps, n, "image-outside",
             "is an absolute path (only files beneath the booklet directory are read)");
        break;
    case OCT_URL_EMPTY:
        warn(ps, n, "image-missing", "names no file");
        break;
    case OCT_URL_LOCAL:
        n->u.link.image = load_image(ps, n);
        break;
    }
}

/* A paragraph holding one available picture and nothing else to read. */
static void make_figure(oct_node *para)
{
    oct_node *img = NULL;
    for (oct_node *c = para->first; c; c = c->next) {
        if (blank_inline(c)) continue;
        if (c->kind != OCT_IMAGE || c->u.link.image <= 0 || img) return;
        img = c;
    }
    if (!img) return;
    while (para->first != img)
        oct_node_unlink(para->first);
    while (para->last != img)
        oct_node_unlink(para->last);
    para->kind = OCT_FIGURE;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *d =
        slash ? oct_xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : oct_xstrdup(".");
    char *real = realpath(d, NULL);
    free(d);
    return real;
}

void oct_ingest_images(oct_tree *t, oct_node *chapter, const char *source_path, const char *root,
                       const oct_image_memory *mem, oct_diag *diag)
{
    if (!root || !source_path) return;
    pass ps = {.t = t,
               .diag = diag,
               .file = source_path,
               .srcdir = dir_of(source_path),
               .root = realpath(root, NULL),
               .badge_lines = OCT_BUF_INIT,
               .mem = mem,
               .warn = {.d = diag, .file = source_path, .limit = OCT_IMAGE_WARNINGS}};
    if (!ps.srcdir) goto out;
    /* a source outside the booklet directory keeps to its own directory */
    if (!ps.root || !oct_path_beneath(ps.srcdir, ps.root)) {
        free(ps.root);
        ps.root = oct_xstrdup(ps.srcdir);
    }
    size_t n;
    oct_node **paras = oct_node_collect(chapter, OCT_PARAGRAPH, &n);
    for (size_t i = 0; i < n; i++)
        if (badge_row(paras[i])) drop_badges(&ps, paras[i]);
    free(paras);
    oct_node **imgs = oct_node_collect(chapter, OCT_IMAGE, &n);
    for (size_t i = 0; i < n; i++)
        check_image(&ps, imgs[i]);
    free(imgs);
    paras = oct_node_collect(chapter, OCT_PARAGRAPH, &n);
    for (size_t i = 0; i < n; i++)
        make_figure(paras[i]);
    free(paras);
    oct_diag_capped_finish(&ps.warn, "pictures with the same problem");
    if (ps.nbadges)
        oct_diag_report(diag, OCT_NOTE, source_path, ps.badge_line, 1, "badges-dropped",
                        "dropped %d status badge image%s (remote pictures of a repository's "
                        "state) on line%s %s",
                        ps.nbadges, ps.nbadges == 1 ? "" : "s",
                        strchr(ps.badge_lines.data, ',') ? "s" : "", ps.badge_lines.data);
out:
    oct_diag_capped_free(&ps.warn);
    oct_buf_free(&ps.badge_lines);
    free(ps.srcdir);
    free(ps.root);
}
