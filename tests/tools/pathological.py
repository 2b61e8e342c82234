#!/usr/bin/env python3
"""Writes the pathological Markdown inputs of cmark-gfm's test list
(test/pathological_tests.py in github/cmark-gfm), re-created from their
description, plus the two that Debian 12's cmark-gfm 0.29.0.gfm.6 is
quadratic on and octavo's own (a question on one 280 KB line), one file per
case, into DIR. Prints the names written.

Usage: pathological.py DIR
"""
import os
import sys


def collisions(count=50000, buckets=16):
    """Reference labels x0, x1, ... whose cmark refmap hash (h = c + h*64 +
    h*65536 - h, 32-bit) falls into bucket 0: each lookup then walks one
    long chain."""
    keys = []
    i = 0
    while len(keys) < count:
        key = "x%d" % i
        h = 0
        for ch in key:
            h = (ord(ch) + ((h << 6) & 0xFFFFFFFF) + ((h << 16) & 0xFFFFFFFF) - h) & 0xFFFFFFFF
        if h % buckets == 0:
            keys.append(key)
        i += 1
    first = keys[0]
    return "".join("[%s]: /url\n\n[%s]\n\n" % (k, first) for k in keys[1:])


def cases():
    n = 65000
    return {
        "nested-strong-emph": "*a **a " * n + "b" + " a** a*" * n,
        "emph-closers-no-openers": "a_ " * n,
        "emph-openers-no-closers": "_a " * n,
        "link-closers-no-openers": "a]" * n,
        "link-openers-no-closers": "[a" * n,
        "mismatched-openers-closers": "*a_ " * 50000,
        "openers-closers-multiple-of-3": "a**b" + "c* " * 50000,
        "link-openers-emph-closers": "[ a_" * 50000,
        "bracket-paren-pattern": "[ (](" * 80000,
        "hard-link-emph": "**x [a*b**c*](d)",
        "nested-brackets": "[" * 50000 + "a" + "]" * 50000,
        "nested-block-quotes": "> " * 50000 + "a",
        "nested-lists": "".join("  " * d + "* a\n" for d in range(1000)),
        "nul-bytes": "abc\0de\0",
        "backticks": "".join("e" + "`" * k for k in range(1, 5000)),
        "unclosed-links-a": "[a](<b" * 30000,
        "unclosed-links-b": "[a](b" * 30000,
        "tables-cr-vt": "aaa\rbbb\n-\v\n" * 30000,
        "reference-collisions": collisions(),
        "many-references": "".join("[%d]: u\n" % k for k in range(1, 5000 * 16)) + "[0] " * 5000,
        # Debian 12's cmark-gfm: quadratic image/link bracket runs and very
        # wide table delimiter rows.
        "image-bracket-runs": '"![[]()' * 160000,
        # the same run over lines of one paragraph (under the line limit)
        "image-bracket-lines": ('"![[]()' * 1000 + "\n") * 160,
        "wide-table": "|".join("h%d" % k for k in range(50000)) + "\n" + "|".join(["-"] * 50000) + "\n"
                      + "|".join("c" for _ in range(50000)) + "\n",
        # octavo's own: one question of 280 KB on one line, set as the
        # running head of every page it spans (was quadratic in pdf_text_fit)
        # and read for a one-line card's answer label at every "A:"
        "long-question-line": "Q: a " + " ".join(["x A: b"] * 40000) + "\n",
        # quotation marks (src/tree/quotes.c): each opening single quote of
        # one paragraph looked for its closing one to the paragraph's end
        "single-quote-openers": "x " + "'a " * 60000 + "b'\n",
        # HTML inline tags never closed: every text looked for its element
        # down the open ones (html_map.c), 35,000 deep
        "unclosed-inline-tags": ("the " + " and ".join(["<b> x"] * 350) + " of prose\n") * 100,
    }


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, text in cases().items():
        with open(os.path.join(out, name + ".md"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        print(name)


if __name__ == "__main__":
    main()
