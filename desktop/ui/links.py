"""The one way Factdeck opens a web address: http or https only, after the user confirms the real host.

The app never fetches anything itself. A link found in a dataset is handed to
the system browser only when the user asked for it (a button) and then said
Yes in a dialog that names the host the browser will really contact, in
ASCII when the display form differs (an internationalised "аpple.com" with a
Cyrillic "а" shows as "xn--pple-43d.com"), and the whole address as plain
text. A user-name part such as "https://school.example@other.example/" is
called out, because the host there is "other.example".
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from .safe_text import visible

ALLOWED_SCHEMES = ("http", "https")


def _tr(text: str) -> str:
    return QCoreApplication.translate("links", text)


def checked_url(url: str) -> QUrl | None:
    """The address as a QUrl when it is an absolute http(s) address with a host, else None."""
    if not isinstance(url, str) or not url or url != url.strip() or any(ord(c) < 32 for c in url):
        return None
    qurl = QUrl(url, QUrl.ParsingMode.TolerantMode)
    if not qurl.isValid() or qurl.scheme().lower() not in ALLOWED_SCHEMES or not qurl.host():
        return None
    return qurl


def host_description(qurl: QUrl) -> str:
    """The host as the user should read it: display form, plus the ASCII form when they differ."""
    shown = qurl.host(QUrl.ComponentFormattingOption.PrettyDecoded)
    ascii_host = QUrl.toAce(shown).data().decode("ascii", "replace") if shown else ""
    if ascii_host and ascii_host.lower() != shown.lower():
        return _tr("{shown} (written in ASCII: {ascii})").format(shown=visible(shown), ascii=ascii_host)
    return visible(shown)


def confirmation_text(qurl: QUrl, original: str) -> str:
    """The plain-text question the confirmation dialog asks."""
    lines = [
        _tr("Open this page in your web browser?"),
        "",
        _tr("Website: {host}").format(host=host_description(qurl)),
    ]
    if qurl.userName() or qurl.password():
        lines.append(_tr('Careful: "{user}" before the @ is not the website; the website is the host above.')
                     .format(user=visible(qurl.userInfo())))
    lines += ["", _tr("Full address:"), visible(original), "",
              _tr("Factdeck itself does not connect to the internet; your browser will.")]
    return "\n".join(lines)


def open_link(url: str, parent: QWidget | None) -> bool:
    """Open `url` in the system browser after the user confirms; return True if it was handed over.

    Anything but an absolute http or https address is refused with a message.
    """
    qurl = checked_url(url)
    if qurl is None:
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("Link not opened"), "", QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("linkRefused")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(_tr("Factdeck only opens web addresses that start with http:// or https:// "
                        "and name a website. This one does not, so it was not opened:\n\n{url}")
                    .format(url=visible(str(url))))
        box.exec()
        return False
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Open in browser?"), "",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("linkConfirmation")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(confirmation_text(qurl, url))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(_tr("Open in browser"))
    box.button(QMessageBox.StandardButton.No).setText(_tr("Cancel"))
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    return QDesktopServices.openUrl(qurl)
