#!/usr/bin/env python3
"""Write profiles of shapes that stress the checker (BENCHMARKS.md, "Adversarial
shapes"): python3 tools/adversarial.py DIR [SCALE]. SCALE 1 makes files of about
4-5 MB, 4 of about 16-20 MB. Deterministic; the seed is read from ../shared/seeds/."""
import os
import sys

out = sys.argv[1]
scale = int(sys.argv[2]) if len(sys.argv) > 2 else 1
os.makedirs(out, exist_ok=True)
k = scale * 4_000_000
head = "United States\n\nMine Ban Policy\n\nLast updated: 1 May 2020\n\n"
seed = open(os.path.join(os.path.dirname(__file__), "../../shared/seeds/000_bd786dfe2a2cbc87.txt"),
            encoding="utf-8").read()
shapes = {
    # a profile whose line breaks were lost: one paragraph on one line
    "one-line": head + (seed.replace("\n", " ") + " ") * (k // len(seed)) + "\n",
    # one word of megabytes with a case change every three letters
    "long-word": head + "Abc" * (k // 3) + "\n",
    # a million tiny paragraphs, each after two blank lines (a lost heading each)
    "tiny-paragraphs": head + "".join(f"Word{i % 97}.\n\n\n" for i in range(k // 10)),
    "pipe-table": head + "Stockpiled mine types [quantity of antipersonnel mines in each]\n\n"
    + "".join(f"PMN-{i} mine | {i * 7}\n" for i in range(k // 22)),
    "references": head + "".join(f"[{i % 500 + 1}]" for i in range(k // 6)) + "\n\n"
    + "".join(f"[{i}] Note {i}.\n" for i in range(1, 501)),
    "headings": head + "".join(f"Use\n\nThe state used mines in {1990 + i % 30}.[1]\n\n\n"
                               for i in range(k // 50)) + "[1] N.\n",
    "as-of": head + "".join(f"As of 1 May {1998 + i % 20}, it held {i} mines.[1] "
                            for i in range(k // 45)) + "\n\n[1] N.\n",
    "blank-lines": head + "Text.\n" + "\n" * k + "More text.\n",
    "markdown-headings": "---\ncountry: Utopia\n---\n"
    + "".join(f"# H{i}\n\nText {i}.\n\n" for i in range(k // 16)),
    "brackets": head + "[" * k + "\n",
    # words run together: a state's name with a word not in the profile, and one with a
    # verb; a unit with a word; a stop before a capital and a bracket before one
    "glued": head + "".join(f"Namibiaxyz Namibiahas 5haxyzq{i % 10} 2011.In ]A " for i in range(k // 50))
    + "\n",
    # a paragraph of treaty dates and no full stop: thousands of facts in one
    # "sentence", every entry into force at odds with every deposit
    "dense-facts": head + "Poland ratified \u201cthe treaty on 1 May 1999 and | State Party (Entry into force: 1 March 2013) | acceded " * (k // 100) + "\n",
    # sentences glued at their stops with no space anywhere
    "glued-stops": head + "x.Ab" * (k // 4) + "\n",
    # mojibake of every kind, back to back
    "mojibake": head + "\u00e2\u20ac\u0153\u00c3\u00b3\u00c2\u00b0" * (k // 14) + "\n",
    "one-note": head + "Text.[1]\n\n[1] "
    + "Ministry of Examples, \u201cA title,\u201d Geneva, 3 May 2020, " * (k // 60) + "\n",
}
for name, text in shapes.items():
    with open(os.path.join(out, f"{name}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
with open(os.path.join(out, "invalid-utf8.txt"), "wb") as f:
    f.write(head.encode() + bytes([0xFF, 0x41, 0x42, 0x20]) * (k // 4))
