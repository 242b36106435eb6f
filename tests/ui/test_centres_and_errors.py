import logging

from consultdesk.services import centres
from consultdesk.ui import errors
from consultdesk.ui.centres_view import CaseWorkerDialog, CentreDialog, CentresView


def test_add_and_edit_a_centre_and_its_case_worker(qtbot, workspace, monkeypatch):
    view = CentresView(workspace)
    qtbot.addWidget(view)
    assert view.centre_list.count() == 0
    assert not view.add_worker.isEnabled()

    def add_centre(ws, centre, parent):
        dialog = CentreDialog(ws, centre, parent)
        qtbot.addWidget(dialog)
        dialog.edits["name"].setText("햇살종합사회복지관")
        dialog.edits["phone"].setText("12")
        dialog.submit()
        assert "02-123-4567" in dialog.error.text()  # the phone message shows the expected shape
        dialog.edits["phone"].setText("021234567")
        dialog.submit()
        return dialog.saved_id

    monkeypatch.setattr(
        CentreDialog, "ask", classmethod(lambda cls, ws, c, parent=None: add_centre(ws, c, parent))
    )
    view.add_centre.click()
    assert view.centre_list.count() == 1
    assert "02-123-4567" in view.centre_list.item(0).text()

    def add_worker(ws, centre_id, worker, parent):
        dialog = CaseWorkerDialog(ws, centre_id, worker, parent)
        qtbot.addWidget(dialog)
        dialog.edits["name"].setText("이사례")
        dialog.edits["email"].setText("not an address")
        dialog.submit()
        assert "이메일" in dialog.error.text()
        dialog.edits["email"].setText("case@example.org")
        dialog.submit()
        return dialog.saved_id

    monkeypatch.setattr(
        CaseWorkerDialog,
        "ask",
        classmethod(lambda cls, ws, c, w, parent=None: add_worker(ws, c, w, parent)),
    )
    view.add_worker.click()
    assert view.worker_list.count() == 1
    assert [w.email for w in centres.list_case_workers(workspace)] == ["case@example.org"]


def test_a_case_worker_typed_in_full_width_is_saved_in_plain_form(qtbot, workspace):
    """A Korean input method in full-width mode (전각) types ０２－１２３ and ｋｉｍ＠…: the
    address and the number are kept in their plain forms, not refused."""
    centre = centres.save_centre(workspace, "햇살종합사회복지관")
    dialog = CaseWorkerDialog(workspace, centre, None)
    qtbot.addWidget(dialog)
    dialog.edits["name"].insert("김사례")  # an input method commits like insert
    dialog.edits["phone"].insert("０２－１２３－４５６７")
    dialog.edits["email"].insert("ｋｉｍ＠ｂｏｋｊｉ．ｏｒ．ｋｒ")
    dialog.submit()
    assert dialog.saved_id is not None, dialog.error.text()
    (saved,) = centres.list_case_workers(workspace, centre)
    assert (saved.phone, saved.email) == ("02-123-4567", "kim@bokji.or.kr")


def test_an_unexpected_error_is_logged_and_shown_calmly(tmp_path, no_error_dialogs):
    log_file = errors.setup_logging(tmp_path)
    try:
        raise ValueError("boom in a slot")
    except ValueError as e:
        errors._hook(type(e), e, e.__traceback__)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "boom in a slot" in log_file.read_text(encoding="utf-8")
    assert len(no_error_dialogs) == 1 and "ValueError" in no_error_dialogs[0]
    no_error_dialogs.clear()  # this one was expected
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "") == str(log_file):
            root.removeHandler(handler)
            handler.close()
