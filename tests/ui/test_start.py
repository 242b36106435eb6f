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
