"""Content streams read as the PDF's operators, for checks that look at
how text is drawn (ligatures.sh, shaping.sh). Glyph strings may be literal
(binary, with escapes: octavo writes them so) or hex; both come back as
bytes. Works on the text of `qpdf --qdf` output read as latin-1."""
import re

_WS = " \t\r\n\f\0"
_DELIM = "()<>[]{}/%"
_ESC = {"n": 10, "r": 13, "t": 9, "b": 8, "f": 12}
_NUM = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)$")


def _literal(s, i):
    """The literal string opening at s[i] == '(': (bytes, index after it)."""
    out, depth, i = bytearray(), 1, i + 1
    while i < len(s):
        c = s[i]
        if c == "\\":
            e = s[i + 1]
            if e in _ESC:
                out.append(_ESC[e])
                i += 2
            elif e in "01234567":
                m = re.match(r"[0-7]{1,3}", s[i + 1:])
                out.append(int(m.group(0), 8) & 255)
                i += 1 + len(m.group(0))
            elif e in "\r\n":  # a line continuation
                i += 3 if s[i + 1:i + 3] == "\r\n" else 2
            else:
                out.append(ord(e))
                i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(ord(c) & 255)
        i += 1
    raise ValueError("unterminated literal string")


def tokens(s):
    """(kind, value): 'str' (bytes), 'num' (float), 'name', 'op', or the
    punctuation '[', ']', '<<', '>>'."""
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in _WS:
            i += 1
        elif c == "%":
            while i < n and s[i] not in "\r\n":
                i += 1
        elif c == "(":
            value, i = _literal(s, i)
            yield "str", value
        elif s.startswith("<<", i) or s.startswith(">>", i):
            yield s[i:i + 2], None
            i += 2
        elif c == "<":
            j = s.index(">", i)
            h = re.sub(r"\s", "", s[i + 1:j])
            yield "str", bytes.fromhex(h + "0" * (len(h) % 2))
            i = j + 1
        elif c in "[]{}":
            yield c, None
            i += 1
        else:
            j = i + 1
            while j < n and s[j] not in _WS and s[j] not in _DELIM:
                j += 1
            word = s[i:j]
            if c == "/":
                yield "name", word[1:]
            elif _NUM.match(word):
                yield "num", float(word)
            else:
                yield "op", word
            i = j


def operations(s):
    """(operator, operands) in stream order; an array operand is a list of
    its strings and numbers; dictionaries are skipped."""
    operands, stack, depth = [], [], 0
    for kind, value in tokens(s):
        if kind == "<<":
            depth += 1
        elif kind == ">>":
            depth -= 1
        elif depth:
            continue
        elif kind == "[":
            stack.append(operands)
            operands = []
        elif kind == "]":
            array, operands = operands, stack.pop()
            operands.append(array)
        elif kind == "op":
            yield value, operands
            operands = []
        else:
            operands.append(value)


def glyph_ids(b):
    """The two-byte glyph ids (Identity-H) of a string."""
    return [b[k] << 8 | b[k + 1] for k in range(0, len(b) - 1, 2)]


def text_runs(s):
    """(font resource name, items) for every TJ and Tj: items are glyph ids
    (int) and TJ adjustments (float), in order."""
    font = None
    for op, args in operations(s):
        if op == "Tf" and args:
            font = args[0]
        elif op == "TJ" and args and isinstance(args[-1], list):
            items = []
            for x in args[-1]:
                items.extend(glyph_ids(x) if isinstance(x, bytes) else [x])
            yield font, items
        elif op == "Tj" and args and isinstance(args[-1], bytes):
            yield font, glyph_ids(args[-1])


def page_contents(qdf):
    """The pages' content streams of a `qpdf --qdf` file (its text), which
    marks each with a "%% Contents for page N" comment."""
    return re.findall(r"%% Contents for page \d+\n(?:%%[^\n]*\n)*\d+ 0 obj\n.*?\nstream\n(.*?)\nendstream",
                      qdf, re.S)
