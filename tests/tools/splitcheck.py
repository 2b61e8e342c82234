#!/usr/bin/env python3
"""Checks an EPUB whose long documents were split (src/epub/split.c).

  splitcheck.py SPLIT.epub --doc-kb N --nav-kb M [--whole WHOLE.epub] [--min-pieces K]

- every XHTML content document is at most N*1000 bytes, unless it holds a
  single block (a question, a paragraph, an entry) bigger than that: those
  are listed as "oversized single block";
- at least K documents are continuation pieces (name-2.xhtml ...), so the
  test fails if nothing was split;
- a continuation piece has no <h1> and opens with its "(continued)" line;
- nav.xhtml is at most M*1000 bytes and toc.ncx at most 5/3 of that
  (unless the contents are down to chapters only), and the NCX lists the
  same targets as the nav's table of contents, in the same order, and
  reaches every spine item;
- every noteref (footnote or quiz/card pop-up) points at an aside of the
  same document, which links back into that document;
- with --whole (the same book built without limits): the spine's text,
  read in order, has the same words as the unsplit book's, footnotes and
  answer keys aside (compared as sets: they move with their references,
  and a note referenced from two pieces is in both), "(continued)" lines left out.
Exits 1 with the reasons; prints a summary line.
"""
import argparse
import posixpath
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

X = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"
OPF = "{http://www.idpf.org/2007/opf}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"


def load(path):
    z = zipfile.ZipFile(path)
    opf_name = "OEBPS/content.opf"
    opf = ET.fromstring(z.read(opf_name))
    items = {i.get("id"): i.get("href") for i in opf.iter(OPF + "item")}
    spine = [items[r.get("idref")] for r in opf.iter(OPF + "itemref")]
    docs = {h: z.read("OEBPS/" + h) for h in items.values() if h.endswith(".xhtml")}
    ncx = z.read("OEBPS/toc.ncx")
    return spine, docs, ncx


def classes(e):
    return (e.get("class") or "").split()


def is_aside_part(e):
    c = classes(e)
    return e.tag == X + "aside" or "footnotes" in c or "quiz-key" in c


def body_words(root, asides):
    """Words of the body in order; the text of notes and keys goes to asides."""
    out = []

    def walk(e, into):
        if {"continued", "chapter-contents"} & set(classes(e)):
            return
        if into is out and is_aside_part(e):
            if e.tag == X + "aside":
                asides.append(" ".join("".join(e.itertext()).split()))
            else:  # the wrapper: its asides, not its heading (once a document)
                for c in e:
                    if c.tag == X + "aside":
                        walk(c, into)
            return
        if e.text:
            into.extend(e.text.split())
        for c in e:
            walk(c, into)
            if c.tail:
                into.extend(c.tail.split())

    body = root.find(X + "body")
    walk(body, out)
    return out


def spine_text(spine, docs):
    words, asides = [], []
    for h in spine:
        if h == "nav.xhtml":
            continue
        words += body_words(ET.fromstring(docs[h]), asides)
    # "Answer key" headings inside quiz keys are skipped with them
    return words, sorted(asides)


def single_block(root):
    """True when the document holds one block (or entry) only."""
    sec = root.find(X + "body").find(X + "section")
    kids = [c for c in sec if c.tag not in (X + "h1",)
            and not {"continued", "chapter-contents"} & set(classes(c)) and not is_aside_part(c)]
    if len(kids) == 1 and kids[0].tag in (X + "ol", X + "section"):
        inner = kids[0]
        if inner.tag == X + "section":  # an index group
            lists = [c for c in inner if c.tag == X + "ul"]
            return bool(lists) and len(list(lists[0])) <= 1
        return len(list(inner)) <= 1
    return len(kids) <= 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("epub")
    ap.add_argument("--doc-kb", type=int, required=True)
    ap.add_argument("--nav-kb", type=int, required=True)
    ap.add_argument("--whole")
    ap.add_argument("--min-pieces", type=int, default=1)
    a = ap.parse_args()
    bad = []
    spine, docs, ncx = load(a.epub)
    limit = a.doc_kb * 1000
    pieces = 0
    for h in spine:
        data = docs[h]
        root = ET.fromstring(data)
        # the contents are checked below; Most asked has 30 entries at most
        if h in ("nav.xhtml", "most-asked.xhtml"):
            continue
        if len(data) > limit:
            if single_block(root):
                print(f"splitcheck: oversized single block: {h} ({len(data)} bytes)")
            else:
                bad.append(f"{h}: {len(data)} bytes > {limit}")
        if re.search(r"-\d+\.xhtml$", h) and h.rsplit("-", 1)[0] + ".xhtml" in docs:
            pieces += 1
            if root.find(f".//{X}h1") is not None:
                bad.append(f"{h}: a continuation piece with an <h1>")
            first = root.find(X + "body").find(X + "section")[0]
            if "continued" not in classes(first):
                bad.append(f"{h}: does not open with its (continued) line")
        # pop-ups in the same document as their noteref, with a way back
        ids = {e.get("id"): e for e in root.iter() if e.get("id")}
        for ref in root.iter(X + "a"):
            if ref.get(OPS + "type") != "noteref":
                continue
            href = ref.get("href") or ""
            target = ids.get(href[1:]) if href.startswith("#") else None
            if target is None or target.tag != X + "aside":
                bad.append(f"{h}: noteref {href} is not an aside of this document")
                continue
            backs = [b.get("href") for b in target.iter(X + "a")]
            if not any(b and b.startswith("#") and b[1:] in ids for b in backs):
                bad.append(f"{h}: pop-up {href} has no link back into the document")
    if pieces < a.min_pieces:
        bad.append(f"{pieces} continuation pieces, expected at least {a.min_pieces}")

    nav = docs["nav.xhtml"]
    navroot = ET.fromstring(nav)
    toc = next(n for n in navroot.iter(X + "nav") if n.get(OPS + "type") == "toc")
    nav_hrefs = [x.get("href") for x in toc.iter(X + "a")]
    ncxroot = ET.fromstring(ncx)
    ncx_srcs = [c.get("src") for c in ncxroot.iter(NCX + "content")]
    chapters_only = all("#" not in h for h in nav_hrefs)
    nav_limit, ncx_limit = a.nav_kb * 1000, a.nav_kb * 1000 * 5 // 3
    if not chapters_only and (len(nav) > nav_limit or len(ncx) > ncx_limit):
        bad.append(f"nav {len(nav)} bytes / NCX {len(ncx)} bytes over {nav_limit} / {ncx_limit}")
    if [s for s in ncx_srcs if s != "nav.xhtml#toc"] != nav_hrefs:
        bad.append("the NCX does not list the nav's entries in the nav's order")
    reached = {s.split("#")[0] for s in ncx_srcs}
    for h in spine:
        if h not in reached:
            bad.append(f"spine item {h} not reached from the NCX")
    for s in ncx_srcs:
        f, _, frag = s.partition("#")
        if f not in docs:
            bad.append(f"NCX points at missing {f}")
        elif frag and f'id="{frag}"'.encode() not in docs[f]:
            bad.append(f"NCX points at missing id {s}")
    questions = sum(1 for h in nav_hrefs if "#q" in h)

    if a.whole:
        wspine, wdocs, _ = load(a.whole)
        w1, n1 = spine_text(spine, docs)
        w0, n0 = spine_text(wspine, wdocs)
        if w1 != w0:
            i = next((k for k in range(min(len(w0), len(w1))) if w0[k] != w1[k]),
                     min(len(w0), len(w1)))
            bad.append(f"text differs from the unsplit book at word {i}: "
                       f"{' '.join(w0[i:i + 8])!r} vs {' '.join(w1[i:i + 8])!r} "
                       f"({len(w0)} vs {len(w1)} words)")
        # a note referenced from two pieces is in both (its pop-up must be)
        if sorted(set(n1)) != sorted(set(n0)):
            bad.append(f"notes differ: {len(set(n0))} unsplit, {len(set(n1))} split")
        print(f"splitcheck: {len(w1)} words and {len(n1)} notes in spine order, "
              f"as in the unsplit book ({len(wspine)} documents there)")
    for b in bad:
        print("splitcheck: " + b, file=sys.stderr)
    print(f"splitcheck: {a.epub}: {len(spine)} spine documents, {pieces} continuation pieces, "
          f"largest {max(len(docs[h]) for h in spine if h != 'nav.xhtml')} bytes, nav {len(nav)}, "
          f"NCX {len(ncx)}, {questions} questions in the nav, {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
