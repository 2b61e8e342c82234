/* Flashcards mode, internal to src/pdf/cards*.c.
 *
 * Every question cluster becomes a card (the same cards as the Anki deck:
 * front the clearest wording, back every answer of the cluster). A face is
 * laid out by the ordinary block layout into a flow of its own, on a
 * "page" the size of the card's text box, and cut into chunks by the
 * ordinary paginator; a face that needs more than one chunk is set
 * smaller, step by step down to the layout's floor, and what still does
 * not fit goes on further cards marked as continuations.
 *
 * Sheets: after an instruction sheet (its back blank), each sheet carries
 * columns x rows cards; fronts on odd pages, backs on the even page after,
 * with the columns mirrored so a long-edge duplex flip puts every answer
 * behind its question. The grid is centred on the page, which makes the
 * mirror exact. */
#ifndef OCT_PDF_CARDS_H
#define OCT_PDF_CARDS_H
#include "pdf/internal.h"

#define PDF_CARD_NONE ((size_t)-1)

typedef struct {
    double W, H;        /* sheet */
    int cols, rows;     /* cards per sheet */
    double cw, ch;      /* card */
    double gx, gy;      /* the grid's top-left corner, from the sheet's top-left */
    double gutter, pad; /* between cards; inside a card */
    double head, foot;  /* label band above the text, note band below it */
    double bw, bh;      /* a face's text box */
} pdf_card_geom;

typedef struct {
    const oct_node *q;  /* the cluster's clearest wording */
    const char *topic;  /* its topic, or NULL */
    int number;         /* the card's number in the deck, 1-based */
    int part, nparts;   /* 1-based: an answer on several cards */
    size_t front, back; /* chunk (index into oct_pdf.pages) of each face, or PDF_CARD_NONE */
} pdf_card;

typedef struct {
    pdf_card_geom g;
    oct_layout base; /* the layout as loaded (sizes, real page geometry) */
    pdf_card *cards;
    size_t n, cap;
    pdf_flow **flows; /* one per laid-out face; pages point into them */
    size_t nflows, capflows;
    size_t nshrunk, ncontinued; /* answers set smaller; answers on several cards */
    size_t nclusters;
} pdf_deck;

/* What goes on a face (cards_face.c): the prompt of q, or every answer of
 * cluster c of the bank, laid out in the current flow at text size
 * `size` (p->L sizes are already scaled to it) in a column bw wide. */
void pdf_card_front(oct_pdf *p, const oct_node *q, double size, double bw);
void pdf_card_back(oct_pdf *p, size_t c, double size, double bw);

/* Sheets (cards_sheet.c): the instruction sheet, then the cards; pages are
 * added to the document and painted. */
int pdf_cards_paint(oct_pdf *p, const pdf_deck *d);
/* Height of the text of chunk (page) k. */
double pdf_card_chunk_height(const oct_pdf *p, size_t k);

#endif
