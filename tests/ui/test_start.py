from consultdesk.services.workspace import Workspace
from consultdesk.ui.start import SetupDialog, UnlockDialog
from tests.conftest import PASSPHRASE


def test_first_start_creates_an_encrypted_database(qtbot, tmp_path):
    dialog = SetupDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert "이름을 입력하세요" in dialog.error.text()
    assert "8자 이상" in dialog.error.text()
    dialog.name.insert("박약사")
    qtbot.keyClicks(dialog.passphrase, "long enough")
    qtbot.keyClicks(dialog.again, "long enougH")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert "두 암호가 서로 다릅니다" in dialog.error.text()
    assert not Workspace.exists(tmp_path)
    dialog.again.setText("long enough")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert dialog.workspace is not None
    dialog.workspace.close()
    assert Workspace.exists(tmp_path)


def test_a_wrong_passphrase_is_a_message_and_another_try(qtbot, workspace):
    data_dir = workspace.data_dir
    workspace.close()
    dialog = UnlockDialog(data_dir)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert "암호가 틀렸거나" in dialog.error.text()
    assert dialog.workspace is None
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert dialog.workspace is not None and dialog.workspace.profile.pharmacist_name == "박약사"
    dialog.workspace.close()


def test_opening_a_database_of_an_older_version_says_it_is_being_updated(qtbot, tmp_path):
    """The 0011 release database: the backup and the migrations since take minutes for a large
    one, and the window says so instead of "Opening…" alone. A current database does not."""
    import shutil
    from pathlib import Path

    from PySide6.QtCore import Qt

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    data_dir = tmp_path / "old"
    data_dir.mkdir()
    shutil.copy(fixtures / "schema_0011.db", data_dir / "consultdesk.db")
    for passes in range(2):
        dialog = UnlockDialog(data_dir)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.passphrase, "fixture passphrase")
        with qtbot.waitSignal(dialog.accepted, timeout=30_000):
            qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        assert dialog.workspace is not None
        dialog.workspace.close()
        updating = "새 버전에 맞게 데이터베이스를 바꾸는 중입니다" in dialog.status.text()
        assert updating == (passes == 0), dialog.status.text()
        # Its lines wrap, and the window grew to show them all (it was cut off at first).
        status = dialog.status
        assert status.height() >= status.heightForWidth(status.width()) > 0
    assert any((data_dir / "backups").glob("before-0011-*.db"))


def _count_derivations(monkeypatch):
    """(passphrase, thread name) of every key derivation from here on."""
    import hashlib
    import threading

    from consultdesk.storage import sqlcipher_key

    derived = []
    real = hashlib.pbkdf2_hmac

    def counted(name, password, salt, iterations, dklen):
        derived.append((password.decode(), threading.current_thread().name))
        return real(name, password, salt, iterations, dklen)

    monkeypatch.setattr(sqlcipher_key.hashlib, "pbkdf2_hmac", counted)
    return derived


def test_the_key_is_derived_while_the_passphrase_is_typed_and_enter_takes_it(
    qtbot, workspace, monkeypatch
):
    """The quarter-second key derivation ran after Enter; now it runs beside the typing, and
    Enter opens the database with the key of what was typed (none derived after it)."""
    from PySide6.QtCore import Qt

    data_dir = workspace.data_dir
    workspace.close()
    derived = _count_derivations(monkeypatch)
    dialog = UnlockDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.waitUntil(
        lambda: bool(derived) and derived[-1][0] == PASSPHRASE and dialog.typing.settled(0)
    )
    before_enter = len(derived)
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.workspace is not None
    dialog.workspace.close()
    assert dialog.typing.take(PASSPHRASE) is None  # the window is done: its key is dropped
    assert len(derived) == before_enter  # nothing derived once Enter was pressed
    assert {thread for _, thread in derived} == {"key-while-typing"}
    assert len(derived) < len(PASSPHRASE)  # one at a time, the newest text each time


def test_an_unreadable_database_is_said_when_submitted_not_when_the_window_opens(qtbot, tmp_path):
    """The window reads nothing of the file before a key is typed, and a file it cannot read
    (here a folder where the database should be) is the opening's message, as before."""
    (tmp_path / "consultdesk.db").mkdir()
    dialog = UnlockDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15_000)
    assert dialog.error.text() and dialog.workspace is None


def test_a_window_that_goes_without_finishing_drops_the_key_typed(qtbot, workspace):
    """The unlock window destroyed while still up (its parent closed, the app quitting): the
    key of what was typed does not stay in memory after it."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    data_dir = workspace.data_dir
    workspace.close()
    parent = QWidget()
    dialog = UnlockDialog(data_dir, parent)
    typing = dialog.typing
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.waitUntil(lambda: typing.settled(0) and typing.take(PASSPHRASE) is not None)
    shiboken6.delete(parent)  # the dialog with it, never finished
    assert typing.take(PASSPHRASE) is None
