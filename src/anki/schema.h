/* Anki's legacy collection (schema 11) as SQL and the JSON of its col
 * row: the tables and indexes Anki 2.1 creates, the "Basic" note type
 * (fields Front and Back, one card template), the decks, their options
 * and the collection settings. */
#ifndef OCT_ANKI_SCHEMA_H
#define OCT_ANKI_SCHEMA_H

#include "anki/anki.h"
#include "util/buf.h"

extern const char OCT_ANKI_SCHEMA_SQL[];

/* Fixed note type id, so every octavo deck shares one note type. */
#define OCT_ANKI_MODEL_ID 1607392319000LL

/* The id of deck `name` (stable: from its SHA-1), never 1 (Default). */
long long oct_anki_deck_id(const char *name);

void oct_anki_models_json(long long mod, long long did, oct_buf *out);
/* Default plus each distinct deck of d. */
void oct_anki_decks_json(const oct_anki_deck *d, oct_buf *out);
void oct_anki_dconf_json(long long mod, oct_buf *out);
void oct_anki_conf_json(long long did, oct_buf *out);

#endif
