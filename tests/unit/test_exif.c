/* EXIF orientation: JPEGs written here with libjpeg (four coloured
 * quadrants) get an APP1 Exif segment put in by hand, in both byte orders
 * and for every orientation 1..8; decoding must report the orientation
 * and the upright size, and the upright copy for the EPUB must have the
 * right colours in its corners. Damaged Exif segments (cut anywhere, bad
 * offsets, wrong types, odd values) are ignored without a crash.
 *
 *   test_exif --write DIR   writes o1.jpg .. o8.jpg (tests/scripts/asan_exif.sh) */
#include "check.h"
#include "ingest/images/images.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

enum { W = 96, H = 48 };

/* Stored quadrants: top-left red, top-right green, bottom-left blue,
 * bottom-right yellow. */
enum { RED, GREEN, BLUE, YELLOW, NCOL };
static const unsigned char colours[NCOL][3] = {
    {220, 30, 30}, {30, 180, 40}, {30, 50, 220}, {240, 220, 30}};

typedef struct {
    unsigned char *data;
    size_t len;
} mem;

static mem make_jpeg_of(int grey)
{
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    unsigned char *out = NULL;
    unsigned long len = 0;
    jpeg_mem_dest(&c, &out, &len);
    c.image_width = W;
    c.image_height = H;
    c.input_components = grey ? 1 : 3;
    c.in_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 95, TRUE);
    jpeg_start_compress(&c, TRUE);
    unsigned char row[W * 3];
    while (c.next_scanline < H) {
        int bottom = c.next_scanline >= H / 2;
        for (int x = 0; x < W; x++) {
            const unsigned char *c3 = colours[(bottom ? 2 : 0) + (x >= W / 2)];
            if (grey)
                row[x] = (unsigned char)((c3[0] + c3[1] + c3[2]) / 3);
            else
                memcpy(row + x * 3, c3, 3);
        }
        JSAMPROW r = row;
        jpeg_write_scanlines(&c, &r, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    return (mem){out, len};
}

static void put16(unsigned char *p, unsigned v, int big)
{
    p[big ? 0 : 1] = (unsigned char)(v >> 8);
    p[big ? 1 : 0] = (unsigned char)v;
}

static void put32(unsigned char *p, unsigned long v, int big)
{
    for (int i = 0; i < 4; i++)
        p[big ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

/* An Exif payload: TIFF header, IFD0 with an ImageDescription (ASCII) and
 * the Orientation (SHORT), no next IFD. */
static size_t exif_payload(unsigned char *p, int orientation, int big)
{
    memcpy(p, "Exif\0\0", 6);
    unsigned char *t = p + 6;
    memcpy(t, big ? "MM" : "II", 2);
    put16(t + 2, 42, big);
    put32(t + 4, 8, big);
    put16(t + 8, 2, big);
    unsigned char *e = t + 10;
    put16(e, 0x010E, big); /* ImageDescription, 4 bytes inline */
    put16(e + 2, 2, big);
    put32(e + 4, 4, big);
    memcpy(e + 8, "cat", 4);
    e += 12;
    put16(e, 0x0112, big);
    put16(e + 2, 3, big);
    put32(e + 4, 1, big);
    memset(e + 8, 0, 4);
    put16(e + 8, (unsigned)orientation, big);
    put32(e + 12, 0, big);
    return 6 + 10 + 24 + 4;
}

/* The JPEG with an APP1 segment holding payload[0..n) right after SOI. */
static mem with_app1(const mem *j, const unsigned char *payload, size_t n)
{
    mem m = {malloc(j->len + n + 4), j->len + n + 4};
    memcpy(m.data, j->data, 2);
    m.data[2] = 0xFF;
    m.data[3] = 0xE1;
    m.data[4] = (unsigned char)((n + 2) >> 8);
    m.data[5] = (unsigned char)(n + 2);
    memcpy(m.data + 6, payload, n);
    memcpy(m.data + 6 + n, j->data + 2, j->len - 2);
    return m;
}

/* Colour index nearest to the pixel at (fx, fy) (fractions of the size). */
static int colour_at(const mem *jpg, double fx, double fy, int *w, int *h)
{
    struct jpeg_decompress_struct d;
    struct jpeg_error_mgr e;
    d.err = jpeg_std_error(&e);
    jpeg_create_decompress(&d);
    jpeg_mem_src(&d, jpg->data, (unsigned long)jpg->len);
    jpeg_read_header(&d, TRUE);
    d.out_color_space = JCS_RGB;
    jpeg_start_decompress(&d);
    *w = (int)d.output_width;
    *h = (int)d.output_height;
    unsigned char *row = malloc((size_t)d.output_width * 3);
    int want_y = (int)(fy * d.output_height), best = -1;
    while (d.output_scanline < d.output_height) {
        int y = (int)d.output_scanline;
        JSAMPROW r = row;
        jpeg_read_scanlines(&d, &r, 1);
        if (y != want_y) continue;
        const unsigned char *px = row + (size_t)(fx * d.output_width) * 3;
        long bestd = 1L << 30;
        for (int k = 0; k < NCOL; k++) {
            long dd = 0;
            for (int c = 0; c < 3; c++)
                dd += (long)(px[c] - colours[k][c]) * (px[c] - colours[k][c]);
            if (dd < bestd) bestd = dd, best = k;
        }
    }
    jpeg_finish_decompress(&d);
    jpeg_destroy_decompress(&d);
    free(row);
    return best;
}

/* Which stored quadrant shows top-left and top-right once upright
 * (EXIF 2.3, table of Orientation), by orientation. */
static const int top_left[9] = {0, RED, GREEN, YELLOW, BLUE, RED, BLUE, YELLOW, GREEN};
static const int top_right[9] = {0, GREEN, RED, BLUE, YELLOW, BLUE, RED, GREEN, YELLOW};

static void test_orientations(const mem *plain)
{
    for (int big = 0; big <= 1; big++) {
        for (int o = 1; o <= 8; o++) {
            unsigned char pay[64];
            size_t n = exif_payload(pay, o, big);
            CHECK(oct_exif_orientation(pay, n) == o);
            mem m = with_app1(plain, pay, n);
            oct_image_info info;
            CHECK(oct_image_decode(m.data, m.len, &info) == 0);
            CHECK(info.orientation == o);
            CHECK(info.width == (o >= 5 ? H : W) && info.height == (o >= 5 ? W : H));
            CHECK((info.upright != NULL) == (o >= 2));
            if (info.upright) {
                mem u = {info.upright, info.upright_len};
                oct_image_info again;
                CHECK(oct_image_decode(u.data, u.len, &again) == 0);
                CHECK(again.orientation == 0 && again.upright == NULL); /* no Exif left */
                CHECK(again.width == info.width && again.height == info.height);
                int w, h;
                int tl = colour_at(&u, 0.1, 0.1, &w, &h), tr = colour_at(&u, 0.9, 0.1, &w, &h);
                CHECK(tl == top_left[o] && tr == top_right[o]);
                if (tl != top_left[o] || tr != top_right[o])
                    fprintf(stderr, "  orientation %d (%s): corners %d %d, want %d %d\n", o,
                            big ? "MM" : "II", tl, tr, top_left[o], top_right[o]);
            }
            free(info.upright);
            free(m.data);
        }
    }
}

static mem make_jpeg(void)
{
    return make_jpeg_of(0);
}

/* A grey photo turns too (one component through libjpeg both ways). */
static void test_grey(void)
{
    mem g = make_jpeg_of(1);
    unsigned char pay[64];
    size_t n = exif_payload(pay, 8, 0);
    mem m = with_app1(&g, pay, n);
    oct_image_info info;
    CHECK(oct_image_decode(m.data, m.len, &info) == 0);
    CHECK(info.orientation == 8 && info.width == H && info.height == W && info.upright);
    oct_image_info again;
    CHECK(info.upright && oct_image_decode(info.upright, info.upright_len, &again) == 0 &&
          again.width == H && again.height == W);
    free(info.upright);
    free(m.data);
    free(g.data);
}

/* Damaged or odd Exif payloads: no orientation, the picture still loads. */
static void test_damage(const mem *plain)
{
    unsigned char good[64], bad[64];
    size_t n = exif_payload(good, 6, 1);
    for (size_t cut = 0; cut < n; cut++) { /* cut anywhere (the value sits before byte 42) */
        int o = oct_exif_orientation(good, cut);
        CHECK(o == 0 || (o == 6 && cut >= 6 + 8 + 2 + 24 - 2));
    }
    struct {
        size_t at;
        unsigned char v;
    } edits[] = {
        {6, 'X'},             /* byte order */
        {9, 43},              /* not 42 */
        {13, 200},            /* IFD0 beyond the segment */
        {15, 0xFF},           /* entry count beyond the segment */
        {6 + 10 + 12 + 3, 4}, /* orientation typed LONG */
        {6 + 10 + 12 + 7, 2}, /* count 2 */
        {6 + 10 + 12 + 9, 9}, /* value 9 */
        {6 + 10 + 12 + 9, 0}, /* value 0 */
        {0, 'e'},             /* not "Exif" */
    };
    for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
        memcpy(bad, good, n);
        bad[edits[i].at] = edits[i].v;
        CHECK(oct_exif_orientation(bad, n) == 0);
        mem m = with_app1(plain, bad, n);
        oct_image_info info;
        CHECK(oct_image_decode(m.data, m.len, &info) == 0);
        CHECK(info.orientation == 0 && info.upright == NULL && info.width == W);
        free(info.upright);
        free(m.data);
    }
    /* pseudo-random payloads after a valid prefix: never a crash */
    uint32_t s = 12345;
    for (int round = 0; round < 2000; round++) {
        size_t len = 6 + (size_t)(round % 50);
        unsigned char junk[64];
        memcpy(junk, good, 6 + 4);
        for (size_t k = 10; k < len; k++) {
            s = s * 1103515245u + 12345u;
            junk[k] = (unsigned char)(s >> 16);
        }
        int o = oct_exif_orientation(junk, len);
        CHECK(o >= 0 && o <= 8);
    }
}

static int write_fixtures(const char *dir, const mem *plain)
{
    for (int o = 1; o <= 8; o++) {
        unsigned char pay[64];
        size_t n = exif_payload(pay, o, o % 2);
        mem m = with_app1(plain, pay, n);
        char path[1024];
        snprintf(path, sizeof path, "%s/o%d.jpg", dir, o);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(m.data, 1, m.len, f) != m.len || fclose(f) != 0) {
            perror(path);
            return 1;
        }
        free(m.data);
    }
    return 0;
}

int main(int argc, char **argv)
{
    mem plain = make_jpeg();
    if (argc == 3 && !strcmp(argv[1], "--write")) {
        int rc = write_fixtures(argv[2], &plain);
        free(plain.data);
        return rc;
    }
    test_orientations(&plain);
    test_damage(&plain);
    test_grey();
    free(plain.data);
    return check_done();
}
