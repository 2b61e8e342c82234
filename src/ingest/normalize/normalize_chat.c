/* A conversation with a chat assistant, copied as text:
 *
 *   You said:
 *   what is osmosis
 *   ChatGPT said:
 *   Osmosis is the movement of water across a membrane.
 *
 * Each turn is announced by a line of its own naming who speaks. The
 * person's turns are the questions, the assistant's their answers; the
 * announcing lines are the tool's, not the notes'. When a text holds both
 * kinds of announcement, each alone on its line, the person's line
 * becomes a blank and the first line of the turn after it gets a "Q: "
 * label; the assistant's line becomes "Answer:" (a label alone, the
 * answer following). A note says how many turns were read so. The line
 * count does not change (the line map stays 1:1), and fenced code is left
 * alone. */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum { NONE, PERSON, ASSISTANT } speaker;

static const char *const PERSONS[] = {"you said", "you", "user", "human", "me", "prompt", NULL};
static const char *const ASSISTANTS[] = {
    "chatgpt said", "chatgpt", "assistant",    "ai",   "claude", "claude said", "gemini",
    "gemini said",  "copilot", "copilot said", "bard", "bot",    NULL};

static bool in_list(const char *const *list, const char *s, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], s, n) == 0) return true;
    return false;
}

/* Who the line s[0..n) announces, alone on it: "You said:", "ChatGPT:",
 * "Gemini said:", or any one name then "said:". */
static speaker announces(const char *s, size_t n)
{
    while (n > 0 && nl_is_space(s[n - 1]))
        n--;
    while (n > 0 && nl_is_space(*s))
        s++, n--;
    if (n < 3 || n > 40 || s[n - 1] != ':') return NONE;
    n--;
    if (in_list(PERSONS, s, n)) return PERSON;
    if (in_list(ASSISTANTS, s, n)) return ASSISTANT;
    const char *sp = memchr(s, ' ', n);
    if (sp && (size_t)(sp - s) + 5 == n && strncasecmp(sp, " said", 5) == 0 && !memchr(s, '\t', n))
        return ASSISTANT; /* "Perplexity said:" */
    return NONE;
}

/* A turn that labels its question itself ("Q: ...", "Question 3: ..."). */
static bool labelled(const char *s, size_t n)
{
    return (n >= 2 && (s[0] | 32) == 'q' && s[1] == ':') ||
           (n >= 8 && strncasecmp(s, "question", 8) == 0);
}

char *nl_mark_chat_turns(const char *text, size_t len, size_t *outlen, const char *path,
                         oct_diag *diag)
{
    /* cheap: no "said:"-like line can be there without a colon */
    if (!memchr(text, ':', len)) return NULL;
    nl_raw_line *v;
    size_t n = nl_raw_lines(text, len, &v), persons = 0, assistants = 0;
    for (size_t i = 0; i < n; i++) {
        speaker who = v[i].fenced ? NONE : announces(v[i].s, v[i].n);
        persons += who == PERSON;
        assistants += who == ASSISTANT;
    }
    char *result = NULL;
    if (persons && assistants) {
        oct_buf out = OCT_BUF_INIT;
        bool label_next = false;
        int first = 0;
        for (size_t i = 0; i < n; i++) {
            speaker who = v[i].fenced ? NONE : announces(v[i].s, v[i].n);
            const char *eol = v[i].full > v[i].n ? "\n" : "";
            if (who == PERSON) {
                if (!first) first = (int)i + 1;
                oct_buf_puts(&out, eol);
                label_next = true;
            } else if (who == ASSISTANT) {
                oct_buf_puts(&out, "Answer:");
                oct_buf_puts(&out, eol);
                label_next = false;
            } else {
                size_t k = v[i].lead;
                if (label_next && k < v[i].n && !v[i].fenced) {
                    if (!labelled(v[i].s + k, v[i].n - k)) oct_buf_puts(&out, "Q: ");
                    label_next = false;
                }
                oct_buf_put(&out, v[i].s, v[i].full);
            }
        }
        *outlen = out.len;
        result = oct_buf_detach(&out);
        oct_diag_report(diag, OCT_NOTE, path, first, 1, "chat-turns",
                        "read as a chat: %zu turn%s of yours as questions, %zu of the "
                        "assistant's as their answers (the lines announcing them left out)",
                        persons, persons == 1 ? "" : "s", assistants);
    }
    free(v);
    return result;
}
