/* YAML (---) or TOML (+++) front matter at the top of a source
 * (frontmatter.c): recognised, its lines emptied, its title kept. */
#ifndef OCT_INGEST_FRONTMATTER_H
#define OCT_INGEST_FRONTMATTER_H
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *title;  /* its one-line `title`, or NULL (owned) */
    char *lang;   /* its one-line `lang` or `language` (a language tag), or NULL (owned) */
    size_t nkeys; /* top-level keys it held */
    size_t lines; /* lines it took, fences included */
    bool toml;
    bool flashcards; /* its tags hold "flashcards" (a spaced-repetition deck: srcards.h) */
} oct_front_matter;

/* When text[0..*len) (NUL-terminated, newlines as \n) opens with front
 * matter: empties its lines in place (keeping each newline, so the line
 * numbers of the rest do not change), shortens *len, fills fm and returns
 * true. Otherwise leaves text alone and returns false (fm empty). */
bool oct_front_matter_take(char *text, size_t *len, oct_front_matter *fm);
void oct_front_matter_release(oct_front_matter *fm);

#endif
