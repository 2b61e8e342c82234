/* realpath() is XSI, not in the _POSIX_C_SOURCE set the build defines. */
#define _XOPEN_SOURCE 700
#include "config/manifest.h"
#include "config/layout.h"
#include "oct_limits.h"
#include "unicode/script.h"
#include "util/sha1.h"
#include "config/yaml.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* booklet.yaml → oct_manifest. Like the layout loader it reads every key
 * and reports every problem before giving up, so one run shows the user
 * all there is to fix. */

typedef struct {
    oct_yaml_doc *doc;
    oct_manifest *m;
    int *lines;         /* line of each source read, for duplicate reports */
    struct stat *files; /* its file's identity: no stat per pair of sources */
} loader;

/* ---- identifier: RFC 4122 version 5 UUID (SHA-1, name-based) ---- */

/* uuid5(NAMESPACE_URL, "urn:octavo:booklet:" + title): the same title
 * always gives the same identifier, so e-readers keep treating a rebuilt
 * booklet as the same book. Python: uuid.uuid5(uuid.NAMESPACE_URL, ...). */
static char *derive_identifier(const char *title)
{
    static const unsigned char ns_url[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                             0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    static const char prefix[] = "urn:octavo:booklet:";
    unsigned char h[20];
    oct_buf name = OCT_BUF_INIT;
    oct_buf_put(&name, (const char *)ns_url, sizeof ns_url);
    oct_buf_put(&name, prefix, sizeof prefix - 1);
    oct_buf_puts(&name, title);
    oct_sha1(name.data, name.len, h);
    oct_buf_free(&name);
    h[6] = (unsigned char)((h[6] & 0x0F) | 0x50); /* version 5 */
    h[8] = (unsigned char)((h[8] & 0x3F) | 0x80); /* RFC 4122 variant */
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "urn:uuid:");
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) oct_buf_putc(&b, '-');
        oct_buf_printf(&b, "%02x", h[i]);
    }
    return oct_buf_detach(&b);
}

/* ---- value checks ---- */

static int valid_date(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i])) return 0;
    int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1]) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(mo == 2 && d == 29 && !leap);
}

/* ---- paths ---- */

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return oct_xstrdup(".");
    if (slash == path) return oct_xstrdup("/");
    return oct_xstrndup(path, (size_t)(slash - path));
}

static char *join_path(const char *dir, const char *name)
{
    if (name[0] == '/' || !strcmp(dir, ".")) return oct_xstrdup(name);
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, dir);
    if (dir[strlen(dir) - 1] != '/') oct_buf_putc(&b, '/');
    oct_buf_puts(&b, name);
    return oct_buf_detach(&b);
}

/* The directory's own name, made safe as a file name: "django". */
static char *slug_of(const char *dir)
{
    char *real = realpath(dir, NULL);
    const char *p = real ? real : dir;
    const char *base = strrchr(p, '/');
    base = base ? base + 1 : p;
    oct_buf b = OCT_BUF_INIT;
    for (const char *c = base; *c; c++) {
        unsigned char u = (unsigned char)*c;
        int keep = isalnum(u) || u == '-' || u == '_' || u == '.' || u >= 0x80;
        if (keep)
            oct_buf_putc(&b, *c);
        else if (b.len && b.data[b.len - 1] != '-')
            oct_buf_putc(&b, '-');
    }
    while (b.len && (b.data[b.len - 1] == '-' || b.data[b.len - 1] == '.'))
        b.data[--b.len] = 0;
    if (!b.len || !strcmp(b.data, ".")) oct_buf_puts(&b, "booklet");
    free(real);
    return oct_buf_detach(&b);
}

/* ---- keys ---- */

/* A non-empty string value, copied without the trailing newline that
 * YAML's block scalars (description: >) keep; NULL after reporting. */
static char *text_of(loader *ld, const oct_yaml_node *n)
{
    const char *s;
    if (oct_yaml_nonempty(ld->doc, n, &s)) return NULL;
    size_t len = strlen(s);
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    return oct_xstrndup(s, len);
}

static void read_title(loader *ld, const oct_yaml_node *n)
{
    ld->m->title = text_of(ld, n);
}

static void read_subtitle(loader *ld, const oct_yaml_node *n)
{
    ld->m->subtitle = text_of(ld, n);
}

static void read_author(loader *ld, const oct_yaml_node *n)
{
    ld->m->author = text_of(ld, n);
}

static void read_description(loader *ld, const oct_yaml_node *n)
{
    ld->m->description = text_of(ld, n);
}

static void read_identifier(loader *ld, const oct_yaml_node *n)
{
    ld->m->identifier = text_of(ld, n);
}

static void read_language(loader *ld, const oct_yaml_node *n)
{
    const char *s;
    if (oct_yaml_nonempty(ld->doc, n, &s)) return;
    if (!oct_language_tag_valid(s)) {
        const char *hint = strchr(s, '_') ? "; use '-', as in 'en-US'" : "";
        oct_yaml_error(ld->doc, n, "invalid-value",
                       "'language' must be a BCP 47 language tag such as 'en' or 'pt-BR', got "
                       "'%s'%s",
                       s, hint);
        return;
    }
    ld->m->language = oct_xstrdup(s);
}

static void read_date(loader *ld, const oct_yaml_node *n)
{
    const char *s;
    if (oct_yaml_string(ld->doc, n, &s)) return;
    if (!valid_date(s)) {
        oct_yaml_error(ld->doc, n, "invalid-value",
                       "'date' must be a calendar date written YYYY-MM-DD, got '%s'", s);
        return;
    }
    ld->m->date = oct_xstrdup(s);
}

/* A layout given as a path is relative to the manifest, like sources;
 * a bare name is looked up in the layouts directory by the caller. */
static void read_layout(loader *ld, const oct_yaml_node *n)
{
    char *s = text_of(ld, n);
    if (!s) return;
    size_t len = strlen(s);
    int is_path = strchr(s, '/') || (len > 5 && !strcmp(s + len - 5, ".yaml")) ||
                  (len > 4 && !strcmp(s + len - 4, ".yml"));
    ld->m->layout = is_path ? join_path(ld->m->dir, s) : oct_xstrdup(s);
    free(s);
}

static void read_keywords(loader *ld, const oct_yaml_node *n)
{
    if (oct_yaml_expect(ld->doc, n, OCT_YAML_SEQUENCE)) return;
    ld->m->keywords = oct_xcalloc(n->count ? n->count : 1, sizeof(char *));
    for (const oct_yaml_node *k = n->first; k; k = k->next) {
        const char *s;
        if (oct_yaml_nonempty(ld->doc, k, &s) == 0)
            ld->m->keywords[ld->m->nkeywords++] = oct_xstrdup(s);
    }
}

/* Checks that the file exists and is not listed twice; returns 0 or -1. */
static int check_source(loader *ld, const oct_yaml_node *at, const char *file, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        oct_yaml_error(ld->doc, at, "missing-source", "source file '%s' not found (looked for %s)",
                       file, path);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        oct_yaml_error(ld->doc, at, "missing-source", "source '%s' is a directory, not a file",
                       file);
        return -1;
    }
    /* A device or a pipe ("/dev/stdin", "/dev/zero") would block or never end. */
    if (!S_ISREG(st.st_mode)) {
        oct_yaml_error(ld->doc, at, "missing-source", "source '%s' is not a regular file", file);
        return -1;
    }
    /* Compared by inode, so "a.txt" and "./a.txt" are the same file. */
    ld->files[ld->m->nsources] = st;
    for (size_t i = 0; i < ld->m->nsources; i++) {
        const struct stat *other = &ld->files[i];
        if (other->st_dev == st.st_dev && other->st_ino == st.st_ino) {
            oct_yaml_error(ld->doc, at, "duplicate-source",
                           "source '%s' is listed twice (first at line %d)", file, ld->lines[i]);
            return -1;
        }
    }
    return 0;
}

static void read_source(loader *ld, const oct_yaml_node *item)
{
    static const char *const keys[] = {"file", "title", NULL};
    const oct_yaml_node *file = item, *title = NULL;
    const char *name, *title_s = NULL;
    if (item->kind == OCT_YAML_MAPPING) {
        oct_yaml_check_keys(ld->doc, item, "sources", keys);
        file = oct_yaml_get(item, "file");
        title = oct_yaml_get(item, "title");
        if (!file) {
            oct_yaml_error(ld->doc, item, "missing-key", "missing key 'file' in %s",
                           oct_yaml_describe(ld->doc, item));
            return;
        }
    } else if (item->kind != OCT_YAML_SCALAR) {
        oct_yaml_error(ld->doc, item, "wrong-type",
                       "%s must be a file name or a mapping with 'file' and 'title', got a list",
                       oct_yaml_describe(ld->doc, item));
        return;
    }
    if (oct_yaml_nonempty(ld->doc, file, &name)) return;
    if (title && oct_yaml_nonempty(ld->doc, title, &title_s)) return;
    char *path = join_path(ld->m->dir, name);
    if (check_source(ld, file, name, path)) {
        free(path);
        return;
    }
    ld->lines[ld->m->nsources] = file->line;
    oct_source *s = &ld->m->sources[ld->m->nsources++];
    s->path = path;
    s->title = title_s ? oct_xstrdup(title_s) : NULL;
}

static void read_sources(loader *ld, const oct_yaml_node *n)
{
    if (oct_yaml_expect(ld->doc, n, OCT_YAML_SEQUENCE)) return;
    if (n->count == 0) {
        oct_yaml_error(ld->doc, n, "invalid-value", "'sources' must list at least one file");
        return;
    }
    if (n->count > OCT_LIMIT_SOURCES) {
        oct_yaml_error(ld->doc, n, "limit-sources",
                       "'sources' lists %zu files, more than the limit of %d", (size_t)n->count,
                       OCT_LIMIT_SOURCES);
        return;
    }
    ld->m->sources = oct_xcalloc(n->count, sizeof(oct_source));
    ld->lines = oct_xcalloc(n->count, sizeof(int));
    ld->files = oct_xcalloc(n->count, sizeof *ld->files);
    for (const oct_yaml_node *item = n->first; item; item = item->next)
        read_source(ld, item);
}

/* ---- topics ---- */

static char **read_keyword_list(loader *ld, const oct_yaml_node *n, size_t *count)
{
    *count = 0;
    if (oct_yaml_expect(ld->doc, n, OCT_YAML_SEQUENCE)) return NULL;
    char **out = oct_xcalloc(n->count ? n->count : 1, sizeof(char *));
    for (const oct_yaml_node *k = n->first; k; k = k->next) {
        const char *s;
        if (k->kind != OCT_YAML_SCALAR) {
            oct_yaml_error(ld->doc, k, "wrong-type", "%s must be a word or phrase, got a %s",
                           oct_yaml_describe(ld->doc, k),
                           k->kind == OCT_YAML_MAPPING ? "mapping" : "list");
            continue;
        }
        if (oct_yaml_nonempty(ld->doc, k, &s) == 0) out[(*count)++] = oct_xstrdup(s);
    }
    return out;
}

/* A topic is a name (short form) or {name, keywords, order}. Names are
 * unique, and "Other" is the implicit home of what matches nothing. */
static void read_topic(loader *ld, const oct_yaml_node *item)
{
    static const char *const keys[] = {"name", "keywords", "order", NULL};
    const oct_yaml_node *name = item, *kw = NULL, *order = NULL;
    if (item->kind == OCT_YAML_MAPPING) {
        oct_yaml_check_keys(ld->doc, item, "topics", keys);
        name = oct_yaml_get(item, "name");
        kw = oct_yaml_get(item, "keywords");
        order = oct_yaml_get(item, "order");
        if (!name) {
            oct_yaml_error(ld->doc, item, "missing-key", "missing key 'name' in %s",
                           oct_yaml_describe(ld->doc, item));
            return;
        }
    } else if (item->kind != OCT_YAML_SCALAR) {
        oct_yaml_error(ld->doc, item, "wrong-type",
                       "%s must be a topic name or a mapping with 'name', 'keywords' and "
                       "'order', got a list",
                       oct_yaml_describe(ld->doc, item));
        return;
    }
    const char *name_s;
    if (oct_yaml_nonempty(ld->doc, name, &name_s)) return;
    if (!strcasecmp(name_s, "Other")) {
        oct_yaml_error(ld->doc, name, "invalid-value",
                       "topic 'Other' is implicit (it holds the questions no topic matches); "
                       "leave it out");
        return;
    }
    for (size_t i = 0; i < ld->m->ntopics; i++)
        if (!strcmp(ld->m->topics[i].name, name_s)) {
            oct_yaml_error(ld->doc, name, "duplicate-topic", "topic '%s' is listed twice", name_s);
            return;
        }
    double ord = (double)(item->index + 1);
    if (order) {
        if (oct_yaml_number(ld->doc, order, &ord)) return;
        if (ord != (double)(int)ord || ord < -1000000 || ord > 1000000) {
            oct_yaml_error(ld->doc, order, "invalid-value",
                           "'order' must be a whole number, got '%s'", order->text);
            return;
        }
    }
    oct_manifest_topic *t = &ld->m->topics[ld->m->ntopics++];
    t->name = oct_xstrdup(name_s);
    t->order = (int)ord;
    if (kw) t->keywords = read_keyword_list(ld, kw, &t->nkeywords);
}

static void read_topics(loader *ld, const oct_yaml_node *n)
{
    if (oct_yaml_expect(ld->doc, n, OCT_YAML_SEQUENCE)) return;
    ld->m->topics = oct_xcalloc(n->count ? n->count : 1, sizeof(oct_manifest_topic));
    for (const oct_yaml_node *item = n->first; item; item = item->next)
        read_topic(ld, item);
}

static void read_group_by(loader *ld, const oct_yaml_node *n)
{
    const char *s;
    if (oct_yaml_nonempty(ld->doc, n, &s)) return;
    if (strcmp(s, "topic") != 0 && strcmp(s, "source") != 0) {
        oct_yaml_error(ld->doc, n, "invalid-value",
                       "'group_by' must be 'topic' or 'source', got '%s'", s);
        return;
    }
    ld->m->group_by = oct_xstrdup(s);
}

static void read_mode(loader *ld, const oct_yaml_node *n)
{
    const char *s;
    if (oct_yaml_nonempty(ld->doc, n, &s)) return;
    if (!oct_mode_name(s)) {
        oct_yaml_error(ld->doc, n, "invalid-value",
                       "'mode' must be 'study', 'quiz' or 'flashcards', got '%s'", s);
        return;
    }
    ld->m->mode = oct_xstrdup(s);
}

static const struct {
    const char *key;
    void (*read)(loader *, const oct_yaml_node *);
} READERS[] = {
    {"title", read_title},
    {"subtitle", read_subtitle},
    {"author", read_author},
    {"language", read_language},
    {"identifier", read_identifier},
    {"date", read_date},
    {"description", read_description},
    {"keywords", read_keywords},
    {"layout", read_layout},
    {"sources", read_sources},
    {"topics", read_topics},
    {"group_by", read_group_by},
    {"mode", read_mode},
};

enum { NREADERS = sizeof READERS / sizeof READERS[0] };

/* Keys are read in file order, so diagnostics follow the file. */
static void read_manifest(loader *ld)
{
    const char *keys[NREADERS + 1];
    for (size_t i = 0; i < NREADERS; i++)
        keys[i] = READERS[i].key;
    keys[NREADERS] = NULL;
    const oct_yaml_node *root = ld->doc->root;
    if (!root) {
        oct_yaml_error(ld->doc, NULL, "missing-key",
                       "empty manifest; 'title' and 'sources' are required");
        return;
    }
    if (oct_yaml_expect(ld->doc, root, OCT_YAML_MAPPING)) return;
    for (const oct_yaml_node *c = root->first; c; c = c->next) {
        size_t i = 0;
        while (i < NREADERS && strcmp(READERS[i].key, c->key) != 0)
            i++;
        if (i < NREADERS)
            READERS[i].read(ld, c);
        else
            oct_yaml_unknown_key(ld->doc, c, NULL, keys);
    }
    if (!oct_yaml_get(root, "title"))
        oct_yaml_error(ld->doc, root, "missing-key", "missing key 'title'");
    if (!oct_yaml_get(root, "sources"))
        oct_yaml_error(ld->doc, root, "missing-key",
                       "missing key 'sources' (the list of files, in reading order)");
    /* No language stays NULL: the CLI assumes "en" and says so once. */
    if (oct_yaml_get(root, "group_by") && ld->m->group_by && !strcmp(ld->m->group_by, "topic") &&
        ld->m->ntopics == 0)
        oct_yaml_error(ld->doc, oct_yaml_get(root, "group_by"), "invalid-value",
                       "'group_by: topic' needs a 'topics' list");
    if (!oct_yaml_get(root, "identifier") && ld->m->title)
        ld->m->identifier = derive_identifier(ld->m->title);
}

int oct_manifest_load(const char *path, oct_manifest *out, oct_diag *diag)
{
    oct_manifest m = {0};
    loader ld = {.m = &m};
    int rc = -1;
    if (!(ld.doc = oct_yaml_load(path, diag))) goto out;
    m.path = oct_xstrdup(path);
    m.dir = dir_of(path);
    m.slug = slug_of(m.dir);
    read_manifest(&ld);
    if (ld.doc->errors == 0) rc = 0;
out:
    free(ld.lines);
    free(ld.files);
    oct_yaml_free(ld.doc);
    if (rc) oct_manifest_release(&m);
    *out = m;
    return rc;
}

void oct_manifest_release(oct_manifest *m)
{
    if (!m) return;
    free(m->path);
    free(m->dir);
    free(m->slug);
    free(m->title);
    free(m->subtitle);
    free(m->author);
    free(m->language);
    free(m->identifier);
    free(m->date);
    free(m->description);
    free(m->layout);
    for (size_t i = 0; i < m->nkeywords; i++)
        free(m->keywords[i]);
    free(m->keywords);
    for (size_t i = 0; i < m->nsources; i++) {
        free(m->sources[i].path);
        free(m->sources[i].title);
    }
    free(m->sources);
    for (size_t i = 0; i < m->ntopics; i++) {
        free(m->topics[i].name);
        for (size_t k = 0; k < m->topics[i].nkeywords; k++)
            free(m->topics[i].keywords[k]);
        free(m->topics[i].keywords);
    }
    free(m->topics);
    free(m->group_by);
    free(m->mode);
    memset(m, 0, sizeof *m);
}
