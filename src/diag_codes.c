/* The registry of diagnostic codes (see diag_codes.h). Keep it sorted by
 * code: the lookup is a binary search and --list-codes prints it as is. */
#include "diag_codes.h"

#include <stdlib.h>
#include <string.h>

#define E OCT_ERROR
#define W OCT_WARNING
#define N OCT_NOTE

static const oct_diag_code CODES[] = {
    {"anki-write", E, "an Anki deck (.anki.txt, .apkg) could not be written"},
    {"answer-key", N, "a numbered list was read as the answer key of questions listed earlier"},
    {"artefact", W, "a stray character left by copy and paste was removed"},
    {"bad-source-date-epoch", W, "SOURCE_DATE_EPOCH is not a number of seconds and is ignored"},
    {"badges-dropped", N, "status badge images (remote pictures of a repository's state) dropped"},
    {"binary-source", E, "a source is not text (a PDF, a picture, an archive, binary data)"},
    {"c1-control", W, "C1 control characters (U+0080..U+009F) removed from the text"},
    {"cannot-read", E, "a manifest or layout file could not be read"},
    {"cesu-8", W, "CESU-8 encoded characters (UTF-16 surrogates in UTF-8) were decoded"},
    {"chat-turns", N, "a chat copied as text: your turns read as questions, the replies answers"},
    {"cloze", N, "the hint of an Anki cloze outside a flashcard deck is not printed"},
    {"cmark", E, "the Markdown parser is unusable (cmark-gfm without its extensions)"},
    {"comment", N, "Obsidian comments (between double percent signs) are not printed"},
    {"control-char", W, "control characters and terminal colour codes removed from the text"},
    {"depfile", E,
     "the depfile cannot be written (no output to name, or a path Make or Ninja cannot read)"},
    {"document-damaged", E,
     "a .docx or .odt cannot be read (no zip, damaged, no main part, bad XML)"},
    {"document-dropped", N,
     "a Word or OpenDocument text's comments or tracked deletions not printed"},
    {"document-symbol", W,
     "a symbol font's character has no Unicode mapping: U+FFFD (w:sym) or the typed text prints"},
    {"document-unknown", W,
     "something of a .docx or .odt read as plain text (a text box, an equation)"},
    {"duplicate-key", E, "a key appears twice in a YAML mapping"},
    {"duplicate-source", E, "the manifest lists one source file twice"},
    {"duplicate-topic", E, "the manifest lists one topic twice"},
    {"empty-source", W, "a source holds no text; it adds no chapter to the booklet"},
    {"epub-bad-date", W, "the booklet's date is not a valid date; the EPUB leaves it out"},
    {"epub-bad-identifier", W, "the manifest's identifier cannot serve as the EPUB identifier"},
    {"epub-bad-language", W, "the language is not a valid BCP 47 tag"},
    {"epub-link-text", N, "a link the EPUB cannot carry is shown as its text"},
    {"epub-no-tree", E, "the EPUB backend was given no document"},
    {"epub-write", E, "the EPUB file could not be written"},
    {"epub-xml", E, "the EPUB backend could not produce well-formed XHTML"},
    {"exam-empty-part", W, "an exam part has a label and marks but no wording: printed as written"},
    {"exam-paper", N,
     "an exam paper's parts print under full labels, marks as [2]; \"Part\", \"points\" left out"},
    {"filler", W, "chat filler (\"Sure! Here is...\") dropped; --keep-filler keeps it"},
    {"font-damaged", E,
     "a font file of the layout is damaged (its tables fail the probe) and is refused"},
    {"font-fallback-missing", W,
     "a font of the layout's fallback chain is not installed; what only it draws prints as boxes"},
    {"front-matter", N,
     "YAML or TOML front matter opening a Markdown source was read as metadata, not text"},
    {"general", W, "a message reported without a code of its own"},
    {"html-dropped", W, "HTML that has no place in a booklet (scripts, forms...) dropped"},
    {"html-title", N,
     "a saved page's <title> names its chapter; the site's name after it is left out"},
    {"html-unclosed", W, "an HTML element has no end tag; it ends with its block"},
    {"image-damaged", W, "a picture is damaged; its alt text is printed instead"},
    {"image-missing", W, "a picture's file does not exist; its alt text is printed instead"},
    {"image-outside", W, "a picture lies outside the booklet's directory and is not read"},
    {"image-remote", W, "a picture is a remote URL (never fetched); its alt text is printed"},
    {"image-unsupported", W, "a picture's format is not PNG, JPEG or SVG"},
    {"impose-cards", N, "flashcards mode ignores the layout's imposition: cards have own sheets"},
    {"invalid-character", W, "control or noncharacter code points removed"},
    {"invalid-utf8", W, "bytes that are not UTF-8 replaced by U+FFFD"},
    {"invalid-value", E, "a manifest or layout value is out of range or not allowed"},
    {"legacy-encoding", W, "the file is not UTF-8 and was read in a legacy charset"},
    {"limit-brackets", W,
     "more than 1,000 brackets in a paragraph: the rest are printed as typed (escaped)"},
    {"limit-font-size", E, "a font file of the layout is over 64 MiB and is refused"},
    {"limit-heading-length", W, "a heading over 2,000 bytes is set as a paragraph"},
    {"limit-headings", W, "more than 5,000 headings in a source: the rest are set as paragraphs"},
    {"limit-line-length", E, "a source has a line over 1 MiB and is refused"},
    {"limit-nesting", W,
     "nesting deeper than the limit (64, HTML 32) is flattened into its parent"},
    {"limit-questions", W, "more than 10,000 questions in a booklet: the rest print as paragraphs"},
    {"limit-source-size", E, "a source over 8 MiB is refused"},
    {"limit-sources", E, "a manifest lists more than 2,000 sources"},
    {"limit-table-columns", W, "a table row over 128 columns: the rest of the row is one cell"},
    {"limit-table-rows", W, "a table over 2,000 rows: the rest is set as a code block"},
    {"link-unsafe", W,
     "a link with a scheme other than http, https or mailto is printed as its text"},
    {"mark-scheme", N,
     "an exam paper's mark scheme went under its questions; its caption is left out"},
    {"merged-answer", N, "an answer identical to another one is printed once"},
    {"merged-question", N, "a question worded exactly as another is printed once"},
    {"missing-font", E, "a font file named by the layout is missing or unusable"},
    {"missing-input", E, "an input named on the command line does not exist"},
    {"missing-key", E, "a required manifest or layout key is missing"},
    {"missing-source", E, "a source file listed in the manifest does not exist"},
    {"mojibake", W, "mis-decoded character sequences (UTF-8 read as Latin-1...) repaired"},
    {"nav-link-dropped", N, "'back to top' navigation links dropped"},
    {"no-cards", W,
     "flashcards mode found no questions: the card PDF holds only its instruction sheet"},
    {"no-hyphenation", W,
     "no hyphenation patterns for the booklet's language: the PDF is set without hyphens"},
    {"no-language", W,
     "no language given (manifest 'language' or --lang); the one the notes' letters tell, else "
     "'en'"},
    {"no-sources", E, "a directory holds no notes (.md, .txt, .org, .rst, .ipynb, .docx, .odt)"},
    {"no-topics", W, "--group-by topic without a manifest taxonomy; grouped by source"},
    {"noncharacter", W, "Unicode noncharacters removed from the text"},
    {"normalize-picture", N,
     "normalize on standard output: a document's picture is not written out (-o writes it)"},
    {"notebook", E,
     "a notebook (.ipynb) is not valid JSON or not a notebook; a broken cell is skipped"},
    {"notebook-output", W,
     "a notebook's output or picture is cut or left out (HTML, widgets, long logs)"},
    {"nul-byte", W, "NUL bytes replaced by U+FFFD (the place stays visible)"},
    {"oom", E, "out of memory"},
    {"org-comment", N, "Org comments (\"# ...\" lines, comment blocks) are not printed"},
    {"org-excluded", N,
     "an Org subtree that Org's export leaves out (COMMENT, :noexport:) is not printed"},
    {"org-include", W,
     "an Org #+INCLUDE file not read (outside the source's folder, missing, a cycle): line "
     "printed"},
    {"org-metadata", N,
     "Org keywords, drawers, planning lines, TODO states and priorities are not printed"},
    {"org-unknown", W, "an Org construct octavo cannot represent is printed as text"},
    {"orphan-answer", W, "an answer without a question before it is kept as text"},
    {"page-furniture", W,
     "a Q&A page's votes, dates and buttons dropped; --keep-filler keeps them"},
    {"pdf-font", E, "a font could not be loaded into the PDF"},
    {"pdf-internal", E, "libharu failed while making the PDF (internal error)"},
    {"pdf-layout", E, "the layout's page size, margins or type sizes leave no room for text"},
    {"pdf-missing-glyph", W, "a character no font of the layout has is printed as a box"},
    {"pdf-write", E, "the PDF file could not be written"},
    {"property", N, "Logseq properties (key:: value lines of an outline page) are not printed"},
    {"read-failed", E, "a source file could not be read"},
    {"rst-comment", N, "reStructuredText comments are not printed"},
    {"rst-dropped", N,
     "an rst raw block for another output or an autodoc directive (text from code) not printed"},
    {"rst-include", W,
     "an rst include or csv-table file not read (outside the source's folder, missing, a cycle)"},
    {"rst-metadata", N,
     "rst field lists, targets, substitution definitions and toctrees are not printed"},
    {"rst-table", W,
     "an rst list-table row has fewer cells than the widest (padded), or loose text"},
    {"rst-unknown", W, "a reStructuredText directive octavo does not know: its text is printed"},
    {"shortcode", N, "a line that is only a Hugo shortcode (not a box) is not printed"},
    {"surrogate", W, "encoded UTF-16 surrogates replaced by U+FFFD"},
    {"table-extra-cells", W, "a table row has more cells than its header; the extra are dropped"},
    {"tags", N, "Obsidian / Logseq tags ending a line or making all of it are not printed"},
    {"unknown-key", E, "a manifest or layout key is not known"},
    {"unknown-layout", E, "the layout named by --layout or the manifest does not exist"},
    {"unused-footnote", W, "a footnote is defined but never referenced"},
    {"usage", E, "the command line is wrong (exit status 2)"},
    {"watch", E, "octavo watch cannot watch its inputs (inotify unavailable or out of watches)"},
    {"werror", E, "warnings are errors (-W error): the build failed and wrote nothing"},
    {"write-failed", E, "an output or the output directory could not be written (exit status 3)"},
    {"wrong-type", E, "a manifest or layout value has the wrong type"},
    {"yaml-alias", E, "YAML aliases (*name) are not supported"},
    {"yaml-anchor", E, "YAML anchors (&name) are not supported"},
    {"yaml-complex-key", E, "a YAML key is not a plain scalar"},
    {"yaml-depth", E, "the YAML nests deeper than the limit"},
    {"yaml-encoding", E, "the YAML file is not valid UTF-8"},
    {"yaml-multiple-documents", E, "the YAML file holds more than one document"},
    {"yaml-syntax", E, "the YAML file is not valid YAML"},
    {"yaml-tag", E, "YAML tags (!!str...) are not supported"},
    {"yaml-too-large", E, "the YAML file has more nodes or bytes than the limit"},
};

#undef E
#undef W
#undef N

const oct_diag_code *oct_diag_codes(size_t *n)
{
    *n = sizeof CODES / sizeof *CODES;
    return CODES;
}

static int cmp_code(const void *key, const void *entry)
{
    return strcmp(key, ((const oct_diag_code *)entry)->code);
}

const oct_diag_code *oct_diag_code_find(const char *code)
{
    if (!code) return NULL;
    return bsearch(code, CODES, sizeof CODES / sizeof *CODES, sizeof *CODES, cmp_code);
}

/* Levenshtein distance of two short strings (codes are under 64 bytes;
 * longer input is simply far from everything). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63) return 64;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *oct_diag_code_suggest(const char *code)
{
    size_t limit = strlen(code) / 3;
    if (limit < 2) limit = 2;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < sizeof CODES / sizeof *CODES; i++) {
        size_t d = distance(code, CODES[i].code);
        /* a code that begins with what was typed ("mojib") also counts */
        if (d > limit && strncmp(CODES[i].code, code, strlen(code)) == 0 && strlen(code) >= 3)
            d = limit;
        if (d < best_d) {
            best_d = d;
            best = CODES[i].code;
        }
    }
    return best;
}

void oct_diag_codes_print(FILE *out)
{
    fprintf(out, "%-24s %-8s %s\n", "code", "severity", "meaning");
    for (size_t i = 0; i < sizeof CODES / sizeof *CODES; i++)
        fprintf(out, "%-24s %-8s %s\n", CODES[i].code, oct_severity_name(CODES[i].severity),
                CODES[i].meaning);
}
