"""The live risk-flag panel beside the consultation editor.

The editor recomputes the flags (services.flags.compute_flags) as the pharmacist types and
hands them over with `set_flags`; the panel only shows them and says what the pharmacist
decided (`decided`), which the editor stores with services.flags.decide_flag. Calling it on
every keystroke is cheap: nothing is touched when nothing shown has changed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.rrn import contains_rrn
from consultdesk.domain.rules import KIND_MEDICATION, KIND_SOCIAL
from consultdesk.services.flags import (
    CONFIRMED,
    DISMISSED,
    OPEN,
    FlagView,
    open_flags_for_resident,
)
from consultdesk.services.workspace import Workspace
from consultdesk.ui import style
from consultdesk.ui.forms import ProblemDisplay
from consultdesk.ui.i18n import current_language
from consultdesk.ui.labels import dialog_buttons, flag_status_label, severity_label
from consultdesk.ui.messages import message_for

# Badge colours repeat what the badge text says; the text is what counts.
_BADGE = style.SEVERITY_BADGE
_DISMISSED_TEXT = style.DISMISSED_TEXT
LINK_SCHEME = "flag"
SOURCE_TOGGLE = "source"  # the link that shows or hides a card's rule id and citation


def _card_signature(view: FlagView, lang: str) -> tuple[object, ...]:
    """Everything a flag's entry shows; the panel redraws only when one of these changes."""
    return (
        view.key,
        view.status,
        view.reason,
        view.items,
        view.text(lang),
        view.flag.source,
        view.flag.severity,
        tuple(s.id for s in view.services),
    )


class DismissFlagDialog(QDialog):
    """Asks why a flag is dismissed; the reason is kept with the decision."""

    def __init__(self, flag_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dismiss flag"))
        about = QLabel(flag_text)
        about.setWordWrap(True)
        style.bold(about)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(
            [
                "",
                self.tr("The prescriber knows and wants both"),
                self.tr("Short-term use only"),
                self.tr("Already handled during this visit"),
                self.tr("Does not apply to this resident"),
            ]
        )
        self.reason.setCurrentIndex(0)
        line = self.reason.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Why is this flag not a problem here?"))
        self.error = QLabel()
        self.problems = ProblemDisplay(self.error, {"reason": self.reason})
        buttons = dialog_buttons(self.tr("Dismiss"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(QLabel(self.tr("Reason for dismissing")))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.result_reason = ""

    def submit(self) -> None:
        text = " ".join(self.reason.currentText().split())
        if not text:
            self.problems.show_text(message_for("reason_required"))
            return
        if contains_rrn(text):
            self.problems.show_text(message_for("rrn_refused"))
            return
        self.result_reason = text
        self.accept()

    @classmethod
    def ask(cls, flag_text: str, parent: QWidget | None = None) -> str | None:
        """The reason given, or None when the pharmacist cancelled."""
        dialog = cls(flag_text, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_reason
        return None


class FlagsPanel(QWidget):
    """Flags in two groups (medication, social), most severe first, dismissed ones last.

    A card says why (the reason, the medicines involved, suggested services); the rule id and
    the full citation sit behind a "Source" toggle, remembered per flag while the panel lives.
    The whole list is one rich-text document with the decisions as links (Tab moves between
    them, Enter follows one). Thirty flags as separate widgets took 150 ms to lay out, a large
    share of the 100 ms the editor has to open a consultation; one document takes a few. A card
    is a paragraph with a rule under it, not a bordered one-cell table: Qt lays a table's cell
    out several times to find its widths, and 36 such cards took about twice the time to set
    and draw (CPU 12-16 ms against 7-9, of the 50 ms an open may take).
    """

    decided = Signal(str, str, str)  # flag key, status, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._signature: tuple[object, ...] | None = None
        self._read_only = False
        self._views: list[FlagView] = []
        self._sources_shown: set[str] = set()  # flag keys whose rule and citation are open
        self._lang = current_language()
        self.heading = QLabel(self.tr("Risk flags"))
        style.heading(self.heading)
        self.browser = QTextBrowser()
        self.browser.setObjectName("flags")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        self._render()

    # --- what is shown ----------------------------------------------------------------------

    def set_flags(self, views: list[FlagView], lang: str | None = None) -> bool:
        """Show these flags; returns False (and touches nothing) when nothing changed."""
        lang = lang or current_language()
        signature = (lang, tuple(_card_signature(v, lang) for v in views))
        if signature == self._signature:
            return False
        self._signature = signature
        self._views = list(views)
        self._lang = lang
        self._render()
        return True

    def set_read_only(self, read_only: bool) -> None:
        """A final consultation shows its decisions but takes no new ones."""
        if read_only != self._read_only:
            self._read_only = read_only
            self._render()

    def views(self) -> list[FlagView]:
        return list(self._views)

    def view(self, key: str) -> FlagView:
        return next(v for v in self._views if v.key == key)

    def ordered(self, kind: str) -> list[FlagView]:
        """The flags of one group as listed: open and confirmed first, dismissed last."""
        views = [v for v in self._views if v.flag.kind == kind]
        return [v for v in views if v.status != DISMISSED] + [
            v for v in views if v.status == DISMISSED
        ]

    def group_title(self, kind: str) -> str:
        views = [v for v in self._views if v.flag.kind == kind]
        dismissed = sum(v.status == DISMISSED for v in views)
        if kind == KIND_MEDICATION:
            title = self.tr("Medication ({count})").format(count=len(views) - dismissed)
        else:
            title = self.tr("Social risks ({count})").format(count=len(views) - dismissed)
        if dismissed:
            title += " · " + self.tr("{count} dismissed").format(count=dismissed)
        return title

    def offered(self, key: str) -> set[str]:
        """The decisions offered for a flag (none in a final session)."""
        if self._read_only:
            return set()
        status = self.view(key).status
        offered = set()
        if status == OPEN:
            offered.add(CONFIRMED)
        if status != DISMISSED:
            offered.add(DISMISSED)
        if status != OPEN:
            offered.add(OPEN)
        return offered

    def text(self) -> str:
        return self.browser.toPlainText()

    def lines(self, view: FlagView) -> list[tuple[str, str]]:
        """The "why" of a flag on its card: which medicines, which services."""
        lines = []
        if view.items:
            lines.append((self.tr("Medicines involved"), ", ".join(view.items)))
        if view.services:
            names = [s.name_ko if self._lang == "ko" else s.name_en for s in view.services]
            lines.append((self.tr("Suggested services"), ", ".join(names)))
        return lines

    def source_lines(self, view: FlagView) -> list[tuple[str, str]]:
        """Behind the card's source toggle: the rule id and the full citation."""
        source = view.flag.source
        if view.imported:
            source = self.tr("Imported DUR file: {source}").format(source=source)
        return [(self.tr("Rule"), view.flag.rule_id), (self.tr("Source"), source)]

    def source_shown(self, key: str) -> bool:
        return key in self._sources_shown

    def toggle_source(self, key: str) -> None:
        """Show or hide a flag's rule and citation; the choice stays while the panel is open."""
        self._sources_shown ^= {key}
        self._render()

    def status_text(self, view: FlagView) -> str:
        if view.status == OPEN:
            return ""
        text = flag_status_label(view.status)
        if view.status == DISMISSED:
            return self.tr("{status} — reason: {reason}").format(status=text, reason=view.reason)
        if view.status == CONFIRMED and view.reason:
            return self.tr("{status} — note: {reason}").format(status=text, reason=view.reason)
        return text

    def _entry(self, index: int, view: FlagView, muted: str | None = None) -> str:
        dismissed = view.status == DISMISSED
        severity = "dismissed" if dismissed else view.flag.severity.value
        fg, bg = _BADGE[severity]
        badge = (
            f"<span style='color:{fg}; background-color:{bg}; font-weight:bold'>"
            f"&nbsp;{html.escape(severity_label(view.flag.severity.value))}&nbsp;</span>"
        )
        title_style = f"color:{_DISMISSED_TEXT}" if dismissed else "font-weight:bold"
        detail_colour = _DISMISSED_TEXT if dismissed else style.DETAIL_TEXT
        muted = muted or style.muted()
        lines = self.lines(view)
        if self.source_shown(view.key):
            lines += self.source_lines(view)
        details = "<br>".join(
            f"<span style='color:{muted}'>{html.escape(k)}:</span> {html.escape(v)}"
            for k, v in lines
        )
        parts = [f"{badge} <span style='{title_style}'>{html.escape(view.text(self._lang))}</span>"]
        if details:
            parts.append(f"<span style='color:{detail_colour}'>{details}</span>")
        status = self.status_text(view)
        if status:
            parts.append(f"<i>{html.escape(status)}</i>")
        links = []
        offered = self.offered(view.key)
        for action, label in (
            (CONFIRMED, self.tr("Confirm")),
            (DISMISSED, self.tr("Dismiss…")),
            (OPEN, self.tr("Reopen")),
        ):
            if action in offered:
                links.append(f"<a href='{LINK_SCHEME}:{action}:{index}'>{html.escape(label)}</a>")
        toggle = self.tr("Hide source") if self.source_shown(view.key) else self.tr("Source")
        links.append(
            f"<a href='{LINK_SCHEME}:{SOURCE_TOGGLE}:{index}' style='color:{muted}'>"
            f"{html.escape(toggle)}</a>"
        )
        if links:
            parts.append("&nbsp;&nbsp;·&nbsp;&nbsp;".join(links))
        background = f"background-color:{style.CARD_DISMISSED}; " if dismissed else ""
        return (
            f"<p style='{background}margin-top:4px; margin-bottom:4px'>{'<br>'.join(parts)}</p>"
            f"<hr style='background-color:{style.CARD_BORDER}'>"
        )

    def _render(self) -> None:
        scroll = self.browser.verticalScrollBar().value()
        body = []
        muted = style.muted()  # once, not once a card: it reads the palette
        position = {id(view): i for i, view in enumerate(self._views)}
        for kind in (KIND_MEDICATION, KIND_SOCIAL):
            body.append(f"<h4>{html.escape(self.group_title(kind))}</h4>")
            views = self.ordered(kind)
            if not views:
                # A tr() inside an f-string is not seen by lupdate: the text goes through a name.
                none = html.escape(self.tr("No flags."))
                body.append(f"<p style='color:{muted}'>{none}</p>")
            for view in views:
                body.append(self._entry(position[id(view)], view, muted))
        self.browser.setHtml("".join(body))
        self.browser.verticalScrollBar().setValue(scroll)

    # --- decisions ---------------------------------------------------------------------------

    def _link(self, url: QUrl) -> None:
        scheme, _, rest = url.toString().partition(":")
        action, _, index = rest.partition(":")
        if scheme != LINK_SCHEME or not index.isdigit() or int(index) >= len(self._views):
            return
        key = self._views[int(index)].key
        if action == SOURCE_TOGGLE:
            self.toggle_source(key)
        elif action == CONFIRMED:
            self.confirm(key)
        elif action == DISMISSED:
            self.dismiss(key)
        elif action == OPEN:
            self.reopen(key)

    def confirm(self, key: str) -> None:
        if CONFIRMED in self.offered(key):
            self.decided.emit(key, CONFIRMED, "")

    def dismiss(self, key: str) -> None:
        if DISMISSED in self.offered(key):
            reason = DismissFlagDialog.ask(self.view(key).text(self._lang), self)
            if reason:
                self.decided.emit(key, DISMISSED, reason)

    def reopen(self, key: str) -> None:
        if OPEN in self.offered(key):
            self.decided.emit(key, OPEN, "")


class OpenFlagsSummary(QLabel):
    """For the resident overview: how many flags of the latest consultation are still open, and
    the most severe few, so the next visit starts from what was left to look at."""

    TOP = 3
    LONGEST = 70

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.views: list[FlagView] = []
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)

    def show_resident(self, resident_id: str | None, consultations: int | None = None) -> None:
        """`consultations`: how many consultations the resident has, when the caller knows (the
        overview's timeline does); with none there is nothing to review yet, which is not the
        same as a consultation without open flags."""
        self.views = []
        if resident_id is not None and consultations != 0:  # no query without a consultation
            self.views = open_flags_for_resident(self.ws, resident_id)
        self.setVisible(resident_id is not None)
        if consultations == 0:
            none = html.escape(self.tr("No consultation recorded yet."))
            self.setText(f"<span style='color:{style.muted()}'>{none}</span>")
            return
        if not self.views:
            none = html.escape(self.tr("No open risk flags in the latest consultation."))
            self.setText(f"<span style='color:{style.muted()}'>{none}</span>")
            return
        lang = current_language()
        ordered = sorted(self.views, key=lambda v: v.flag.severity.rank)
        heading = self.tr("Open risk flags in the latest consultation: {count}").format(
            count=len(self.views)
        )
        lines = [f"<b>{html.escape(heading)}</b>"]
        for view in ordered[: self.TOP]:
            text = view.text(lang)
            if len(text) > self.LONGEST:
                text = text[: self.LONGEST - 1].rstrip() + "…"
            badge = severity_label(view.flag.severity.value)
            lines.append(f"· [{html.escape(badge)}] {html.escape(text)}")
        if len(ordered) > self.TOP:
            more = self.tr("and {count} more").format(count=len(ordered) - self.TOP)
            lines.append(f"· {html.escape(more)}")
        self.setText("<br>".join(lines))
