/* The machine-readable styles of --diagnostics: JSON lines and GitHub
 * Actions workflow commands. Both write valid UTF-8 whatever the message
 * holds: an invalid byte becomes U+FFFD. */
#include "diag.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <stdbool.h>
#include <string.h>

/* GitHub's escaping (actions/toolkit, command.ts): '%', CR and LF in the
 * message; in a property value also ':' and ','. */
static void github_escape(oct_buf *out, const char *s, bool property)
{
    size_t n = strlen(s), i = 0, len;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '%')
            oct_buf_puts(out, "%25");
        else if (ch == '\r')
            oct_buf_puts(out, "%0D");
        else if (ch == '\n')
            oct_buf_puts(out, "%0A");
        else if (property && ch == ':')
            oct_buf_puts(out, "%3A");
        else if (property && ch == ',')
            oct_buf_puts(out, "%2C");
        else if (ch >= 0x80) {
            unsigned cp = oct_utf8_decode(s + i, n - i, &len);
            if (cp == OCT_REPLACEMENT_CHAR)
                oct_buf_put_utf8(out, cp);
            else
                oct_buf_put(out, s + i, len);
            i += len;
            continue;
        } else
            oct_buf_putc(out, (char)ch);
        i++;
    }
}

static void format_json(const oct_diag_msg *m, oct_buf *b)
{
    oct_buf_puts(b, "{\"file\":");
    oct_buf_put_json(b, m->file);
    oct_buf_printf(b, ",\"line\":%d,\"col\":%d,\"severity\":\"%s\",\"code\":", m->line, m->col,
                   oct_severity_name(m->severity));
    oct_buf_put_json(b, m->code);
    oct_buf_puts(b, ",\"message\":");
    oct_buf_put_json(b, m->message);
    oct_buf_puts(b, "}\n");
}

static void format_github(const oct_diag_msg *m, oct_buf *b)
{
    static const char *const command[] = {"notice", "warning", "error"};
    oct_buf_printf(b, "::%s ", command[m->severity]);
    if (m->file) {
        oct_buf_puts(b, "file=");
        github_escape(b, m->file, true);
        if (m->line > 0) oct_buf_printf(b, ",line=%d,col=%d", m->line, m->col > 0 ? m->col : 1);
        oct_buf_putc(b, ',');
    }
    oct_buf_puts(b, "title=");
    github_escape(b, m->code, true);
    oct_buf_puts(b, "::");
    github_escape(b, m->message, false);
    oct_buf_putc(b, '\n');
}

void oct_diag_print_as(const oct_diag_msg *m, oct_diag_style style, FILE *out)
{
    if (style == OCT_DIAG_GCC) {
        oct_diag_print(m, out);
        return;
    }
    oct_buf b = OCT_BUF_INIT;
    if (style == OCT_DIAG_JSON)
        format_json(m, &b);
    else
        format_github(m, &b);
    fwrite(b.data, 1, b.len, out);
    oct_buf_free(&b);
}
