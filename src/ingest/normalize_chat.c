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
#include "ingest/normalize_internal.h"
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

typedef struct {
    const char *s;
    size_t n;    /* without its newline */
    size_t full; /* with it */
} line;

/* The lines of text, fenced code marked (in_fence[i]). */
static size_t lines_of(const char *text, size_t len, line *v, bool *in_fence)
{
    size_t n = 0;
    bool fence = false;
    for (size_t at = 0; at < len; n++) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        v[n] = (line){text + at, end - at, (nl ? end + 1 : len) - at};
        size_t k = 0;
        while (k < v[n].n && v[n].s[k] == ' ')
            k++;
        char ch;
        size_t fl;
        bool marks = nl_fence_run(v[n].s + k, v[n].n - k, &ch, &fl);
        in_fence[n] = fence || marks;
        if (marks) fence = !fence;
        at += v[n].full;
    }
    return n;
}

/* A turn that labels its question itself ("Q: ...", "Question 3: ..."). */
static bool labelled(const char *s, size_t n)
{
    return (n >= 2 && (s[0] | 32) == 'q' && s[1] == ':') ||
           (n >= 8 && strncasecmp(s, "question", 8) == 0);
}

static size_t count_lines(const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    return n + (len > 0 && text[len - 1] != '\n');
}

char *nl_mark_chat_turns(const char *text, size_t len, size_t *outlen, const char *path,
                         oct_diag *diag)
{
    /* cheap: no "said:"-like line can be there without a colon */
    if (!memchr(text, ':', len)) return NULL;
    size_t cap = count_lines(text, len);
    line *v = oct_xcalloc(cap ? cap : 1, sizeof *v);
    bool *fence = oct_xcalloc(cap ? cap : 1, sizeof *fence);
    size_t n = lines_of(text, len, v, fence), persons = 0, assistants = 0;
    for (size_t i = 0; i < n; i++) {
        speaker who = fence[i] ? NONE : announces(v[i].s, v[i].n);
        persons += who == PERSON;
        assistants += who == ASSISTANT;
    }
    char *result = NULL;
    if (persons && assistants) {
        oct_buf out = OCT_BUF_INIT;
        bool label_next = false;
        int first = 0;
        for (size_t i = 0; i < n; i++) {
            speaker who = fence[i] ? NONE : announces(v[i].s, v[i].n);
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
                size_t k = 0;
                while (k < v[i].n && nl_is_space(v[i].s[k]))
                    k++;
                if (label_next && k < v[i].n && !fence[i]) {
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
    free(fence);
    return result;
}
