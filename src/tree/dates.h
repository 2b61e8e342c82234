/* A date as a reader of the booklet's language writes it. */
#ifndef OCT_TREE_DATES_H
#define OCT_TREE_DATES_H

/* "2025-01-15" (ISO 8601, a time after it ignored) in ICU's long date
 * format for BCP 47 tag `lang` ("January 15, 2025", "15. Januar 2025",
 * "15 janvier 2025"), always computed in UTC so the machine's time zone
 * never shows. Returns a malloc'd string: the formatted date, or a copy
 * of iso when it is no such date or ICU cannot format it; NULL for NULL. */
char *oct_date_long(const char *iso, const char *lang);

#endif
