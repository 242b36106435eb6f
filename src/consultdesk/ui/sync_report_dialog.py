"""What one sync did: bundles written and read, changes applied, conflicts, files skipped and
why, or the reason it could not run."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.ids import short_device
from consultdesk.services.sync import SyncReport
from consultdesk.ui.messages import error_text, message_for


class SyncReportDialog(QDialog):
    """What one sync did: bundles written and read, changes, conflicts, files skipped and why."""

    def __init__(
        self, report: SyncReport | None, error: Exception | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync report"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QListWidget()
        # Each line read whole at the dialog's width: wrapped, never behind a sideways scroll.
        self.details.setWordWrap(True)
        self.details.setResizeMode(QListView.ResizeMode.Adjust)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lines: list[str] = []
        if error is not None:
            lines.append(self.tr("The sync did not run: {reason}").format(reason=error_text(error)))
        if report is not None:
            lines += self._summary_lines(report)
            self._fill_details(report)
        self.summary.setText("\n".join(lines))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if self.details.count():
            layout.addWidget(QLabel(self.tr("Details")))
            layout.addWidget(self.details)
        layout.addWidget(close)
        self.setMinimumWidth(520)

    def _summary_lines(self, report: SyncReport) -> list[str]:
        lines = [
            self.tr("Sent: {changes} in {bundles}.").format(
                changes=self.tr("%Ln change(s)", "", report.changes_sent),
                bundles=self.tr("%Ln file(s)", "", report.bundles_written),
            ),
            self.tr("Received: {bundles} from the team, {changes} applied.").format(
                bundles=self.tr("%Ln file(s)", "", report.bundles_read),
                changes=self.tr("%Ln change(s)", "", report.changes_applied),
            ),
            self.tr("New conflicts to look at: {count}.").format(count=report.conflicts_raised),
        ]
        if report.newly_skipped:
            lines.append(
                self.tr("Files skipped: {count} (nothing was deleted).").format(
                    count=len(report.newly_skipped)
                )
            )
        if report.already_reported:
            lines.append(
                self.tr("Files ignored as before: {count} (see Files we ignore).").format(
                    count=len(report.already_reported)
                )
            )
        snapshot = report.snapshot_read
        if snapshot is not None and snapshot.rejoined:
            lines.append(
                self.tr(
                    "This computer had been away so long that the team folder no longer held "
                    "everything it missed. It caught up from a team snapshot (computer {device}); "
                    "the changes made here that were not sent yet were kept and sent."
                ).format(device=short_device(snapshot.writer))
            )
        elif snapshot is not None:
            # Its records are no "changes applied" of the line above (which says 0 for them):
            # the count says that the team's data did arrive.
            lines.append(
                self.tr(
                    "This computer started from a team snapshot (computer {device}): "
                    "{records} taken from it."
                ).format(
                    device=short_device(snapshot.writer),
                    records=self.tr("%Ln record(s)", "", snapshot.records),
                )
            )
        behind = any(waiting.reason == "compacted" for waiting in report.waiting)
        if behind:
            lines.append(
                self.tr(
                    "The team folder no longer holds everything this computer missed. It waits "
                    "for a team snapshot to catch up from; nothing made here is lost. Keep the "
                    "other computers syncing, or ask one to sync now."
                )
            )
        if report.export_error is not None:
            lines.append(
                self.tr("Nothing was sent: {reason}").format(reason=error_text(report.export_error))
            )
        if (
            report.nothing_new
            and not report.newly_skipped
            and report.export_error is None
            and not behind
        ):
            lines.append(self.tr("Everything was already up to date."))
        return lines

    def _fill_details(self, report: SyncReport) -> None:
        for skipped in report.newly_skipped:
            self.details.addItem(
                self.tr("Skipped {file}: {reason}").format(
                    file=_short_path(skipped.path), reason=message_for(skipped.code)
                )
            )
        for refused in report.refused:
            self.details.addItem(
                self.tr(
                    "Computer {device}, file {seq}: a change to {field} was not kept: {reason}"
                ).format(
                    device=short_device(refused.device_id),
                    seq=refused.seq,
                    field=f"{refused.entity}.{refused.field}",
                    reason=message_for(refused.code),
                )
            )
        for waiting in report.waiting:
            if waiting.reason == "compacted":
                self.details.addItem(
                    self.tr(
                        "Computer {device}: its file {seq} and some after it were cleared from "
                        "the team folder; waiting for a team snapshot."
                    ).format(device=short_device(waiting.device_id), seq=waiting.missing_seq)
                )
                continue
            self.details.addItem(
                self.tr("Computer {device}: waiting for its file {seq}.").format(
                    device=short_device(waiting.device_id), seq=waiting.missing_seq
                )
            )
        if report.removed:
            self.details.addItem(
                self.tr(
                    "Removed {count} of this computer's own files from the team folder: every "
                    "other computer has them."
                ).format(count=len(report.removed))
            )
        for device in report.missing_devices:
            self.details.addItem(
                self.tr(
                    "The folder of computer {device} is missing or empty. Nothing was deleted "
                    "here; check the shared folder."
                ).format(device=short_device(device))
            )
        for future in report.future_clocks:
            self.details.addItem(
                self.tr(
                    "Computer {device} made changes dated in the future. Check its date and "
                    "time settings."
                ).format(device=short_device(future.device_id))
            )

    @classmethod
    def present(
        cls,
        report: SyncReport | None,
        error: Exception | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """The seam tests replace; the real one is modal."""
        cls(report, error, parent).exec()


def _short_path(path: Path) -> str:
    # Enough to find the file; the team folder's own path is long and the same for all.
    return "/".join(path.parts[-3:])
