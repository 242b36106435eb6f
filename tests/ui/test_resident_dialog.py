from datetime import date

from PySide6.QtCore import Qt

from consultdesk.services import centres, residents
from consultdesk.ui.resident_dialog import ResidentDialog
from consultdesk.ui.residents_view import ResidentsView


def test_type_validate_save_and_find_by_initials(qtbot, workspace, monkeypatch):
    centre = centres.save_centre(workspace, "햇살종합사회복지관", "서울 관악구")
    centres.save_case_worker(workspace, centre, "이사례", "010-0000-2222")
    view = ResidentsView(workspace)
    qtbot.addWidget(view)

    def fill_dialog(ws, resident_id, parent):
        dialog = ResidentDialog(ws, resident_id, parent)
        qtbot.addWidget(dialog)
        dialog.name.insert("김나다")  # QTest can only type ASCII; Hangul goes through an IME
        qtbot.keyClicks(dialog.birth_date, "1948-13-05")  # no 13th month
        qtbot.keyClicks(dialog.phone, "01001234567")
        dialog.notes.insertPlainText("주민번호 480305-1234567 받음")
        dialog.submit()
        assert dialog.result() != ResidentDialog.DialogCode.Accepted
        text = dialog.error.text()
        assert "YYYY-MM-DD" in text
        assert "주민등록번호" in text
        assert dialog.name.text() == "김나다"  # nothing typed is lost
        dialog.birth_date.setText("1948-03-05")
        assert "만 78세" in dialog.age.text() or "만 77세" in dialog.age.text()
        dialog.notes.setPlainText("계단이 많은 집")
        dialog.centre.setCurrentIndex(dialog.centre.findData(centre))
        assert dialog.case_worker.count() == 2  # (none) + 이사례
        dialog.case_worker.setCurrentIndex(1)
        dialog.submit()
        assert dialog.saved_id is not None
        return dialog.saved_id

    monkeypatch.setattr(
        ResidentDialog,
        "ask",
        classmethod(lambda cls, ws, rid=None, parent=None: fill_dialog(ws, rid, parent)),
    )
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    saved = view.selected_id()
    assert saved is not None
    assert "김나다" in view.panel.summary.text()
    assert "이사례" in view.panel.summary.text()

    view.search.setText("박")  # someone else: the overview must not keep the previous resident
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.panel.detail is None and not view.panel.body.isVisibleTo(view)

    view.search.clear()
    view.search.insert("ㄱㄴㄷ")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.index(0, 0).data() == "김나다"
    assert view.model.index(0, 3).data() == "010-0123-4567"
    assert residents.open_resident(workspace, saved).data.phone == "010-0123-4567"


def test_editing_loads_the_saved_values(qtbot, workspace):
    from consultdesk.domain.resident import ResidentDraft

    rid = residents.save_resident(
        workspace,
        ResidentDraft(
            name="박민서", birth_date="1950-01-02", sex="female", living_situation="alone"
        ),
    )
    dialog = ResidentDialog(workspace, rid)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "박민서"
    assert dialog.sex.currentData() == "female"
    assert dialog.living.currentText() == "혼자 삶 (독거)"
    dialog.phone.setText("02 123 4567")
    dialog.submit()
    assert residents.open_resident(workspace, rid).data.phone == "02-123-4567"


def test_residents_model_passes_qt_model_checks(qtmodeltester, workspace):
    from consultdesk.demo import fill_demo
    from consultdesk.ui.resident_model import ResidentTableModel

    fill_demo(workspace, residents=30)
    model = ResidentTableModel()
    model.set_rows(residents.search_residents(workspace, "")[0])
    qtmodeltester.check(model)
    assert model.rowCount() == 30


def test_a_full_disk_keeps_the_dialog_open_with_everything_typed(qtbot, workspace):
    from tests.disk_full import disk_full

    dialog = ResidentDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.name.insert("김민수")
    dialog.notes.setPlainText("계단이 많은 집. " * 20_000)
    with disk_full(workspace.db):
        dialog.submit()
    assert dialog.saved_id is None
    assert "디스크 공간이 부족합니다" in dialog.error.text()
    assert dialog.name.text() == "김민수"
    assert dialog.notes.toPlainText().startswith("계단이 많은 집.")
    dialog.submit()
    assert dialog.saved_id is not None


def test_a_birth_year_alone_is_typed_kept_and_shown_as_about(qtbot, workspace):
    """Issue 11: when the registered birthday is not the real one, the year is enough."""
    from datetime import date

    dialog = ResidentDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.name.setText("최복순")
    qtbot.keyClicks(dialog.birth_date, "1944")
    age = date.today().year - 1944
    assert dialog.age.text() == f"만 {age}세쯤 (출생 연도만 앎)"
    dialog.submit()
    rows, _ = residents.search_residents(workspace, "최복순")
    detail = residents.open_resident(workspace, rows[0].id)
    assert detail.data.birth_approximate and detail.data.birth_date == date(1944, 7, 1)
    again = ResidentDialog(workspace, rows[0].id)
    qtbot.addWidget(again)
    assert again.birth_date.text() == "1944"
    view = ResidentsView(workspace)
    qtbot.addWidget(view)
    view.select(rows[0].id)
    assert "1944년생쯤" in view.panel.summary.text()


def test_full_width_digits_typed_in_the_dialog_are_saved_and_found(qtbot, workspace):
    """A Korean input method in full-width mode (전각) commits ０１０ for 010: the phone is saved
    in the usual form, the birth date read, and the list's search finds the phone by them."""
    dialog = ResidentDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.name.insert("정전각")  # QTest types ASCII only; an input method commits like insert
    dialog.birth_date.insert("１９４５－０３－０２")
    dialog.phone.insert("０１０ ２４６８ １３５７")
    dialog.submit()
    assert dialog.saved_id is not None, dialog.error.text()
    saved = residents.open_resident(workspace, dialog.saved_id).data
    assert (saved.phone, saved.birth_date) == ("010-2468-1357", date(1945, 3, 2))

    again = ResidentDialog(workspace, dialog.saved_id)
    qtbot.addWidget(again)
    assert again.phone.text() == "010-2468-1357"

    view = ResidentsView(workspace)
    qtbot.addWidget(view)
    view.search.insert("２４６８")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.index(0, 0).data() == "정전각"
