"""Copy the third-party licence texts the bundle must carry into resources/licenses/.

    .venv/bin/python packaging/collect_licenses.py

Run it after changing a dependency. Texts come from the installed packages'
own dist-info (their wheels' licence files), from resources/ for the font,
and, for Qt/PySide6 whose wheels carry no licence file, from the FSF's
LGPL-3.0 and GPL-3.0 texts (Debian's /usr/share/common-licenses holds them
verbatim). The files are committed, so building needs none of this.
"""
from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "licenses"
COMMON = Path("/usr/share/common-licenses")


def dist_files(distribution: str, *names: str) -> str:
    """The named licence files of an installed distribution, joined, each under a heading."""
    dist = metadata.distribution(distribution)
    texts = []
    for file in dist.files or []:
        if "licenses/" in str(file) and (not names or file.name in names or str(file).endswith(names)):
            path = Path(dist.locate_file(file))
            texts.append(f"----- {file.name} ({distribution} {dist.version}) -----\n\n{path.read_text(encoding='utf-8')}")
    if not texts:
        raise SystemExit(f"{distribution}: no licence file found in its dist-info")
    return "\n\n".join(texts)


def header(what: str, licence: str, url: str) -> str:
    return f"{what}\nLicence: {licence}\nSource: {url}\n\n"


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    pyside = metadata.version("PySide6-Essentials")
    files = {
        "Qt-PySide6-LGPL-3.0.txt": header(
            f"Qt 6 and Qt for Python (PySide6 {pyside}, shiboken6 {metadata.version('shiboken6')}), "
            "(c) The Qt Company Ltd. and other contributors.\n"
            "Factdeck uses them under the GNU Lesser General Public License version 3 (LGPL-3.0-only), "
            "unmodified, as separate shared libraries in this folder, which you may replace with your own "
            "builds of the same version. Their source code is available from https://download.qt.io/ and "
            "https://code.qt.io/ (pyside-setup for PySide6 and shiboken6).",
            "LGPL-3.0-only (which adds permissions to the GPL-3.0; both texts follow)",
            "https://www.qt.io/licensing/open-source-lgpl-obligations",
        ) + (COMMON / "LGPL-3").read_text(encoding="utf-8") + "\n\n" + "=" * 72 + "\n\n"
          + (COMMON / "GPL-3").read_text(encoding="utf-8"),
        "pyqtgraph-MIT.txt": header(f"pyqtgraph {metadata.version('pyqtgraph')}", "MIT",
                                    "https://github.com/pyqtgraph/pyqtgraph") + dist_files("pyqtgraph"),
        "pandas-BSD-3-Clause.txt": header(f"pandas {metadata.version('pandas')} and the code it bundles",
                                          "BSD-3-Clause (bundled parts: see each section)",
                                          "https://github.com/pandas-dev/pandas") + dist_files("pandas"),
        "numpy-BSD-3-Clause.txt": header(f"NumPy {metadata.version('numpy')} and the libraries its wheel bundles (OpenBLAS, libgfortran …)",
                                         "BSD-3-Clause (bundled parts: see each section)",
                                         "https://github.com/numpy/numpy") + dist_files("numpy"),
        "citeproc-py-BSD-2-Clause.txt": header(f"citeproc-py {metadata.version('citeproc-py')}", "BSD-2-Clause",
                                               "https://github.com/citeproc-py/citeproc-py") + dist_files("citeproc-py"),
        "lxml-BSD-3-Clause.txt": header(f"lxml {metadata.version('lxml')} (with libxml2 and libxslt, MIT)", "BSD-3-Clause",
                                        "https://lxml.de/") + dist_files("lxml"),
        "python-dateutil.txt": header(f"python-dateutil {metadata.version('python-dateutil')}", "Apache-2.0 and BSD-3-Clause",
                                      "https://github.com/dateutil/dateutil") + dist_files("python-dateutil", "LICENSE"),
        "Python-PSF-2.0.txt": header(f"Python {sys.version.split()[0]} (the interpreter inside the bundle)",
                                     "PSF-2.0", "https://www.python.org/")
        + Path(sys.base_prefix, "lib", f"python{sys.version_info[0]}.{sys.version_info[1]}", "LICENSE.txt").read_text(encoding="utf-8"),
        "Atkinson-Hyperlegible-OFL-1.1.txt": header(
            "Atkinson Hyperlegible font (resources/fonts), (c) Braille Institute of America", "SIL Open Font License 1.1",
            "https://www.brailleinstitute.org/freefont") + (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8"),
        "CSL-styles-CC-BY-SA-3.0.txt": header(
            "Citation Style Language styles and locales (resources/csl): APA 7th edition, MLA 9th edition, "
            "Chicago author-date 18th edition, en-US and es-ES locales, by the CSL project's authors and "
            "contributors named in each file's <info> element; Factdeck's small changes are marked "
            "'Factdeck patch:' in the files and released under the same licence.",
            "Creative Commons Attribution-ShareAlike 3.0 Unported (CC BY-SA 3.0)",
            "https://github.com/citation-style-language/styles and https://github.com/citation-style-language/locales",
        ) + ("The licence text: https://creativecommons.org/licenses/by-sa/3.0/legalcode\n"
             "(CC BY-SA 3.0 section 4(a) allows its Uniform Resource Identifier in place of a copy.)\n"),
    }
    for name, text in files.items():
        (TARGET / name).write_text(text.rstrip() + "\n", encoding="utf-8")
        print(f"wrote {TARGET / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
