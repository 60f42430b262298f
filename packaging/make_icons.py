"""Draw Factdeck's icon with QPainter and write it as PNG, Windows .ico and macOS .icns.

    .venv/bin/python packaging/make_icons.py      (rewrites resources/icons/factdeck.*)

The icon is a small deck of cards on a blue tile, the front card carrying a
bar chart over a timeline: the app's three panes in one picture. It is drawn
from code so anyone can change it without a drawing program, and both
container formats are packed here by hand (they are just PNGs with a small
index in front), so the build needs no Pillow.
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"

# Okabe–Ito colours (desktop/ui/theme.py), so the icon matches the charts.
BLUE, ORANGE, GREEN, VERMILLION, SKY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns chunk type → pixel size; every chunk holds a PNG (macOS 10.7 and newer read them all).
ICNS_CHUNKS = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
               ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def render(size: int):
    """The icon as a QImage of size×size pixels, drawn on a 64-unit grid."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BLUE))
    painter.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12)
    # The deck: two cards behind, slightly turned, then the front card.
    for angle, shade in ((-10, "#B9D9EE"), (-4, "#DCEEF9")):
        painter.save()
        painter.translate(32, 34)
        painter.rotate(angle)
        painter.setBrush(QColor(shade))
        painter.drawRoundedRect(QRectF(-18, -21, 36, 42), 4, 4)
        painter.restore()
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(QRectF(15, 12, 36, 42), 4, 4)
    # Bars of the chart pane.
    for x, height, colour in ((20, 14, ORANGE), (28, 22, GREEN), (36, 10, VERMILLION), (44, 17, SKY)):
        painter.setBrush(QColor(colour))
        painter.drawRect(QRectF(x - 1, 38 - height, 6, height))
    # The timeline under it: a rule with three events.
    painter.setPen(QPen(QColor(BLUE), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(19, 46, 47, 46)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BLUE))
    for x in (22, 33, 44):
        painter.drawEllipse(QRectF(x - 2.6, 43.4, 5.2, 5.2))
    painter.end()
    return image


def png_bytes(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render(size).save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode the {size}px icon as PNG")
    return bytes(buffer.data().data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (read by Windows Vista and newer)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: 'icns', total length, then (type, length, PNG) chunks, all big-endian."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_CHUNKS)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - fonts/painting need it
    sizes = sorted(set(ICO_SIZES) | {size for _, size in ICNS_CHUNKS})
    pngs = {size: png_bytes(size) for size in sizes}
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "factdeck.png").write_bytes(pngs[256])
    (ICONS / "factdeck.ico").write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    (ICONS / "factdeck.icns").write_bytes(icns_bytes(pngs))
    for name in ("factdeck.png", "factdeck.ico", "factdeck.icns"):
        print(f"wrote {ICONS / name} ({(ICONS / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
