// The C shim over GNU source-highlight (see highlight.h). Everything that
// touches the library runs under one mutex: its objects are not documented
// as thread-safe, and the EPUB backend runs beside the PDF. Results are
// cached by (language, text), so the second backend to ask for a block
// gets a copy instead of a second run.
#include "highlight/highlight.h"

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/settings.h>
#include <srchilite/sourcehighlighter.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#ifndef OCTAVO_DATA_DIR
#define OCTAVO_DATA_DIR "."
#endif

namespace
{

typedef std::vector<oct_hl_span> Spans;

// Element names of the .lang files -> our classes. Anything else
// (normal, cbracket, specialchar, todo, url...) prints plain.
const struct {
    const char *elem;
    oct_hl_class cls;
} ELEMS[] = {
    {"keyword", OCT_HL_KEYWORD}, {"string", OCT_HL_STRING},     {"regexp", OCT_HL_STRING},
    {"value", OCT_HL_STRING},    {"valquote", OCT_HL_STRING},   {"comment", OCT_HL_COMMENT},
    {"number", OCT_HL_NUMBER},   {"type", OCT_HL_TYPE},         {"classname", OCT_HL_TYPE},
    {"usertype", OCT_HL_TYPE},   {"function", OCT_HL_FUNCTION}, {"preproc", OCT_HL_PREPROC},
    {"symbol", OCT_HL_OPERATOR}, {"tag", OCT_HL_TAG},           {"attribute", OCT_HL_TAG},
    {"key", OCT_HL_TAG},         {"keyquote", OCT_HL_TAG},      {"property", OCT_HL_TAG},
    {"selector", OCT_HL_TAG},    {"variable", OCT_HL_VARIABLE}, {"label", OCT_HL_VARIABLE},
};

// Fence words source-highlight's lang.map does not know, and the
// definitions octavo ships itself (highlight/*.lang: YAML, Django
// templates, Dockerfiles have none upstream).
const struct {
    const char *name, *file;
    bool own;
} ALIASES[] = {
    {"console", "sh.lang", false},
    {"shell-session", "sh.lang", false},
    {"shellsession", "sh.lang", false},
    {"bash", "sh.lang", false},
    {"python3", "python.lang", false},
    {"py3", "python.lang", false},
    {"pycon", "python.lang", false},
    {"node", "javascript.lang", false},
    {"jsx", "javascript.lang", false},
    {"ts", "javascript.lang", false},
    {"typescript", "javascript.lang", false},
    {"postgresql", "sql.lang", false},
    {"postgres", "sql.lang", false},
    {"psql", "sql.lang", false},
    {"mysql", "sql.lang", false},
    {"sqlite", "sql.lang", false},
    {"plpgsql", "sql.lang", false},
    {"html5", "html.lang", false},
    {"svg", "xml.lang", false},
    {"rust", "rust.lang", false},
    {"golang", "go.lang", false},
    {"c++", "cpp.lang", false},
    {"c#", "csharp.lang", false},
    {"jsonc", "json.lang", false},
    {"json5", "json.lang", false},
    {"mjs", "javascript.lang", false},
    {"cjs", "javascript.lang", false},
    {"tsx", "javascript.lang", false},
    {"scss", "css.lang", false},
    {"less", "css.lang", false},
    {"make", "makefile.lang", false},
    {"mk", "makefile.lang", false},
    {"ocaml", "caml.lang", false},
    {"gradle", "groovy.lang", false},
    {"cmd", "bat.lang", false},
    {"elisp", "lisp.lang", false},
    {"emacs-lisp", "lisp.lang", false},
    {"racket", "scheme.lang", false},
    {"toml", "conf.lang", false},
    {"yaml", "yaml.lang", true},
    {"yml", "yaml.lang", true},
    {"django", "django.lang", true},
    {"htmldjango", "django.lang", true},
    {"jinja", "django.lang", true},
    {"jinja2", "django.lang", true},
    {"html+django", "django.lang", true},
    {"dockerfile", "dockerfile.lang", true},
    {"docker", "dockerfile.lang", true},
};

const size_t MAX_TEXT = 1u << 20;     // bigger blocks print plain
const size_t MAX_LINE = 8192;         // a longer line is not matched
const size_t CACHE_BYTES = 16u << 20; // then the cache starts over

struct Registry {
    std::mutex mu;
    std::string sys_dir, own_dir;
    srchilite::RegexRuleFactory factory;
    srchilite::LangDefManager *mgr = nullptr;
    srchilite::LangMap *map = nullptr;
    std::map<std::string, srchilite::HighlightStatePtr> states; // by file; null: failed
    std::unordered_map<std::string, Spans> cache;
    // Lines that begin and end in a language's main state, by (state,
    // line): their spans from the line's start. Notes gathered from many
    // sources repeat the same lines (imports, `class Meta:`, `return`)
    // in blocks that differ elsewhere.
    std::unordered_map<std::string, Spans> lines;
    size_t cache_bytes = 0;
};

Registry &registry()
{
    // Never destroyed: a backend thread may still ask while exit() runs.
    static Registry *r = [] {
        Registry *g = new Registry;
        try {
            g->sys_dir = srchilite::Settings::retrieveDataDir();
        } catch (...) {
        }
        if (g->sys_dir.empty()) g->sys_dir = "/usr/share/source-highlight";
        const char *env = std::getenv("OCTAVO_DATA_DIR");
        g->own_dir = std::string(env && *env ? env : OCTAVO_DATA_DIR) + "/highlight";
        g->mgr = new srchilite::LangDefManager(&g->factory);
        try {
            g->map = new srchilite::LangMap(g->sys_dir, "lang.map");
            g->map->open();
        } catch (...) {
            g->map = nullptr;
        }
        return g;
    }();
    return *r;
}

std::string lower_word(const char *lang)
{
    std::string s;
    for (; lang && *lang && *lang != ' ' && *lang != '\t' && s.size() < 40; lang++)
        s += (char)(*lang >= 'A' && *lang <= 'Z' ? *lang - 'A' + 'a' : *lang);
    return s;
}

// The highlight state for a fence word, loaded on first use (under mu).
srchilite::HighlightStatePtr state_for(Registry &r, const std::string &name)
{
    std::string file, dir = r.sys_dir;
    for (const auto &a : ALIASES)
        if (name == a.name) {
            file = a.file;
            if (a.own) dir = r.own_dir;
        }
    if (file.empty() && r.map && !name.empty()) file = r.map->getMappedFileName(name);
    if (file.empty() || file == "nohilite.lang") return srchilite::HighlightStatePtr();
    std::string key = dir + "/" + file;
    auto it = r.states.find(key);
    if (it != r.states.end()) return it->second;
    srchilite::HighlightStatePtr st;
    try {
        st = r.mgr->getHighlightState(dir, file);
    } catch (...) {
        st.reset();
    }
    r.states[key] = st;
    return st;
}

// Receives the highlighter's tokens of one class as spans.
class SpanFormatter : public srchilite::Formatter
{
  public:
    SpanFormatter(oct_hl_class c, Spans *out, const size_t *line) : cls(c), spans(out), base(line)
    {
    }
    void format(const std::string &s, const srchilite::FormatterParams *p) override
    {
        if (!spans || s.empty() || !p || p->start < 0) return;
        size_t off = *base + (size_t)p->start;
        if (!spans->empty()) {
            oct_hl_span &last = spans->back();
            if (last.cls == cls && last.off + last.len == off) {
                last.len += s.size();
                return;
            }
        }
        spans->push_back(oct_hl_span{off, s.size(), cls});
    }

  private:
    oct_hl_class cls;
    Spans *spans;
    const size_t *base;
};

// Token bounds on UTF-8 character bounds: the regexes work on bytes, and
// a backend must never cut a character in two. Blanks at either end are
// left out. Spans stay sorted and disjoint; one that shrinks to nothing
// goes.
void snap(Spans &v, const char *text, size_t len)
{
    size_t out = 0, prev_end = 0;
    for (oct_hl_span s : v) {
        size_t a = s.off, b = s.off + s.len;
        if (b > len) b = len;
        while (a < b && (text[a] == ' ' || text[a] == '\t')) // "(\\s*\")" in json.lang
            a++;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t'))
            b--;
        while (a > 0 && a < len && ((unsigned char)text[a] & 0xC0) == 0x80)
            a--;
        while (b < len && ((unsigned char)text[b] & 0xC0) == 0x80)
            b++;
        if (a < prev_end) a = prev_end;
        if (b <= a) continue;
        v[out++] = oct_hl_span{a, b - a, s.cls};
        prev_end = b;
    }
    v.resize(out);
}

// The key of a line highlighted from state st.
std::string line_key(const srchilite::HighlightStatePtr &st, const char *s, size_t n)
{
    const void *id = st.get();
    std::string key((const char *)&id, sizeof id);
    key.append(s, n);
    return key;
}

bool in_main_state(srchilite::SourceHighlighter &hl)
{
    srchilite::HighlightStateStackPtr stack = hl.getStateStack();
    return hl.getCurrentState() == hl.getMainState() && (!stack || stack->empty());
}

// One line highlighted into spans (offsets from the text's start `line`),
// from the line cache when it begins in the main state and was seen.
void run_line(Registry &r, srchilite::SourceHighlighter &hl, Spans &spans, const char *text,
              size_t line, size_t end)
{
    bool cacheable = in_main_state(hl);
    std::string key;
    if (cacheable) {
        key = line_key(hl.getMainState(), text + line, end - line);
        auto hit = r.lines.find(key);
        if (hit != r.lines.end()) {
            for (oct_hl_span s : hit->second)
                spans.push_back(oct_hl_span{s.off + line, s.len, s.cls});
            return;
        }
    }
    size_t first = spans.size();
    hl.highlightParagraph(std::string(text + line, end - line));
    if (!cacheable || !in_main_state(hl)) return;
    Spans own(spans.begin() + (std::ptrdiff_t)first, spans.end());
    for (oct_hl_span &s : own)
        s.off -= line;
    r.cache_bytes += key.size() + own.size() * sizeof(oct_hl_span);
    r.lines.emplace(std::move(key), std::move(own));
}

Spans run(Registry &r, srchilite::HighlightStatePtr st, const char *text, size_t len)
{
    Spans spans;
    size_t line = 0;
    // The default formatter records nothing: plain text is left out.
    srchilite::FormatterManager fm(
        srchilite::FormatterPtr(new SpanFormatter(OCT_HL_PLAIN, nullptr, &line)));
    for (const auto &e : ELEMS)
        fm.addFormatter(e.elem, srchilite::FormatterPtr(new SpanFormatter(e.cls, &spans, &line)));
    srchilite::SourceHighlighter hl(st);
    hl.setFormatterManager(&fm);
    hl.setOptimize(false);
    srchilite::FormatterParams params;
    hl.setFormatterParams(&params);
    while (line <= len) {
        const char *nl = (const char *)std::memchr(text + line, '\n', len - line);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (end - line <= MAX_LINE) run_line(r, hl, spans, text, line, end);
        if (!nl) break;
        line = end + 1;
    }
    snap(spans, text, len);
    return spans;
}

} // namespace

extern "C" size_t oct_hl_spans(const char *lang, const char *text, size_t len, oct_hl_span **out)
{
    *out = nullptr;
    if (!text || len == 0 || len > MAX_TEXT) return 0;
    try {
        Registry &r = registry();
        std::string name = lower_word(lang);
        if (name.empty()) return 0;
        std::lock_guard<std::mutex> lock(r.mu);
        std::string key = name + '\0' + std::string(text, len);
        auto hit = r.cache.find(key);
        Spans spans;
        if (hit != r.cache.end()) {
            spans = hit->second;
        } else {
            srchilite::HighlightStatePtr st = state_for(r, name);
            if (st) {
                try {
                    spans = run(r, st, text, len);
                } catch (...) {
                    spans.clear(); // e.g. a regex too complex for boost
                }
            }
            if (r.cache_bytes + key.size() > CACHE_BYTES) {
                r.cache.clear();
                r.lines.clear();
                r.cache_bytes = 0;
            }
            r.cache_bytes += key.size() + spans.size() * sizeof(oct_hl_span);
            r.cache.emplace(std::move(key), spans);
        }
        if (spans.empty()) return 0;
        oct_hl_span *v = (oct_hl_span *)std::malloc(spans.size() * sizeof *v);
        if (!v) return 0;
        std::memcpy(v, spans.data(), spans.size() * sizeof *v);
        *out = v;
        return spans.size();
    } catch (...) {
        return 0;
    }
}

extern "C" bool oct_hl_known(const char *lang)
{
    try {
        Registry &r = registry();
        std::string name = lower_word(lang);
        if (name.empty()) return false;
        std::lock_guard<std::mutex> lock(r.mu);
        return (bool)state_for(r, name);
    } catch (...) {
        return false;
    }
}

extern "C" void oct_hl_set_data_dir(const char *dir)
{
    if (!dir || !*dir) return;
    try {
        Registry &r = registry();
        std::lock_guard<std::mutex> lock(r.mu);
        r.own_dir = std::string(dir) + "/highlight";
    } catch (...) {
    }
}

extern "C" const char *oct_hl_class_name(oct_hl_class c)
{
    static const char *const NAMES[OCT_HL_COUNT] = {"plain",    "keyword", "string",   "comment",
                                                    "number",   "type",    "function", "preproc",
                                                    "operator", "tag",     "variable"};
    return (unsigned)c < OCT_HL_COUNT ? NAMES[c] : "plain";
}
