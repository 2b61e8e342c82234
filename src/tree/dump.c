#include "tree/tree.h"

#include <string.h>

/* The golden format: `kind attrs "text" @line:col`, one node a line.
 * Strings are escaped so a dump is one line per node whatever the text. */

static void put_quoted(oct_buf *out, const char *s)
{
    oct_buf_putc(out, '"');
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            oct_buf_printf(out, "\\%c", c);
        else if (c == '\n')
            oct_buf_puts(out, "\\n");
        else if (c == '\t')
            oct_buf_puts(out, "\\t");
        else if (c < 0x20)
            oct_buf_printf(out, "\\x%02x", c);
        else
            oct_buf_putc(out, (char)c);
    }
    oct_buf_putc(out, '"');
}

static const char *align_name(oct_align a)
{
    switch (a) {
    case OCT_ALIGN_LEFT:
        return "l";
    case OCT_ALIGN_CENTER:
        return "c";
    case OCT_ALIGN_RIGHT:
        return "r";
    default:
        return "-";
    }
}

static void put_attrs(const oct_tree *t, const oct_node *n, oct_buf *out)
{
    switch (n->kind) {
    case OCT_CHAPTER:
        oct_buf_puts(out, " title=");
        put_quoted(out, n->u.chapter.title);
        if (n->u.chapter.arranged) oct_buf_puts(out, " arranged");
        if (n->span.file < t->nfiles) {
            oct_buf_puts(out, " file=");
            put_quoted(out, t->files[n->span.file]);
        }
        break;
    case OCT_SECTION:
        oct_buf_printf(out, " level=%d", n->u.section.level);
        if (n->u.section.source) oct_buf_puts(out, " source");
        break;
    case OCT_LIST:
        if (n->u.list.ordered)
            oct_buf_printf(out, " ordered start=%d delim=%c", n->u.list.start, n->u.list.delim);
        else
            oct_buf_puts(out, " bullet");
        oct_buf_puts(out, n->u.list.tight ? " tight" : " loose");
        break;
    case OCT_ITEM:
        if (n->u.item.number) oct_buf_printf(out, " number=%d", n->u.item.number);
        if (n->u.item.task != OCT_TASK_NONE)
            oct_buf_puts(out, n->u.item.task == OCT_TASK_DONE ? " task=done" : " task=open");
        break;
    case OCT_CODE_BLOCK:
        if (n->u.code.lang && *n->u.code.lang) oct_buf_printf(out, " lang=%s", n->u.code.lang);
        if (n->u.code.output) oct_buf_puts(out, " output");
        break;
    case OCT_TABLE:
        oct_buf_printf(out, " cols=%d align=", n->u.table.ncols);
        for (int i = 0; i < n->u.table.ncols; i++)
            oct_buf_puts(out, align_name(n->u.table.aligns[i]));
        break;
    case OCT_TABLE_ROW:
        if (n->u.row.header) oct_buf_puts(out, " header");
        break;
    case OCT_LINK:
    case OCT_IMAGE:
        oct_buf_puts(out, " url=");
        put_quoted(out, n->u.link.url);
        if (n->u.link.title && *n->u.link.title) {
            oct_buf_puts(out, " title=");
            put_quoted(out, n->u.link.title);
        }
        if (n->kind == OCT_IMAGE && n->u.link.image > 0)
            oct_buf_printf(out, " image=%d", n->u.link.image);
        break;
    case OCT_FOOTNOTE_DEF:
    case OCT_FOOTNOTE_REF:
        oct_buf_printf(out, " index=%d label=", n->u.footnote.index);
        put_quoted(out, n->u.footnote.label);
        break;
    case OCT_XREF:
        if (n->u.xref.target && n->u.xref.target->u.question.label) {
            oct_buf_puts(out, " to=");
            put_quoted(out, n->u.xref.target->u.question.label);
        }
        break;
    case OCT_ANSWER:
        if (n->u.answer.same_as) oct_buf_puts(out, " same_as_earlier");
        break;
    case OCT_WORDING:
    case OCT_QUESTION:
        if (n->u.question.number) oct_buf_printf(out, " number=%d", n->u.question.number);
        if (n->u.question.label) {
            oct_buf_puts(out, " label=");
            put_quoted(out, n->u.question.label);
        }
        if (n->kind == OCT_WORDING) break;
        oct_buf_puts(out, n->u.question.answered ? " answered" : " unanswered");
        if (n->u.question.marks) oct_buf_printf(out, " marks=%d", n->u.question.marks);
        if (n->u.question.context)
            oct_buf_printf(out, " context@%d", n->u.question.context->span.line);
        if (n->u.question.asked_in) oct_buf_printf(out, " asked_in=%d", n->u.question.asked_in);
        if (n->u.question.topic) oct_buf_printf(out, " topic=%s", n->u.question.topic);
        break;
    default:
        break;
    }
    if (n->text) {
        oct_buf_putc(out, ' ');
        put_quoted(out, n->text);
    }
}

void oct_tree_dump(const oct_tree *t, const oct_node *root, oct_buf *out)
{
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    int depth = 0;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev == OCT_EV_EXIT) {
            depth--;
            continue;
        }
        const oct_node *n = it.cur;
        for (int i = 0; i < depth; i++)
            oct_buf_puts(out, "  ");
        oct_buf_puts(out, oct_kind_name(n->kind));
        put_attrs(t, n, out);
        if (n->span.line > 0) oct_buf_printf(out, " @%d:%d", n->span.line, n->span.col);
        oct_buf_putc(out, '\n');
        depth++;
    }
}
