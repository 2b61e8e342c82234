#!/usr/bin/env python3
"""Lists every diagnostic code the sources under src/ can emit.

A code reaches the diagnostics through a function that takes a parameter
`const char *code` (oct_diag_report, oct_yaml_error, local helpers...):
every such function is found, then every call of it. Its code argument is
either a string literal (or a conditional of literals), the enclosing
function's own `code` parameter passed on, or an expression that names a
code variable or table (`r.code`, `CODES[k]`); the literals assigned to
such variables and tables anywhere in src/ are collected too. Codes printed
directly by fprintf (`... [usage]\\n`) count as well. Any other code
argument is an error: the code could not be checked.

usage: diagcodes.py SRC_DIR [--check FILE]
  prints `code<TAB>file:line` lines, or with --check compares against the
  registry (one `code ...` line each, as `octavo --list-codes` prints it)
  and exits 1 on codes missing from it or listed but never emitted.
"""
import os
import re
import sys

CODE_RE = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
LIT_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')


def strip_comments(s):
    # keep line numbers: replace comments by spaces/newlines
    def repl(m):
        return re.sub(r'[^\n]', ' ', m.group(0))
    return re.sub(r'/\*.*?\*/|//[^\n]*', repl, s, flags=re.S)


def split_args(s, start):
    """Arguments of the call whose '(' is just before s[start]."""
    depth, cur, args, i = 0, [], [], start
    in_str = None
    while i < len(s):
        c = s[i]
        if in_str:
            cur.append(c)
            if c == '\\':
                cur.append(s[i + 1])
                i += 2
                continue
            if c == in_str:
                in_str = None
        elif c in '"\'':
            in_str = c
            cur.append(c)
        elif c in '([{':
            depth += 1
            cur.append(c)
        elif c in ')]}':
            if depth == 0:
                args.append(''.join(cur).strip())
                return args
            depth -= 1
            cur.append(c)
        elif c == ',' and depth == 0:
            args.append(''.join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    return args


def main():
    src = sys.argv[1]
    files = {}
    for root, _, names in os.walk(src):
        for n in names:
            if n.endswith(('.c', '.h')):
                p = os.path.join(root, n)
                with open(p, encoding='utf-8', errors='replace') as f:
                    files[p] = strip_comments(f.read())

    # 1. functions with a `const char *code` parameter, and its position
    passers = {}
    proto = re.compile(r'\b([A-Za-z_]\w*)\s*\(([^;{}()]*)\)\s*(?:__attribute__\s*\(\(.*?\)\)\s*)?[;{]',
                       re.S)
    for text in files.values():
        for m in proto.finditer(text):
            params = [p.strip() for p in m.group(2).split(',')]
            for k, p in enumerate(params):
                if re.fullmatch(r'const\s+char\s*\*\s*code', p):
                    passers[m.group(1)] = k
    found, problems = {}, []

    def add(code, where):
        found.setdefault(code, where)

    # 2. calls of those functions
    call = re.compile(r'\b(' + '|'.join(map(re.escape, passers)) + r')\s*\(')
    for path, text in sorted(files.items()):
        for m in call.finditer(text):
            line = text.count('\n', 0, m.start()) + 1
            where = f'{path}:{line}'
            args = split_args(text, m.end())
            k = passers[m.group(1)]
            if len(args) <= k:
                continue
            a = args[k]
            if re.fullmatch(r'const\s+char\s*\*\s*code', a):
                continue  # the prototype or definition itself
            lits = LIT_RE.findall(a)
            if lits and re.fullmatch(r'(?:[^"]|"[^"]*")*', a):
                rest = LIT_RE.sub('', a)
                if lits and (re.fullmatch(r'\s*', rest) or '?' in rest):
                    for lit in lits:
                        add(lit, where)
                    continue
            if a == 'code' or re.search(r'code', a, re.I):
                continue  # passed on, or a code variable/table (step 3)
            problems.append(f'{where}: code argument {a!r} of {m.group(1)}() is not a literal '
                            'nor a code variable')

    # 3. literals stored in code variables, fields and tables
    # (a table, a literal, or any expression choosing between literals:
    # `*code = big ? "limit-font-size" : "font-damaged";`)
    assign = re.compile(r'\b\w*code\w*\s*(?:\[[^\]]*\])?\s*=\s*(\{[^}]*\}|"[^"]*"|[^;=][^;]*\?[^;]*)', re.I)
    for path, text in sorted(files.items()):
        for m in assign.finditer(text):
            line = text.count('\n', 0, m.start()) + 1
            for lit in LIT_RE.findall(m.group(1)):
                if CODE_RE.match(lit):
                    add(lit, f'{path}:{line}')

    # 4. codes printed by hand: "... [code]\n"
    for path, text in sorted(files.items()):
        for m in re.finditer(r'\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\\n"', text):
            line = text.count('\n', 0, m.start()) + 1
            add(m.group(1), f'{path}:{line}')

    for c, w in list(found.items()):
        if not CODE_RE.match(c):
            problems.append(f'{w}: "{c}" is not a kebab-case code')

    if len(sys.argv) > 3 and sys.argv[2] == '--check':
        with open(sys.argv[3], encoding='utf-8') as f:
            listed = {l.split()[0] for l in f if l.strip() and not l.startswith('code ')}
        for c in sorted(set(found) - listed):
            problems.append(f'{found[c]}: code [{c}] is emitted but not in the registry '
                            '(src/diag_codes.c)')
        for c in sorted(listed - set(found)):
            problems.append(f'registry lists [{c}], which nothing in src/ emits')
        print(f'{len(found)} codes emitted, {len(listed)} in the registry')
    else:
        for c in sorted(found):
            print(f'{c}\t{found[c]}')
    for p in problems:
        print('error: ' + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
