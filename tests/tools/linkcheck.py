#!/usr/bin/env python3
"""Every link of a PDF or an EPUB reaches something.

PDF (through `qpdf --json=2`): every /Link annotation either opens a URI
or goes to a destination (an explicit array or a named one, through the
catalog's /Dests or /Names tree) whose page is a page of this document.
EPUB: every href and src of every XHTML document that is not an absolute
URL names a file of the container and, with a fragment, an id in it.
Prints one summary line per file; exits 1 and lists the broken links.
"""
import json
import posixpath
import re
import subprocess
import sys
import urllib.parse
import zipfile


def pdf_links(path):
    d = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-key=pages",
                                   path], check=True, capture_output=True).stdout)
    objs = d["qpdf"][1]

    def val(x):
        if isinstance(x, str) and re.fullmatch(r"\d+ \d+ R", x):
            return objs.get("obj:" + x, {}).get("value")
        return x

    pages = {p["object"] for p in d["pages"]}
    trailer = objs["trailer"]["value"]
    root = val(trailer["/Root"])
    named = {}
    if "/Dests" in root:
        for k, v in val(root["/Dests"]).items():
            named[k.lstrip("/")] = val(v)
    def walk(node):
        node = val(node)
        if not node:
            return
        arr = val(node.get("/Names", []))
        for i in range(0, len(arr) - 1, 2):
            named[str(val(arr[i])).lstrip("u:").lstrip("/")] = val(arr[i + 1])
        for kid in val(node.get("/Kids", [])):
            walk(kid)
    if "/Names" in root and "/Dests" in val(root["/Names"]):
        walk(val(root["/Names"])["/Dests"])

    def dest_ok(dest):
        dest = val(dest)
        if isinstance(dest, dict):
            dest = val(dest.get("/D"))
        if isinstance(dest, str):
            dest = named.get(dest.lstrip("u:").lstrip("/"))
            if isinstance(dest, dict):
                dest = val(dest.get("/D"))
        return isinstance(dest, list) and dest and dest[0] in pages

    bad, n = [], 0
    for k, p in enumerate(d["pages"], 1):
        for a in val(val(objs["obj:" + p["object"]]["value"]).get("/Annots", [])) or []:
            a = val(a)
            if a.get("/Subtype") != "/Link":
                continue
            n += 1
            if "/Dest" in a:
                ok = dest_ok(a["/Dest"])
            else:
                act = val(a.get("/A", {}))
                s = act.get("/S")
                ok = (s == "/URI" and bool(act.get("/URI"))) or (s == "/GoTo" and dest_ok(act.get("/D")))
            if not ok:
                bad.append(f"page {k}: link {a.get('/Rect')} goes nowhere ({a.get('/Dest') or a.get('/A')})")
    return n, bad


def epub_links(path):
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    docs = [n for n in names if n.endswith((".xhtml", ".html"))]
    ids = {n: set(re.findall(r'\sid="([^"]+)"', z.read(n).decode("utf-8"))) for n in docs}
    bad, n = [], 0
    for doc in sorted(docs):
        text = z.read(doc).decode("utf-8")
        for attr, ref in re.findall(r'\s(href|src)="([^"]*)"', text):
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", ref):
                continue  # http:, mailto:, …
            n += 1
            ref = ref.replace("&amp;", "&")
            file, _, frag = ref.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(doc),
                                                       urllib.parse.unquote(file))) if file else doc
            if target not in names:
                bad.append(f"{doc}: {attr}={ref!r}: no file {target}")
            elif frag and urllib.parse.unquote(frag) not in ids.get(target, set()):
                bad.append(f"{doc}: {attr}={ref!r}: no id {frag!r} in {target}")
    return n, bad


def main(argv):
    failed = False
    for path in argv:
        n, bad = (epub_links if path.endswith(".epub") else pdf_links)(path)
        for b in bad[:40]:
            print(f"{path}: {b}", file=sys.stderr)
        print(f"linkcheck: {path}: {n} links, {len(bad)} broken")
        failed |= bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
