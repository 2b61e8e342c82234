/* Both epubchecks (4.2.6 from Debian, 5.1.0 from test.sh's set-up) on the
 * EPUBs a unit test writes. Starting a JVM and loading epubcheck's schemas
 * costs some 5 s, so books are queued and checked together: one JVM per
 * validator (tests/tools/java/EpubcheckBatch.java, compiled by test.sh),
 * or one per book when that runner is not compiled. */
#ifndef OCT_TEST_EPUBCHECK_H
#define OCT_TEST_EPUBCHECK_H

/* Copies the book at path aside (it may be rewritten before the check). */
void epubcheck_queue(const char *path);

/* The same for a book the validators must reject (a self-test). */
void epubcheck_queue_broken(const char *path);

/* Checks every queued book with both validators: a CHECK each, which
 * passes when epubcheck exits 0 with no error or warning. A validator
 * that is missing is skipped with a note, and fails under OCTAVO_STRICT=1.
 * Sanitizer builds skip the validators: the plain build runs them on the
 * same books. */
void epubcheck_run(void);

#endif
