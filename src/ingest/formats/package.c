/* Opening a Word or OpenDocument package: what it is (by its own
 * [Content_Types].xml or mimetype, not by the file's name), and its XML
 * parts parsed with libxml2 in the safe way: no DTD loaded, no entity
 * substituted, no network, each part capped before it is parsed. */
#include "ingest/formats/docint.h"
#include "ingest/images/images.h"

#include "oct_limits.h"
#include "util/xalloc.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool oct_doc_named(const char *path)
{
    size_t n = strlen(path);
    return (n > 5 && !strcasecmp(path + n - 5, ".docx")) ||
           (n > 4 && !strcasecmp(path + n - 4, ".odt"));
}

bool oct_doc_is_zip(const char *bytes, size_t len)
{
    return len >= 4 && !memcmp(bytes, "PK\x03\x04", 4);
}

xmlDoc *oct_pkg_parse(oct_unzip *zip, const char *path, const char *part, int *failed,
                      oct_diag *diag)
{
    char why[200], *data;
    size_t len;
    int rc = oct_unzip_read(zip, part, OCT_LIMIT_PACKAGE_PART_BYTES, &data, &len, why, sizeof why);
    if (rc == 1) return NULL;
    if (rc < 0) {
        bool big = strstr(why, "limit") != NULL;
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, big ? "limit-source-size" : "document-damaged",
                        "the package's part %s cannot be read: %s", part, why);
        *failed = 1;
        return NULL;
    }
    /* Not XML_PARSE_NOENT or DTDLOAD: entities stay references (never
     * expanded, never fetched); not HUGE: libxml2's own caps on depth
     * and on a text node hold. BIG_LINES: lines past 65535 counted. */
    xmlParserCtxt *ctx = xmlNewParserCtxt();
    xmlDoc *doc = NULL;
    if (ctx && len <= (size_t)0x7fffffff)
        doc = xmlCtxtReadMemory(ctx, data, (int)len, part, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                    XML_PARSE_BIG_LINES);
    if (!doc || !xmlDocGetRootElement(doc)) {
        const xmlError *e = ctx ? xmlCtxtGetLastError(ctx) : NULL;
        char msg[200] = "it holds no XML";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            msg[strcspn(msg, "\n")] = '\0';
        }
        oct_diag_report(diag, OCT_ERROR, path, e ? e->line : 0, 0, "document-damaged",
                        "the package's part %s is not well-formed XML: %s", part, msg);
        xmlFreeDoc(doc);
        doc = NULL;
        *failed = 1;
    }
    if (ctx) xmlFreeParserCtxt(ctx);
    free(data);
    return doc;
}

/* The main document's part a Word package names in [Content_Types].xml
 * (malloc'd), or NULL when it names none: then it is no Word text (an
 * .xlsx, a .pptx). */
static char *docx_main_part(oct_unzip *zip, const char *path, int *failed, oct_diag *diag)
{
    xmlDoc *ct = oct_pkg_parse(zip, path, "[Content_Types].xml", failed, diag);
    if (!ct) return NULL;
    char *part = NULL;
    for (xmlNode *o = xmlDocGetRootElement(ct)->children; o && !part; o = o->next) {
        const char *type = oct_xml_attr(o, NULL, "ContentType");
        const char *name = oct_xml_attr(o, NULL, "PartName");
        if (!oct_xml_is(o, NULL, "Override") || !type || !name) continue;
        if (strstr(type, "wordprocessingml.document.main+xml") ||
            strstr(type, "wordprocessingml.template.main+xml") ||
            strstr(type, "ms-word.document.macroEnabled.main+xml"))
            part = oct_xstrdup(name[0] == '/' ? name + 1 : name);
    }
    xmlFreeDoc(ct);
    return part;
}

/* "application/vnd.oasis.opendocument.text" (or its template) in the
 * package's first member, as ODF requires. */
static bool odt_mimetype(oct_unzip *zip)
{
    char why[120], *data;
    size_t len;
    if (oct_unzip_read(zip, "mimetype", 200, &data, &len, why, sizeof why) != 0) return false;
    bool ok = !strcmp(data, "application/vnd.oasis.opendocument.text") ||
              !strcmp(data, "application/vnd.oasis.opendocument.text-template");
    free(data);
    return ok;
}

/* dc:title of docProps/core.xml or meta.xml, trimmed; NULL if none. */
static char *property_title(xmlDoc *props)
{
    xmlNode *t =
        props ? oct_xml_find(xmlDocGetRootElement(props), "purl.org/dc/elements", "title") : NULL;
    if (!t) return NULL;
    oct_buf b = OCT_BUF_INIT;
    oct_xml_text_to(t, &b);
    size_t a = 0, e = b.len;
    while (a < e && strchr(" \t\r\n", b.data[a]))
        a++;
    while (e > a && strchr(" \t\r\n", b.data[e - 1]))
        e--;
    char *s = e > a ? oct_xstrndup(b.data + a, e - a) : NULL;
    oct_buf_free(&b);
    return s;
}

/* The language a document is written in, as a tag ("de-DE"): its
 * properties' dc:language, else the default its styles give its text
 * (Word: w:docDefaults' w:lang; ODF: the default paragraph style's
 * fo:language and fo:country). NULL when neither names one. */
static char *document_lang(xmlDoc *props, xmlDoc *styles, bool odt)
{
    xmlNode *l = props
                     ? oct_xml_find(xmlDocGetRootElement(props), "purl.org/dc/elements", "language")
                     : NULL;
    if (l) {
        oct_buf b = OCT_BUF_INIT;
        oct_xml_text_to(l, &b);
        char *s = b.len && b.len < 36 && !strpbrk(b.data, " \t\r\n") ? oct_xstrdup(b.data) : NULL;
        oct_buf_free(&b);
        if (s) return s;
    }
    xmlNode *root = styles ? xmlDocGetRootElement(styles) : NULL;
    if (!root) return NULL;
    if (!odt) {
        xmlNode *defaults = oct_xml_find(root, NS_W, "docDefaults");
        xmlNode *lang = defaults ? oct_xml_find(defaults, NS_W, "lang") : NULL;
        const char *v = lang ? oct_xml_attr(lang, NS_W, "val") : NULL;
        return v && *v && strlen(v) < 36 ? oct_xstrdup(v) : NULL;
    }
    for (xmlNode *s = oct_xml_find(root, NS_STYLE, "default-style"); s; s = s->next) {
        const char *fam =
            oct_xml_is(s, NS_STYLE, "default-style") ? oct_xml_attr(s, NS_STYLE, "family") : NULL;
        if (!fam || strcmp(fam, "paragraph")) continue;
        xmlNode *tp = oct_xml_child(s, NS_STYLE, "text-properties");
        const char *lang = tp ? oct_xml_attr(tp, NS_FO, "language") : NULL;
        const char *country = tp ? oct_xml_attr(tp, NS_FO, "country") : NULL;
        if (!lang || !*lang || !strcmp(lang, "none") || strlen(lang) > 8) return NULL;
        char tag[24];
        if (country && *country && strcmp(country, "none") && strlen(country) <= 8)
            snprintf(tag, sizeof tag, "%s-%s", lang, country);
        else
            snprintf(tag, sizeof tag, "%s", lang);
        return oct_xstrdup(tag);
    }
    return NULL;
}

/* word/document.xml → word/<name>, or word/_rels/document.xml.rels. */
static char *sibling(const char *main, const char *name, bool rels)
{
    const char *slash = strrchr(main, '/');
    int dir = slash ? (int)(slash - main + 1) : 0;
    size_t n = strlen(main) + strlen(name) + 16;
    char *p = oct_xmalloc(n);
    if (rels)
        snprintf(p, n, "%.*s_rels/%s.rels", dir, main, main + dir);
    else
        snprintf(p, n, "%.*s%s", dir, main, name);
    return p;
}

/* The part a relationship of the main document names for type (".../styles"),
 * as the package's own paths say (relative to the main part's directory,
 * or from the root), else the name Word gives it beside the main part. */
static char *related_part(const xmlDoc *rels, const char *main, const char *type, const char *usual)
{
    const xmlNode *root = rels ? xmlDocGetRootElement((xmlDoc *)rels) : NULL;
    for (const xmlNode *r = root ? root->children : NULL; r; r = r->next) {
        const char *t = oct_xml_attr(r, NULL, "Type"), *target = oct_xml_attr(r, NULL, "Target");
        const char *mode = oct_xml_attr(r, NULL, "TargetMode");
        if (!oct_xml_is(r, NULL, "Relationship") || !t || !target ||
            (mode && strcmp(mode, "Internal")))
            continue;
        size_t tl = strlen(t), n = strlen(type);
        if (tl < n || strcmp(t + tl - n, type)) continue;
        if (target[0] == '/') return oct_xstrdup(target + 1);
        return sibling(main, target, false);
    }
    return sibling(main, usual, false);
}

static int open_docx(oct_doc *d, const char *path, const char *main, int *failed, oct_diag *diag)
{
    d->kind = OCT_DOC_DOCX;
    d->main = oct_pkg_parse(d->zip, path, main, failed, diag);
    if (!d->main) {
        if (!*failed)
            oct_diag_report(diag, OCT_ERROR, path, 0, 0, "document-damaged",
                            "the Word package has no %s (its main document)", main);
        return -1;
    }
    char *r = sibling(main, "", true);
    d->rels = oct_pkg_parse(d->zip, path, r, failed, diag);
    free(r);
    static const char *const types[] = {"/styles", "/numbering", "/footnotes", "/endnotes", NULL};
    static const char *const usual[] = {"styles.xml", "numbering.xml", "footnotes.xml",
                                        "endnotes.xml"};
    xmlDoc **slots[] = {&d->styles, &d->numbering, &d->footnotes, &d->endnotes};
    for (int k = 0; types[k] && !*failed; k++) {
        char *p = related_part(d->rels, main, types[k], usual[k]);
        *slots[k] = oct_pkg_parse(d->zip, path, p, failed, diag);
        free(p);
    }
    char *c = related_part(d->rels, main, "/comments", "comments.xml");
    d->comments = oct_unzip_has(d->zip, c);
    free(c);
    xmlDoc *core = *failed ? NULL : oct_pkg_parse(d->zip, path, "docProps/core.xml", failed, diag);
    d->title = property_title(core);
    d->lang = document_lang(core, d->styles, false);
    xmlFreeDoc(core);
    return *failed ? -1 : 0;
}

static int open_odt(oct_doc *d, const char *path, int *failed, oct_diag *diag)
{
    d->kind = OCT_DOC_ODT;
    d->main = oct_pkg_parse(d->zip, path, "content.xml", failed, diag);
    if (!d->main) {
        if (!*failed)
            oct_diag_report(diag, OCT_ERROR, path, 0, 0, "document-damaged",
                            "the OpenDocument package has no content.xml");
        return -1;
    }
    if (!*failed) d->styles = oct_pkg_parse(d->zip, path, "styles.xml", failed, diag);
    xmlDoc *meta = *failed ? NULL : oct_pkg_parse(d->zip, path, "meta.xml", failed, diag);
    d->title = property_title(meta);
    d->lang = document_lang(meta, d->styles, true);
    xmlFreeDoc(meta);
    return *failed ? -1 : 0;
}

int oct_doc_open(const char *path, const char *bytes, size_t len, oct_doc **out, oct_diag *diag)
{
    *out = NULL;
    char why[200];
    oct_unzip *zip = oct_unzip_open(bytes, len, why, sizeof why);
    if (!zip) {
        if (!oct_doc_named(path)) return 1; /* a damaged zip of another kind: binary */
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "document-damaged",
                        "the package (a zip archive) cannot be opened: %s", why);
        return -1;
    }
    oct_unzip_set_limits(zip, OCT_LIMIT_PACKAGE_UNPACKED_BYTES, OCT_LIMIT_PACKAGE_RATIO,
                         OCT_LIMIT_PACKAGE_RATIO_GRACE);
    oct_doc *d = oct_xcalloc(1, sizeof *d);
    d->zip = zip;
    int failed = 0, rc = 1;
    char *main =
        oct_unzip_has(zip, "[Content_Types].xml") ? docx_main_part(zip, path, &failed, diag) : NULL;
    if (failed)
        rc = -1;
    else if (main)
        rc = open_docx(d, path, main, &failed, diag);
    else if (odt_mimetype(zip) || (oct_doc_named(path) && oct_unzip_has(zip, "content.xml")))
        rc = open_odt(d, path, &failed, diag);
    else if (oct_doc_named(path)) {
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "document-damaged",
                        "a zip archive, but no Word or OpenDocument text (no main document "
                        "named in [Content_Types].xml, no text 'mimetype')");
        rc = -1;
    }
    free(main);
    if (rc != 0) {
        oct_doc_free(d);
        return rc;
    }
    *out = d;
    return 0;
}

const char *oct_doc_title(const oct_doc *doc)
{
    return doc ? doc->title : NULL;
}

const char *oct_doc_lang(const oct_doc *doc)
{
    return doc ? doc->lang : NULL;
}

int oct_doc_build(oct_tree *t, oct_node *chapter, oct_doc *doc, const char *path, oct_diag *diag)
{
    db b;
    db_init(&b, t, chapter, path, diag);
    int rc = doc->kind == OCT_DOC_DOCX ? oct_docx_build(&b, doc) : oct_odt_build(&b, doc);
    if (db_finish(&b) != 0) rc = -1;
    db_release(&b);
    return rc;
}

int oct_doc_part(oct_doc *doc, const char *part, char **data, size_t *len, char *why, size_t whysz)
{
    int rc = oct_unzip_read(doc->zip, part, OCT_IMAGE_MAX_BYTES, data, len, why, whysz);
    if (rc == 1) snprintf(why, whysz, "it is not in the package");
    return rc == 0 ? 0 : -1;
}

void oct_doc_free(oct_doc *d)
{
    if (!d) return;
    oct_unzip_close(d->zip);
    xmlFreeDoc(d->main);
    xmlFreeDoc(d->styles);
    xmlFreeDoc(d->numbering);
    xmlFreeDoc(d->rels);
    xmlFreeDoc(d->footnotes);
    xmlFreeDoc(d->endnotes);
    free(d->title);
    free(d->lang);
    free(d);
}
