/* The words a booklet prints around the notes (titles of its own pages,
 * the lines beside questions), in the booklet's language: English,
 * German, French and Spanish throughout; Italian, Portuguese, Dutch,
 * Polish, Russian, Ukrainian, Japanese, Chinese, Arabic and Hebrew for
 * the words of every page (phrases_world.c); English for any other.
 * Phrases with a conversion keep it in every language (printf formats). */
#ifndef OCT_TREE_PHRASES_H
#define OCT_TREE_PHRASES_H

typedef enum {
    OCT_PH_CONTENTS,         /* "Contents" */
    OCT_PH_MOST_ASKED,       /* "Most asked" */
    OCT_PH_ASKED_IN_N,       /* "asked in %zu sources" (Most asked entries) */
    OCT_PH_TO_RESEARCH,      /* "To research" */
    OCT_PH_NO_ANSWER,        /* "No answer in the notes" */
    OCT_PH_ANSWERED_UNDER,   /* "Answered under question %s" */
    OCT_PH_ANSWERED,         /* "Answered" */
    OCT_PH_ANSWERED_OTHER,   /* "Answered under another wording" */
    OCT_PH_IN,               /* " in %s" (a chapter) */
    OCT_PH_LISTED_RESEARCH,  /* "Not answered in these notes: listed under To research" */
    OCT_PH_ASKED_IN_SOURCES, /* "Asked in %d sources: " */
    OCT_PH_ALSO_ASKED,       /* "Also asked as " */
    OCT_PH_ANSWER_FROM,      /* "Answer from " */
    OCT_PH_SAME_IN,          /* " (the same in " */
    OCT_PH_SOURCES,          /* "Sources" (chapter of an arranged booklet) */
    OCT_PH_QUESTIONS_LEAD,   /* "Questions " (before booklet numbers) */
    OCT_PH_OTHER,            /* "Other" (the topic of what matches none) */
    OCT_PH_INDEX,            /* "Index" */
    OCT_PH_CONTINUED,        /* "%s (continued)" */
    OCT_PH_TITLE_PAGE,       /* "Title page" */
    OCT_PH_START,            /* "Start of content" */
    OCT_PH_AND_MORE,         /* " and %d more" (sources past those named) */
    OCT_PH_ANSWER_KEY,       /* "Answer key" (quiz mode) */
    OCT_PH_ANSWER_IN_KEY,    /* "Answer in the key" (quiz mode, under a question) */
    OCT_PH_ANSWER_ON_PAGE,   /* "Answer on p. %d" (quiz mode, under a question) */
    OCT_PH_SHOW_ANSWER,      /* "Answer" (quiz mode, EPUB pop-up link) */
    OCT_PH_BACK_TO_QUESTION, /* "Back to the question" */
    /* flashcards mode */
    OCT_PH_CARD_LABEL,      /* "Q%d": a card's number, printed on both faces */
    OCT_PH_CARD_FIRST,      /* "%s (%d/%d)": the first card of an answer on several */
    OCT_PH_CARD_CONTINUED,  /* "%s (continued, %d/%d)": the cards after it */
    OCT_PH_CARD_MORE,       /* "continues on the next card" */
    OCT_PH_CARDS_TITLE,     /* "How to print these cards" */
    OCT_PH_CARDS_DUPLEX,    /* "Print on both sides of the paper (duplex)…" */
    OCT_PH_CARDS_PAPER,     /* "Paper: %s, at actual size …" */
    OCT_PH_CARDS_ORDER,     /* "… %zu cards on %zu sheets …" */
    OCT_PH_CARDS_CUT,       /* "Cut along the marks …" */
    OCT_PH_CARDS_CHECK,     /* "Check the first card …" */
    OCT_PH_CARDS_BLANK,     /* "This side is blank on purpose." */
    OCT_PH_SAME_CARD,       /* "Same card as %s" (EPUB: another wording of a card) */
    OCT_PH_CARDS_ORDER_ONE, /* "… the cards follow on one sheet …" (OCT_PH_CARDS_ORDER's one) */
    OCT_PH_OUTPUT,          /* "Out": the label over a program's output (a notebook's) */
    OCT_PH_COUNT
} oct_phrase_id;

/* The phrase in language `lang` (a BCP 47 tag, its first subtag decides;
 * NULL or unknown: English). Never NULL. */
const char *oct_phrase(const char *lang, oct_phrase_id id);
/* The phrase from phrases_world.c's languages, NULL when it has none
 * (for oct_phrase). */
const char *oct_phrase_world(const char *lang, oct_phrase_id id);

#endif
