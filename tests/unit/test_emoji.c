/* Emoji sequences (src/unicode/emoji.h): every kind UTS #51 names is one
 * sequence, whole; text-default characters and VS15 are not. */
#include "check.h"
#include "unicode/emoji.h"

#include <string.h>

/* The sequence length at the start of s, in bytes. */
static size_t seq(const char *s)
{
    return oct_emoji_sequence(s, strlen(s));
}

static void whole(const char *s)
{
    CHECK(seq(s) == strlen(s));
    if (seq(s) != strlen(s)) fprintf(stderr, "  \"%s\": %zu of %zu bytes\n", s, seq(s), strlen(s));
}

int main(void)
{
    whole("😀");                            /* emoji presentation by default */
    whole("❤️");                       /* text default + VS16 */
    whole("👍🏽");                     /* skin tone modifier */
    whole("👩‍💻");                  /* ZWJ sequence */
    whole("🏳️‍🌈");               /* ZWJ with VS16 inside */
    whole("👨‍👩‍👧‍👦");    /* a family: three joins */
    whole("🇯🇵");                           /* flag: two regional indicators */
    whole("1️⃣");                      /* keycap */
    whole("#⃣");                            /* keycap without VS16 */
    whole("🏴󠁧󠁢󠁳󠁣󠁴󠁿"); /* tag sequence */
    CHECK(seq("😀 and") == strlen("😀"));    /* stops at the sequence's end */
    CHECK(seq("🇯🇵🇧🇷") == strlen("🇯🇵"));    /* flags pair off */
    CHECK(seq("☺︎") == 0);             /* VS15: text */
    CHECK(seq("☺") == 0);                  /* text by default */
    CHECK(seq("©") == 0 && seq("✓") == 0 && seq("1") == 0 && seq("#") == 0);
    CHECK(seq("a😀") == 0 && seq("é") == 0 && seq("") == 0);
    CHECK(seq("🇯") == 0);                 /* a lone regional indicator */
    CHECK(seq("👩‍") == strlen("👩")); /* a ZWJ with nothing after it */
    CHECK(seq("\xF0\x9F\x98") == 0);      /* truncated UTF-8 */
    return check_done();
}
