#!/usr/bin/env python3
"""Checks question bank JSON files against src/study/octavo-bank.schema.json
with a real JSON Schema validator (python3-jsonschema, draft 2020-12).

usage: bankcheck.py SCHEMA FILE...

Each FILE must be strict UTF-8 ending in a newline and valid against SCHEMA.
Then broken copies of each (a field of the wrong type, a missing required
key, an unknown key, a value outside an enum, a null where none is allowed)
must each be rejected, so a schema that accepts anything fails here."""
import copy
import json
import sys

import jsonschema


def broken_copies(doc):
    """(what, document) pairs that the schema must reject."""
    out = []

    def variant(what, change):
        d = copy.deepcopy(doc)
        if change(d) is not False:
            out.append((what, d))

    variant("unanswered_clusters as a string",
            lambda d: d.__setitem__("unanswered_clusters", str(d["unanswered_clusters"])))
    variant("no diagnostics key", lambda d: d.pop("diagnostics"))
    variant("an unknown top-level key", lambda d: d.__setitem__("extra", 1))
    variant("group_by outside its enum", lambda d: d.__setitem__("group_by", "chapter"))
    variant("sources as an object", lambda d: d.__setitem__("sources", {}))

    def first(key, change):
        def apply(d):
            if not d[key]:
                return False
            return change(d[key][0])
        return apply

    variant("questions[0].line as a string",
            first("questions", lambda q: q.__setitem__("line", str(q["line"]))))
    variant("questions[0] without prompt", first("questions", lambda q: q.pop("prompt")))
    variant("questions[0].answered as 1",
            first("questions", lambda q: q.__setitem__("answered", 1)))
    variant("questions[0].id null", first("questions", lambda q: q.__setitem__("id", None)))
    variant("questions[0].number negative",
            first("questions", lambda q: q.__setitem__("number", -1)))
    variant("questions[0] with an unknown key",
            first("questions", lambda q: q.__setitem__("page", 3)))
    variant("clusters[0] without answers", first("clusters", lambda c: c.pop("answers")))
    variant("clusters[0].members as a string",
            first("clusters", lambda c: c.__setitem__("members", "q1")))
    variant("clusters[0].answers[0] without line",
            first("clusters", lambda c: c["answers"][0].pop("line") if c["answers"] else False))
    variant("clusters[0].answers[0].question as a number",
            first("clusters", lambda c: c["answers"][0].__setitem__("question", 1)
                  if c["answers"] else False))
    variant("topics[0].order as a string",
            first("topics", lambda t: t.__setitem__("order", "1")))
    variant("diagnostics[0].severity outside its enum",
            first("diagnostics", lambda m: m.__setitem__("severity", "info")))
    variant("diagnostics[0].line null",
            first("diagnostics", lambda m: m.__setitem__("line", None)))
    variant("sources[0].path null", first("sources", lambda s: s.__setitem__("path", None)))
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    if jsonschema.validators.validator_for(schema) is not cls:
        print(f"{argv[1]}: not a draft 2020-12 schema", file=sys.stderr)
        return 1
    v = cls(schema)
    bad = 0
    for path in argv[2:]:
        raw = open(path, "rb").read()
        if not raw.endswith(b"\n"):
            print(f"{path}: does not end with a newline", file=sys.stderr)
            bad += 1
        doc = json.loads(raw.decode("utf-8"))  # strict UTF-8
        errs = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
        for e in errs[:10]:
            print(f"{path}: /{'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        bad += len(errs)
        variants = broken_copies(doc)
        for what, d in variants:
            if v.is_valid(d):
                print(f"{path}: schema accepts a document with {what}", file=sys.stderr)
                bad += 1
        print(f"{path}: {'valid' if not errs else f'{len(errs)} schema errors'}, "
              f"{len(doc['questions'])} questions, "
              f"{len(doc['clusters'])} clusters; {len(variants)} broken copies rejected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
