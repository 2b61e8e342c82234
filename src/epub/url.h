/* Link targets an EPUB may carry (no libxml2 or libzip here). epubcheck
 * rejects hrefs that are not valid URLs and relative hrefs that point
 * outside the book, so only two kinds of link survive: absolute URLs with
 * a safe scheme, and internal #ids (resolved by the XHTML writer). */
#ifndef OCT_EPUB_URL_H
#define OCT_EPUB_URL_H
#include "util/buf.h"

/* If url is an absolute http, https, ftp or mailto URL with a well-formed
 * host, appends its normalized form to out (scheme and host lowercased,
 * anything outside the URL character set percent-encoded, stray '%' and a
 * second '#' escaped, tabs and newlines dropped) and returns 0. Otherwise
 * returns -1 and leaves out unchanged. */
int oct_epub_url_normalize(const char *url, oct_buf *out);

#endif
