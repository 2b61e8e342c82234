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
    {"Answer on p.\xC2\xA0%d", "Antwort auf S.\xC2\xA0%d", "Réponse p.\xC2\xA0%d",
     "Respuesta en la p.\xC2\xA0%d"},
    {"Answer", "Antwort", "Réponse", "Respuesta"},
    {"Back to the question", "Zurück zur Frage", "Retour à la question", "Volver a la pregunta"},
    {"Q%d", "F%d", "Q%d", "P%d"},
    {"%s (%d/%d)", "%s (%d/%d)", "%s (%d/%d)", "%s (%d/%d)"},
    {"%s (continued, %d/%d)", "%s (Fortsetzung, %d/%d)", "%s (suite, %d/%d)",
     "%s (continuación, %d/%d)"},
    {"continues on the next card \xE2\x86\x92",
     "weiter auf der n\xC3\xA4"
     "chsten Karte \xE2\x86\x92",
     "suite sur la carte suivante \xE2\x86\x92", "sigue en la tarjeta siguiente \xE2\x86\x92"},
    {"How to print these cards", "So druckt man diese Karten", "Comment imprimer ces cartes",
     "C\xC3\xB3mo imprimir estas tarjetas"},
    {"Print on both sides of the paper (duplex) and flip on the long edge. The answers are "
     "printed mirrored, so that each one lands on the back of its own question.",
     "Beidseitig drucken (Duplex) und an der langen Kante wenden. Die Antworten stehen "
     "gespiegelt, damit jede auf der R\xC3\xBC"
     "ckseite ihrer Frage landet.",
     "Imprimez en recto verso, retournement sur le bord long. Les r\xC3\xA9ponses sont "
     "invers\xC3\xA9"
     "es pour que chacune tombe au dos de sa question.",
     "Imprima a doble cara, volteando por el borde largo. Las respuestas van en espejo para "
     "que cada una quede al dorso de su pregunta."},
    {"Paper: %s, at actual size (100%%, no \xE2\x80\x9C"
     "fit to page\xE2\x80\x9D).",
     "Papier: %s, in Originalgr\xC3\xB6\xC3\x9F"
     "e (100 %%, nicht \xE2\x80\x9E"
     "an Seite "
     "anpassen\xE2\x80\x9C).",
     "Papier\xC2\xA0: %s, taille r\xC3\xA9"
     "elle (100\xC2\xA0%%, sans \xC2\xAB\xC2\xA0"
     "ajuster \xC3\xA0 la page\xC2\xA0\xC2\xBB).",
     "Papel: %s, a tama\xC3\xB1o real (100 %%, sin \xC2\xAB"
     "ajustar a la p\xC3\xA1gina\xC2\xBB)."},
    {"This sheet comes first, its back left blank. Then %zu cards follow on %zu sheets: "
     "the questions on the front of each sheet, the answers on its back.",
     "Dieses Blatt kommt zuerst, seine R\xC3\xBC"
     "ckseite bleibt leer. Dann folgen %zu Karten auf "
     "%zu Bl\xC3\xA4ttern: vorn die Fragen, hinten die Antworten.",
     "Cette feuille vient d\xE2\x80\x99"
     "abord, son verso reste blanc. Suivent %zu cartes sur %zu "
     "feuilles\xC2\xA0: les questions au recto, les r\xC3\xA9ponses au verso.",
     "Esta hoja va primero, con el dorso en blanco. Siguen %zu tarjetas en %zu hojas: las "
     "preguntas delante, las respuestas detr\xC3\xA1s."},
    {"Cut along the marks at the edges of each sheet: a straight cut from mark to mark "
     "frees a row or a column of cards.",
     "An den Marken am Blattrand schneiden: ein gerader Schnitt von Marke zu Marke l\xC3\xB6st "
     "eine Reihe oder Spalte Karten.",
     "D\xC3\xA9"
     "coupez le long des rep\xC3\xA8res au bord de chaque feuille\xC2\xA0: une coupe "
     "droite d\xE2\x80\x99un rep\xC3\xA8re \xC3\xA0 l\xE2\x80\x99"
     "autre lib\xC3\xA8re une rang\xC3\xA9"
     "e "
     "ou une colonne de cartes.",
     "Corte por las marcas del borde de cada hoja: un corte recto de marca a marca separa "
     "una fila o una columna de tarjetas."},
    {"Check the first sheet: the number at the top of each answer must be the number of the "
     "question on the other side.",
     "Erstes Blatt pr\xC3\xBC"
     "fen: die Nummer \xC3\xBC"
     "ber jeder Antwort muss die Nummer der Frage "
     "auf der anderen Seite sein.",
     "V\xC3\xA9rifiez la premi\xC3\xA8re feuille\xC2\xA0: le num\xC3\xA9ro en haut de chaque "
     "r\xC3\xA9ponse doit \xC3\xAAtre celui de la question au dos.",
     "Compruebe la primera hoja: el n\xC3\xBAmero sobre cada respuesta debe ser el de la "
     "pregunta del otro lado."},
    {"This side is blank on purpose.", "Diese Seite bleibt absichtlich leer.",
     "Cette page est laiss\xC3\xA9"
     "e blanche exprès.",
     "Esta cara queda en blanco a prop\xC3\xB3sito."},
    {"Same card as %s", "Dieselbe Karte wie %s", "M\xC3\xAAme carte que %s",
     "Misma tarjeta que %s"},
    {"This sheet comes first, its back left blank. Then the cards follow on one sheet: the "
     "questions on its front, the answers on its back.",
     "Dieses Blatt kommt zuerst, seine R\xC3\xBC"
     "ckseite bleibt leer. Dann folgen die Karten auf einem Blatt: vorn die Fragen, hinten die "
     "Antworten.",
     "Cette feuille vient d\xE2\x80\x99"
     "abord, son verso reste blanc. Suivent les cartes sur une feuille\xC2\xA0: les "
     "questions au recto, les r\xC3\xA9ponses au verso.",
     "Esta hoja va primero, con el dorso en blanco. Siguen las tarjetas en una hoja: las "
     "preguntas delante, las respuestas detr\xC3\xA1s."},
    /* over a program's output: Jupyter's prompt word, in the booklet's
     * language */
    {"Out", "Ausgabe", "Sortie", "Salida"},
};

/* The language's column, -1 for one the table has not (NULL: English). */
static int column(const char *lang)
{
    static const char *const LANGS[] = {"en", "de", "fr", "es"};
    if (!lang) return 0;
    size_t n = strcspn(lang, "-_");
    for (int i = 0; i < 4; i++)
        if (n == 2 && strncasecmp(lang, LANGS[i], 2) == 0) return i;
    return -1;
}

const char *oct_phrase(const char *lang, oct_phrase_id id)
{
    if ((unsigned)id >= OCT_PH_COUNT) return "";
    int c = column(lang);
    if (c >= 0) return PHRASES[id][c];
    /* only the other languages look further: English booklets ask for
     * a phrase per question */
    const char *w = oct_phrase_world(lang, id);
    return w ? w : PHRASES[id][0];
}
