#!/usr/bin/env python3
"""Draws the app icon (five rising steps: the five MEGA IP stages) as SVG and PNG.

The icons are committed; run this again only to change the design. Pure standard library:
no image package is needed on a fresh machine.
"""
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "icons"
BG = (0x0B, 0x5F, 0x5A)
STEPS = [(0xFF, 0xFF, 0xFF)] * 5
# Geometry on a 512 grid: five bars, bottom-aligned, rising left to right.
BAR_W, GAP, BASE, HEIGHTS = 56, 12, 388, [64, 112, 160, 208, 256]
LEFT = (512 - (5 * BAR_W + 4 * GAP)) // 2


def bars(scale=1.0):
    """Bar rectangles (x0, y0, x1, y1) on the 512 grid, scaled around the centre."""
    out = []
    for i, h in enumerate(HEIGHTS):
        x0 = LEFT + i * (BAR_W + GAP)
        rect = (x0, BASE - h, x0 + BAR_W, BASE)
        out.append(tuple(256 + (v - 256) * scale for v in rect))
    return out


def svg():
    rects = "".join(
        f'<rect x="{x0:.0f}" y="{y0:.0f}" width="{x1 - x0:.0f}" height="{y1 - y0:.0f}" rx="6" fill="#fff" opacity="{0.6 + 0.1 * i:.1f}"/>'
        for i, (x0, y0, x1, y1) in enumerate(bars())
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
        '<rect width="512" height="512" rx="96" fill="#0b5f5a"/>' + rects + "</svg>\n"
    )


def png(size, scale, rounded):
    k = size / 512
    rects = [tuple(v * k for v in r) for r in bars(scale)]
    radius = 96 * k if rounded else 0
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx, cy = x + 0.5, y + 0.5
            inside = True
            if radius:
                dx = max(radius - cx, 0, cx - (size - radius))
                dy = max(radius - cy, 0, cy - (size - radius))
                inside = dx * dx + dy * dy <= radius * radius
            if not inside:
                row += bytes((0, 0, 0, 0))
                continue
            colour = BG
            for i, (x0, y0, x1, y1) in enumerate(rects):
                if x0 <= cx < x1 and y0 <= cy < y1:
                    a = 0.6 + 0.1 * i
                    colour = tuple(round(255 * a + c * (1 - a)) for c in BG)
            row += bytes((*colour, 255))
        rows.append(bytes(row))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg())
    (OUT / "icon-192.png").write_bytes(png(192, 1.0, True))
    (OUT / "icon-512.png").write_bytes(png(512, 1.0, True))
    # Maskable: full-bleed background, artwork inside the 80 % safe zone.
    (OUT / "icon-maskable-512.png").write_bytes(png(512, 0.72, False))
    print("icons written to", OUT)
