#include "tree/anchors.h"
#include "util/xalloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* One open-addressing table keyed by (namespace, name): a file's anchors
 * live in the namespace of their file index, the first holder of each
 * anchor anywhere in NS_ANY, node ids in NS_ID. The first entry of a key
 * wins, so "#faq" in a file goes to that file's own heading. */

enum { NS_ANY = UINT_MAX, NS_ID = UINT_MAX - 1 };

typedef struct {
    const char *name;
    unsigned ns;
    const oct_node *node;
} entry;

struct oct_anchor_table {
    const oct_tree *t;
    entry *slots;
    size_t cap, len;
    const oct_node **chapter_of; /* by file index */
    char **paths;                /* normalized file paths, by file index */
};

static uint64_t hash(unsigned ns, const char *s)
{
    uint64_t h = 1469598103934665603ull ^ ns;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static const oct_node *get(const oct_anchor_table *a, unsigned ns, const char *name)
{
    if (!a->cap || !name || !*name) return NULL;
    for (size_t i = hash(ns, name) & (a->cap - 1);; i = (i + 1) & (a->cap - 1)) {
        const entry *e = &a->slots[i];
        if (!e->name) return NULL;
        if (e->ns == ns && strcmp(e->name, name) == 0) return e->node;
    }
}

static void put(oct_anchor_table *a, unsigned ns, const char *name, const oct_node *n);

static void grow(oct_anchor_table *a)
{
    entry *old = a->slots;
    size_t ocap = a->cap;
    a->cap = ocap ? ocap * 2 : 256;
    a->slots = oct_xtable(a->cap, sizeof *a->slots);
    a->len = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].name) put(a, old[i].ns, old[i].name, old[i].node);
    free(old);
}

static void put(oct_anchor_table *a, unsigned ns, const char *name, const oct_node *n)
{
    if (!name || !*name || get(a, ns, name)) return;
    if ((a->len + 1) * 2 > a->cap) grow(a);
    size_t i = hash(ns, name) & (a->cap - 1);
    while (a->slots[i].name)
        i = (i + 1) & (a->cap - 1);
    a->slots[i] = (entry){name, ns, n};
    a->len++;
}

/* "a/./b/../c.md" -> "a/c.md"; leading ".." kept. malloc'd. */
static char *normalize_path(const char *dir, size_t dirlen, const char *rel, size_t rlen)
{
    oct_buf in = OCT_BUF_INIT, out = OCT_BUF_INIT;
    if (dirlen) {
        oct_buf_put(&in, dir, dirlen);
        oct_buf_putc(&in, '/');
    }
    oct_buf_put(&in, rel, rlen);
    oct_buf_putc(&in, '\0');
    bool abs = in.data[0] == '/';
    size_t *ends = NULL, nends = 0, cap = 0;
    for (char *seg = in.data, *save = NULL; (seg = strtok_r(seg, "/", &save)); seg = NULL) {
        if (strcmp(seg, ".") == 0) continue;
        if (strcmp(seg, "..") == 0 && nends &&
            strcmp(out.data + (nends > 1 ? ends[nends - 2] + 1 : 0), "..") != 0) {
            out.len = nends > 1 ? ends[nends - 2] : 0;
            out.data[out.len] = '\0';
            nends--;
            continue;
        }
        if (nends) oct_buf_putc(&out, '/');
        oct_buf_puts(&out, seg);
        OCT_GROW(ends, cap, nends + 1);
        ends[nends++] = out.len;
    }
    free(ends);
    oct_buf_free(&in);
    char *r = oct_xstrdup(out.data ? out.data : "");
    oct_buf_free(&out);
    if (abs) {
        char *x = oct_xmalloc(strlen(r) + 2);
        x[0] = '/';
        strcpy(x + 1, r);
        free(r);
        r = x;
    }
    return r;
}

static void collect(oct_anchor_table *a)
{
    oct_iter it;
    oct_event ev;
    oct_iter_init(&it, a->t->root);
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER) continue;
        /* "./other.md" opens the source's chapter, or in an arranged booklet
         * the heading that stands for the source (a topic is no source) */
        bool source = (n->kind == OCT_CHAPTER && !n->u.chapter.arranged) ||
                      (n->kind == OCT_SECTION && n->u.section.source);
        if (source && n->span.file < a->t->nfiles && !a->chapter_of[n->span.file])
            a->chapter_of[n->span.file] = n;
        for (size_t i = 0; n->anchors && n->anchors[i]; i++) {
            put(a, n->span.file, n->anchors[i], n);
            put(a, NS_ANY, n->anchors[i], n);
        }
        if (n->id) put(a, NS_ID, n->id, n);
    }
}

oct_anchor_table *oct_anchor_table_build(const oct_tree *t)
{
    oct_anchor_table *a = oct_xcalloc(1, sizeof *a);
    a->t = t;
    size_t nf = t->nfiles ? t->nfiles : 1;
    a->chapter_of = oct_xcalloc(nf, sizeof *a->chapter_of);
    a->paths = oct_xcalloc(nf, sizeof *a->paths);
    for (size_t i = 0; i < t->nfiles; i++)
        a->paths[i] = normalize_path(NULL, 0, t->files[i], strlen(t->files[i]));
    if (t->root) collect(a);
    return a;
}

void oct_anchor_table_free(oct_anchor_table *a)
{
    if (!a) return;
    for (size_t i = 0; i < a->t->nfiles; i++)
        free(a->paths[i]);
    free(a->paths);
    free(a->chapter_of);
    free(a->slots);
    free(a);
}

static int hexv(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void decode(const char *s, size_t n, oct_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        int hi, lo;
        if (s[i] == '%' && i + 2 < n && (hi = hexv(s[i + 1])) >= 0 && (lo = hexv(s[i + 2])) >= 0) {
            oct_buf_putc(out, (char)(hi * 16 + lo));
            i += 2;
        } else {
            oct_buf_putc(out, s[i]);
        }
    }
}

static void lower(const char *s, oct_buf *out)
{
    int32_t len = (int32_t)strlen(s), i = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, len, c);
        if (c < 0) c = 0xFFFD;
        oct_buf_put_utf8(out, (unsigned)u_tolower(c));
    }
}

/* A fragment in file ns (NS_ANY: anywhere), as written then lower-cased,
 * with GitHub's "user-content-" prefix or without. */
static const oct_node *find_frag(const oct_anchor_table *a, unsigned ns, const char *frag)
{
    static const char prefix[] = "user-content-";
    if (strncmp(frag, prefix, sizeof prefix - 1) == 0 && frag[sizeof prefix - 1])
        frag += sizeof prefix - 1;
    const oct_node *n = get(a, ns, frag);
    if (n) return n;
    oct_buf lo = OCT_BUF_INIT;
    lower(frag, &lo);
    n = get(a, ns, lo.data);
    oct_buf_free(&lo);
    return n;
}

/* Whether the source at path is the note `name` ("Note", "folder/Note"):
 * its path's end without the extension, in any case. */
static bool is_note(const char *path, const char *name)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = (size_t)((dot ? dot : base + strlen(base)) - path), k = strlen(name);
    /* "Note", or "folder/Note" from the vault's root: the path's end */
    return k <= n && (k == n || path[n - k - 1] == '/') && strncasecmp(path + n - k, name, k) == 0;
}

/* The file index of the one source that is the note `name`, or -1 (none,
 * or two: neither). */
static long find_note(const oct_anchor_table *a, const char *name)
{
    long hit = -1;
    for (size_t i = 0; i < a->t->nfiles; i++) {
        if (!a->chapter_of[i] || !is_note(a->paths[i], name)) continue;
        if (hit >= 0) return -1;
        hit = (long)i;
    }
    return hit;
}

/* The file index a relative path written in file `from` names (or a
 * note's name), or -1. */
static long find_file(const oct_anchor_table *a, const char *path, size_t plen, unsigned from)
{
    oct_buf d = OCT_BUF_INIT;
    decode(path, plen, &d);
    const char *base = from < a->t->nfiles ? a->t->files[from] : "";
    const char *slash = strrchr(base, '/');
    char *want = normalize_path(base, slash ? (size_t)(slash - base) : 0, d.data, d.len);
    long hit = -1;
    for (size_t i = 0; i < a->t->nfiles && hit < 0; i++)
        if (a->chapter_of[i] && strcmp(a->paths[i], want) == 0) hit = (long)i;
    /* a note's name (a wikilink's: no extension, maybe folders from the
     * vault's root), wherever it lies, in any case, as Obsidian finds it */
    if (hit < 0 && d.data && d.data[0] != '.' && d.data[0] != '/') hit = find_note(a, d.data);
    free(want);
    oct_buf_free(&d);
    return hit;
}

/* A node's own id ("q12-what-is-x"), or a section's without its "s-"
 * (trees built without ingest have ids but no heading anchors). */
static const oct_node *by_id(const oct_anchor_table *a, const char *key)
{
    const oct_node *n = get(a, NS_ID, key);
    if (n) return n;
    char *alt = oct_xmalloc(strlen(key) + 3);
    memcpy(alt, "s-", 2);
    strcpy(alt + 2, key);
    n = get(a, NS_ID, alt);
    free(alt);
    return n;
}

const oct_node *oct_anchor_resolve(const oct_anchor_table *a, const char *url, unsigned from)
{
    if (!a || !oct_anchor_is_local(url)) return NULL;
    const char *hash_at = strchr(url, '#');
    size_t plen = strcspn(url, "?#");
    const char *frag = hash_at ? hash_at + 1 : "";
    oct_buf f = OCT_BUF_INIT;
    decode(frag, strlen(frag), &f);
    const char *key = f.data ? f.data : "";
    const oct_node *n = NULL;
    if (plen == 0) {
        if (*key) n = find_frag(a, from, key);
        if (!n && *key) n = find_frag(a, NS_ANY, key);
        if (!n && *key) n = by_id(a, key);
    } else {
        long file = find_file(a, url, plen, from);
        if (file >= 0) {
            if (*key) n = find_frag(a, (unsigned)file, key);
            if (!n && *key) n = by_id(a, key);
            if (!n) n = a->chapter_of[file];
        }
    }
    oct_buf_free(&f);
    return n;
}
