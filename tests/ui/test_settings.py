from consultdesk.ui import i18n
from consultdesk.ui.settings_dialog import SettingsDialog


def test_settings_offer_each_language_named_in_itself(qtbot, tmp_path):
    i18n.save_language(tmp_path, "en")
    dialog = SettingsDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.chosen_language() == "en"  # the saved choice is shown
    labels = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert labels[1:] == ["한국어", "English"]
    dialog.language.setCurrentIndex(1)
    assert dialog.chosen_language() == "ko"


def test_language_choice_resolves_to_a_catalogue(tmp_path):
    assert i18n.resolve("ko") == "ko"
    assert i18n.resolve("en") == "en"
    assert i18n.resolve("system") in i18n.LANGUAGES
    assert i18n.resolve(None) in i18n.LANGUAGES
    assert i18n.saved_language(tmp_path) == "system"  # nothing saved yet
    (tmp_path / "settings.ini").write_text("[General]\nlanguage=klingon\n", encoding="utf-8")
    assert i18n.saved_language(tmp_path) == "system"  # a damaged setting falls back
