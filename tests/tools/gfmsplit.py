#!/usr/bin/env python3
"""Split a spec-format file (gfm-spec.txt, gfm-extensions.txt) into examples.

    gfmsplit.py SPEC PREFIX SRCDIR EXPECTDIR

For example N it writes SRCDIR/PREFIX-NNNN.md (the Markdown input) and
EXPECTDIR/PREFIX-NNNN.txt: the visible text of the expected HTML (tags
stripped, entities decoded, one line per block), empty for examples marked
`disabled` (so the two directories still pair up file by file). A `→` in
the spec stands for a tab. Prints how many it wrote.
"""
import html.parser
import os
import re
import sys

FENCE = "`" * 32
BLOCKS = {"p", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br",
          "hr", "tr", "td", "th", "div", "table", "ul", "ol"}


# Elements octavo drops with their content (see README "GitHub HTML"); a
# browser shows none of script, style and title either.
DROPPED = {"script", "style", "title", "textarea", "iframe", "noscript", "template",
           "object", "embed", "svg", "math", "video", "audio", "canvas", "form",
           "select", "button", "applet", "frameset", "frame"}


class TextOf(html.parser.HTMLParser):
    """Text content of an HTML fragment, as a browser would show it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.parts.append("\n" if tag in BLOCKS else "")
        self.hidden += tag in DROPPED

    def handle_endtag(self, tag):
        self.parts.append("\n" if tag in BLOCKS else "")
        if tag in DROPPED and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(fragment):
    # GFM's tag filter shows "<script" and its kind as text; octavo drops
    # them instead, so the expected text is what the tags would hide.
    fragment = re.sub(r"&lt;(?=/?(title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)\b)",
                      "<", fragment, flags=re.I)
    p = TextOf()
    p.feed(fragment)
    p.close()
    lines = (line.strip() for line in "".join(p.parts).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def examples(path):
    """(number, disabled, markdown, html) for every example in order."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    n, i = 0, 0
    while i < len(lines):
        m = re.match(r"^%s example(.*)$" % FENCE, lines[i])
        i += 1
        if not m:
            continue
        n += 1
        md, out, part = [], [], 0
        while i < len(lines) and lines[i] != FENCE:
            if lines[i] == "." and part == 0:
                part = 1
            else:
                (md if part == 0 else out).append(lines[i])
            i += 1
        i += 1
        text = lambda ls: "".join(l + "\n" for l in ls).replace("\u2192", "\t")
        yield n, "disabled" in m.group(1).split(), text(md), text(out)


def main(argv):
    if len(argv) != 5:
        sys.stderr.write(__doc__)
        return 2
    spec, prefix, srcdir, expectdir = argv[1:]
    os.makedirs(srcdir, exist_ok=True)
    os.makedirs(expectdir, exist_ok=True)
    count = checked = 0
    for n, disabled, md, out in examples(spec):
        name = "%s-%04d" % (prefix, n)
        with open(os.path.join(srcdir, name + ".md"), "w", encoding="utf-8") as f:
            f.write(md)
        count += 1
        with open(os.path.join(expectdir, name + ".txt"), "w", encoding="utf-8") as f:
            f.write("" if disabled else visible_text(out))
        checked += not disabled
    if count == 0:
        sys.stderr.write("gfmsplit: no examples in %s\n" % spec)
        return 1
    print("%s: %d examples (%d with expected text)" % (spec, count, checked))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
