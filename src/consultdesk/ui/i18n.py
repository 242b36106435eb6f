"""Language: Korean or English through Qt Linguist catalogues (resources/i18n/*.qm).

The choice is kept in a small settings file next to the database (it is needed before the
database is unlocked); "system" follows the operating system's locale.

Qt's own catalogue (qtbase_ko.qm, shipped in the PySide6 wheel) is loaded under ours, so the
texts Qt draws itself (context menus of text fields, file and print dialogs, message-box
buttons) are Korean in the Korean UI too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from consultdesk.paths import resource_path

LANGUAGES = ("ko", "en")
_installed: list[QTranslator] = []
_current = ["ko"]


def current_language() -> str:
    """The language of the installed catalogue ("ko" or "en"), for data with both texts."""
    return _current[0]


def settings(data_dir: Path) -> QSettings:
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)


def saved_language(data_dir: Path) -> str:
    value = str(settings(data_dir).value("language", "system"))
    return value if value in (*LANGUAGES, "system") else "system"


def save_language(data_dir: Path, value: str) -> None:
    settings(data_dir).setValue("language", value)


def resolve(choice: str | None) -> str:
    if choice in LANGUAGES:
        return choice
    # Korean users first: anything that is not clearly English gets Korean.
    return "en" if QLocale.system().language() == QLocale.Language.English else "ko"


def qt_catalogue(lang: str) -> Path:
    """Qt's own catalogue for `lang` (English needs none: it is Qt's source language)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return Path(folder) / f"qtbase_{lang}.qm"


def install(lang: str) -> str:
    """Load the catalogue for `lang` (replacing the previous one). Returns the language used."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_qm = qt_catalogue(lang)
    if lang != "en" and qt_qm.exists():
        # Installed first, so ours (installed last, searched first) wins where both have a text.
        qt_translator = QTranslator(app)
        if qt_translator.load(str(qt_qm)):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
    translator = QTranslator(app)
    qm = resource_path(f"i18n/consultdesk_{lang}.qm")
    if not translator.load(str(qm)):
        raise FileNotFoundError(f"translation catalogue missing: {qm} (run `make translations`)")
    app.installTranslator(translator)
    _installed.append(translator)
    _current[0] = lang
    QLocale.setDefault(
        QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English)
    )
    return lang
