#!/usr/bin/env python3
"""Tiny hand-made output files for testing the test tools themselves.

    fixtures.py epub OUT.epub FILE.txt...   one XHTML chapter per text file,
                                            spine in argument order, file
                                            names in reverse so that name
                                            order differs from spine order
    fixtures.py pdf OUT.pdf FILE.txt        one page per 40 lines, base-14
                                            Helvetica (not embedded, so
                                            pdffonts must reject it)

These are not octavo's outputs: they let wordcheck_selftest.sh prove that the
word check and the validators really fail (and pass) where they should.
"""
import html
import sys
import zipfile

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

XHTML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>{title}</title></head>
<body>
{body}
</body>
</html>
"""


def xhtml_for(path, title):
    with open(path, encoding="utf-8") as f:
        paras = [
            "<p>" + html.escape(line.rstrip("\n")) + "</p>" for line in f if line.strip()
        ]
    return XHTML.format(title=html.escape(title), body="\n".join(paras))


def make_epub(out, texts):
    names = ["c%03d.xhtml" % (len(texts) - i) for i in range(len(texts))]
    items, refs, navs = [], [], []
    for i, name in enumerate(names):
        items.append(
            '<item id="c%d" href="%s" media-type="application/xhtml+xml"/>' % (i, name)
        )
        refs.append('<itemref idref="c%d"/>' % i)
        navs.append('<li><a href="%s">Chapter %d</a></li>' % (name, i + 1))
    opf = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier>
    <dc:title>Fixture</dc:title>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    %s
  </manifest>
  <spine>
    %s
  </spine>
</package>
""" % (
        "\n    ".join(items),
        "\n    ".join(refs),
    )
    nav = XHTML.format(
        title="Contents",
        body='<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>%s</ol></nav>'
        % "".join(navs),
    )
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/content.opf", opf, zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/nav.xhtml", nav, zipfile.ZIP_DEFLATED)
        for name, path in zip(names, texts):
            z.writestr("OEBPS/" + name, xhtml_for(path, name), zipfile.ZIP_DEFLATED)


def pdf_string(s):
    s = s.encode("latin-1", "replace")
    return b"(" + s.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(out, text):
    with open(text, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    pages = [lines[i : i + 40] for i in range(0, max(len(lines), 1), 40)]
    objs = []  # bytes of objects 1..n

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(b"")  # filled below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for page in pages:
        ops = [b"BT /F1 10 Tf 12 TL 50 800 Td"]
        for line in page:
            ops.append(pdf_string(line) + b" '")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        )
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, font, content)
            )
        )
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        data += b"%010d 00000 n \n" % off
    data += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        catalog,
        xref,
    )
    with open(out, "wb") as f:
        f.write(data)


def main(argv):
    if len(argv) >= 4 and argv[1] == "epub":
        make_epub(argv[2], argv[3:])
    elif len(argv) == 4 and argv[1] == "pdf":
        make_pdf(argv[2], argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
