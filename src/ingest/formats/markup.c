/* Chooses the reader by extension (markup.h). */
#include "ingest/formats/markup.h"
#include "ingest/formats/org.h"
#include "ingest/formats/rst.h"

bool oct_markup_path(const char *path)
{
    return oct_org_path(path) || oct_rst_path(path);
}

bool oct_markup_read(const char *path, const char *text, size_t len, oct_normalized *out,
                     char **lang, oct_diag *diag)
{
    return oct_markup_read_as(path, path, text, len, out, lang, diag);
}

bool oct_markup_read_as(const char *as, const char *path, const char *text, size_t len,
                        oct_normalized *out, char **lang, oct_diag *diag)
{
    *lang = NULL;
    if (oct_org_path(as))
        oct_org_read(path, text, len, out, lang, diag);
    else if (oct_rst_path(as))
        oct_rst_read(path, text, len, out, lang, diag);
    else
        return false;
    return true;
}
