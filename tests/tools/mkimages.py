#!/usr/bin/env python3
"""Writes small test pictures into a directory, PNGs made here with zlib:

    mkimages.py DIR

rgba.png (gradient with a transparent hole, 240x120, pHYs 192 dpi),
palette.png (4-colour palette with tRNS, 90x60), grey.png (8-bit grey,
64x64), grey16.png (16-bit grey+alpha, 48x32), rgb16.png (16-bit RGB,
interlaced, 40x40), wide.png (1600x200: wider than any text block),
truncated.png (rgba.png cut short), garbage.png (text with a .png name),
huge.png (a valid header claiming 100000x100000 pixels), copy-of-rgba.png
(the same bytes as rgba.png), diagram.svg (a small hand-written SVG) and
sneaky.svg (an SVG whose images, <use>, XInclude and @import point outside
any booklet) and entity.svg (an external XML entity: refused).
"""
import os
import struct
import sys
import zlib


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(width, height, color_type, depth, rows, extra=b"", interlace=0):
    """rows: list of bytes per row (filter byte added here, filter 0)."""
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, interlace)
    if interlace:
        raw = adam7(width, height, color_type, depth, rows)
    else:
        raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def adam7(width, height, color_type, depth, rows):
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color_type]
    bpp = channels * depth // 8
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2)]
    out = b""
    for x0, y0, dx, dy in passes:
        for y in range(y0, height, dy):
            px = b"".join(rows[y][x * bpp:(x + 1) * bpp] for x in range(x0, width, dx))
            if px:
                out += b"\x00" + px
    return out


def rgba_rows(w, h):
    rows = []
    for y in range(h):
        r = bytearray()
        for x in range(w):
            hole = (x - w // 2) ** 2 + (y - h // 2) ** 2 < (h // 4) ** 2
            r += bytes((x * 255 // w, y * 255 // h, 160, 0 if hole else 255))
        rows.append(bytes(r))
    return rows


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    def put(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    phys = chunk(b"pHYs", struct.pack(">IIB", 7559, 7559, 1))  # 192 dpi
    rgba = png(240, 120, 6, 8, rgba_rows(240, 120), extra=phys)
    put("rgba.png", rgba)
    put("copy-of-rgba.png", rgba)
    put("truncated.png", rgba[: len(rgba) // 2])
    put("garbage.png", b"This is not a picture, only words saved under a picture's name.\n")
    plte = chunk(b"PLTE", bytes((200, 30, 30, 30, 160, 60, 40, 60, 200, 250, 250, 250)))
    trns = chunk(b"tRNS", bytes((255, 255, 255, 0)))
    put("palette.png", png(90, 60, 3, 8, [bytes(((x // 15 + y // 15) % 4 for x in range(90)))
                                          for y in range(60)], extra=plte + trns))
    put("grey.png", png(64, 64, 0, 8, [bytes(((x * 4) ^ (y * 4)) & 255 for x in range(64))
                                       for y in range(64)]))
    put("grey16.png", png(48, 32, 4, 16, [b"".join(struct.pack(">HH", x * 1300, 65535 - y * 900)
                                                   for x in range(48)) for y in range(32)]))
    put("rgb16.png", png(40, 40, 2, 16, [b"".join(struct.pack(">HHH", x * 1600, y * 1600, 30000)
                                                  for x in range(40)) for y in range(40)],
                         interlace=1))
    put("wide.png", png(1600, 200, 2, 8, [b"".join(bytes((x * 255 // 1600, 90, y)) for x in range(1600))
                                          for y in range(200)]))
    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    put("huge.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))
    put("diagram.svg", b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
  <rect x="4" y="4" width="80" height="40" fill="#3a7" stroke="#000" stroke-width="2"/>
  <rect x="116" y="56" width="80" height="40" fill="#37a" stroke="#000" stroke-width="2"/>
  <path d="M84 24 L150 24 L150 56" fill="none" stroke="#000" stroke-width="3"/>
</svg>
""")
    put("sneaky.svg", b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:xi="http://www.w3.org/2001/XInclude" width="120" height="60">
  <style>@import url("../outside/secret.css");</style>
  <rect width="120" height="60" fill="#ffffff"/>
  <image x="0" y="0" width="60" height="60" xlink:href="../outside/secret.png"/>
  <image x="60" y="0" width="60" height="60" href="file:///etc/hostname"/>
  <image x="0" y="0" width="10" height="10" href="http://192.0.2.1/tracker.png"/>
  <use xlink:href="../outside/secret.svg#shape"/>
  <xi:include href="../outside/secret.txt" parse="text"/>
</svg>
""")
    put("entity.svg", b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg [ <!ENTITY leak SYSTEM "file:///etc/hostname"> ]>
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text y="15">&leak;</text></svg>
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
