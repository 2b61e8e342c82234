/* The Snowball stemmer for a booklet's language, shared by the merging and
 * topic passes. */
#include "study/study_int.h"

#include <libstemmer.h>
#include <string.h>

struct sb_stemmer *st_stemmer_for(const char *lang)
{
    /* libstemmer knows ISO 639-1 codes for most; these spell out the rest */
    static const char *const NAMES[][2] = {
        {"en", "english"},   {"de", "german"},     {"fr", "french"},   {"es", "spanish"},
        {"it", "italian"},   {"pt", "portuguese"}, {"nl", "dutch"},    {"sv", "swedish"},
        {"no", "norwegian"}, {"nb", "norwegian"},  {"da", "danish"},   {"fi", "finnish"},
        {"ru", "russian"},   {"hu", "hungarian"},  {"ro", "romanian"}, {"tr", "turkish"},
    };
    char code[8] = {0};
    for (size_t i = 0; lang && lang[i] && lang[i] != '-' && lang[i] != '_' && i < 7; i++)
        code[i] = (char)(lang[i] | 0x20);
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
        if (strcmp(code, NAMES[i][0]) == 0) return sb_stemmer_new(NAMES[i][1], "UTF_8");
    return code[0] ? sb_stemmer_new(code, "UTF_8") : NULL;
}
