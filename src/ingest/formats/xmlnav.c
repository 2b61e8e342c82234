/* Small helpers for walking the parts of a package (docint.h). */
#include "ingest/formats/docint.h"

#include <string.h>

static bool ns_matches(const xmlNs *ns, const char *want)
{
    if (!want) return true;
    return ns && ns->href && strstr((const char *)ns->href, want);
}

bool oct_xml_is(const xmlNode *n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name) &&
           ns_matches(n->ns, ns);
}

xmlNode *oct_xml_child(const xmlNode *n, const char *ns, const char *name)
{
    if (!n) return NULL;
    for (xmlNode *c = n->children; c; c = c->next)
        if (oct_xml_is(c, ns, name)) return c;
    return NULL;
}

const char *oct_xml_attr(const xmlNode *n, const char *ns, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE) return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcmp((const char *)a->name, name) && ns_matches(a->ns, ns)) {
            const xmlNode *v = a->children;
            return v && v->type == XML_TEXT_NODE && v->content ? (const char *)v->content : "";
        }
    return NULL;
}

const char *oct_xml_child_attr(const xmlNode *n, const char *ns, const char *child,
                               const char *attr)
{
    return oct_xml_attr(oct_xml_child(n, ns, child), ns, attr);
}

int oct_xml_line(const xmlNode *n)
{
    long l = n ? xmlGetLineNo(n) : -1;
    return l > 0 && l < 0x7fffffff ? (int)l : 1;
}

/* Iterative: a part may nest as deep as libxml2 allows. */
void oct_xml_text_to(const xmlNode *n, oct_buf *out)
{
    const xmlNode *c = n ? n->children : NULL;
    while (c) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            oct_buf_puts(out, (const char *)c->content);
        if (c->type == XML_ELEMENT_NODE && c->children) {
            c = c->children;
            continue;
        }
        while (c && c != n && !c->next)
            c = c->parent;
        if (!c || c == n) break;
        c = c->next;
    }
}

xmlNode *oct_xml_find(const xmlNode *n, const char *ns, const char *name)
{
    const xmlNode *c = n ? n->children : NULL;
    while (c) {
        if (oct_xml_is(c, ns, name)) return (xmlNode *)c;
        if (c->type == XML_ELEMENT_NODE && c->children) {
            c = c->children;
            continue;
        }
        while (c && c != n && !c->next)
            c = c->parent;
        if (!c || c == n) break;
        c = c->next;
    }
    return NULL;
}
