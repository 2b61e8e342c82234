/* Re-encoding characters with a code page to see whether they were UTF-8
 * bytes all along. Parsing is strict UTF-8 on the recovered bytes: a lead
 * byte 0xC2..0xF4 followed by exactly the continuation bytes it asks for.
 * Lead and continuation bytes never overlap, so a greedy left-to-right scan
 * finds every sequence there is. */
#include "ingest/decode/repair_segment.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdlib.h>

/* A character that stands for an unknown byte (U+FFFD in Windows-1252
 * text: the five bytes it leaves undefined were replaced on the way). */
#define WILD 0x100

static int byte_of(oct_codepage cp, uint32_t c)
{
    if (c == OCT_REPLACEMENT_CHAR) return cp == OCT_CP_WINDOWS_1252 ? WILD : -1;
    return oct_codepage_encode(cp, c);
}

static bool is_continuation(int b)
{
    return b == WILD || (b >= 0x80 && b <= 0xBF);
}

static int need_for(int lead)
{
    if (lead >= 0xC2 && lead <= 0xDF) return 1;
    if (lead >= 0xE0 && lead <= 0xEF) return 2;
    if (lead >= 0xF0 && lead <= 0xF4) return 3;
    return -1;
}

/* Code point of the recovered bytes b[0..n], or U+FFFD for a sequence
 * with a lost byte, or -1 when the bytes are not well-formed UTF-8. */
static long decode_bytes(const int *b, int n)
{
    bool lossy = false;
    for (int i = 1; i <= n; i++)
        lossy |= b[i] == WILD;
    if (lossy) {
        if (n == 2 && b[0] == 0xE2 && b[1] == 0x80 && b[2] == WILD) return 0x201D;
        return OCT_REPLACEMENT_CHAR;
    }
    static const long min_for[4] = {0, 0x80, 0x800, 0x10000};
    long v = b[0] & (0x3F >> n);
    for (int i = 1; i <= n; i++)
        v = (v << 6) | (b[i] & 0x3F);
    if (v < min_for[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return -1;
    return v;
}

static void push_orig(oct_repair_segment *seg, uint32_t c)
{
    if (seg->norig == seg->orig_cap) {
        seg->orig_cap = seg->orig_cap ? seg->orig_cap * 2 : 16;
        seg->orig = oct_xrealloc(seg->orig, seg->orig_cap * sizeof *seg->orig);
    }
    seg->orig[seg->norig++] = c;
}

static void push_seq(oct_repair_segment *seg, const oct_repair_seq *s)
{
    if (seg->nseq == seg->seq_cap) {
        seg->seq_cap = seg->seq_cap ? seg->seq_cap * 2 : 8;
        seg->seq = oct_xrealloc(seg->seq, seg->seq_cap * sizeof *seg->seq);
    }
    seg->seq[seg->nseq++] = *s;
}

/* Parses one sequence at text[pos]; returns false if there is none. */
static bool scan_one(oct_repair_segment *seg, const char *text, size_t len, size_t pos,
                     oct_codepage cp, oct_repair_seq *out)
{
    uint32_t chars[4];
    int bytes[4];
    size_t at = pos, clen;
    chars[0] = oct_utf8_decode(text + at, len - at, &clen);
    bytes[0] = byte_of(cp, chars[0]);
    int need = need_for(bytes[0]);
    if (need < 0) return false;
    at += clen;
    bool latin1 = false;
    for (int i = 1; i <= need; i++) {
        if (at >= len) return false;
        chars[i] = oct_utf8_decode(text + at, len - at, &clen);
        bytes[i] = byte_of(cp, chars[i]);
        if (!is_continuation(bytes[i])) return false;
        latin1 |= chars[i] >= 0x80 && chars[i] <= 0x9F;
        at += clen;
    }
    long v = decode_bytes(bytes, need);
    if (v < 0) return false;
    out->start = pos;
    out->end = at;
    out->first = seg->norig;
    out->count = (size_t)need + 1;
    out->value = (uint32_t)v;
    out->latin1 = latin1;
    for (int i = 0; i <= need; i++)
        push_orig(seg, chars[i]);
    return true;
}

size_t oct_repair_segment_scan(oct_repair_segment *seg, const char *text, size_t len, size_t pos,
                               oct_codepage cp)
{
    seg->nseq = 0;
    seg->norig = 0;
    oct_repair_seq s;
    while (seg->nseq < OCT_REPAIR_MAX_SEQS && pos < len && (unsigned char)text[pos] >= 0x80 &&
           scan_one(seg, text, len, pos, cp, &s)) {
        push_seq(seg, &s);
        pos = s.end;
    }
    return seg->nseq;
}

void oct_repair_segment_free(oct_repair_segment *seg)
{
    free(seg->seq);
    free(seg->orig);
    seg->seq = NULL;
    seg->orig = NULL;
    seg->nseq = seg->norig = seg->seq_cap = seg->orig_cap = 0;
}
