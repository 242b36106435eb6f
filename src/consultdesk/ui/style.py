"""Colours and text styles by what they say, in one place (docs/style.md says why).

A screen asks for a role — ``style.error_text(label)``, ``style.title(label)``,
``style.brush(Tint.OVERDUE)`` — never for a colour. Colour is never the only signal: every
coloured thing also says in words what it means (a badge's text, "No reply for 14 days").

The colours that carry a meaning (error, warning, the flag severities, the row tints) are fixed,
so that "high" looks the same on every laptop and in the printed documents' spirit. Text that is
only quieter than its neighbours ("muted") is mixed from the palette's own text and window
colours, so it stays readable whatever the desktop's theme. Sizes are in points, as the rest of
the UI (ui/fonts.py sets the base size).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

# --- colours that mean something --------------------------------------------------------------

ERROR = "#a93226"  # error text; a safety field in a conflict; a refused or withdrawn consent
ALERT = "#c0392b"  # stronger: a field that fails its check, a save that did not happen
WARNING = "#7f6000"  # a reason to look twice: what an export contains, no consent recorded yet
GOOD = "#1e7b34"  # a consent that is given
LINK = "#1a5276"  # a small text button drawn as a link
# The measures charts: consultations, residents reached, referrals sent (and the goal bars).
SERIES = ("#4c72b0", "#dd8452", "#55a868")


class Severity(StrEnum):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    DISMISSED = "dismissed"


# A flag's badge, (text, background). The badge's words say the severity; the colour repeats it.
SEVERITY_BADGE: dict[str, tuple[str, str]] = {
    Severity.HIGH: ("#ffffff", ERROR),
    Severity.MODERATE: ("#3d2e00", "#f4d03f"),
    Severity.LOW: ("#ffffff", "#2e6f9e"),
    Severity.DISMISSED: ("#7b7b7b", "#eeeeee"),
}
DISMISSED_TEXT = "#7b7b7b"  # a dismissed flag's title and details
DETAIL_TEXT = "#444444"  # a flag card's details
CARD_BORDER = "#d5d8dc"
FROZEN_EDGE = QColor("#a6acaf")  # the right edge of a table's first column kept in view
CARD_DISMISSED = "#f4f4f4"


class Tint(StrEnum):
    """Row and cell colours in the tables."""

    OVERDUE = "overdue"  # a follow-up visit past its date (background; most rows of the list)
    UNANSWERED = "unanswered"  # a referral without a reply in time: call the case worker
    UNANSWERED_TEXT = "unanswered_text"
    ERROR_TEXT = "error_text"  # a conflict on a safety field, which a person must decide
    ATTENTION = "attention"  # an inventory row that needs a look (background)
    UNMATCHED_TEXT = "unmatched_text"  # a medicine name the catalog did not match
    NOT_TAKEN_TEXT = "not_taken_text"  # a medicine stopped or disposed of
    NOT_TAKEN = "not_taken"  # its background
    AREA = "area"  # an area heading in the measures table
    SUPPRESSED_TEXT = "suppressed_text"  # a count too small to show


_TINTS: dict[Tint, str] = {
    Tint.OVERDUE: "#fbeeec",
    Tint.UNANSWERED: "#fadbd8",
    Tint.UNANSWERED_TEXT: "#7b241c",
    Tint.ERROR_TEXT: ERROR,
    Tint.ATTENTION: "#fdebd0",
    Tint.UNMATCHED_TEXT: "#9c640c",
    Tint.NOT_TAKEN_TEXT: "#7b7d7d",
    Tint.NOT_TAKEN: "#eeeeee",
    Tint.AREA: "#eef3f8",
    Tint.SUPPRESSED_TEXT: "#888888",
}
_BRUSHES: dict[Tint, QBrush] = {}


def brush(tint: Tint) -> QBrush:
    """One brush per tint, made once: a model hands it out on every paint."""
    found = _BRUSHES.get(tint)
    if found is None:
        found = _BRUSHES[tint] = QBrush(QColor(_TINTS[tint]))
    return found


# --- colours read from the palette ------------------------------------------------------------


def muted() -> str:
    """Quieter text (hints, "saved at 14:02", who decided): the palette's text colour moved a
    third of the way towards its window colour (#545454 on the default light palette)."""
    palette = QGuiApplication.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    mix = QColor(
        round(text.red() * 0.65 + window.red() * 0.35),
        round(text.green() * 0.65 + window.green() * 0.35),
        round(text.blue() * 0.65 + window.blue() * 0.35),
    )
    return str(mix.name())


# --- text ---------------------------------------------------------------------------------------


def _font(widget: QWidget, points: float | None, bold: bool) -> None:
    # Only the size and weight are set: the family still follows the application's font.
    font = QFont()
    if points is not None:
        font.setPointSizeF(points)
    font.setBold(bold)
    widget.setFont(font)


def title(widget: QWidget) -> None:
    """The title of an area or a dialog page."""
    _font(widget, 14, bold=True)


def heading(widget: QWidget) -> None:
    """A heading inside an area (the flags panel)."""
    _font(widget, 12, bold=True)


def large(widget: QWidget) -> None:
    """A summary line under a title, a value to read at a glance."""
    _font(widget, 12, bold=False)


def bold(widget: QWidget) -> None:
    _font(widget, None, bold=True)


def error_text(widget: QWidget, strong: bool = False) -> None:
    """What went wrong, or what must be decided by a person."""
    weight = " font-weight: bold;" if strong else ""
    widget.setStyleSheet(f"color: {ERROR};{weight}")


def warning_text(widget: QWidget) -> None:
    widget.setStyleSheet(f"color: {WARNING};")


def muted_text(widget: QWidget) -> None:
    widget.setStyleSheet(f"color: {muted()};")


def plain(widget: QWidget) -> None:
    """Back to the look the widget had before any of the above colours."""
    widget.setStyleSheet("")


# --- markers and banners ------------------------------------------------------------------------


def unsaved_marker(widget: QWidget) -> None:
    """ "Not saved": the consultation's edits are not in the database (the reason is its tool
    tip)."""
    widget.setStyleSheet(
        f"color: #ffffff; background: {ALERT}; font-weight: bold; padding: 2px 8px;"
    )


def status_chip(widget: QWidget) -> None:
    """A consultation's state (draft, final) next to its title."""
    widget.setStyleSheet("padding: 2px 8px; border-radius: 3px; background: #eaf2f8;")


def warning_banner(widget: QWidget) -> None:
    """A notice across the page that asks for a decision (the consultation changed elsewhere)."""
    widget.setStyleSheet("background: #fdf2e9; color: #7e5109; padding: 4px 8px;")


def invalid_field(widget: QWidget, invalid: bool = True) -> None:
    """A field whose value fails its check; the reason is in words next to it and its tool tip."""
    widget.setStyleSheet(f"border: 1px solid {ALERT}; border-radius: 2px;" if invalid else "")


def link_button(widget: QWidget) -> None:
    """A flat button drawn as a link no taller than a line of text."""
    widget.setStyleSheet(
        f"QPushButton {{ border: none; padding: 0 2px; color: {LINK};"
        " text-decoration: underline; }"
    )


def roomy_list(widget: QWidget, padding: str = "6px 4px", points: float | None = None) -> None:
    """A list whose items are easy to hit (the centres, the main window's areas)."""
    size = f"QListWidget {{ font-size: {points:g}pt; }} " if points else ""
    widget.setStyleSheet(f"{size}QListWidget::item {{ padding: {padding}; }}")
