/* The options that shape diagnostics: -W error, -W no-CODE, -W error=CODE
 * and --diagnostics gcc|json|github. Codes are checked against the
 * registry (diag_codes.c), so a typo is a usage error with a suggestion
 * rather than a silently ignored option. */
#include "cli/cli.h"
#include "diag_codes.h"

#include <stdio.h>
#include <string.h>

static int unknown_code(const char *arg, const char *code)
{
    const char *near = oct_diag_code_suggest(code);
    fprintf(stderr, "octavo: error: -W %s: unknown diagnostic code '%s'", arg, code);
    if (near) fprintf(stderr, "; did you mean '%s'?", near);
    fputs(" (octavo --list-codes lists them) [usage]\n", stderr);
    return -1;
}

int oct_cli_warning_option(oct_diag *d, const char *arg, bool *werror)
{
    if (strcmp(arg, "error") == 0) {
        *werror = true;
        return 0;
    }
    bool silence = strncmp(arg, "no-", 3) == 0;
    bool promote = strncmp(arg, "error=", 6) == 0;
    if (!silence && !promote) {
        fprintf(stderr,
                "octavo: error: -W %s: expected 'error', 'no-CODE' or 'error=CODE' [usage]\n", arg);
        return -1;
    }
    const char *code = arg + (silence ? 3 : 6);
    const oct_diag_code *c = oct_diag_code_find(code);
    if (!c) return unknown_code(arg, code);
    if (silence && c->severity == OCT_ERROR) {
        fprintf(stderr, "octavo: error: -W %s: [%s] is an error and cannot be silenced [usage]\n",
                arg, code);
        return -1;
    }
    if (silence)
        oct_diag_silence(d, code);
    else
        oct_diag_promote(d, code);
    return 0;
}

int oct_cli_diagnostics_option(oct_diag *d, const char *arg)
{
    if (strcmp(arg, "gcc") == 0)
        oct_diag_set_style(d, OCT_DIAG_GCC);
    else if (strcmp(arg, "json") == 0)
        oct_diag_set_style(d, OCT_DIAG_JSON);
    else if (strcmp(arg, "github") == 0)
        oct_diag_set_style(d, OCT_DIAG_GITHUB);
    else {
        fprintf(stderr,
                "octavo: error: --diagnostics must be 'gcc', 'json' or 'github', not '%s' "
                "[usage]\n",
                arg);
        return -1;
    }
    return 0;
}
