"""The "computers in the team" screen: every laptop with a folder in the team folder, and the way
to retire one that was lost, stolen or replaced."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.ids import short_device
from consultdesk.services import team_devices
from consultdesk.services.team_devices import TeamDevice
from consultdesk.services.workspace import Workspace
from consultdesk.ui.messages import error_text
from consultdesk.ui.times import DAY, local_text


class TeamDevicesDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Computers in the team"))
        intro = QLabel(
            self.tr(
                "Retire a computer that was lost, stolen or replaced: its changes stay, its "
                "folder stays, and no computer of the team waits for it any more. Its own "
                "database stays protected by its own passphrase. If it may be in someone "
                "else's hands, also start a new team folder with a new team passphrase."
            )
        )
        intro.setWordWrap(True)
        self.devices = QListWidget()
        self.devices.currentRowChanged.connect(self._chosen)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.retire_button = QPushButton(self.tr("Retire this computer…"))
        self.retire_button.clicked.connect(self.retire)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.devices, 1)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.setMinimumWidth(620)
        self.known: list[TeamDevice] = []
        self.refresh()

    def describe(self, device: TeamDevice) -> str:
        who = device.name or self.tr("name not known yet")
        text = self.tr("Computer {device} ({who})").format(
            device=short_device(device.device_id), who=who
        )
        if device.this_computer:
            text += " · " + self.tr("this computer")
        text += " · " + self.tr("files up to {seq}").format(seq=device.imported_up_to)
        if device.retired is not None:
            day = local_text(device.retired.retired_at, DAY)
            text += " · " + self.tr("retired on {day}").format(day=day)
        return text

    def refresh(self) -> None:
        try:
            self.known = team_devices.team_devices(self.ws)
        except Exception as error:
            self.known = []
            self.outcome.setText(error_text(error))
        self.devices.clear()
        for device in self.known:
            item = QListWidgetItem(self.describe(device))
            item.setData(Qt.ItemDataRole.UserRole, device.device_id)
            self.devices.addItem(item)
        self._chosen(self.devices.currentRow())

    def current(self) -> TeamDevice | None:
        row = self.devices.currentRow()
        return self.known[row] if 0 <= row < len(self.known) else None

    def _chosen(self, _row: int) -> None:
        device = self.current()
        self.retire_button.setEnabled(
            device is not None and not device.this_computer and device.retired is None
        )

    def retire(self) -> None:
        device = self.current()
        if device is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Retire a computer"))
        box.setText(
            self.tr(
                "Retire computer {device}? Its changes stay on every laptop, and no computer "
                "of the team waits for it or reports its folder missing any more."
            ).format(device=short_device(device.device_id))
        )
        yes = box.addButton(self.tr("Retire"), QMessageBox.ButtonRole.DestructiveRole)
        yes.setObjectName("retire")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not yes:
            return
        try:
            team_devices.retire_device(self.ws, device.device_id)
        except Exception as error:
            self.outcome.setText(error_text(error))
            return
        self.refresh()
        self.outcome.setText(
            self.tr("Computer {device} is retired.").format(device=short_device(device.device_id))
        )
