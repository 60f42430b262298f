"""The rules deciding what the bundle holds, checked without building it."""
from __future__ import annotations

from pathlib import Path

import pytest

from packaging_support import ROOT, load_bundle_policy

policy = load_bundle_policy()


@pytest.mark.parametrize(("dest", "entry"), [
    ("PySide6/Qt/lib/libQt6Core.so.6", "lib Core"),
    ("libQt6WaylandClient.so.6", "lib WaylandClient"),  # PyInstaller's top-level symlink
    ("PySide6/Qt6Network.dll", "lib Network"),
    ("PySide6/Qt/lib/QtWebEngineCore.framework/Versions/A/QtWebEngineCore", "lib WebEngineCore"),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "plugin platforms/qwayland"),
    ("PySide6/plugins/platforms/qwindows.dll", "plugin platforms/qwindows"),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.dylib", "plugin imageformats/qjpeg"),
    ("PySide6/Qt/translations/qtbase_de.qm", "translation qtbase_de"),
    ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", None),
    ("libicudata.so.73", None),
    ("resources/icons/factdeck.png", None),
])
def test_qt_files_are_named_the_way_the_allowlist_names_them(dest, entry):
    assert policy.qt_component(dest) == entry


def test_allowlist_parses_and_keeps_the_essentials():
    allowed = policy.load_allowlist()
    assert {"lib Core", "lib Gui", "lib Widgets", "lib OpenGL", "plugin platforms/qxcb",
            "plugin platforms/qoffscreen", "plugin platforms/qwindows", "plugin platforms/qcocoa"} <= allowed
    for unwanted in ("lib WebEngineCore", "lib Qml", "lib Quick", "lib Network", "lib Multimedia",
                     "plugin platforms/qwayland", "plugin tls/qopensslbackend"):
        assert unwanted not in allowed


def test_a_malformed_allowlist_line_is_reported_with_its_number(tmp_path):
    bad = tmp_path / "allow.txt"
    bad.write_text("lib Core\nplugins platforms/qxcb\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"allow.txt:2"):
        policy.load_allowlist(bad)


def test_filter_drops_unlisted_qt_files_and_the_libraries_only_they_needed():
    toc = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/s/libqgtk3.so", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),      # only qgtk3 links it
        ("libpixman-1.so.0", "/s/libpixman-1.so.0", "BINARY"),  # only cairo links it
        ("libX11.so.6", "/s/libX11.so.6", "BINARY"),          # qgtk3 and qxcb both link it
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),  # nobody links it: untouched
    ]
    links = {
        "/s/libqxcb.so": ["libQt6Core.so.6", "libX11.so.6"],
        "/s/libqgtk3.so": ["libcairo.so.2", "libX11.so.6"],
        "/s/libcairo.so.2": ["libpixman-1.so.0"],
    }
    kept, dropped = policy.filter_toc(toc, {"lib Core", "plugin platforms/qxcb"}, lambda src: links.get(src, []))
    assert [e[0] for e in kept] == ["PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
                                    "libX11.so.6", "libpython3.11.so.1.0"]
    assert {e[0] for e in dropped} == {"PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libcairo.so.2",
                                       "libpixman-1.so.0"}


# Which Qt plugin reads each image type (PNG and BMP are built into QtGui).
READERS = {".svg": "plugin imageformats/qsvg", ".svgz": "plugin imageformats/qsvg", ".jpg": "plugin imageformats/qjpeg",
           ".jpeg": "plugin imageformats/qjpeg", ".gif": "plugin imageformats/qgif", ".webp": "plugin imageformats/qwebp",
           ".tif": "plugin imageformats/qtiff", ".tiff": "plugin imageformats/qtiff", ".ico": "plugin imageformats/qico"}
# The operating system reads these, not Qt: the executable's and the macOS bundle's icons.
OS_ONLY = {Path("icons/factdeck.ico"), Path("icons/factdeck.icns")}


def test_every_image_type_in_resources_has_its_reader_in_the_bundle():
    allowed = policy.load_allowlist()
    resources = ROOT / "resources"
    missing = sorted(
        f"{path.relative_to(resources)} needs '{READERS[path.suffix.lower()]}'"
        for path in resources.rglob("*")
        if path.suffix.lower() in READERS and path.relative_to(resources) not in OS_ONLY
        and READERS[path.suffix.lower()] not in allowed)
    assert not missing, "add to packaging/qt_allowlist.txt: " + "; ".join(missing)
