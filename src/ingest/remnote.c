/* RemNote's flashcards (remnote.h) as the study pass's labels.
 *
 * A paragraph is read line by line, as srcards.c reads one: a card's
 * separator lies in a text node (code spans are never read) with a blank
 * before it and one after it (">>>" ends its line instead). The card
 * becomes a "Q:" and an "A:" paragraph at its line, the lines between
 * cards paragraphs of their own. RemNote exports each card as a bullet
 * with its children nested below it; the study pass reads no card inside
 * another's answer, so a list that holds cards is split around them: each
 * card item's blocks (its Q:, its A:, its children's list) follow one
 * another where the item was, and the items that are no card stay lists.
 * A descriptor under a concept ("Enzyme :: …" above "Active site ;; …")
 * asks about the concept: its question names it ("Enzyme: Active
 * site"). Nothing of the writer's text is dropped but the separators. */
#include "ingest/remnote.h"
#include "ingest/srcards.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef enum { RN_FWD, RN_BACK, RN_BOTH, RN_CONCEPT, RN_DESCR, RN_MULTI } rn_kind;

typedef struct {
    oct_node *at; /* the text node that holds the separator */
    size_t a, b;  /* its bytes in at->text */
    rn_kind kind;
} rn_sep;

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The two-character separators; ">>>" is read apart. */
static int pair_kind(char x, char y)
{
    if (x == '>' && y == '>') return RN_FWD;
    if (x == '<' && y == '<') return RN_BACK;
    if (x == '<' && y == '>') return RN_BOTH;
    if (x == ':' && y == ':') return RN_CONCEPT;
    if (x == ';' && y == ';') return RN_DESCR;
    return -1;
}

/* A separator at s[i] (s[i-1] a blank): its kind and end, -1 if none;
 * ends: the line ends with s. */
static int sep_at(const char *s, size_t i, bool ends, size_t *end)
{
    if (s[i] == '>' && s[i + 1] == '>' && s[i + 2] == '>') {
        size_t j = i + 3;
        while (blank(s[j]))
            j++;
        *end = j;
        return ends && s[j] == '\0' ? RN_MULTI : -1;
    }
    if (!s[i + 1] || !blank(s[i + 2])) return -1;
    *end = i + 2;
    return pair_kind(s[i], s[i + 1]);
}

bool oct_remnote_possible(const char *s, size_t n)
{
    static const char FIRST[] = "><;";
    for (const char *f = FIRST; *f; f++)
        for (const char *p = s; (p = memchr(p, *f, (size_t)(s + n - p))) && p + 3 <= s + n; p++) {
            if (p == s || p[-1] != ' ') continue;
            if ((p[1] == '>' && p[2] == '>' && *f == '>') ||
                (pair_kind(p[0], p[1]) >= 0 && p[2] == ' '))
                return true;
        }
    return false;
}

/* A word of a shift's operands ("a", "x", "2", "n1"): a number or one or
 * two lower-case letters and digits. */
static bool operand(const char *w, size_t n)
{
    if (n == 0 || n > 2) {
        for (size_t i = 0; i < n; i++)
            if (w[i] < '0' || w[i] > '9') return false;
        return n > 0;
    }
    for (size_t i = 0; i < n; i++)
        if (!((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= '0' && w[i] <= '9'))) return false;
    return true;
}

/* Commands whose output a ">>" or "<<" redirects ("cat a >> b"). */
static bool shell_word(const char *w, size_t n)
{
    static const char *const W[] = {"cat",  "echo", "printf", "ls",   "grep",  "sort", "awk",
                                    "sed",  "tee",  "cut",    "head", "tail",  "find", "python",
                                    "git",  "curl", "wget",   "date", "env",   "ps",   "sudo",
                                    "diff", "uniq", "wc",     "tr",   "xargs", NULL};
    for (size_t i = 0; W[i]; i++)
        if (strlen(W[i]) == n && memcmp(W[i], w, n) == 0) return true;
    return false;
}

/* A word that names a file or a stream ("all.txt", "/tmp/log", "$OUT",
 * "&2"), its last character aside ("Paris." is a word). */
static bool file_like(const char *w, size_t n)
{
    if (n == 0) return false;
    if (w[0] == '$' || w[0] == '&' || w[0] == '/') return true;
    return n > 1 && (memchr(w, '.', n - 1) || memchr(w, '/', n - 1));
}

/* Sides l[0..ln) and r[0..rn) (trimmed) make a card, not a redirection
 * ("cat notes.txt >> all.txt", "$ echo x >> log") or a bit shift
 * ("a >> b shifts a right by b bits"). */
static bool plausible(const char *l, size_t ln, const char *r, size_t rn, rn_kind k)
{
    if (ln == 0 || (k != RN_MULTI && rn == 0)) return false;
    size_t fw = 0, lw = ln, rw = 0;
    while (fw < ln && !blank(l[fw]))
        fw++;
    while (lw > 0 && !blank(l[lw - 1]))
        lw--;
    while (rw < rn && !blank(r[rw]))
        rw++;
    if (l[0] == '$' || l[0] == '#' || memchr(l, '|', ln) || shell_word(l, fw)) return false;
    if (k == RN_MULTI) return true;
    if ((k == RN_FWD || k == RN_BACK) && (file_like(r, rw) || file_like(l + lw, ln - lw)))
        return false;
    return !(operand(l + lw, ln - lw) && operand(r, rw));
}

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && (blank(**s) || **s == '\n'))
        ++*s, --*n;
    while (*n > 0 && (blank((*s)[*n - 1]) || (*s)[*n - 1] == '\n'))
        --*n;
}

/* The card on the line that starts at first, false when it holds none. */
static bool card_line(oct_node *first, oct_buf *left, oct_buf *right, rn_sep *out)
{
    for (oct_node *c = first; c && !oct_node_is_break(c); c = c->next) {
        if (c->kind != OCT_TEXT || !c->text) continue;
        bool ends = !c->next || oct_node_is_break(c->next);
        const char *s = c->text;
        for (size_t i = 1; s[i]; i++) {
            size_t end;
            int k = blank(s[i - 1]) ? sep_at(s, i, ends, &end) : -1;
            if (k < 0) continue;
            oct_buf_clear(left);
            oct_cards_line_text(first, c, left);
            oct_buf_put(left, s, i);
            oct_buf_clear(right);
            oct_buf_puts(right, s + end);
            oct_cards_line_text(c->next, NULL, right);
            const char *l = left->data ? left->data : "", *r = right->data ? right->data : "";
            size_t ln = left->len, rn = right->len;
            trim(&l, &ln);
            trim(&r, &rn);
            if (!plausible(l, ln, r, rn, (rn_kind)k)) return false;
            *out = (rn_sep){c, i, end, (rn_kind)k};
            return true;
        }
    }
    return false;
}

/* s[0..n) in the arena, its blanks taken off the end (lead: the start). */
static const char *trimmed(oct_tree *t, const char *s, size_t n, bool lead)
{
    size_t a = 0;
    if (lead)
        while (a < n && blank(s[a]))
            a++;
    else
        while (n > 0 && blank(s[n - 1]))
            n--;
    return oct_arena_strndup(t->arena, s + a, n - a);
}

/* A descriptor inside a concept's item: "Enzyme: " before its front. */
static void name_concept(oct_tree *t, oct_node *para, oct_node *l, oct_buf *tmp)
{
    oct_node *item = para->parent, *list = item ? item->parent : NULL;
    oct_node *up = list && list->kind == OCT_LIST ? list->parent : NULL;
    if (!item || item->kind != OCT_ITEM || !up || up->kind != OCT_ITEM) return;
    oct_node *q = up->first;
    if (!q || q->kind != OCT_PARAGRAPH || !q->first || q->first->kind != OCT_TEXT ||
        strncmp(q->first->text, "Q: ", 3) != 0)
        return;
    oct_buf_clear(tmp);
    oct_node_plain_text_to(q, tmp);
    char *s = oct_arena_printf(t->arena, "%s: ", tmp->data + 3);
    if (l->kind == OCT_TEXT && l->text)
        l->text = oct_arena_cat(t->arena, s, l->text, "");
    else
        oct_node_insert_before(l, oct_node_new_text(t, OCT_TEXT, l->span, s, strlen(s)));
}

/* Copies of the nodes [from, to), appended to holder. */
static void copy_nodes(oct_tree *t, oct_node *holder, oct_node *from, oct_node *to)
{
    for (oct_node *c = from; c && c != to; c = c->next)
        oct_node_append(holder, oct_node_clone(t, c));
}

/* A card asked both ways ("<>"): after its Q: front / A: back, a Q: back /
 * A: front made of copies (front_back: the back's copies, then from mid
 * the front's), at the same line, so that each way is a question of its
 * own, with its own place in the bank, the deck and the booklet. */
static void reverse_card(oct_tree *t, oct_node *para, oct_node *front_back, oct_node *mid)
{
    oct_node_insert_before(para, front_back);
    oct_cards_move_lines(t, front_back, front_back->first, mid, "Q: ");
    oct_cards_move_lines(t, front_back, mid, NULL, "A: ");
    oct_node_unlink(front_back);
}

/* Card sp on the line [l, next) of para: its Q: and A: paragraphs. */
static void make_card(oct_tree *t, oct_node *para, oct_node *l, oct_node *next, const rn_sep *sp,
                      oct_buf *tmp)
{
    oct_node *c = sp->at;
    const char *s = c->text;
    if (sp->kind == RN_MULTI) { /* its answer: the lines after it, or its children */
        c->text = trimmed(t, s, sp->a, false);
        if (!*c->text && c != l) oct_node_unlink(c);
        oct_cards_move_lines(t, para, l, next, "Q: ");
        oct_cards_join_lines(t, oct_cards_move_lines(t, para, next, NULL, "A: "));
        if (!next && para->next && para->next->kind == OCT_LIST)
            para->next->ends_answer = true; /* its children: the answer, no more */
        return;
    }
    oct_node *right = oct_node_new_text(t, OCT_TEXT, c->span, "", 0);
    right->text = trimmed(t, s + sp->b, strlen(s) - sp->b, true);
    c->text = trimmed(t, s, sp->a, false);
    if (c->next)
        oct_node_insert_before(c->next, right);
    else
        oct_node_append(para, right);
    if (!*c->text && c != l) oct_node_unlink(c);
    if (sp->kind == RN_DESCR) name_concept(t, para, l, tmp);
    /* the lines before it have gone: the card's line opens para */
    if (sp->kind == RN_BACK) { /* the back asks, the front answers */
        oct_cards_move_lines(t, para, right, next, "Q: ");
        oct_cards_move_lines(t, para, para->first, next, "A: ");
        return;
    }
    oct_node *copies = NULL, *mid = NULL;
    if (sp->kind == RN_BOTH) { /* copied before the labels go on */
        copies = oct_node_new(t, OCT_PARAGRAPH, l->span);
        copy_nodes(t, copies, right, next);
        mid = copies->last;
        copy_nodes(t, copies, para->first, right);
        mid = mid ? mid->next : copies->first;
    }
    oct_cards_move_lines(t, para, para->first, right, "Q: ");
    oct_cards_move_lines(t, para, right, next, "A: ");
    if (copies && mid && copies->first != mid) reverse_card(t, para, copies, mid);
}

/* The cards of paragraph para; true when it held any (it is gone then). */
static bool paragraph(oct_tree *t, oct_node *para, oct_buf *left, oct_buf *right)
{
    oct_node *run = NULL; /* the first line of lines that are no card */
    bool made = false;
    for (oct_node *l = para->first; l;) {
        oct_node *next = oct_cards_next_line(l);
        rn_sep sp;
        if (!card_line(l, left, right, &sp)) {
            if (!run) run = l;
            l = next;
            continue;
        }
        oct_cards_move_lines(t, para, run, l, NULL);
        run = NULL;
        made = true;
        make_card(t, para, l, next, &sp, left);
        l = sp.kind == RN_MULTI ? NULL : next;
    }
    if (!made) return false;
    oct_cards_move_lines(t, para, run, NULL, NULL);
    oct_node_unlink(para);
    return true;
}

/* An item that a card opens (its first block the card's "Q:"). */
static bool card_item(const oct_node *item)
{
    const oct_node *p = item->first;
    return p && p->kind == OCT_PARAGRAPH && p->first && p->first->kind == OCT_TEXT &&
           p->first->text && strncmp(p->first->text, "Q: ", 3) == 0;
}

/* List holds cards: each card item's blocks go where it was, the runs of
 * other items stay lists of their own (an ordered one keeps its numbers). */
static void split_list(oct_tree *t, oct_node *list)
{
    if (!list->parent || list->kind != OCT_LIST) return;
    oct_node *run = NULL;
    for (oct_node *it = list->first; it;) {
        oct_node *next = it->next;
        if (card_item(it)) {
            run = NULL;
            while (it->first) {
                oct_node *k = it->first;
                oct_node_unlink(k);
                oct_node_insert_before(list, k);
            }
        } else {
            if (!run) {
                run = oct_node_new(t, OCT_LIST, it->span);
                run->u.list = list->u.list;
                if (run->u.list.ordered && it->u.item.number > 0)
                    run->u.list.start = it->u.item.number;
                oct_node_insert_before(list, run);
            }
            oct_node_unlink(it);
            oct_node_append(run, it);
        }
        it = next;
    }
    oct_node_unlink(list);
}

/* Two cards, one of them in a separator no other tool writes ("::" is
 * srcards.h's too): the note was written in RemNote. */
static bool remnote_note(oct_node **paras, size_t n, oct_buf *left, oct_buf *right)
{
    size_t cards = 0, own = 0;
    for (size_t i = 0; i < n && (cards < 2 || !own); i++)
        for (oct_node *l = paras[i]->first; l; l = oct_cards_next_line(l)) {
            rn_sep sp;
            if (!card_line(l, left, right, &sp)) continue;
            cards++;
            own += sp.kind != RN_CONCEPT;
        }
    return cards >= 2 && own >= 1;
}

void oct_ingest_remnote(oct_tree *t, oct_node *chapter)
{
    size_t n, nlists = 0, cap = 0;
    oct_node **paras = oct_node_collect(chapter, OCT_PARAGRAPH, &n), **lists = NULL;
    oct_buf left = OCT_BUF_INIT, right = OCT_BUF_INIT;
    if (remnote_note(paras, n, &left, &right))
        for (size_t i = 0; i < n; i++) {
            oct_node *item = paras[i]->parent;
            bool opens = item && item->kind == OCT_ITEM && item->first == paras[i];
            if (!paragraph(t, paras[i], &left, &right) || !opens) continue;
            OCT_GROW(lists, cap, nlists + 1);
            lists[nlists++] = item->parent;
        }
    /* outer lists first (paragraphs come in document order): a nested
     * list moves out of its card item before it is split in turn */
    for (size_t i = 0; i < nlists; i++)
        if (i == 0 || lists[i] != lists[i - 1]) split_list(t, lists[i]);
    oct_buf_free(&left);
    oct_buf_free(&right);
    free(lists);
    free(paras);
}
