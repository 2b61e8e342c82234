#!/usr/bin/env python3
"""zipdir.py DIR OUT: the files below DIR as a zip archive at OUT (a .docx
or .odt made from XML written by hand in tests/data/documents). Members in
name order, `mimetype` first and stored (as ODF wants), one fixed time, so
the same parts give the same bytes."""
import os
import sys
import zipfile

src, out = sys.argv[1], sys.argv[2]
names = []
for root, _, files in os.walk(src):
    for f in files:
        names.append(os.path.relpath(os.path.join(root, f), src))
names.sort(key=lambda n: (n != "mimetype", n))
with zipfile.ZipFile(out, "w") as z:
    for n in names:
        info = zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED
        with open(os.path.join(src, n), "rb") as f:
            z.writestr(info, f.read())
