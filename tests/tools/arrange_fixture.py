#!/usr/bin/env python3
"""Writes a booklet that stresses the arrangement by topic: OUTDIR/booklet.yaml
and N sources mixing every question style octavo reads (headings, Q:/A:,
bold items, <details>, numbered lists with an answer key, questions nested
in answers, quotes and lists), footnotes whose labels clash across sources
and are cited from questions of different topics, links between the files,
answers repeated word for word across sources, empty and unanswered
questions, and one source with no question at all. Seeded: the same
arguments give the same files."""
import random
import sys

TOPICS = {"Orbits": ["orbit", "orbits", "kepler", "ellipse", "period"],
          "Stars": ["star", "stars", "fusion", "supernova", "dwarf"],
          "Instruments": ["telescope", "mirror", "lens", "spectrograph"]}
SUBJECTS = [("orbit", "an ellipse with the body at one focus"),
            ("star", "a ball of plasma held together by its own gravity"),
            ("telescope", "an instrument that gathers light"),
            ("supernova", "the explosion of a star"),
            ("kepler", "the astronomer who described planetary orbits"),
            ("mirror", "the part of a reflector that gathers light"),
            ("white dwarf", "what remains of a small star"),
            ("comet", "a small icy body")]


def question(rng, subj):
    return rng.choice(["What is a {0}?", "What is the {0}?", "Explain the {0}.",
                       "Why does the {0} matter?", "How does a {0} work?",
                       "Describe a {0}."]).format(subj)


def source(rng, k, n):
    out = [f"# Notes {k}", "", f"Intro of source {k}, see [the next](s{(k + 1) % n}.md) "
           f"and [a question](s{(k + 2) % n}.md#q-{k}).[^1]", ""]
    notes = ["[^1]: First note of source %d." % k]
    for i in range(rng.randint(3, 9)):
        subj, ans = rng.choice(SUBJECTS)
        q = question(rng, subj)
        style = rng.randrange(7)
        fn = ""
        if rng.random() < 0.3:
            label = rng.choice(["1", "2", "n"])
            fn = f"[^{label}]"
            if not any(x.startswith(f"[^{label}]:") for x in notes):
                notes.append(f"[^{label}]: Note {label} of source {k}.")
        body = f"A {subj} is {ans}.{fn}" if rng.random() < 0.8 else ""
        if style == 0:
            out += [f'<a name="q-{k}"></a>' if i == 0 else "", f"## {q}", "", body, ""]
        elif style == 1:
            out += [f"Q: {q}", f"A: {body}" if body else "", ""]
        elif style == 2:
            out += [f"- **{q}**", "", f"  {body}", ""]
        elif style == 3:
            out += ["<details>", f"<summary>{q}</summary>", "", body, "", "</details>", ""]
        elif style == 4:
            out += [f"> **{q}**", ">", f"> {body}", ""]
        elif style == 5:
            out += [f"## {q}", "", body, "", f"1) **{question(rng, subj)}** nested {fn}", ""]
        else:
            qs = [question(rng, rng.choice(SUBJECTS)[0]) for _ in range(3)]
            out += [f"{j + 1}. {x}" for j, x in enumerate(qs)]
            out += ["", rng.choice(["Answers", "Answer key", "Solutions"]), ""]
            out += [f"{j + 1}. Short answer {j + 1} of source {k}." for j in range(3)
                    if rng.random() < 0.7]
            out += [""]
    return "\n".join(out + [""] + notes) + "\n"


def main(outdir, n, seed):
    rng = random.Random(seed)
    files = []
    for k in range(n):
        name = f"s{k}.md"
        with open(f"{outdir}/{name}", "w") as f:
            f.write(source(rng, k, n))
        files.append(name)
    with open(f"{outdir}/plain.md", "w") as f:
        f.write("# Only prose\n\nNo question here, only a paragraph about the sky.\n")
    files.append("plain.md")
    with open(f"{outdir}/booklet.yaml", "w") as f:
        f.write("title: Hostile Astronomy\nlanguage: en\nidentifier: urn:uuid:"
                "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\ndate: 2026-12-01\nsources:\n")
        for name in files:
            f.write(f"  - file: {name}\n")
        f.write("topics:\n")
        for t, kws in TOPICS.items():
            f.write(f"  - name: {t}\n    keywords: [{', '.join(kws)}]\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
