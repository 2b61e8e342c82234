/* Pictures: decoding (every PNG colour type and depth, JPEG, SVG), refusing
 * damaged or oversized files without aborting, URL → path rules beneath a
 * root, and the ingest pass (dedupe, figures, badge rows, warnings). The
 * pictures are made here with libpng and libjpeg. */
#define _XOPEN_SOURCE 700
#include "check.h"
#include "ingest/images/images.h"
#include "ingest/images/images_path.h"
#include "ingest/ingest.h"

#include <png.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jpeglib.h>

/* ---- making pictures ------------------------------------------------------ */

typedef struct {
    unsigned char *data;
    size_t len, cap;
} mem;

static void mem_write(png_structp png, png_bytep p, size_t n)
{
    mem *m = png_get_io_ptr(png);
    if (m->len + n > m->cap) {
        m->cap = (m->len + n) * 2;
        m->data = realloc(m->data, m->cap);
    }
    memcpy(m->data + m->len, p, n);
    m->len += n;
}

static void mem_flush(png_structp png)
{
    (void)png;
}

/* A w x h PNG of the given colour type and depth, filled with a pattern. */
static mem make_png(int w, int h, int color_type, int depth, int interlace)
{
    mem m = {0};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    png_set_write_fn(png, &m, mem_write, mem_flush);
    png_set_IHDR(png, info, w, h, depth, color_type,
                 interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    if (color_type == PNG_COLOR_TYPE_PALETTE) {
        png_color pal[4] = {{200, 20, 20}, {20, 200, 20}, {20, 20, 200}, {250, 250, 250}};
        png_byte trns[4] = {255, 255, 255, 0};
        png_set_PLTE(png, info, pal, 4);
        png_set_tRNS(png, info, trns, 4, NULL);
    }
    png_set_pHYs(png, info, 11811, 11811, PNG_RESOLUTION_METER); /* 300 dpi */
    png_write_info(png, info);
    int channels = png_get_channels(png, info);
    size_t rowbytes = ((size_t)w * channels * depth + 7) / 8;
    unsigned char *row = calloc(1, rowbytes);
    int passes = png_set_interlace_handling(png);
    for (int pass = 0; pass < passes; pass++)
        for (int y = 0; y < h; y++) {
            for (size_t i = 0; i < rowbytes; i++)
                row[i] = (unsigned char)(color_type == PNG_COLOR_TYPE_PALETTE
                                             ? ((i + (size_t)y) % 4) * (depth == 8 ? 1 : 0x55)
                                             : i * 7 + (size_t)y * 3);
            png_write_row(png, row);
        }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(row);
    return m;
}

static mem make_jpeg(int w, int h, int grey)
{
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    unsigned char *out = NULL;
    unsigned long len = 0;
    jpeg_mem_dest(&c, &out, &len);
    c.image_width = w;
    c.image_height = h;
    c.input_components = grey ? 1 : 3;
    c.in_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&c);
    c.density_unit = 1;
    c.X_density = c.Y_density = 150;
    jpeg_start_compress(&c, TRUE);
    unsigned char *row = malloc((size_t)w * 3);
    while (c.next_scanline < (unsigned)h) {
        for (int x = 0; x < w * 3; x++)
            row[x] = (unsigned char)(x + c.next_scanline * 2);
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    free(row);
    mem m = {out, len, len};
    return m;
}

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
    }
    return c ^ 0xFFFFFFFFu;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* ---- decoding --------------------------------------------------------------- */

static int decode(const mem *m, oct_image_info *info)
{
    int rc = oct_image_decode(m->data, m->len, info);
    return rc;
}

static void check_png_kind(int ct, int depth, int interlace, int w, int h)
{
    mem m = make_png(w, h, ct, depth, interlace);
    oct_image_info info;
    int rc = decode(&m, &info);
    CHECK(rc == 0);
    if (rc != 0) fprintf(stderr, "  colour type %d depth %d: %s\n", ct, depth, info.why);
    CHECK(info.type == OCT_IMAGE_PNG && info.width == w && info.height == h);
    CHECK(info.dpi > 299 && info.dpi < 301);
    /* the raster is a plain 8-bit PNG that decodes to the same size */
    oct_image_info again;
    mem r = {info.raster, info.raster_len, info.raster_len};
    CHECK(info.raster && decode(&r, &again) == 0 && again.width == w && again.height == h);
    CHECK(info.raster && info.raster[24] == 8); /* IHDR bit depth */
    CHECK(info.raster && (info.raster[25] == 2 || info.raster[25] == 6));
    free(again.raster);
    free(info.raster);
    free(m.data);
}

static void test_png_kinds(void)
{
    check_png_kind(PNG_COLOR_TYPE_RGBA, 8, 0, 17, 9);
    check_png_kind(PNG_COLOR_TYPE_RGB, 16, 1, 33, 21);
    check_png_kind(PNG_COLOR_TYPE_PALETTE, 8, 0, 12, 12);
    check_png_kind(PNG_COLOR_TYPE_PALETTE, 2, 1, 13, 5);
    check_png_kind(PNG_COLOR_TYPE_GRAY, 8, 0, 20, 4);
    check_png_kind(PNG_COLOR_TYPE_GRAY, 1, 0, 31, 3);
    check_png_kind(PNG_COLOR_TYPE_GRAY_ALPHA, 16, 1, 9, 9);
}

static void test_png_damage(void)
{
    mem m = make_png(40, 30, PNG_COLOR_TYPE_RGB, 8, 0);
    oct_image_info info;
    for (size_t cut = 8; cut < m.len; cut += 7) { /* every truncation is refused */
        mem t = {m.data, cut, cut};
        CHECK(decode(&t, &info) == -1);
        CHECK(info.raster == NULL && info.why[0]);
    }
    m.data[m.len / 2] ^= 0x5A; /* a flipped byte inside IDAT: CRC error */
    CHECK(decode(&m, &info) == -1);
    CHECK(strstr(info.why, "PNG") != NULL);
    free(m.data);

    /* a valid header claiming 100000 x 100000 pixels: refused before decoding */
    mem h = make_png(1, 1, PNG_COLOR_TYPE_RGB, 8, 0);
    put32(h.data + 16, 100000);
    put32(h.data + 20, 100000);
    put32(h.data + 29, crc32_of(h.data + 12, 17));
    CHECK(decode(&h, &info) == -1);
    CHECK(strstr(info.why, "limits") != NULL);
    put32(h.data + 16, 30000); /* one side too long, area small */
    put32(h.data + 20, 1);
    put32(h.data + 29, crc32_of(h.data + 12, 17));
    CHECK(decode(&h, &info) == -1);
    free(h.data);

    mem g = {(unsigned char *)"just some words in a file named like a picture", 47, 47};
    CHECK(decode(&g, &info) == -1 && !info.unsupported);
    mem gif = {(unsigned char *)"GIF89a\x01\x00\x01\x00", 10, 10};
    CHECK(decode(&gif, &info) == -1 && info.unsupported);
    mem empty = {(unsigned char *)"", 0, 0};
    CHECK(decode(&empty, &info) == -1);
}

static void test_jpeg(void)
{
    oct_image_info info;
    mem j = make_jpeg(64, 40, 0);
    CHECK(decode(&j, &info) == 0);
    CHECK(info.type == OCT_IMAGE_JPEG && info.width == 64 && info.height == 40);
    CHECK(info.raster == NULL && info.dpi == 150);
    mem cut = {j.data, j.len * 2 / 3, 0};
    CHECK(decode(&cut, &info) == -1);
    CHECK(strstr(info.why, "JPEG") != NULL);
    mem head = {j.data, 40, 0}; /* cut inside the headers */
    CHECK(decode(&head, &info) == -1);
    free(j.data);
    mem g = make_jpeg(8, 8, 1);
    CHECK(decode(&g, &info) == 0 && info.width == 8);
    free(g.data);
}

static void test_svg(void)
{
    oct_image_info info;
    const char *svg = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\">"
                      "<rect width=\"120\" height=\"40\" fill=\"#c33\"/></svg>";
    mem m = {(unsigned char *)svg, strlen(svg), 0};
    CHECK(decode(&m, &info) == 0);
    CHECK(info.type == OCT_IMAGE_SVG && info.width == 120 && info.height == 40);
    CHECK(info.raster_width == 240 && info.raster_height == 80);
    free(info.raster);

    const char *vb = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 50 25\">"
                     "<circle cx=\"25\" cy=\"12\" r=\"10\"/></svg>";
    mem v = {(unsigned char *)vb, strlen(vb), 0};
    CHECK(decode(&v, &info) == 0 && info.width == 50 && info.height == 25);
    free(info.raster);

    /* external references load nothing: the raster stays fully transparent */
    const char *ext = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                      "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">"
                      "<image width=\"10\" height=\"10\" xlink:href=\"file:///etc/hostname\"/>"
                      "<image width=\"10\" height=\"10\" href=\"../../secret.png\"/></svg>";
    mem e = {(unsigned char *)ext, strlen(ext), 0};
    CHECK(decode(&e, &info) == 0);
    mem r = {info.raster, info.raster_len, 0};
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    unsigned char px[20 * 20 * 4];
    CHECK(png_image_begin_read_from_memory(&pi, r.data, r.len));
    pi.format = PNG_FORMAT_RGBA;
    CHECK(pi.width == 20 && png_image_finish_read(&pi, NULL, px, 0, NULL));
    int opaque = 0;
    for (size_t i = 0; i < sizeof px / 4; i++)
        opaque += px[i * 4 + 3] != 0;
    CHECK(opaque == 0);
    free(info.raster);

    const char *bad = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"><rect";
    mem b = {(unsigned char *)bad, strlen(bad), 0};
    CHECK(decode(&b, &info) == -1 && strstr(info.why, "SVG") != NULL);
}

/* ---- paths ------------------------------------------------------------------ */

static char tmp[256];

static void write_file(const char *rel, const void *data, size_t len)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", tmp, rel);
    FILE *f = fopen(p, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
}

static void test_paths(void)
{
    CHECK(oct_image_url_kind("https://x.org/a.png") == OCT_URL_REMOTE);
    CHECK(oct_image_url_kind("HTTP://x.org/a.png") == OCT_URL_REMOTE);
    CHECK(oct_image_url_kind("//cdn.example/a.png") == OCT_URL_REMOTE);
    CHECK(oct_image_url_kind("data:image/png;base64,AAAA") == OCT_URL_REMOTE);
    CHECK(oct_image_url_kind("file:///etc/passwd") == OCT_URL_ABSOLUTE);
    CHECK(oct_image_url_kind("/etc/passwd") == OCT_URL_ABSOLUTE);
    CHECK(oct_image_url_kind("C:\\pics\\a.png") == OCT_URL_ABSOLUTE);
    CHECK(oct_image_url_kind("pics/a.png") == OCT_URL_LOCAL);
    CHECK(oct_image_url_kind("") == OCT_URL_EMPTY);

    char root[300], sub[300], outside[300];
    snprintf(root, sizeof root, "%s/book", tmp);
    snprintf(sub, sizeof sub, "%s/book/notes", tmp);
    snprintf(outside, sizeof outside, "%s/secret.png", tmp);
    oct_image_path r;
    CHECK(oct_image_resolve("../pics/a%20b.png", sub, root, &r) == 0);
    CHECK(r.real && strstr(r.real, "/book/pics/a b.png") != NULL);
    free(r.real);
    CHECK(oct_image_resolve("..\\pics\\a%20b.png?raw=true#top", sub, root, &r) == 0);
    free(r.real);
    CHECK(oct_image_resolve("../../secret.png", sub, root, &r) == -1);
    CHECK_STR(r.code, "image-outside");
    CHECK(oct_image_resolve("../pics/../../secret.png", sub, root, &r) == -1);
    CHECK_STR(r.code, "image-outside");
    CHECK(oct_image_resolve("../pics/link.png", sub, root, &r) == -1);
    CHECK_STR(r.code, "image-outside");
    CHECK(strstr(r.why, "symbolic link") != NULL);
    CHECK(oct_image_resolve("../pics/none.png", sub, root, &r) == -1);
    CHECK_STR(r.code, "image-missing");
    CHECK(oct_image_resolve("a%00.png", sub, root, &r) == -1);
    CHECK(oct_path_beneath("/a/bc", "/a/b") == false);
    CHECK(oct_path_beneath("/a/b/c", "/a/b") == true);
}

/* ---- the ingest pass --------------------------------------------------------- */

static const oct_node *find_kind(const oct_node *n, oct_kind k, int nth)
{
    oct_iter it;
    oct_iter_init(&it, n);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->kind == k && nth-- == 0) return it.cur;
    return NULL;
}

static size_t diag_line(const oct_diag *d, const char *code, int line)
{
    size_t n = 0;
    for (size_t i = 0; i < oct_diag_size(d); i++) {
        const oct_diag_msg *m = oct_diag_at(d, i);
        if (!strcmp(m->code, code) && m->line == line) n++;
    }
    return n;
}

static void test_pass(void)
{
    const char *md = "# Bilder\n"                                                          /* 1 */
                     "\n"                                                                  /* 2 */
                     "[![ci](https://ci.example/badge.svg)](https://ci.example) "          /* 3 */
                     "[![cov](https://img.shields.io/x.svg)](https://x)\n"                 /* 3 */
                     "\n"                                                                  /* 4 */
                     "![Ein Diagramm](../pics/a%20b.png \"Abbildung 1\")\n"                /* 5 */
                     "\n"                                                                  /* 6 */
                     "Im Text ![zweimal](../pics/copy.png) steht es auch.\n"               /* 7 */
                     "\n"                                                                  /* 8 */
                     "![fern](https://example.org/x.png)\n"                                /* 9 */
                     "\n"                                                                  /* 10 */
                     "![weg](../../secret.png) ![fehlt](nichts.png) ![kaputt](bad.png)\n"; /* 11 */
    char path[400];
    snprintf(path, sizeof path, "%s/book/notes/bilder.md", tmp);
    char root[300];
    snprintf(root, sizeof root, "%s/book", tmp);
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = true, .root = root};
    oct_node *ch = oct_ingest_source(t, path, md, strlen(md), NULL, &o, d);
    CHECK(ch != NULL);
    CHECK(t->nimages == 1); /* two files, equal bytes: stored once */
    const oct_node *fig = find_kind(ch, OCT_FIGURE, 0);
    CHECK(fig && fig->first && fig->first->kind == OCT_IMAGE && fig->first == fig->last);
    CHECK(fig && fig->first->u.link.image == 1);
    CHECK(fig && !strcmp(fig->first->u.link.title, "Abbildung 1"));
    const oct_node *inl = find_kind(ch, OCT_IMAGE, 1);
    CHECK(inl && inl->u.link.image == 1 && inl->parent->kind == OCT_PARAGRAPH);
    CHECK(t->nimages && !strncmp(t->images[0].name, "img/", 4));
    CHECK(t->nimages && !strcmp(t->images[0].media_type, "image/png"));
    CHECK(check_count_code(d, "badges-dropped") == 1 && diag_line(d, "badges-dropped", 3) == 1);
    CHECK(find_kind(ch, OCT_LINK, 0) == NULL); /* the badge row is gone */
    CHECK(diag_line(d, "image-remote", 9) == 1);
    CHECK(diag_line(d, "image-outside", 11) == 1);
    CHECK(diag_line(d, "image-missing", 11) == 1);
    CHECK(diag_line(d, "image-damaged", 11) == 1);
    CHECK(oct_diag_count(d, OCT_ERROR) == 0);
    /* without a root nothing is loaded */
    oct_tree *t2 = oct_tree_new();
    oct_diag *d2 = oct_diag_new(NULL);
    CHECK(oct_ingest_source(t2, path, md, strlen(md), NULL, NULL, d2) != NULL);
    CHECK(t2->nimages == 0 && oct_diag_size(d2) == 0);
    oct_tree_free(t2);
    oct_diag_free(d2);
    oct_tree_free(t);
    oct_diag_free(d);
}

int main(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/octavo-test-images-XXXXXX");
    if (!mkdtemp(tmp)) return 1;
    char p[400];
    snprintf(p, sizeof p, "%s/book", tmp);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/book/pics", tmp);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/book/notes", tmp);
    mkdir(p, 0755);
    mem png = make_png(30, 20, PNG_COLOR_TYPE_RGBA, 8, 0);
    write_file("book/pics/a b.png", png.data, png.len);
    write_file("book/pics/copy.png", png.data, png.len);
    write_file("secret.png", png.data, png.len);
    write_file("book/notes/bad.png", png.data, png.len / 2);
    free(png.data);
    char target[400], link[400];
    snprintf(target, sizeof target, "%s/secret.png", tmp);
    snprintf(link, sizeof link, "%s/book/pics/link.png", tmp);
    CHECK(symlink(target, link) == 0);

    test_png_kinds();
    test_png_damage();
    test_jpeg();
    test_svg();
    test_paths();
    test_pass();

    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", tmp);
    return check_done();
}
