#!/usr/bin/env python3
"""The adversarial table: hostile inputs, each with the outcome octavo must
give. Written at run time (nothing large is kept in git) by

    adversarial.py DIR

into DIR/<case>/ (the files of the case) and DIR/cases.json, a list of
{"name", "args", "status", "codes", "outputs"}: `octavo build ARGS` run in
DIR/<case> must exit with `status` (0: a valid PDF and EPUB are written;
1: a clean error, nothing written), and print every diagnostic code in
`codes`. Fonts for the damaged-font cases are copied from FONTS_DIR
(default: the repository's fonts/) and damaged here.
"""
import base64
import json
import os
import random
import struct
import sys
import zlib

CASES = []


def case(name, files, status=0, codes=(), args=None, outputs=None):
    """files: {relative path: str or bytes}; args default to the first file."""
    CASES.append({
        "name": name,
        "files": files,
        "args": args if args is not None else [next(iter(files))],
        "status": status,
        "codes": list(codes),
        "outputs": (status == 0) if outputs is None else outputs,
    })


def words(n, seed):
    rnd = random.Random(seed)
    vocab = ["tide", "orbit", "lemma", "axiom", "fjord", "quartz", "sonnet", "vector",
             "enzyme", "delta", "ledger", "prism", "cobalt", "meadow", "kernel"]
    return " ".join(rnd.choice(vocab) for _ in range(n))


def png(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\0" + bytes((x * 40 + y * 9) & 255 for x in range(width * 3))
                    for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


# Enough valid UTF-8 around a few bad sequences that the file is read as
# UTF-8 (not as a legacy code page) and the bad bytes are what is reported.
UTF8 = ("Gr\u00fc\u00dfe aus Z\u00fcrich, \u00e9t\u00e9 \u00e0 S\u00e8te, \u0161\u010derb\u00e1k, "
        "\u03b1\u03b2\u03b3 \u0436\u0443\u043a. ").encode("utf-8") * 8


def text_cases():
    case("invalid-utf8", {"notes.md": b"# Bytes\n\n" + UTF8 + b"Caf\xc3 au \xff lait.\n"},
         codes=["invalid-utf8"])
    case("overlong-utf8", {"notes.md": b"# Overlong\n\n" + UTF8 + b"slash \xc0\xaf and \xe0\x80\xaf.\n"},
         codes=["invalid-utf8"])
    case("above-unicode", {"notes.md": b"# Big\n\n" + UTF8 + b"\xf4\x90\x80\x80 end.\n"},
         codes=["invalid-utf8"])
    case("nul-bytes", {"notes.md": b"# Nul\n\nbefore\x00after\x00\x00 and more.\n"},
         codes=["nul-byte"])
    case("control-chars", {"notes.md": "# Controls\n\nbell\x07 escape\x1b[31m form\x0c feed.\n"},
         codes=["control-char"])
    case("c1-controls", {"notes.md": "# C1\n\nnext\u0085line and \u009b csi.\n"},
         codes=["c1-control"])
    case("lone-surrogates", {"notes.md": b"# Halves\n\n" + UTF8 + b"high \xed\xa0\x80 low \xed\xbf\xbf pair \xed\xa0\xbd\xed\xb8\x80.\n"},
         codes=["surrogate"])
    case("noncharacters", {"notes.md": "# Non\n\nA\ufdd0B\ufffeC\U0010ffffD \uffff.\n"},
         codes=["noncharacter"])
    case("bidi-overrides", {"notes.md": "# Bidi\n\nuser\u202egnp.exe\u202c and \u2067isolate\u2069 \u200fmark\u200e; "
                                        "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 mixed.\n"})
    case("zero-width", {"notes.md": "# Zero\u200bwidth\n\nso\u200bft\u200c join\u200d er \u2060wj \ufeffbom "
                                    "\u00adshy.\n\n1. What\u200b is\u200d this?\n"})
    case("emoji-sequences", {"notes.md": "# Emoji\n\nflags \U0001F1EF\U0001F1F5\U0001F1F3\U0001F1F4 "
                                         "zwj \U0001F469\u200d\U0001F52C family \U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 "
                                         "tones \U0001F44B\U0001F3FF \U0001F9D1\U0001F3FD\u200d\U0001F4BB "
                                         "keycap #\ufe0f\u20e3 5\u20e3 tags \U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F "
                                         "vs \u2764\ufe0e \u2764\ufe0f lone \U0001F3FB\u200d\ufe0f\U000E0061.\n"},
         codes=[])  # every sequence is a picture (the lone modifier, too, is in the emoji font)
    case("mojibake", {"notes.md": "# Mojibake\n\nCaf\u00e9 cr\u00e8me \u2014 \u201cquoted\u201d d\u00e9j\u00e0 vu.\n"
                      .encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")},
         codes=["mojibake"])
    # thousands of \begin never closed, \\[ never closed, a formula of
    # 150 rows of aligned environments: linear, set, nothing lost
    case("math-environments", {"notes.md": "# Math\n\n$$" + "\\begin{pmatrix}" * 20000
                               + " x \\\\[" * 8000 + "$$\n\n$$\n"
                               + "\\begin{align} a & b \\\\\n" * 150 + "$$\n\n\\[\nx_1\n\n"},
         codes=[])
    case("utf16", {"notes.txt": "\ufeffQ: Wie heißt das?\nA: Grüße aus Zürich.\n".encode("utf-16-le")})
    case("empty-file", {"notes.md": b""})
    case("only-blank", {"notes.md": "\n\n   \n\t\n"})
    rnd = random.Random(9)
    # no text at all: refused with what it is, nothing written
    case("binary-data", {"notes.md": bytes(rnd.randrange(256) for _ in range(65536))}, status=1,
         codes=["binary-source"])
    case("pdf-as-notes", {"notes.md": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n"},
         status=1, codes=["binary-source"])
    case("mixed-newlines", {"notes.txt": "Q: One?\r\nA: Yes.\rQ: Two?\n\rA: No.\r\n"})
    case("line-1mb", {"notes.md": "# Long\n\n" + words(170000, 1)[:1000000] + "\n"})
    case("line-2mb", {"notes.md": "# Longer\n\n" + words(340000, 2)[:2000000] + "\n"}, status=1,
         codes=["limit-line-length"])
    case("source-9mb", {"notes.md": ("# Big\n\n" + (words(120, 3) + "\n\n") * 12000)}, status=1,
         codes=["limit-source-size"])


def structure_cases():
    case("quotes-10000-deep", {"notes.md": "> " * 10000 + "deep\n"}, codes=["limit-nesting"])
    case("lists-10000-deep", {"notes.md": "- " * 10000 + "deep\n"}, codes=["limit-nesting"])
    case("ordered-10000-deep", {"notes.md": "1. " * 10000 + "deep\n"}, codes=["limit-nesting"])
    case("indented-lists-deep", {"notes.md": "".join("  " * d + "- level %d\n" % d for d in range(400))},
         codes=["limit-nesting"])
    case("html-10000-deep", {"notes.md": "<div>" * 10000 + "inside" + "</div>" * 10000 + "\n"})
    case("details-deep", {"notes.md": "<details><summary>Why?</summary>\n\n" * 300 + "because\n"},
         codes=["limit-nesting"])
    case("emphasis-nest", {"notes.md": "*a **b " * 20000 + "c" + " b** a*" * 20000 + "\n"},
         codes=["limit-nesting"])
    case("brackets-50000", {"notes.md": "[" * 50000 + "x" + "]" * 50000 + "\n"},
         codes=["limit-brackets"])
    case("image-bracket-runs", {"notes.md": ('"![[]()' * 1000 + "\n") * 60},
         codes=["limit-brackets"])
    case("bracket-paren", {"notes.md": "[ (](" * 30000 + "\n"}, codes=["limit-brackets"])
    case("table-300-columns", {"notes.md": "|" + "|".join("c%d" % i for i in range(300)) + "|\n|"
                               + "---|" * 300 + "\n" + ("|" + "|".join(str(i) for i in range(300)) + "|\n") * 3},
         codes=["limit-table-columns"])
    case("table-5000-rows", {"notes.md": "| key | value |\n|---|---|\n"
                             + "".join("| k%d | v%d |\n" % (i, i) for i in range(5000))},
         codes=["limit-table-rows"])
    case("unterminated-fence", {"notes.md": "# Code\n\n```python\ndef f():\n    return 1\n\n## Not a heading\n"})
    case("unterminated-html", {"notes.md": "# Raw\n\n<pre>\nkept\n\nafter the blank line\n"},
         codes=["html-unclosed"])
    case("raw-script", {"notes.md": "# Script\n\n<script>alert('x')</script>\n\n<iframe src=\"https://e.org\"></iframe>"
                        "\n\n<style>body{display:none}</style>\n\nText <img src=x onerror=alert(1)> after.\n"},
         codes=["html-dropped"])
    case("unsafe-links", {"notes.md": "# Links\n\n[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) "
                          "[c](VBScript:msgbox) [d](file:///etc/passwd) [e](java&#9;script:x) "
                          "<a href=\" javascript:void(0)\">f</a> [ok](https://example.org/a?b=c#d)\n"},
         codes=["link-unsafe"])
    case("long-url", {"notes.md": "# URL\n\n[long](https://example.org/" + "a" * 100000 + ")\n"})
    case("headings-20000", {"notes.md": "".join("## Part %d\n\n" % i for i in range(20000))},
         codes=["limit-headings"])
    case("heading-20kb", {"notes.md": "# " + words(3500, 4) + "\n\ntext\n"},
         codes=["limit-heading-length"])
    case("questions-20000", {"notes.txt": "".join("Q: What is %d?\nA: %d.\n\n" % (i, i) for i in range(20000))},
         codes=["limit-questions"])
    case("footnotes-5000", {"notes.md": "".join("ref[^n%d] " % i for i in range(5000)) + "\n\n"
                            + "".join("[^n%d]: note %d\n" % (i, i) for i in range(5000))})
    case("entities", {"notes.md": "# E\n\n&#0; &#x110000; &#xD800; &#1; &nbsp; &bogus; &#99999999999;\n"})
    case("references-many", {"notes.md": "".join("[r%d]: https://e.org/%d\n" % (i, i) for i in range(20000))
                             + "[r1] [r19999] [missing]\n"})


def markup_cases():
    """Org and reStructuredText sources (src/ingest/formats/)."""
    case("org-10000-stars", {"notes.org": "*" * 10000 + " Deep\n\ntext\n"})
    case("org-unclosed-blocks", {"notes.org": "* Code\n#+BEGIN_SRC python\ndef f():\n"
                                              "#+BEGIN_QUOTE\n* not a heading\n"},
         codes=["org-unknown"])
    case("org-blocks-5000-deep", {"notes.org": "#+BEGIN_QUOTE\n" * 5000 + "core\n"
                                               + "#+END_QUOTE\n" * 5000},
         codes=["org-unknown"])
    case("org-lists-2000-deep", {"notes.org": "".join("  " * d + "- level %d\n" % d
                                                      for d in range(2000))},
         codes=["limit-nesting"])
    case("org-openers-20000", {"notes.org": "*a /b _c =d ~e +f [[g [fn:h <<i " * 20000 + "\n"})
    case("org-drawers-unclosed", {"notes.org": "* H\n" + ":X:\n" * 50000 + "text\n"})
    case("org-table-300-columns", {"notes.org": "|" + "|".join("c%d" % i for i in range(300))
                                                + "|\n|---|\n"})
    case("rst-bullets-10000-deep", {"notes.rst": "- " * 10000 + "deep\n"}, codes=["rst-unknown"])
    case("rst-indent-3000-deep", {"notes.rst": "".join(" " * k + "q%d\n\n" % k
                                                       for k in range(3000))},
         codes=["rst-unknown"])
    case("rst-adornment-huge", {"notes.rst": "=" * 200000 + "\nTitle\n" + "=" * 200000 + "\n"})
    case("rst-openers-20000", {"notes.rst": "``a **b *c `d |e [f _g " * 20000 + "\n"})
    case("rst-directives-unknown", {"notes.rst": "".join(".. thing%d:: arg\n\n   body\n\n" % i
                                                          for i in range(2000))},
         codes=["rst-unknown"])
    case("rst-grid-ragged", {"notes.rst": "+---+---+\n| a | b\n+---+\n| c |\n+-+-+-+\n"})


def file_cases():
    good = png(4, 3)
    case("damaged-png", {"notes.md": "# Pictures\n\n![broken](broken.png)\n\n![fine](fine.png)\n",
                         "broken.png": good[:45] + b"\0" * 10, "fine.png": good},
         codes=["image-damaged"])
    case("png-huge-header", {"notes.md": "![huge](huge.png)\n",
                             "huge.png": good[:16] + struct.pack(">II", 100000, 100000) + good[24:]},
         codes=["image-damaged"])
    case("image-outside", {"notes.md": "![up](../../../../etc/passwd) ![abs](/etc/hostname)\n"},
         codes=["image-outside"])
    case("manifest-10000-sources", {
        "booklet.yaml": "title: Many\nlanguage: en\nsources:\n" + "".join("  - s%d.md\n" % i for i in range(10000)),
        "s0.md": "# Zero\n"}, status=1, codes=["limit-sources"], args=["booklet.yaml"])
    laughs = "title: Laughs\nlanguage: en\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    prev = "a"
    for k in "bcdefghi":
        laughs += "%s: &%s [%s]\n" % (k, k, ",".join(["*" + prev] * 9))
        prev = k
    laughs += "sources: [notes.md]\n"
    case("yaml-billion-laughs", {"booklet.yaml": laughs, "notes.md": "# N\n"}, status=1,
         codes=["yaml-alias"], args=["booklet.yaml"])
    case("yaml-deep", {"booklet.yaml": "title: Deep\nsources: [notes.md]\nx: " + "[" * 5000 + "]" * 5000 + "\n",
                       "notes.md": "# N\n"}, status=1, codes=["yaml-depth"], args=["booklet.yaml"])
    case("manifest-missing-source", {"booklet.yaml": "title: Gone\nlanguage: en\nsources: [gone.md]\n"},
         status=1, codes=["missing-source"], args=["booklet.yaml"])
    case("manifest-device-source", {"booklet.yaml": "title: Dev\nlanguage: en\nsources: [/dev/zero]\n"},
         status=1, codes=["missing-source"], args=["booklet.yaml"])
    case("manifest-duplicates", {"booklet.yaml": "title: Twice\nlanguage: en\nsources: [a.md, ./a.md]\n",
                                 "a.md": "# A\n"}, status=1, codes=["duplicate-source"],
         args=["booklet.yaml"])


def notebook(cells, **top):
    nb = {"cells": cells, "metadata": {"kernelspec": {"language": "python"}}, "nbformat": 4}
    nb.update(top)
    return json.dumps(nb, indent=1)


def notebook_cases():
    """Jupyter notebooks (src/ingest/formats/): broken JSON is an error at
    its place; wrong types, huge outputs and odd pictures are warnings."""
    case("notebook-invalid-json", {"nb.ipynb": '{"cells": [\n {"cell_type": "code",, }]}'},
         status=1, codes=["notebook"])
    case("notebook-truncated", {"nb.ipynb": notebook([{"cell_type": "markdown", "source": "# T"}])[:30]},
         status=1, codes=["notebook"])
    case("notebook-deep-json", {"nb.ipynb": '{"cells": [], "metadata": ' + "[" * 100000 + "]" * 100000 + "}"},
         status=1, codes=["notebook"])
    case("notebook-not-utf8", {"nb.ipynb": b'{"cells": [{"cell_type": "markdown", "source": "caf\xe9"}]}'},
         status=1, codes=["notebook"])
    case("notebook-no-cells", {"nb.ipynb": '{"metadata": {}, "nbformat": 4}'}, status=1,
         codes=["notebook"])
    case("notebook-wrong-types", {"nb.ipynb": notebook(
        ["text", {"cell_type": 5}, {"cell_type": "markdown", "source": [1, "# Kept\n", None]},
         {"cell_type": "code", "source": {"a": 1}, "outputs": "x"},
         {"cell_type": "code", "source": "x", "outputs": [7, {"output_type": "stream", "text": 5},
                                                         {"output_type": "display_data", "data": []}]}],
        metadata=[1])}, codes=["notebook"])
    case("notebook-output-50mb", {"nb.ipynb": notebook([
        {"cell_type": "markdown", "source": ["# Training\n"]},
        {"cell_type": "code", "source": ["train()"], "outputs": [
            {"output_type": "stream", "name": "stdout", "text": ["epoch %d loss 0.%06d\n" % (i, i) for i in range(1300000)]}]}])},
         codes=["notebook-output"])
    case("notebook-output-long-line", {"nb.ipynb": notebook([
        {"cell_type": "code", "source": "print(x)", "outputs": [
            {"output_type": "execute_result", "data": {"text/plain": "\u00e9" * 2000000}}]}])},
         codes=["notebook-output"])
    case("notebook-ansi-and-cr", {"nb.ipynb": notebook([
        {"cell_type": "code", "source": "run()", "outputs": [
            {"output_type": "stream", "text": "\x1b[31m" * 5000 + "10%\r" * 5000 + "done\n\x1b]8;;x"},
            {"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["\x1b[0;31m" * 9000]}]}])})
    case("notebook-bad-pictures", {"nb.ipynb": notebook([
        {"cell_type": "code", "source": "plot()", "outputs": [
            {"output_type": "display_data", "data": {"image/png": "!!!not base64!!!"}},
            {"output_type": "display_data", "data": {"image/png": base64.b64encode(png(4, 3)[:40]).decode()}},
            {"output_type": "display_data", "data": {"image/svg+xml": "<svg xmlns='http://www.w3.org/2000/svg' width='99999' height='99999'><rect/></svg>"}},
            {"output_type": "display_data", "data": {"text/html": "<b>only html</b>"}}]},
        {"cell_type": "markdown", "source": "![x](attachment:missing.png) ![y](attachment:y.png)",
         "attachments": {"y.png": {"image/png": ""}}}])},
         codes=["image-damaged", "notebook-output", "image-missing"])
    case("notebook-fence-breakout", {"nb.ipynb": notebook([
        {"cell_type": "markdown", "source": "~~~~\nunclosed fence in a cell"},
        {"cell_type": "code", "source": "`" * 300 + "\n```\n# not a heading", "outputs": []},
        {"cell_type": "raw", "source": "<script>alert(1)</script> *x* [y](javascript:z)"},
        {"cell_type": "markdown", "source": "## After?\n\nStill read."}])})
    case("notebook-many-cells", {"nb.ipynb": notebook(
        [{"cell_type": "markdown", "source": "### %d. Question %d?" % (i, i)} if i % 2 == 0 else
         {"cell_type": "code", "source": "x = %d" % i, "outputs": []} for i in range(20000)])})
    case("notebook-v3", {"nb.ipynb": json.dumps({"nbformat": 3, "worksheets": [{"cells": [
        {"cell_type": "heading", "level": 99, "source": "Title?"},
        {"cell_type": "code", "input": "1", "language": "julia", "outputs": [
            {"output_type": "pyout", "text": "1", "png": "AAAA"},
            {"output_type": "pyerr", "ename": "E", "evalue": "\x1b[1mv"}]}]}, "not a sheet"]})},
         codes=["image-damaged"])

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                 '2006/content-types"><Override PartName="/word/document.xml" ContentType="applica'
                 'tion/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')


def docx(body, parts=None, doctype=""):
    """A .docx of hand-written parts: body is the XML inside <w:body>."""
    import io
    import zipfile
    files = {"[Content_Types].xml": CONTENT_TYPES}
    if body is not None:
        files["word/document.xml"] = ('<?xml version="1.0"?>' + doctype + "<w:document " + W_NS +
                                      "><w:body>" + body + "</w:body></w:document>")
    files.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def para(text):
    return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"


def document_cases():
    # Word and OpenDocument packages: a clean error for what cannot be read,
    # never an entity resolved or a bomb unpacked
    good = docx(para("Q1. What is a zip bomb?") + para("A member that unpacks to gigabytes."))
    case("docx-ok", {"notes.docx": good})
    case("docx-zip-bomb", {"notes.docx": docx(para("bomb"), {"word/styles.xml": b" " * 80_000_000})},
         status=1, codes=["limit-source-size"])
    case("docx-corrupt", {"notes.docx": good[:len(good) // 2]}, status=1, codes=["document-damaged"])
    # under the part cap, but packed a thousand to one: refused before it is read
    case("docx-ratio-bomb", {"notes.docx": docx(para("bomb"), {"word/styles.xml": b" " * 20_000_000})},
         status=1, codes=["limit-source-size"])
    # 400 pictures, each 2 MB of zeros, shown a thousand times: each read once
    # and refused as a bomb (the package itself is 1 MB); the text stays
    blips = "".join('<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/'
                    'drawingml/2006/main" r:embed="P%d"/></w:drawing></w:r></w:p>' % (i % 400)
                    for i in range(1000))
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            "".join('<Relationship Id="P%d" Target="media/p%d.png"/>' % (i, i) for i in range(400)) +
            "</Relationships>")
    pics = {"word/media/p%d.png" % i: b"\x89PNG\r\n\x1a\n" + bytes(2_000_000) for i in range(400)}
    pics["word/_rels/document.xml.rels"] = rels
    case("docx-picture-bombs", {"notes.docx": docx(para("Q1. Pictures?") + blips, pics)},
         codes=["image-damaged"])
    case("docx-no-document", {"notes.docx": docx(None)}, status=1, codes=["document-damaged"])
    case("docx-not-xml", {"notes.docx": docx("<w:p><w:r><w:t>open</w:p>")}, status=1,
         codes=["document-damaged"])
    case("docx-xxe", {"notes.docx": docx(para("secret: &xxe; end"), doctype=(
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'))},
         codes=["document-unknown"])
    case("docx-billion-laughs", {"notes.docx": docx(para("&l9;"), doctype=(
        "<!DOCTYPE w:document [<!ENTITY l0 \"lol\">" + "".join(
            "<!ENTITY l%d \"%s\">" % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10)) + "]>"))},
         status=1, codes=["document-damaged"])  # libxml2 refuses the loop
    nested = "<w:tbl><w:tr><w:tc>" * 60 + para("deep") + "</w:tc></w:tr></w:tbl>" * 60
    case("docx-nested-tables", {"notes.docx": docx(para("Tables") + nested)})
    case("docx-10mb-paragraph", {"notes.docx": docx(para(words(1_800_000, 4)[:10_500_000]))},
         status=1, codes=["limit-source-size"])
    case("docx-2mb-paragraph", {"notes.docx": docx(
        "<w:p>" + "".join("<w:r><w:t>%s </w:t></w:r>" % words(2000, i) for i in range(170)) +
        "</w:p>")}, status=1, codes=["limit-line-length"])
    case("doc-old-binary", {"notes.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)},
         status=1, codes=["document-damaged"])
    case("xlsx-as-notes", {"notes.md": docx(None, {"xl/workbook.xml": "<workbook/>",
                                                  "[Content_Types].xml": CONTENT_TYPES.replace(
                                                      "wordprocessingml.document", "spreadsheetml.sheet")})},
         status=1,
         codes=["binary-source"])


def font_cases(fonts_dir):
    src = open(os.path.join(fonts_dir, "DejaVuSans.ttf"), "rb").read()
    ntables = struct.unpack(">H", src[4:6])[0]
    tables = {}
    for i in range(ntables):
        rec = src[12 + 16 * i:28 + 16 * i]
        tables[rec[:4].decode("latin-1")] = (i, ) + struct.unpack(">II", rec[8:16])
    damaged = {"truncated-half.ttf": src[: len(src) // 2], "truncated-header.ttf": src[:40]}
    b = bytearray(src)
    struct.pack_into(">H", b, tables["hhea"][1] + 34, 65535)  # metrics for glyphs that do not exist
    damaged["hhea-metrics.ttf"] = bytes(b)
    b = bytearray(src)
    struct.pack_into(">I", b, 12 + 16 * tables["loca"][0] + 12, 1 << 30)  # table past the end
    damaged["loca-length.ttf"] = bytes(b)
    b = bytearray(src)
    rnd = random.Random(5)
    off, length = tables["cmap"][1:]
    for _ in range(200):
        b[off + rnd.randrange(length)] = rnd.randrange(256)
    damaged["cmap-noise.ttf"] = bytes(b)
    for name, data in damaged.items():
        stem = name[:-4]
        case("font-" + stem, {"notes.md": "# Font\n\nSome text.\n", name: data,
                              "layout.yaml": "fonts:\n  body:\n    regular: FONTDIR/%s\n" % name},
             status=1, codes=["font-damaged"], args=["notes.md", "--layout", "layout.yaml"])


def main():
    out = sys.argv[1]
    fonts_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "fonts")
    text_cases()
    structure_cases()
    markup_cases()
    file_cases()
    notebook_cases()
    document_cases()
    font_cases(fonts_dir)
    table = []
    for c in CASES:
        d = os.path.join(out, c["name"])
        os.makedirs(d, exist_ok=True)
        for rel, data in c["files"].items():
            if isinstance(data, str):
                data = data.replace("FONTDIR", os.path.abspath(d)).encode("utf-8")
            with open(os.path.join(d, rel), "wb") as f:
                f.write(data)
        table.append({k: c[k] for k in ("name", "args", "status", "codes", "outputs")})
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(table, f, indent=1)
    print(len(table))


if __name__ == "__main__":
    main()
