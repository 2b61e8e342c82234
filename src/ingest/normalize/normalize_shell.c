/* Shell command lines: "pip install -r requirements.txt", "$ ls",
 * "source venv/bin/activate", "python manage.py migrate".
 *
 * A known command name alone is not enough ("source of truth", "git is a
 * version control system"): the arguments must look like arguments. Words
 * such as "the", "of", "dans", "der" never are; sentence punctuation never
 * is; commands that are also English words ("make", "find", "touch") need
 * an argument only code has (a flag, a path, '=', a quote, a pipe). */
#include "ingest/normalize/normalize_internal.h"
#include "util/utf8.h"

#include <pthread.h>
#include <string.h>

typedef enum {
    K_DISTINCT, /* not an English word: plain-word arguments are fine */
    K_WORDY,    /* an English word too: needs a code-only argument */
    K_SUBCMD,   /* first argument must be a known subcommand or a flag */
    K_PATHARG,  /* first argument must be a flag or a path/file */
} cmd_kind;

typedef struct {
    const char *name;
    cmd_kind kind;
    const char *subs; /* space-separated subcommands for K_SUBCMD */
} shell_cmd;

static const shell_cmd COMMANDS[] = {
    {"pip", K_SUBCMD,
     "install uninstall freeze list show download wheel check config cache search"},
    {"pip3", K_SUBCMD,
     "install uninstall freeze list show download wheel check config cache search"},
    {"pipx", K_SUBCMD, "install uninstall run list upgrade inject ensurepath"},
    {"git", K_SUBCMD,
     "add am apply bisect blame branch checkout cherry-pick clean clone commit config describe "
     "diff fetch grep init log merge mv pull push rebase reflog remote reset restore revert rm "
     "show stash status submodule switch tag worktree lfs"},
    {"npm", K_SUBCMD,
     "install i ci run start test init uninstall update publish audit ls list exec create "
     "version build add remove link outdated cache config"},
    {"pnpm", K_SUBCMD, "install i add remove run start test init update create dlx exec build"},
    {"yarn", K_SUBCMD,
     "add install remove run start build test dev init upgrade global create why"},
    {"docker", K_SUBCMD,
     "run build pull push ps exec images compose logs stop start rm rmi network volume login "
     "tag inspect system container image buildx kill restart"},
    {"docker-compose", K_SUBCMD, "up down build logs ps exec run pull restart stop start config"},
    {"kubectl", K_SUBCMD,
     "apply get describe delete logs exec create rollout port-forward config scale expose edit "
     "set top label annotate"},
    {"apt", K_SUBCMD, "install update upgrade remove purge autoremove search show list"},
    {"apt-get", K_SUBCMD, "install update upgrade remove purge autoremove dist-upgrade"},
    {"dnf", K_SUBCMD, "install update upgrade remove search"},
    {"yum", K_SUBCMD, "install update upgrade remove search"},
    {"brew", K_SUBCMD, "install update upgrade uninstall services tap list info search doctor"},
    {"django-admin", K_SUBCMD,
     "startproject startapp runserver check makemigrations migrate shell help version "
     "compilemessages makemessages test createsuperuser collectstatic dbshell showmigrations "
     "sqlmigrate flush loaddata dumpdata"},
    {"django-admin.py", K_SUBCMD, "startproject startapp runserver check help version"},
    {"conda", K_SUBCMD, "create install activate deactivate list env update remove info"},
    {"poetry", K_SUBCMD, "add install new init run shell build publish update lock show remove"},
    {"pipenv", K_SUBCMD, "install shell run lock graph uninstall sync"},
    {"heroku", K_SUBCMD, "create login logs run ps open config git addons apps releases"},
    {"systemctl", K_SUBCMD,
     "start stop restart reload status enable disable daemon-reload is-active"},
    {"service", K_SUBCMD, "nginx apache2 postgresql redis-server gunicorn mysql"},
    {"cargo", K_SUBCMD, "new build run test check add install publish init update clean"},
    {"go", K_SUBCMD, "run build mod test get install fmt vet"},
    {"terraform", K_SUBCMD, "init plan apply destroy validate fmt output"},
    {"helm", K_SUBCMD, "install upgrade uninstall list repo"},
    {"flask", K_SUBCMD, "run shell routes db"},
    {"rails", K_SUBCMD, "new server generate db console"},
    {"ng", K_SUBCMD, "new serve build generate test"},
    {"composer", K_SUBCMD, "install require update dump-autoload create-project"},
    {"python", K_PATHARG, NULL},
    {"python3", K_PATHARG, NULL},
    {"py", K_PATHARG, NULL},
    {"node", K_PATHARG, NULL},
    {"deno", K_PATHARG, NULL},
    {"bun", K_PATHARG, NULL},
    {"ruby", K_PATHARG, NULL},
    {"php", K_PATHARG, NULL},
    {"java", K_PATHARG, NULL},
    {"bash", K_PATHARG, NULL},
    {"sh", K_PATHARG, NULL},
    {"zsh", K_PATHARG, NULL},
    {"source", K_PATHARG, NULL},
    {".", K_PATHARG, NULL},
    {"perl", K_PATHARG, NULL},
    {"ls", K_DISTINCT, NULL},
    {"cd", K_DISTINCT, NULL},
    {"mkdir", K_DISTINCT, NULL},
    {"rmdir", K_DISTINCT, NULL},
    {"rm", K_DISTINCT, NULL},
    {"cp", K_DISTINCT, NULL},
    {"mv", K_DISTINCT, NULL},
    {"chmod", K_DISTINCT, NULL},
    {"chown", K_DISTINCT, NULL},
    {"ln", K_DISTINCT, NULL},
    {"pwd", K_DISTINCT, NULL},
    {"grep", K_DISTINCT, NULL},
    {"wget", K_DISTINCT, NULL},
    {"curl", K_DISTINCT, NULL},
    {"ssh", K_DISTINCT, NULL},
    {"scp", K_DISTINCT, NULL},
    {"rsync", K_DISTINCT, NULL},
    {"tar", K_DISTINCT, NULL},
    {"unzip", K_DISTINCT, NULL},
    {"gunzip", K_DISTINCT, NULL},
    {"psql", K_DISTINCT, NULL},
    {"mysql", K_DISTINCT, NULL},
    {"sqlite3", K_DISTINCT, NULL},
    {"mongosh", K_DISTINCT, NULL},
    {"redis-cli", K_DISTINCT, NULL},
    {"redis-server", K_DISTINCT, NULL},
    {"virtualenv", K_DISTINCT, NULL},
    {"mkvirtualenv", K_DISTINCT, NULL},
    {"workon", K_DISTINCT, NULL},
    {"pyenv", K_DISTINCT, NULL},
    {"pytest", K_DISTINCT, NULL},
    {"tox", K_DISTINCT, NULL},
    {"flake8", K_DISTINCT, NULL},
    {"mypy", K_DISTINCT, NULL},
    {"isort", K_DISTINCT, NULL},
    {"ruff", K_DISTINCT, NULL},
    {"pylint", K_DISTINCT, NULL},
    {"uvicorn", K_DISTINCT, NULL},
    {"gunicorn", K_DISTINCT, NULL},
    {"daphne", K_DISTINCT, NULL},
    {"hypercorn", K_DISTINCT, NULL},
    {"celery", K_DISTINCT, NULL},
    {"nginx", K_DISTINCT, NULL},
    {"supervisorctl", K_DISTINCT, NULL},
    {"ufw", K_DISTINCT, NULL},
    {"journalctl", K_DISTINCT, NULL},
    {"certbot", K_DISTINCT, NULL},
    {"openssl", K_DISTINCT, NULL},
    {"nslookup", K_DISTINCT, NULL},
    {"netstat", K_DISTINCT, NULL},
    {"lsof", K_DISTINCT, NULL},
    {"uname", K_DISTINCT, NULL},
    {"whoami", K_DISTINCT, NULL},
    {"crontab", K_DISTINCT, NULL},
    {"printenv", K_DISTINCT, NULL},
    {"xargs", K_DISTINCT, NULL},
    {"jupyter", K_DISTINCT, NULL},
    {"ipython", K_DISTINCT, NULL},
    {"gcloud", K_DISTINCT, NULL},
    {"aws", K_DISTINCT, NULL},
    {"minikube", K_DISTINCT, NULL},
    {"tsc", K_DISTINCT, NULL},
    {"eslint", K_DISTINCT, NULL},
    {"webpack", K_DISTINCT, NULL},
    {"vite", K_DISTINCT, NULL},
    {"jest", K_DISTINCT, NULL},
    {"pm2", K_DISTINCT, NULL},
    {"tmux", K_DISTINCT, NULL},
    {"npx", K_DISTINCT, NULL},
    {"gcc", K_DISTINCT, NULL},
    {"g++", K_DISTINCT, NULL},
    {"clang", K_DISTINCT, NULL},
    {"cmake", K_DISTINCT, NULL},
    {"javac", K_DISTINCT, NULL},
    {"mvn", K_DISTINCT, NULL},
    {"gradle", K_DISTINCT, NULL},
    {"rustc", K_DISTINCT, NULL},
    {"twine", K_DISTINCT, NULL},
    {"vim", K_DISTINCT, NULL},
    {"nano", K_DISTINCT, NULL},
    {"htop", K_DISTINCT, NULL},
    {"echo", K_WORDY, NULL},
    {"export", K_WORDY, NULL},
    {"unset", K_WORDY, NULL},
    {"alias", K_WORDY, NULL},
    {"touch", K_WORDY, NULL},
    {"cat", K_WORDY, NULL},
    {"find", K_WORDY, NULL},
    {"make", K_WORDY, NULL},
    {"kill", K_WORDY, NULL},
    {"head", K_WORDY, NULL},
    {"tail", K_WORDY, NULL},
    {"sort", K_WORDY, NULL},
    {"diff", K_WORDY, NULL},
    {"black", K_WORDY, NULL},
    {"code", K_WORDY, NULL},
    {"set", K_WORDY, NULL},
    {"env", K_WORDY, NULL},
    {"ping", K_WORDY, NULL},
    {"dig", K_WORDY, NULL},
    {"history", K_WORDY, NULL},
    {"gem", K_WORDY, NULL},
    {"bundle", K_WORDY, NULL},
    {"sed", K_WORDY, NULL},
    {"awk", K_WORDY, NULL},
    {"less", K_WORDY, NULL},
    {"ps", K_WORDY, NULL},
    {"df", K_WORDY, NULL},
    {"du", K_WORDY, NULL},
};

enum { NCOMMANDS = sizeof COMMANDS / sizeof COMMANDS[0] };
static nl_name commands_sorted[NCOMMANDS];
static pthread_once_t sort_once = PTHREAD_ONCE_INIT;

static void sort_commands(void)
{
    nl_names_sort(commands_sorted, COMMANDS, NCOMMANDS, sizeof *COMMANDS);
}

/* The first line of every block is asked: by binary search. */
static const shell_cmd *find_command(const char *w, size_t n)
{
    pthread_once(&sort_once, sort_commands);
    long i = nl_names_find(commands_sorted, NCOMMANDS, w, n);
    return i >= 0 ? &COMMANDS[i] : NULL;
}

static bool in_word_list(const char *list, const char *w, size_t n)
{
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && memcmp(p, w, n) == 0) return true;
        if (!e) break;
        p = e + 1;
    }
    return false;
}

static size_t token_end(const char *s, size_t n, size_t i, bool *quoted, bool *bad)
{
    while (i < n && !nl_is_space(s[i])) {
        if (s[i] == '"' || s[i] == '\'') {
            char q = s[i];
            size_t j = i + 1;
            while (j < n && s[j] != q)
                j++;
            if (j >= n) {
                *bad = true; /* an apostrophe in a word, or an open quote */
                return n;
            }
            *quoted = true;
            i = j + 1;
        } else {
            i++;
        }
    }
    return i;
}

typedef struct {
    int args, strong, capitalized;
    bool bad;
    const char *first; /* first argument */
    size_t first_len;
    bool first_strong;
} arg_stats;

static bool is_strong_arg(const char *t, size_t k, bool quoted)
{
    if (quoted || t[0] == '-') return true;
    if (k == 1 && nl_in_set(t[0], "|><&;")) return true;
    for (size_t j = 0; j < k; j++)
        if (nl_in_set(t[j], "/\\.=$*~:@<>|&")) return true;
    return t[0] >= '0' && t[0] <= '9';
}

static bool is_sentence_word(const char *t, size_t k)
{
    char last = t[k - 1];
    if (k < 2 || !nl_in_set(last, ".,:;!?")) return false;
    for (size_t j = 0; j + 1 < k; j++) {
        unsigned char c = (unsigned char)t[j];
        if (!(nl_is_ident_start(c) || c >= 0x80)) return false;
    }
    return true;
}

static void scan_args(const char *s, size_t n, arg_stats *st)
{
    size_t i = 0;
    bool after_flag = false; /* "-l de": a flag's value may be any word */
    memset(st, 0, sizeof *st);
    while (i < n) {
        while (i < n && nl_is_space(s[i]))
            i++;
        if (i >= n) break;
        if (s[i] == '#') break; /* a trailing comment */
        bool quoted = false;
        size_t e = token_end(s, n, i, &quoted, &st->bad);
        if (st->bad) return;
        const char *t = s + i;
        size_t k = e - i;
        for (size_t j = 0; j < k;) {
            size_t cl;
            unsigned cp = oct_utf8_decode(t + j, k - j, &cl);
            if (nl_is_symbol_cp(cp)) st->bad = true;
            j += cl;
        }
        if (!quoted && ((!after_flag && nl_is_stopword(t, k)) || is_sentence_word(t, k)))
            st->bad = true;
        after_flag = t[0] == '-' && k > 1;
        if (st->bad) return;
        bool strong = is_strong_arg(t, k, quoted);
        if (!strong && t[0] >= 'A' && t[0] <= 'Z' && k > 1) st->capitalized++;
        if (st->args == 0) {
            st->first = t;
            st->first_len = k;
            st->first_strong = strong;
        }
        st->args++;
        st->strong += strong;
        i = e;
    }
}

/* A wide gap followed by text that is not a comment: a table row such as
 * "python manage.py migrate    Apply migrations", not a command. */
static bool has_table_gap(const char *s, size_t n)
{
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] == '\t' || (s[i] == ' ' && s[i + 1] == ' ')) {
            size_t j = i;
            while (j < n && nl_is_space(s[j]))
                j++;
            if (j < n && s[j] != '#' && s[j] != '\\' && s[j] != '|' && s[j] != '&') return true;
            i = j;
        }
    }
    return false;
}

static size_t strip_prompt(const char *s, size_t n, bool *prompt)
{
    size_t i = 0;
    if (n > 2 && s[0] == '(') { /* "(venv) $ cmd" */
        size_t j = 1;
        while (j < n && (nl_is_ident_char((unsigned char)s[j]) || s[j] == '-' || s[j] == '.'))
            j++;
        if (j < n && s[j] == ')' && j + 1 < n && s[j + 1] == ' ') i = j + 2;
    }
    if (i + 1 < n && s[i] == '$' && s[i + 1] == ' ') {
        *prompt = true;
        i += 2;
        while (i < n && s[i] == ' ')
            i++;
        return i;
    }
    return 0;
}

static bool is_env_assign(const char *t, size_t k)
{
    size_t j = 0;
    while (j < k && (nl_is_ident_char((unsigned char)t[j])))
        j++;
    return j > 0 && j < k && t[j] == '=' && t[0] >= 'A' && t[0] <= 'Z';
}

static bool path_command(const char *t, size_t k)
{
    if (nl_starts_with(t, k, "./") || nl_starts_with(t, k, "../") || nl_starts_with(t, k, "~/"))
        return k > 2;
    /* venv\Scripts\activate: names joined by backslashes */
    int names = 0;
    for (size_t j = 0; j < k; j++) {
        if (t[j] == '\\') continue;
        if (!(nl_is_ident_char((unsigned char)t[j]) || t[j] == '.' || t[j] == '-')) return false;
        if (j == 0 || t[j - 1] == '\\') names++;
    }
    return names >= 2 && memchr(t, '\\', k) && t[0] != '\\' && t[k - 1] != '\\';
}

static bool judge(const shell_cmd *cmd, const arg_stats *st)
{
    if (st->bad || st->args > 40 || st->capitalized > 2) return false;
    switch (cmd->kind) {
    case K_SUBCMD:
        if (st->args == 0) return false;
        return st->first[0] == '-' || in_word_list(cmd->subs, st->first, st->first_len);
    case K_PATHARG:
        return st->args > 0 && st->first_strong;
    case K_WORDY:
        return st->strong > 0;
    case K_DISTINCT:
    default:
        return true;
    }
}

static bool ends_with(const char *s, size_t n, const char *tail)
{
    size_t k = strlen(tail);
    return n >= k && memcmp(s + n - k, tail, k) == 0;
}

/* if/while/for/case … ; then|do, and the words that carry such blocks on
 * (then, do, else, fi, done, esac). */
static bool shell_control(const char *s, size_t n, nl_class *out)
{
    static const char *const words[] = {"then", "do", "else", "fi", "done", "esac", ";;"};
    size_t m = n > 0 && s[n - 1] == ';' ? n - 1 : n;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (nl_word_eq(s, m, words[i])) {
            out->strength = NL_CONT;
            out->lang = NL_LANG_SHELL;
            if (i < 3) out->feat |= NL_F_OPENS;
            return true;
        }
    /* case branches: "start)", "*" name "*)  run ;;" */
    bool pattern = n >= 2 && s[n - 1] == ')' && !memchr(s, ' ', n) && !memchr(s, '(', n);
    if (pattern || (n > 2 && ends_with(s, n, ";;"))) {
        out->strength = NL_CONT;
        out->lang = NL_LANG_SHELL;
        return true;
    }
    size_t k = 0;
    while (k < n && s[k] >= 'a' && s[k] <= 'z')
        k++;
    static const char *const openers[] = {"if", "elif", "while", "until", "for", "case"};
    bool opener = false;
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
        opener |= nl_word_eq(s, k, openers[i]);
    if (!opener || k >= n || s[k] != ' ') return false;
    if (ends_with(s, n, "; then") || ends_with(s, n, "; do") ||
        (nl_word_eq(s, k, "case") && ends_with(s, n, " in"))) {
        out->strength = NL_STRONG;
        out->lang = NL_LANG_SHELL;
        out->feat |= NL_F_OPENS;
        return true;
    }
    if (ends_with(s, n, " \\") && (memchr(s, '$', n) || memchr(s, '[', n) || memchr(s, '&', n))) {
        out->strength = NL_WEAK;
        out->lang = NL_LANG_SHELL;
        out->feat |= NL_F_OPENS | NL_F_BACKSLASH;
        return true;
    }
    return false;
}

/* "dpkg-trigger /usr/share/omf": a command no list knows, with arguments
 * only code has. It only continues a shell block. */
static bool unknown_command(const char *name, size_t name_len, const arg_stats *st)
{
    if (name_len < 2 || !(name[0] >= 'a' && name[0] <= 'z')) return false;
    for (size_t i = 0; i < name_len; i++)
        if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
              nl_in_set(name[i], "-_.")))
            return false;
    if (st->args == 0 || nl_in_set(st->first[0], "=+*/%<>!&|^:.,(")) return false; /* x = 1 */
    return !st->bad && st->strong > 0 && st->capitalized == 0 && st->args <= 12;
}

bool nl_shell_classify(const char *s, size_t n, nl_class *out)
{
    memset(out, 0, sizeof *out);
    if (shell_control(s, n, out)) return true;
    bool prompt = false;
    size_t i = strip_prompt(s, n, &prompt);
    if (prompt) {
        memset(out, 0, sizeof *out);
        out->strength = i < n ? NL_STRONG : NL_CONT;
        out->lang = NL_LANG_SHELL;
        return true;
    }
    if (has_table_gap(s, n)) return false;
    bool env = false;
    for (;;) { /* leading "VAR=value" assignments and sudo */
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n) break;
        bool q = false, bad = false;
        size_t e = token_end(s, n, i, &q, &bad);
        if (bad || e == i) return false;
        if (is_env_assign(s + i, e - i)) {
            env = true;
            i = e;
        } else if (nl_word_eq(s + i, e - i, "sudo")) {
            i = e;
            while (i < n && s[i] == ' ')
                i++;
            while (i < n && s[i] == '-') { /* sudo -u user */
                while (i < n && !nl_is_space(s[i]))
                    i++;
                while (i < n && s[i] == ' ')
                    i++;
            }
        } else {
            break;
        }
    }
    if (i >= n) return false; /* "DEBUG=1" alone: an assignment, not a command */
    bool q = false, bad = false;
    size_t e = token_end(s, n, i, &q, &bad);
    if (bad || q || e == i) return false;
    const char *name = s + i;
    size_t name_len = e - i;
    arg_stats st;
    scan_args(s + e, n - e, &st);
    const shell_cmd *cmd = find_command(name, name_len);
    bool ok;
    if (cmd)
        ok = judge(cmd, &st);
    else
        ok = path_command(name, name_len) && !st.bad;
    memset(out, 0, sizeof *out);
    out->lang = NL_LANG_SHELL;
    if (!ok) {
        /* "make test": a command, but only next to other commands */
        bool known = cmd && !st.bad && st.capitalized == 0 && st.args <= 3;
        if (!known && !(cmd == NULL && unknown_command(name, name_len, &st))) return false;
        out->strength = NL_CONT;
        return true;
    }
    out->strength = st.args == 0 && !env ? NL_WEAK : NL_STRONG;
    if (cmd && nl_word_eq(name, name_len, "cd") && st.args > 1) return false;
    size_t end = n;
    while (end > 0 && nl_is_space(s[end - 1]))
        end--;
    if (end > 0 && s[end - 1] == '\\') out->feat |= NL_F_BACKSLASH | NL_F_OPENS;
    return true;
}
