/* Named limits for hostile input: every bound octavo puts on what a source,
 * a manifest or a layout may ask of it, in one place (README "Limits").
 *
 * Each is enforced where the input is read (ingest, the loaders), before
 * the costly stage, with a diagnostic whose code is the limit's name
 * ([limit-...]), never by a crash. What lies beyond a limit keeps its
 * text, in a simpler form (named below); only where that cannot be done is
 * the whole input refused with an error (exit status 1).
 *
 * The values leave ordinary notes far behind (the Django booklet's largest
 * source is 21 KB, its longest line 900 bytes) and keep the worst input of
 * each kind to about a second of build time (tests/scripts/
 * pathological.sh, asan_adversarial.sh). */
#ifndef OCT_OCT_LIMITS_H
#define OCT_OCT_LIMITS_H

/* One source file [limit-source-size]: refused (error). Build time is
 * about linear in size, ~1 s per MB of dense text; 8 MiB is thousands of
 * pages. */
#define OCT_LIMIT_SOURCE_BYTES (8u * 1024u * 1024u)

/* Files a source brings in (rst include:: and csv-table :file:, Org
 * #+INCLUDE) nested in each other [rst-include, org-include]: a deeper
 * one is not read, a warning says so and the directive's text stays
 * (formats/include_near.h). Together they hold OCT_LIMIT_SOURCE_BYTES
 * at most, as one source. */
#define OCT_LIMIT_INCLUDE_DEPTH 8

/* One notebook (.ipynb) [limit-source-size]: refused (error). Its JSON
 * carries pictures (base64) and outputs besides the notes; the Markdown
 * made from it is held to the limit above, and its outputs are cut
 * (formats/notebook.h). JSON-GLib reads 50 MB in about 1.5 s. */
#define OCT_LIMIT_NOTEBOOK_BYTES (64u * 1024u * 1024u)

/* Sources of one booklet [limit-sources]: the manifest is refused (error).
 * Each source is a chapter with its own page breaks and EPUB document. */
#define OCT_LIMIT_SOURCES 2000

/* One line [limit-line-length]: the source is refused (error). A line of
 * a megabyte is not notes but data (a minified file, a base64 blob). */
#define OCT_LIMIT_LINE_BYTES (1024u * 1024u)

/* Containers nested in containers (block quotes, lists, items, HTML
 * blocks) [limit-nesting]: deeper ones are flattened into their parent, so
 * their text stays. Renderers and readers recurse on nesting; 64 is far
 * beyond what a page can show. HTML elements count twice (an element and
 * its implied content), so they are flattened at half this depth. */
#define OCT_LIMIT_NESTING 64

/* Cells of a table row [limit-table-columns]: the pipes after the limit
 * are escaped, so the rest of the row is one cell. cmark-gfm's table
 * extension is quadratic in the cells of a row (50,000 columns take
 * minutes in 0.29.0.gfm.6). */
#define OCT_LIMIT_TABLE_COLUMNS 128

/* Rows of one table [limit-table-rows]: the rows after the limit become a
 * code block holding their lines as written. A table is laid out whole
 * (column widths); 2,000 rows are fifty pages. */
#define OCT_LIMIT_TABLE_ROWS 2000

/* Link and image openers ("[" and "![") in one paragraph
 * [limit-brackets]: the ones after the limit are escaped ("\["), so they
 * print literally. cmark-gfm 0.29.0.gfm.6 is quadratic (or worse) in them:
 * '"![[]()' repeated 160,000 times takes minutes. */
#define OCT_LIMIT_BRACKETS 1000

/* Headings of one source [limit-headings]: the ones after the limit
 * become paragraphs. Each heading is a bookmark, a contents line and an
 * EPUB navigation point. */
#define OCT_LIMIT_HEADINGS 5000

/* Text of one heading, in bytes [limit-heading-length]: a longer heading
 * becomes a paragraph. Headings are kept whole on a page and repeated in
 * the contents and outline; a heading of 20 KB took seconds to set. */
#define OCT_LIMIT_HEADING_BYTES 2000

/* Questions of one booklet [limit-questions]: the ones after the limit
 * stay in the booklet as plain paragraphs (prompt, then the answer's
 * blocks). Questions are clustered across the booklet. */
#define OCT_LIMIT_QUESTIONS 10000

/* One XML part of a Word or OpenDocument package, unpacked
 * [limit-source-size]: the source is refused (error). XML spends several
 * bytes of markup on each byte of text; the cap holds against a zip bomb
 * (a member that declares, or unpacks to, gigabytes: no more than the cap
 * plus one byte is ever read). The text read out of it is held to
 * OCT_LIMIT_SOURCE_BYTES, a paragraph to OCT_LIMIT_LINE_BYTES. */
#define OCT_LIMIT_PACKAGE_PART_BYTES (64u * 1024u * 1024u)

/* One Word or OpenDocument package (.docx, .odt), the file
 * [limit-source-size]: refused (error). Its pictures travel in it (a
 * handout's photographs are megabytes each): it is not held to
 * OCT_LIMIT_SOURCE_BYTES, its text is; each picture is held to the
 * limits of ingest/images/images.h as a picture file is. */
#define OCT_LIMIT_PACKAGE_BYTES (64u * 1024u * 1024u)

/* All the parts read from one package, unpacked [limit-source-size]: a
 * part read past it refuses the source (an XML part) or is left out with
 * a warning (a picture). With the ratio below it holds against a package
 * of many small zip bombs, each under its own cap. */
#define OCT_LIMIT_PACKAGE_UNPACKED_BYTES (256u * 1024u * 1024u)

/* A part of a package that unpacks to more than this many times its
 * packed size, once past 1 MiB, is a zip bomb [limit-source-size] (Apache
 * POI refuses 100; XML of Word and LibreOffice packs 5 to 30 times, deflate
 * at most about 1000). */
#define OCT_LIMIT_PACKAGE_RATIO 250u
#define OCT_LIMIT_PACKAGE_RATIO_GRACE (1024u * 1024u)

/* Font files a layout names [limit-font-size] (see pdf/fontprobe.h): a
 * larger file is refused (error) before it is read. */
#define OCT_LIMIT_FONT_BYTES (64u * 1024u * 1024u)

/* Also enforced, next to the code they guard:
 *   config/yaml.h   OCT_YAML_MAX_DEPTH, aliases refused (YAML bombs)
 *   ingest/formats/notebook.h OCT_NOTEBOOK_MAX_DEPTH (JSON nesting, refused)
 *   ingest/formats/notebook.h OCT_NOTEBOOK_MAX_OUTPUT_LINES, _BYTES (cut)
 *   ingest/images/images.h OCT_IMAGE_MAX_BYTES, OCT_IMAGE_MAX_SIDE,
 *                   OCT_IMAGE_MAX_PIXELS, OCT_SVG_MAX_RASTER
 *   tree/anchors.h  OCT_MAX_ANCHORS */

#endif
