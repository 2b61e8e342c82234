#!/usr/bin/env python3
"""Writes a booklet whose notes hold every kind of code point and every kind
of emoji sequence, in every place text can go.

    unicode_fixture.py OUTDIR

OUTDIR gets booklet.yaml, narrow.yaml (a 90 mm wide page, so long runs
must break), emoji-notes.md (Markdown: headings, a question heading,
paragraphs, inline code, a fenced code block, a table, a list, a quote),
plain-notes.txt (plain text: Q:/A: lines and a numbered question list) and
expected.json (the question prompts inspect --json must list, and the
emoji sequences the EPUB must keep whole).

Code point classes: letters of many scripts, unassigned code points,
private use (BMP, planes 15 and 16), noncharacters (U+FDD0.., U+xFFFE/
U+xFFFF), lone surrogates written as raw bytes (ED A0 80 ...), C0 and C1
controls. Emoji sequences: flags (one, a run, a lone and an odd number of
regional indicators), ZWJ families and professions, skin-tone modifiers,
keycaps, tag sequences (England, Scotland), VS15/VS16, stacked combining
marks, and broken sequences (a ZWJ at the end, a lone modifier, lone tags).
"""
import json
import os
import sys

FLAGS = "\U0001F1FA\U0001F1F8\U0001F1E9\U0001F1EA"  # US DE
MORE_FLAGS = "\U0001F1EB\U0001F1F7\U0001F1EF\U0001F1F5\U0001F1E7\U0001F1F7"  # FR JP BR
FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"
CODER = "\U0001F469\U0001F3FD\u200D\U0001F4BB"
RAINBOW = "\U0001F3F3\uFE0F\u200D\U0001F308"
THUMBS = "\U0001F44D\U0001F3FD \U0001F44B\U0001F3FF \U0001F9D1\U0001F3FB\u200D\U0001F33E"
KEYCAPS = "1\uFE0F\u20E3 #\uFE0F\u20E3 *\uFE0F\u20E3 9\u20E3"
ENGLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
SCOTLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"
VARIATION = "\u2764\uFE0E \u2764\uFE0F \u263A\uFE0E \u263A\uFE0F \u00A9\uFE0F"
STACKED = "Z\u0334\u0322\u031B\u0353a\u0338l\u0337g\u0336o\u0335 e\u0304\u0301\u0303"
BROKEN = ("lone \U0001F1E6 odd \U0001F1FA\U0001F1F8\U0001F1E9 zwj-end \U0001F468\u200D "
          "modifier \U0001F3FD alone tags \U000E0067\U000E007F vs16 \uFE0F start")

SCRIPTS = {
    "Latin": "Stra\u00DFe na\u00EFve \u0141\u00F3d\u017A \u0110\u00E0 N\u1EB5ng",
    "Greek": "\u0393\u03BD\u1F7D\u03B8\u03B9 \u03C3\u03B5\u03B1\u03C5\u03C4\u03CC\u03BD",
    "Cyrillic": "\u041F\u0440\u0438\u0432\u0435\u0442, \u043C\u0438\u0440",
    "Armenian": "\u0532\u0561\u0580\u0587",
    "Hebrew": "\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD",
    "Arabic": "\u0645\u0631\u062D\u0628\u064B\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
    "Devanagari": "\u0928\u092E\u0938\u094D\u0924\u0947 \u0915\u094D\u0937",
    "Bengali": "\u09A8\u09AE\u09B8\u09CD\u0995\u09BE\u09B0",
    "Tamil": "\u0BB5\u0BA3\u0B95\u0BCD\u0B95\u0BAE\u0BCD",
    "Thai": "\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35\u0E04\u0E23\u0E31\u0E1A\u0E17\u0E38\u0E01\u0E04\u0E19",
    "Khmer": "\u179F\u17BD\u179F\u17D2\u178F\u17B8",
    "Georgian": "\u10D2\u10D0\u10DB\u10D0\u10E0\u10EF\u10DD\u10D1\u10D0",
    "Ethiopic": "\u1230\u120B\u121D",
    "Han": "\u4F60\u597D\uFF0C\u4E16\u754C\u3002\u5B66\u4E60\u7B14\u8BB0",
    "Kana": "\u3053\u3093\u306B\u3061\u306F \u30AB\u30BF\u30AB\u30CA",
    "Hangul": "\uD55C\uAD6D\uC5B4 \u1100\u1161\u11A8 \u1112\u1161\u11AB",
    "Cherokee": "\u13A3\u13CF\u13B3\u13A9",
    "Gothic": "\U00010330\U00010331\U00010332",
    "Math": "\U0001D400\U0001D401 \u2200x\u2208\u211D: x\u00B2\u22650",
}
UNASSIGNED = "\u0378\u0379 \U0001FFFD \U00050005 \U000E0080 \U0003FFFD"
PRIVATE = "\uE000\uF8FF \U000F0000\U000FFFFD \U00100000\U0010FFFD"
NONCHARS = "\uFDD0\uFDEF \uFFFE\uFFFF \U0001FFFE\U0001FFFF \U0010FFFE\U0010FFFF"
CONTROLS = "\x00\x01\x07\x1b\x7f \x80\x85\x9f"
SURROGATES = b"\xed\xa0\x80 \xed\xbf\xbf \xed\xa0\xbd\xed\xb8\x80"  # D800 DFFF, a split pair

# A cluster that no PDF line may begin inside: a letter with two marks.
STACK = "a\u0301\u0302"
LONG_STACKS = STACK * 60  # one unbreakable token, several lines wide
LONG_FLAGS = (FLAGS + MORE_FLAGS) * 12  # 60 flags, no space between them
LONG_KEYCAPS = "1\uFE0F\u20E32\uFE0F\u20E33\uFE0F\u20E3" * 15


def everything():
    """One line of every class, for places that take one line of text."""
    return " ".join([FLAGS, FAMILY, CODER, RAINBOW, THUMBS, KEYCAPS, ENGLAND, SCOTLAND,
                     VARIATION, STACKED, UNASSIGNED, PRIVATE, NONCHARS])


def markdown():
    out = []
    add = out.append
    add("# Emoji and scripts " + FLAGS + " " + ENGLAND)
    add("")
    add("Every kind of code point, in running text: " + everything() + ".")
    add("")
    for name, text in SCRIPTS.items():
        add("- **%s**: %s %s" % (name, text, KEYCAPS))
    add("")
    add("## What does " + FLAGS + " mean?")
    add("")
    add("Two flags side by side: " + FLAGS + " is the United States then Germany. A run: " +
        MORE_FLAGS + ". Broken sequences: " + BROKEN + ".")
    add("")
    add("## Heading with a family " + FAMILY + " and marks " + STACKED)
    add("")
    add("Inline code keeps clusters: `" + FLAGS + " " + FAMILY + " " + KEYCAPS + " " + STACKED +
        "` and `" + LONG_STACKS[:60] + "`.")
    add("")
    add("An unbreakable run of flags wider than the line:")
    add("")
    add(LONG_FLAGS)
    add("")
    add("An unbreakable run of accented letters wider than the line:")
    add("")
    add(LONG_STACKS)
    add("")
    add("Keycaps without a space: " + LONG_KEYCAPS)
    add("")
    add("```text")
    add("flags  = '" + LONG_FLAGS + "'")
    add("stack  = '" + LONG_STACKS + "'")
    add("family = '" + FAMILY + CODER + RAINBOW + ENGLAND + SCOTLAND + "'")
    add("mixed  = '" + everything() + "'")
    add("```")
    add("")
    add("| Kind | Sample | Note |")
    add("|------|--------|------|")
    add("| flags | " + FLAGS + MORE_FLAGS + " | " + LONG_FLAGS[:48] + " |")
    add("| family | " + FAMILY + " " + CODER + " | " + RAINBOW + " |")
    add("| keycap | " + KEYCAPS + " | " + VARIATION + " |")
    add("| tags | " + ENGLAND + SCOTLAND + " | " + STACKED + " |")
    add("| stack | " + LONG_STACKS + " | " + UNASSIGNED + " " + PRIVATE + " |")
    add("")
    add("> A quote with " + THUMBS + " and " + NONCHARS + " inside.")
    add("")
    add("A [link with " + FLAGS + "](https://example.org/" + FLAGS + ") and a footnote.[^1]")
    add("")
    add("[^1]: The footnote holds " + FAMILY + " and " + ENGLAND + ".")
    add("")
    add("## Which flag is " + ENGLAND + "?")
    add("")
    add("England's flag is a tag sequence: a black flag, five tag letters and a cancel tag.")
    add("")
    return "\n".join(out).encode("utf-8")


def plain():
    lines = [
        "Notes in plain text " + FLAGS,
        "",
        "Q: Is " + FAMILY + " one character?",
        "A: One grapheme cluster made of seven code points " + FAMILY + ".",
        "",
        "Q: What is " + KEYCAPS.split()[0] + " made of?",
        "A: A digit, VS16 and the combining keycap " + KEYCAPS + ".",
        "",
    ]
    text = "\n".join(lines).encode("utf-8")
    text += b"Controls: " + CONTROLS.encode("utf-8") + b" end.\n\n"
    text += b"Lone surrogates as bytes: " + SURROGATES + b" end.\n\n"
    text += ("Scripts: " + " ".join(SCRIPTS.values()) + "\n").encode("utf-8")
    return text


MANIFEST = """title: "Unicode torture \u2014 %s"
author: octavo tests
language: en
identifier: urn:uuid:0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b
date: 2026-01-01
sources:
  - file: emoji-notes.md
    title: "Emoji %s everywhere"
  - file: plain-notes.txt
    title: "Plain notes %s"
"""

NARROW = """# A narrow page: long runs must break.
page:
  size: [90mm, 140mm]
  margins: 8mm
sizes:
  body: 9
  code: 7
"""


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    files = {
        "booklet.yaml": (MANIFEST % (FLAGS, FAMILY, ENGLAND)).encode("utf-8"),
        "narrow.yaml": NARROW.encode("utf-8"),
        "emoji-notes.md": markdown(),
        "plain-notes.txt": plain(),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    expected = {
        "prompts": ["What does " + FLAGS + " mean?", "Which flag is " + ENGLAND + "?",
                    "Is " + FAMILY + " one character?"],
        "stack": STACK,
        "sequences": [FLAGS, MORE_FLAGS, FAMILY, CODER, RAINBOW, ENGLAND, SCOTLAND, STACKED,
                      LONG_FLAGS, LONG_STACKS, LONG_KEYCAPS] + THUMBS.split() +
                     KEYCAPS.split() + VARIATION.split(),
    }
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
