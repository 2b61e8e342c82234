#include "tree/anchors.h"
#include "tree/tree.h"

#include <stdio.h>
#include <string.h>

/* A chapter titled after the level-1 heading that opens it would print that
 * heading twice (chapter title, then the same heading). After the study
 * pass — which may have made that heading a question, and then it stays —
 * a heading that still repeats its chapter's title is dropped: its text is
 * the title, so nothing a reader wrote is lost. */
void oct_tree_fold_title_headings(oct_tree *t)
{
    oct_buf b = OCT_BUF_INIT;
    for (oct_node *ch = t->root->first; ch; ch = ch->next) {
        oct_node *h = ch->first;
        if (ch->kind != OCT_CHAPTER || !h || h->kind != OCT_SECTION || h->u.section.level != 1 ||
            !ch->u.chapter.title)
            continue;
        oct_buf_clear(&b);
        oct_node_plain_text_to(h, &b);
        if (b.data && strcmp(b.data, ch->u.chapter.title) == 0) {
            oct_node_move_anchors(t, h, ch); /* a link to it opens the chapter */
            oct_node_unlink(h);
        }
    }
    oct_buf_free(&b);
}

const char *oct_tree_source_title(const oct_tree *t, unsigned file)
{
    if (file >= t->nfiles) return "";
    if (t->file_titles && t->file_titles[file] && *t->file_titles[file])
        return t->file_titles[file];
    const char *p = t->files[file], *slash = strrchr(p, '/');
    return slash && slash[1] ? slash + 1 : p;
}

const oct_node *oct_node_chapter(const oct_node *n)
{
    while (n && n->kind != OCT_CHAPTER)
        n = n->parent;
    return n;
}

const char *oct_question_name(const oct_node *q, char *buf, size_t n)
{
    if (q->u.question.label)
        snprintf(buf, n, "%s", q->u.question.label);
    else if (q->u.question.number > 0)
        snprintf(buf, n, "%d", q->u.question.number);
    else if (n)
        buf[0] = 0;
    return buf;
}
