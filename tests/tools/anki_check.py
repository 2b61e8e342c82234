#!/usr/bin/env python3
"""Checks octavo's Anki decks (tests/scripts/anki.sh).

  anki_check.py tsv DECK.anki.txt INSPECT.json   header, columns, fields, one note a cluster
  anki_check.py apkg DECK.apkg INSPECT.json      schema 11 collection, counts, note type
  anki_check.py guids DECK.anki.txt              prints "GUID<TAB>front" per note

INSPECT.json is `octavo inspect --json` of the same booklet: the deck must hold
one note per cluster. Exits 1 with a message on the first failure."""
import json
import re
import sqlite3
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

HEADER = ["#separator:tab", "#html:true", "#guid column:1", "#notetype column:2",
          "#deck column:3", "#tags column:6"]
NCOLS = 6


def fail(msg):
    print("anki_check: " + msg, file=sys.stderr)
    sys.exit(1)


def clusters(path):
    with open(path, encoding="utf-8") as f:
        return len(json.load(f)["clusters"])


def well_formed(html, where):
    # Named entities XML does not know would fail the parse, not the field.
    text = re.sub(r"&(nbsp|ndash|mdash|hellip);", " ", html)
    try:
        ET.fromstring("<div>" + text + "</div>")
    except ET.ParseError as e:
        fail(f"{where}: field is not well-formed HTML ({e}): {html[:200]}")
    if "\t" in html or "\n" in html or "\r" in html:
        fail(f"{where}: raw tab or line end in a field")


def notes(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        fail(f"{path}: last line has no line end")
    lines = lines[:-1]
    if lines[:len(HEADER)] != HEADER:
        fail(f"{path}: header lines are {lines[:len(HEADER)]!r}")
    out = []
    for n, line in enumerate(lines[len(HEADER):], len(HEADER) + 1):
        cols = line.split("\t")
        if len(cols) != NCOLS:
            fail(f"{path}:{n}: {len(cols)} columns, the header declares {NCOLS}")
        out.append((n, cols))
    return out


def check_tsv(path, inspect):
    rows = notes(path)
    want = clusters(inspect)
    if len(rows) != want:
        fail(f"{path}: {len(rows)} notes, inspect --json has {want} clusters")
    guids = set()
    for n, (guid, kind, deck, front, back, tags) in rows:
        where = f"{path}:{n}"
        if not re.fullmatch(r"[0-9a-f]{16}", guid):
            fail(f"{where}: GUID {guid!r} is not 16 hex digits")
        if guid in guids:
            fail(f"{where}: GUID {guid} used twice")
        guids.add(guid)
        if kind != "Basic":
            fail(f"{where}: note type {kind!r}")
        if not deck or '"' in deck:
            fail(f"{where}: deck {deck!r}")
        if not front.strip():
            fail(f"{where}: empty front")
        if not back.strip():
            fail(f"{where}: empty back")
        for field in (front, back):
            if '"' in field:
                fail(f"{where}: double quote in a field (the importer's quote)")
            well_formed(field, where)
        if '"' in tags or "  " in tags or tags != tags.strip():
            fail(f"{where}: tags {tags!r} are not tag-safe")
    print(f"anki_check: {path}: {len(rows)} notes = {want} clusters")


def check_apkg(path, inspect):
    want = clusters(inspect)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if sorted(names) != ["collection.anki2", "media"]:
            fail(f"{path}: entries {names}")
        if json.loads(z.read("media")) != {}:
            fail(f"{path}: media is not an empty map")
        data = z.read("collection.anki2")
    with tempfile.NamedTemporaryFile(suffix=".anki2") as tmp:
        tmp.write(data)
        tmp.flush()
        db = sqlite3.connect(tmp.name)
        expect = {
            "col": "id crt mod scm ver dty usn ls conf models decks dconf tags",
            "notes": "id guid mid mod usn tags flds sfld csum flags data",
            "cards": "id nid did ord mod usn type queue due ivl factor reps lapses left odue "
                     "odid flags data",
            "revlog": "id cid usn ease ivl lastIvl factor time type",
            "graves": "usn oid type",
        }
        for table, cols in expect.items():
            have = [r[1] for r in db.execute(f"pragma table_info({table})")]
            if have != cols.split():
                fail(f"{path}: table {table} has columns {have}")
        idx = {r[0] for r in db.execute("select name from sqlite_master where type='index'")}
        for i in ("ix_notes_usn", "ix_cards_usn", "ix_revlog_usn", "ix_cards_nid",
                  "ix_cards_sched", "ix_revlog_cid", "ix_notes_csum"):
            if i not in idx:
                fail(f"{path}: no index {i}")
        if db.execute("pragma integrity_check").fetchone()[0] != "ok":
            fail(f"{path}: integrity_check fails")
        ver, models, decks, conf, dconf = db.execute(
            "select ver, models, decks, conf, dconf from col").fetchone()
        if ver != 11:
            fail(f"{path}: col.ver {ver}, want 11")
        models, decks = json.loads(models), json.loads(decks)
        json.loads(conf), json.loads(dconf)
        if len(models) != 1:
            fail(f"{path}: {len(models)} note types")
        mid, model = next(iter(models.items()))
        if [f["name"] for f in model["flds"]] != ["Front", "Back"]:
            fail(f"{path}: note type fields {model['flds']}")
        tm = model["tmpls"]
        if len(tm) != 1 or "{{Front}}" not in tm[0]["qfmt"] or "{{Back}}" not in tm[0]["afmt"]:
            fail(f"{path}: templates {tm}")
        nn = db.execute("select count(*) from notes").fetchone()[0]
        nc = db.execute("select count(*) from cards").fetchone()[0]
        if not nn == nc == want:
            fail(f"{path}: {nn} notes, {nc} cards, {want} clusters")
        for nid, guid, m, flds, sfld, csum in db.execute(
                "select id, guid, mid, flds, sfld, csum from notes"):
            if str(m) != mid:
                fail(f"{path}: note {nid} has note type {m}")
            parts = flds.split("\x1f")
            if len(parts) != 2:
                fail(f"{path}: note {nid} has {len(parts)} fields")
            for p in parts:
                well_formed(p, f"{path}: note {nid}")
            if not isinstance(csum, int) or not 0 <= csum < 2**32:
                fail(f"{path}: note {nid} csum {csum!r}")
        bad = db.execute("select count(*) from cards c left join notes n on c.nid = n.id "
                         "where n.id is null").fetchone()[0]
        if bad:
            fail(f"{path}: {bad} cards without a note")
        for (did,) in db.execute("select distinct did from cards"):
            if str(did) not in decks:
                fail(f"{path}: card deck {did} not in col.decks")
    print(f"anki_check: {path}: {nn} notes, {nc} cards = {want} clusters")


def main():
    if len(sys.argv) < 3:
        fail(__doc__)
    mode = sys.argv[1]
    if mode == "tsv":
        check_tsv(sys.argv[2], sys.argv[3])
    elif mode == "apkg":
        check_apkg(sys.argv[2], sys.argv[3])
    elif mode == "guids":
        for _, cols in notes(sys.argv[2]):
            print(cols[0] + "\t" + cols[3])
    else:
        fail(__doc__)


if __name__ == "__main__":
    main()
