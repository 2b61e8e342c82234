/* The font probe (config/fontprobe.h) against damaged copies of the
 * shipped fonts made here: truncated at many lengths, with bytes of each
 * table libharu reads overwritten, with counts and offsets pointing past
 * their tables. Every shipped font passes; every damaged copy is either
 * refused with a reason or loads in libharu and saves without a crash
 * (this test would die under it otherwise). */
#include "check.h"
#include "config/fontprobe.h"

#include <hpdf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const SHIPPED[] = {
    "fonts/DejaVuSans.ttf",        "fonts/DejaVuSans-Bold.ttf",
    "fonts/NotoSans-Regular.ttf",  "fonts/NotoSans-BoldItalic.ttf",
    "fonts/CharisSIL-Regular.ttf", "fonts/JetBrainsMono-Regular.ttf",
};

static void on_error(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
    (void)e, (void)d;
    *(int *)u = 1;
}

/* What the PDF backend does with a font: load it embedded, draw with it,
 * save. Returns 0 when libharu reported no error. */
static int haru_uses(const unsigned char *data, size_t len)
{
    char path[] = "/tmp/octavo-fontprobe-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, data, len) != (ssize_t)len) return -1;
    close(fd);
    int failed = 0;
    HPDF_Doc doc = HPDF_New(on_error, &failed);
    HPDF_UseUTFEncodings(doc);
    const char *name = HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
    HPDF_Font f = name ? HPDF_GetFont(doc, name, "UTF-8") : NULL;
    if (f) {
        HPDF_Page page = HPDF_AddPage(doc);
        HPDF_Page_SetFontAndSize(page, f, 11);
        HPDF_Page_BeginText(page);
        HPDF_Page_ShowText(page, "Probe \xc3\xa9t\xc3\xa9 \xe2\x80\x94 42");
        HPDF_Page_EndText(page);
        HPDF_SaveToStream(doc);
    }
    HPDF_Free(doc);
    unlink(path);
    return failed || !f ? -1 : 0;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Probes one damaged copy; a copy the probe passes must survive libharu. */
static void try_copy(const unsigned char *data, size_t len, int *refused, int *passed)
{
    char why[256];
    if (oct_font_probe_mem(data, len, why, sizeof why) != 0) {
        CHECK(why[0] != '\0');
        (*refused)++;
        return;
    }
    (*passed)++;
    haru_uses(data, len); /* an error is fine; a crash ends the test */
}

static void damage(const unsigned char *font, size_t len)
{
    unsigned char *copy = malloc(len);
    int refused = 0, passed = 0;
    /* truncations */
    for (int k = 1; k < 40; k++) {
        size_t cut = len * (size_t)k / 40 + (size_t)k;
        if (cut < len) try_copy(font, cut, &refused, &passed);
    }
    try_copy(font, 11, &refused, &passed);
    /* each table: noise in it, a length past the end, an offset past the end */
    unsigned ntables = (unsigned)font[4] << 8 | font[5];
    unsigned long long seed = 0x243F6A8885A308D3ull;
    for (unsigned i = 0; i < ntables && 12 + 16 * (i + 1) <= len; i++) {
        const unsigned char *rec = font + 12 + 16 * i;
        uint32_t off = be32(rec + 8), tlen = be32(rec + 12);
        if (!tlen || (uint64_t)off + tlen > len) continue;
        for (int round = 0; round < 3; round++) {
            memcpy(copy, font, len);
            for (int b = 0; b < 24; b++) {
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                copy[off + (seed >> 33) % tlen] = (unsigned char)(seed >> 20);
            }
            try_copy(copy, len, &refused, &passed);
        }
        memcpy(copy, font, len);
        copy[12 + 16 * i + 12] = 0x7F; /* length: about 2 GB */
        try_copy(copy, len, &refused, &passed);
        memcpy(copy, font, len);
        copy[12 + 16 * i + 8] = 0x7F; /* offset: about 2 GB */
        try_copy(copy, len, &refused, &passed);
    }
    CHECK(refused > 40);
    printf("fontprobe: %d damaged copies refused, %d passed and survived libharu\n", refused,
           passed);
    free(copy);
}

int main(void)
{
    for (size_t i = 0; i < sizeof SHIPPED / sizeof *SHIPPED; i++) {
        size_t len = 0;
        char *font = check_read_source(SHIPPED[i], &len);
        CHECK(font != NULL);
        if (!font) continue;
        char why[256] = "";
        int rc = oct_font_probe_mem((const unsigned char *)font, len, why, sizeof why);
        if (rc != 0) fprintf(stderr, "%s: %s\n", SHIPPED[i], why);
        CHECK(rc == 0);
        if (i < 2) damage((const unsigned char *)font, len);
        free(font);
    }
    char why[256];
    CHECK(oct_font_probe("/nonexistent/font.ttf", why, sizeof why) == -1 && why[0]);
    return check_done();
}
