#include "tree/phrases.h"

#include <string.h>
#include <strings.h>

/* One column per language; a translation keeps the English conversion. */
static const char *const PHRASES[OCT_PH_COUNT][4] = {
    /* en, de, fr, es */
    {"Contents", "Inhalt", "Table des matières", "Contenido"},
    {"Most asked", "Am häufigsten gefragt", "Les plus posées", "Las más preguntadas"},
    {"asked in %zu sources", "in %zu Quellen gefragt", "posée dans %zu sources",
     "preguntada en %zu fuentes"},
    {"To research", "Noch zu klären", "À approfondir", "Por investigar"},
    {"No answer in the notes", "Keine Antwort in den Notizen", "Pas de réponse dans les notes",
     "Sin respuesta en las notas"},
    {"Answered under question %s", "Beantwortet unter Frage %s", "Réponse à la question %s",
     "Respondida en la pregunta %s"},
    {"Answered", "Beantwortet", "Réponse", "Respondida"},
    {"Answered under another wording", "Unter einer anderen Formulierung beantwortet",
     "Réponse sous une autre formulation", "Respondida con otra formulación"},
    {" in %s", " in %s", " dans %s", " en %s"},
    {"Not answered in these notes: listed under To research",
     "In diesen Notizen nicht beantwortet: unter \xE2\x80\x9ENoch zu kl\xC3\xA4ren\xE2\x80\x9C",
     "Sans réponse dans ces notes : voir \xC2\xAB\xC2\xA0\xC3\x80 approfondir\xC2\xA0\xC2\xBB",
     "Sin respuesta en estas notas: ver \xC2\xABPor investigar\xC2\xBB"},
    {"Asked in %d sources: ", "In %d Quellen gefragt: ", "Posée dans %d sources\xC2\xA0: ",
     "Preguntada en %d fuentes: "},
    {"Also asked as ", "Auch gefragt als ",
     "Aussi posée ainsi\xC2\xA0: ", "También preguntada como "},
    {"\xE2\x80\x9C", "\xE2\x80\x9E", "\xC2\xAB\xC2\xA0", "\xC2\xAB"},
    {"\xE2\x80\x9D", "\xE2\x80\x9C", "\xC2\xA0\xC2\xBB", "\xC2\xBB"},
    {"Answer from ", "Antwort aus ", "Réponse de ", "Respuesta de "},
    {" (the same in ", " (dieselbe in ", " (la même dans ", " (la misma en "},
    {"Sources", "Quellen", "Sources", "Fuentes"},
    {"Questions ", "Fragen ", "Questions ", "Preguntas "},
    {"Other", "Sonstiges", "Autres", "Otros"},
    {"Index", "Register", "Index", "Índice alfabético"},
    {"%s (continued)", "%s (Fortsetzung)", "%s (suite)", "%s (continuación)"},
    {"Title page", "Titelseite", "Page de titre", "Portada"},
    {"Start of content", "Textbeginn", "Début du contenu", "Inicio del contenido"},
    {" and %d more", " und %d weitere", " et %d autres", " y %d más"},
    {"Answer key", "Lösungen", "Corrigé", "Soluciones"},
    {"Answer in the key", "Antwort in den Lösungen", "Réponse dans le corrigé",
     "Respuesta en las soluciones"},
    {"Answer", "Antwort", "Réponse", "Respuesta"},
    {"Back to the question", "Zurück zur Frage", "Retour à la question", "Volver a la pregunta"},
};

static int column(const char *lang)
{
    static const char *const LANGS[] = {"en", "de", "fr", "es"};
    if (!lang) return 0;
    size_t n = strcspn(lang, "-_");
    for (int i = 0; i < 4; i++)
        if (n == 2 && strncasecmp(lang, LANGS[i], 2) == 0) return i;
    return 0;
}

const char *oct_phrase(const char *lang, oct_phrase_id id)
{
    if ((unsigned)id >= OCT_PH_COUNT) return "";
    return PHRASES[id][column(lang)];
}
