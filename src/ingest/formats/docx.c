/* Word notes (.docx, WordprocessingML): word/document.xml walked into
 * the tree (docint.h). Paragraphs by their style (headings, titles, code,
 * quotations) and numbering (lists); runs by their properties; tables,
 * hyperlinks, pictures, footnotes and endnotes; tracked insertions kept
 * and deletions dropped; a field's result kept, its instruction not;
 * comments dropped with a note. What it does not know (a text box, an
 * equation, an element of a newer Word) keeps its text, with a warning. */
#include "ingest/formats/docx_parts.h"

#include "oct_limits.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 200 /* element nesting walked as structure; deeper is text */

typedef struct {
    db *b;
    oct_doc *doc;
    dx_parts *parts;
    bool in_quote;
    /* text boxes met in the paragraph being read: their paragraphs follow it */
    const xmlNode **boxes;
    size_t nboxes, capboxes;
    /* footnotes to read at the end: the definition and its element */
    struct {
        oct_node *def;
        const char *id;
        bool endnote;
    } * notes;
    size_t nnotes, capnotes;
} dx;

static void blocks(dx *c, const xmlNode *parent, int depth);
static void inlines(dx *c, const xmlNode *parent, unsigned flags, int depth);

static const char *lname(const xmlNode *n)
{
    return (const char *)n->name;
}

/* Something not read as structure: its text, as a paragraph of its own
 * or in the one open, with one warning per kind. */
static void keep_text(dx *c, const xmlNode *n, const char *what)
{
    db_keep_text(c->b, n, lname(n), what);
}

static bool skipped(const xmlNode *n)
{
    static const char *const names[] = {"bookmarkStart",
                                        "bookmarkEnd",
                                        "proofErr",
                                        "permStart",
                                        "permEnd",
                                        "pPr",
                                        "rPr",
                                        "sectPr",
                                        "lastRenderedPageBreak",
                                        "commentRangeStart",
                                        "commentRangeEnd",
                                        "tblPr",
                                        "tblGrid",
                                        "trPr",
                                        "tcPr",
                                        "footnoteRef",
                                        "endnoteRef",
                                        "annotationRef",
                                        "separator",
                                        "continuationSeparator",
                                        "fldChar",
                                        "instrText",
                                        "delInstrText",
                                        "rsid",
                                        "noProof"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (oct_xml_is(n, NS_W, names[k])) return true;
    return false;
}

/* ---- runs --------------------------------------------------------------- */

static void picture(dx *c, const xmlNode *n)
{
    const xmlNode *blip = oct_xml_find(n, "drawingml", "blip");
    const char *rid = blip ? oct_xml_attr(blip, NS_R, "embed") : NULL;
    if (!rid && blip) rid = oct_xml_attr(blip, NS_R, "link"); /* a linked file */
    if (!rid) {
        const xmlNode *im = oct_xml_find(n, "vml", "imagedata");
        rid = im ? oct_xml_attr(im, NS_R, "id") : NULL;
    }
    const xmlNode *pr = oct_xml_find(n, "wordprocessingDrawing", "docPr");
    const char *alt = pr ? oct_xml_attr(pr, NULL, "descr") : NULL;
    if (!alt || !*alt) alt = pr ? oct_xml_attr(pr, NULL, "title") : NULL;
    bool ext;
    const char *target = dx_rel(c->parts, rid, &ext);
    if (!target || ext) {
        oct_diag_report(c->b->diag, OCT_WARNING, c->b->path, oct_xml_line(n), 1,
                        ext ? "image-outside" : "image-missing",
                        "a picture %s; %s is printed instead",
                        ext ? "is linked to a file, not embedded in the package"
                            : "names no part of the package",
                        alt && *alt ? "its alt text" : "\"[image]\"");
        db_picture(c->b, target ? target : "", NULL, 0, alt, oct_xml_line(n));
        return;
    }
    /* targets are relative to word/ ("media/image1.png"), or absolute */
    char *part = target[0] == '/' ? oct_xstrdup(target + 1) : NULL;
    if (!part) {
        part = oct_xmalloc(strlen(target) + 6);
        strcpy(part, "word/");
        strcat(part, target);
    }
    oct_doc_picture(c->b, c->doc, part, alt, oct_xml_line(n));
    free(part);
}

/* A drawing or VML picture: a picture, or a text box, or neither. */
static void drawing(dx *c, const xmlNode *n)
{
    const xmlNode *box = oct_xml_find(n, NS_W, "txbxContent");
    if (box) {
        db_warn_once(c->b, "txbxContent", oct_xml_line(n),
                     "a text box: its text is kept as paragraphs after the one holding it");
        OCT_GROW(c->boxes, c->capboxes, c->nboxes + 1);
        c->boxes[c->nboxes++] = box;
        return;
    }
    if (oct_xml_find(n, "drawingml", "blip") || oct_xml_find(n, "vml", "imagedata"))
        picture(c, n);
    else
        keep_text(c, n, "a drawing");
}

static void note_ref(dx *c, const xmlNode *n, bool endnote)
{
    const char *id = oct_xml_attr(n, NS_W, "id");
    if (!id) return;
    char key[40];
    snprintf(key, sizeof key, "%s%.30s", endnote ? "e" : "", id);
    oct_node *def = db_note_ref(c->b, key, oct_xml_line(n));
    if (!def) return;
    OCT_GROW(c->notes, c->capnotes, c->nnotes + 1);
    c->notes[c->nnotes].def = def;
    c->notes[c->nnotes].id = id;
    c->notes[c->nnotes++].endnote = endnote;
}

static void run(dx *c, const xmlNode *r, unsigned flags, int depth)
{
    const xmlNode *rPr = oct_xml_child(r, NS_W, "rPr");
    flags = dx_run_flags(c->parts, rPr, flags);
    const char *symfont = dx_run_symbol_font(c->parts, rPr); /* Symbol's "a" is α */
    for (const xmlNode *n = r->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || skipped(n)) continue;
        int line = oct_xml_line(n);
        if (oct_xml_is(n, NS_W, "t")) {
            oct_buf t = OCT_BUF_INIT;
            oct_xml_text_to(n, &t);
            if (symfont)
                db_symbol_text(c->b, flags, symfont, t.data ? t.data : "", t.len, line);
            else
                db_text(c->b, flags, t.data ? t.data : "", t.len, line);
            for (const xmlNode *e = n->children; e; e = e->next)
                if (e->type == XML_ENTITY_REF_NODE)
                    db_warn_once(c->b, "entity", line, "an entity reference (&%s;) is not expanded",
                                 lname(e));
            oct_buf_free(&t);
        } else if (oct_xml_is(n, NS_W, "tab") || oct_xml_is(n, NS_W, "ptab")) {
            db_tab(c->b, flags, line);
        } else if (oct_xml_is(n, NS_W, "br") || oct_xml_is(n, NS_W, "cr")) {
            const char *type = oct_xml_attr(n, NS_W, "type");
            if (!type || !strcmp(type, "textWrapping")) db_break(c->b, line);
        } else if (oct_xml_is(n, NS_W, "noBreakHyphen")) {
            db_text(c->b, flags, "\xe2\x80\x91", 3, line);
        } else if (oct_xml_is(n, NS_W, "softHyphen")) {
            db_text(c->b, flags, "\xc2\xad", 2, line);
        } else if (oct_xml_is(n, NS_W, "sym")) {
            db_symbol(c->b, flags, oct_xml_attr(n, NS_W, "font"), oct_xml_attr(n, NS_W, "char"),
                      line);
        } else if (oct_xml_is(n, NS_W, "drawing") || oct_xml_is(n, NS_W, "pict")) {
            drawing(c, n);
        } else if (oct_xml_is(n, NS_W, "footnoteReference")) {
            note_ref(c, n, false);
        } else if (oct_xml_is(n, NS_W, "endnoteReference")) {
            note_ref(c, n, true);
        } else if (oct_xml_is(n, NS_W, "commentReference")) {
            c->b->dropped_comments++;
        } else if (oct_xml_is(n, NULL, "AlternateContent")) {
            const xmlNode *choice = oct_xml_child(n, NULL, "Choice");
            if (choice && depth < MAX_DEPTH) inlines(c, choice, flags, depth + 1);
        } else if (oct_xml_is(n, NS_W, "delText")) {
            /* a deletion's text, counted by its w:del */
        } else {
            keep_text(c, n, "a run's");
        }
    }
}

static void hyperlink(dx *c, const xmlNode *h, unsigned flags, int depth)
{
    bool ext = false;
    const char *url = dx_rel(c->parts, oct_xml_attr(h, NS_R, "id"), &ext);
    db_link_begin(c->b, url && ext ? url : NULL, oct_xml_line(h));
    inlines(c, h, flags, depth + 1);
    db_link_end(c->b);
}

static void inlines(dx *c, const xmlNode *parent, unsigned flags, int depth)
{
    for (const xmlNode *n = parent->children; n; n = n->next) {
        if (n->type == XML_ENTITY_REF_NODE) {
            db_warn_once(c->b, "entity", oct_xml_line(n),
                         "an entity reference (&%s;) is not expanded", lname(n));
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || skipped(n)) continue;
        if (oct_xml_is(n, NS_W, "r"))
            run(c, n, flags, depth);
        else if (oct_xml_is(n, NS_W, "hyperlink"))
            hyperlink(c, n, flags, depth);
        else if (oct_xml_is(n, NS_W, "del") || oct_xml_is(n, NS_W, "moveFrom"))
            c->b->dropped_deleted++;
        else if (depth >= MAX_DEPTH)
            keep_text(c, n, "an element nested too deep,");
        else if (oct_xml_is(n, NS_W, "ins") || oct_xml_is(n, NS_W, "moveTo") ||
                 oct_xml_is(n, NS_W, "smartTag") || oct_xml_is(n, NS_W, "customXml") ||
                 oct_xml_is(n, NS_W, "fldSimple") || oct_xml_is(n, NS_W, "dir") ||
                 oct_xml_is(n, NS_W, "bdo") || oct_xml_is(n, NS_W, "sdtContent"))
            inlines(c, n, flags, depth + 1);
        else if (oct_xml_is(n, NS_W, "sdt")) {
            const xmlNode *content = oct_xml_child(n, NS_W, "sdtContent");
            if (content) inlines(c, content, flags, depth + 1);
        } else if (oct_xml_is(n, NULL, "AlternateContent")) {
            const xmlNode *choice = oct_xml_child(n, NULL, "Choice");
            if (choice) inlines(c, choice, flags, depth + 1);
        } else if (oct_xml_is(n, "officeDocument/2006/math", "oMath") ||
                   oct_xml_is(n, "officeDocument/2006/math", "oMathPara")) {
            keep_text(c, n, "an equation");
        } else
            keep_text(c, n, "an element");
    }
}

/* ---- paragraphs --------------------------------------------------------- */

static void paragraph(dx *c, const xmlNode *p, int depth)
{
    db *b = c->b;
    int line = oct_xml_line(p);
    const xmlNode *pPr = oct_xml_child(p, NS_W, "pPr");
    const dx_style *st = dx_style_get(c->parts, oct_xml_child_attr(pPr, NS_W, "pStyle", "val"));
    const char *ol = oct_xml_child_attr(pPr, NS_W, "outlineLvl", "val");
    int level = st ? st->heading : 0;
    if (ol && ol[0] >= '0' && ol[0] <= '8' && !ol[1])
        level = ol[0] - '0' + 1 > 6 ? 6 : ol[0] - '0' + 1;
    if (st && st->title) level = 1;
    const xmlNode *numPr = oct_xml_child(pPr, NS_W, "numPr");
    const char *num_id = numPr ? oct_xml_child_attr(numPr, NS_W, "numId", "val")
                         : st  ? st->num_id
                               : NULL;
    const char *il = numPr ? oct_xml_child_attr(numPr, NS_W, "ilvl", "val") : NULL;
    int ilvl = il ? atoi(il) : st && !numPr ? st->ilvl : 0;
    if (!il && st && !numPr && !st->has_ilvl) /* Heading 2 is level 1 by the numbering */
        ilvl = dx_list_style_level(c->parts, num_id, st->id, ilvl);
    db_listpos lp = {.level = ilvl};
    bool listed = dx_list_next(c->parts, num_id, ilvl, &lp.ordered, &lp.number, &lp.key);
    oct_buf label = OCT_BUF_INIT; /* a numbered heading's "2.1 " */
    if (listed && level) dx_list_label(c->parts, num_id, ilvl, &label);
    listed = listed && !level;
    bool quote = st && st->quote && !listed && !level;
    if (quote != c->in_quote && !b->o.cell) {
        if (quote)
            db_blockquote_begin(b, line);
        else
            db_blockquote_end(b);
        c->in_quote = quote;
    }
    unsigned flags = st && !level ? st->flags : 0;
    if (st && st->subtitle) flags |= DB_EMPH;
    bool code = st && st->code && !level;
    if (code) flags |= DB_CODE;
    db_begin(b, level ? OCT_SECTION : OCT_PARAGRAPH, level, listed ? &lp : NULL, line);
    if (label.len) db_text(b, 0, label.data, label.len, line);
    oct_buf_free(&label);
    inlines(c, p, flags, depth + 1);
    /* a paragraph all of whose runs are set in a monospace font is code */
    if (!code && !level) code = db_all_code(b);
    db_end(b, code && !listed);
    const xmlNode **boxes = c->boxes;
    size_t nboxes = c->nboxes;
    c->boxes = NULL;
    c->nboxes = c->capboxes = 0;
    for (size_t i = 0; i < nboxes; i++)
        if (depth < MAX_DEPTH) blocks(c, boxes[i], depth + 1);
    free(boxes);
}

/* ---- tables ------------------------------------------------------------- */

static void cell(dx *c, const xmlNode *tc, int depth)
{
    const xmlNode *tcPr = oct_xml_child(tc, NS_W, "tcPr");
    const char *gs = oct_xml_child_attr(tcPr, NS_W, "gridSpan", "val");
    const xmlNode *vm = oct_xml_child(tcPr, NS_W, "vMerge");
    const char *vmv = vm ? oct_xml_attr(vm, NS_W, "val") : NULL;
    db_cell_begin(c->b, gs ? atoi(gs) : 1, oct_xml_line(tc));
    /* a cell merged with the one above: that cell holds the text */
    if (!vm || (vmv && !strcmp(vmv, "restart"))) blocks(c, tc, depth + 1);
    db_cell_end(c->b);
}

static void rows(dx *c, const xmlNode *parent, int depth)
{
    for (const xmlNode *tr = parent->children; tr; tr = tr->next) {
        if (oct_xml_is(tr, NS_W, "sdt") || oct_xml_is(tr, NS_W, "customXml")) {
            const xmlNode *in = oct_xml_child(tr, NS_W, "sdtContent");
            rows(c, in ? in : tr, depth + 1);
            continue;
        }
        if (!oct_xml_is(tr, NS_W, "tr")) continue;
        const xmlNode *trPr = oct_xml_child(tr, NS_W, "trPr");
        db_row_begin(c->b, oct_xml_child(trPr, NS_W, "tblHeader") != NULL, oct_xml_line(tr));
        for (const xmlNode *tc = tr->children; tc; tc = tc->next)
            if (oct_xml_is(tc, NS_W, "tc")) cell(c, tc, depth + 1);
        db_row_end(c->b);
    }
}

static void table(dx *c, const xmlNode *tbl, int depth)
{
    if (c->in_quote && !c->b->o.cell) {
        db_blockquote_end(c->b);
        c->in_quote = false;
    }
    db_table_begin(c->b, oct_xml_line(tbl));
    rows(c, tbl, depth + 1);
    db_table_end(c->b);
}

/* ---- blocks ------------------------------------------------------------- */

static void blocks(dx *c, const xmlNode *parent, int depth)
{
    for (const xmlNode *n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || skipped(n)) continue;
        if (depth >= MAX_DEPTH)
            keep_text(c, n, "an element nested too deep,");
        else if (oct_xml_is(n, NS_W, "p"))
            paragraph(c, n, depth);
        else if (oct_xml_is(n, NS_W, "tbl"))
            table(c, n, depth);
        else if (oct_xml_is(n, NS_W, "sdt")) {
            const xmlNode *content = oct_xml_child(n, NS_W, "sdtContent");
            if (content) blocks(c, content, depth + 1);
        } else if (oct_xml_is(n, NS_W, "customXml") || oct_xml_is(n, NS_W, "ins") ||
                   oct_xml_is(n, NS_W, "moveTo"))
            blocks(c, n, depth + 1);
        else if (oct_xml_is(n, NS_W, "del") || oct_xml_is(n, NS_W, "moveFrom"))
            c->b->dropped_deleted++;
        else if (oct_xml_is(n, NULL, "AlternateContent")) {
            const xmlNode *choice = oct_xml_child(n, NULL, "Choice");
            if (choice) blocks(c, choice, depth + 1);
        } else
            keep_text(c, n, "an element");
    }
}

/* The footnotes and endnotes referred to, in order of reference (a note
 * may refer to another: the list grows as it is read). */
/* The notes of a part by id ("e" before an endnote's), into ids/nodes. */
static void index_notes(xmlDoc *part, const char *kind, oct_strmap *ids, const xmlNode ***nodes,
                        size_t *n, size_t *cap)
{
    const xmlNode *root = part ? xmlDocGetRootElement(part) : NULL;
    for (const xmlNode *f = root ? root->children : NULL; f; f = f->next) {
        const char *id = oct_xml_attr(f, NS_W, "id");
        if (!oct_xml_is(f, NS_W, kind) || !id) continue;
        char key[40];
        size_t old;
        snprintf(key, sizeof key, "%s%.30s", kind[0] == 'e' ? "e" : "", id);
        if (oct_strmap_get(ids, key, strlen(key), &old)) continue;
        OCT_GROW(*nodes, *cap, *n + 1);
        (*nodes)[*n] = f;
        oct_strmap_put(ids, key, strlen(key), (*n)++);
    }
}

static void notes(dx *c)
{
    oct_strmap ids = OCT_STRMAP_INIT;
    const xmlNode **nodes = NULL;
    size_t n = 0, cap = 0;
    index_notes(c->doc->footnotes, "footnote", &ids, &nodes, &n, &cap);
    index_notes(c->doc->endnotes, "endnote", &ids, &nodes, &n, &cap);
    for (size_t i = 0; i < c->nnotes; i++) {
        const char *kind = c->notes[i].endnote ? "endnote" : "footnote";
        const char *key = c->notes[i].def->u.footnote.label;
        size_t at;
        const xmlNode *fn = oct_strmap_get(&ids, key, strlen(key), &at) ? nodes[at] : NULL;
        if (!fn) {
            oct_diag_report(c->b->diag, OCT_WARNING, c->b->path, c->notes[i].def->span.line, 1,
                            "document-unknown", "%s %s is referred to but not in the package", kind,
                            c->notes[i].id);
            continue;
        }
        c->b->part = c->notes[i].endnote ? "word/endnotes.xml" : "word/footnotes.xml";
        db_note_begin(c->b, c->notes[i].def);
        c->in_quote = false;
        blocks(c, fn, 1);
        db_note_end(c->b);
    }
    oct_strmap_free(&ids);
    free(nodes);
}

int oct_docx_build(db *b, oct_doc *doc)
{
    dx c = {.b = b, .doc = doc, .parts = dx_parts_new(doc)};
    const xmlNode *root = xmlDocGetRootElement(doc->main);
    const xmlNode *body = oct_xml_child(root, NS_W, "body");
    b->part = "word/document.xml";
    if (!body)
        oct_diag_report(b->diag, OCT_WARNING, b->path, oct_xml_line(root), 1, "document-unknown",
                        "word/document.xml has no <w:body>: the document is empty");
    else
        blocks(&c, body, 1);
    if (c.in_quote) db_blockquote_end(b);
    notes(&c);
    if (doc->comments && !b->dropped_comments) b->dropped_comments = 1;
    dx_parts_free(c.parts);
    free(c.boxes);
    free(c.notes);
    return b->failed ? -1 : 0;
}
