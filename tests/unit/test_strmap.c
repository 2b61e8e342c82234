/* The string map: keys are byte strings (NUL and empty included), a put
 * replaces, growth keeps every key, and 200 000 keys stay findable. */
#include "check.h"
#include "util/strmap.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
    oct_strmap m = OCT_STRMAP_INIT;
    size_t v = 99;
    CHECK(!oct_strmap_get(&m, "x", 1, &v) && v == 99);
    oct_strmap_put(&m, "", 0, 7);
    oct_strmap_put(&m, "a\0b", 3, 1);
    oct_strmap_put(&m, "a", 1, 2);
    CHECK(oct_strmap_get(&m, "", 0, &v) && v == 7);
    CHECK(oct_strmap_get(&m, "a\0b", 3, &v) && v == 1);
    CHECK(oct_strmap_get(&m, "a", 1, &v) && v == 2);
    CHECK(!oct_strmap_get(&m, "a\0c", 3, NULL));
    oct_strmap_put(&m, "a", 1, 5); /* replaces */
    CHECK(oct_strmap_get(&m, "a", 1, &v) && v == 5);
    CHECK(oct_strmap_count(&m) == 3);
    char k[32];
    for (size_t i = 0; i < 200000; i++) {
        int n = snprintf(k, sizeof k, "key-%zu", i * 7919);
        oct_strmap_put(&m, k, (size_t)n, i);
    }
    size_t bad = 0;
    for (size_t i = 0; i < 200000; i++) {
        int n = snprintf(k, sizeof k, "key-%zu", i * 7919);
        bad += !oct_strmap_get(&m, k, (size_t)n, &v) || v != i;
    }
    CHECK(bad == 0);
    CHECK(oct_strmap_count(&m) == 200003);
    CHECK(oct_strmap_get(&m, "a\0b", 3, &v) && v == 1); /* kept through growth */
    oct_strmap_clear(&m);                               /* big and now empty: forgets every key */
    CHECK(oct_strmap_count(&m) == 0 && !oct_strmap_get(&m, "a", 1, NULL));
    oct_strmap_put(&m, "b", 1, 3);
    CHECK(oct_strmap_get(&m, "b", 1, &v) && v == 3 && !oct_strmap_get(&m, "key-0", 5, NULL));
    oct_strmap_clear(&m); /* small: wiped in place */
    CHECK(!oct_strmap_get(&m, "b", 1, NULL));
    oct_strmap_free(&m);
    CHECK(oct_strmap_count(&m) == 0 && !oct_strmap_get(&m, "a", 1, NULL));
    return check_done();
}
