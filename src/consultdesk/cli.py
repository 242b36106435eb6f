"""Command line: `consultdesk` opens the app; subcommands do headless work.

Headless commands read the passphrase from CONSULTDESK_PASSPHRASE or ask on the terminal.

What the commands say follows ``--lang`` (ko or en), like the window: by default the language
chosen in the app's settings, else the system's (Korean unless it is English; a terminal
without a language, the C or POSIX locale, gets English). The sentences are translated with
the app's Qt Linguist catalogue (context "Cli" here, "Messages" for the core's error codes),
read directly, so no Qt application is made.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import gettext
import os
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

from consultdesk import __version__, process
from consultdesk.paths import default_data_dir

PASSPHRASE_ENV = "CONSULTDESK_PASSPHRASE"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks a sentence for the catalogue where it is defined; translate() shows it."""
    return text


HELP_EPILOG = QT_TRANSLATE_NOOP(
    "Cli",
    """passphrases:
  CONSULTDESK_PASSPHRASE       the database's passphrase for headless commands (otherwise they
                               ask on the terminal)
  CONSULTDESK_TEAM_PASSPHRASE  the team's passphrase for `team` and `sync`

examples:
  consultdesk --data-dir ~/cd init --name 박약사
  consultdesk --data-dir ~/cd residents --find 김순
  consultdesk --data-dir ~/cd export referral --resident ID --out 의뢰서.pdf --reason "복지관 연계"
  consultdesk --data-dir ~/cd export medlist --resident ID --out 복약목록.pdf --reason "본인 제공"
  CONSULTDESK_PASSPHRASE=… consultdesk --data-dir ~/cd backup --to /media/usb
  consultdesk --lang en --data-dir ~/cd verify
""",
)


class CliError(Exception):
    """A failure to report in one line, with exit status 1 (already in the chosen language)."""


# --- language ---------------------------------------------------------------------------


class _Catalogue:
    """The chosen language's sentences, read from its .ts file the first time one is needed:
    opening the window (the command without a subcommand) needs none, and reading the Korean
    file cost every start 8 ms (measured in-process, LANG=ko_KR.UTF-8)."""

    def __init__(self) -> None:
        self.lang = "en"
        self._words: dict[tuple[str, str], str] | None = None

    def choose(self, lang: str) -> None:
        self.lang, self._words = lang, None

    def words(self) -> dict[tuple[str, str], str]:
        """The sentences; empty for English (the source language) or a missing file."""
        if self.lang == "en":
            return {}
        if self._words is None:
            from consultdesk import catalogue
            from consultdesk.paths import resource_path

            path = resource_path(f"i18n/consultdesk_{self.lang}.ts")
            self._words = catalogue.read_ts(path) if path.is_file() else {}
        return self._words


_catalogue = _Catalogue()


def translate(context: str, text: str) -> str:
    """``text`` (English, the source language) in the chosen language. Written out as
    translate("Cli", "…") so that `make translations` finds every sentence."""
    words = _catalogue.words()
    return (words.get((context, text)) or text) if words else text


def choose_language(choice: str | None, data_dir: Path | None) -> str:
    """--lang, else the app's saved choice, else the system's language as the app takes it
    (Korean unless the system is English), except that the C/POSIX locale gives English."""
    from consultdesk import catalogue

    if choice in catalogue.LANGUAGES:
        return choice
    if data_dir is not None:
        saved = catalogue.saved_language(data_dir)
        if saved in catalogue.LANGUAGES:
            return saved
    return catalogue.system_language()


# argparse's own words (usage, its errors), which it looks up through gettext: in the
# catalogue too, so that a wrong command line is answered in the chosen language.
_ARGPARSE_WORDS = [
    QT_TRANSLATE_NOOP("Cli", "usage: "),
    QT_TRANSLATE_NOOP("Cli", "options"),
    QT_TRANSLATE_NOOP("Cli", "positional arguments"),
    QT_TRANSLATE_NOOP("Cli", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Cli", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Cli", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Cli", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Cli", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Cli", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Cli", "expected one argument"),
    QT_TRANSLATE_NOOP("Cli", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Cli", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Cli", "not allowed with argument %s"),
]


# What argparse says while a parser is built (its groups' titles, the help of -h): kept in
# English there and translated by _TranslatingFormatter when the help is shown.
_BUILD_WORDS = frozenset(("positional arguments", "options", "show this help message and exit"))


def _argparse_word(text: str) -> str:
    if text in _BUILD_WORDS:
        return text
    return translate("Cli", text) if text in _ARGPARSE_WORDS else gettext.gettext(text)


def install_language(lang: str) -> None:
    """Use the app's catalogue for ``lang``, read without Qt (consultdesk/catalogue.py) when a
    sentence is first asked for."""
    _catalogue.choose(lang)
    argparse._ = gettext.gettext if lang == "en" else _argparse_word  # type: ignore[attr-defined]


def core_text(error: BaseException) -> str:
    """A core error or validation problem in the chosen language: in English its own message
    (worded for the command line where it matters, "restore with --force"), otherwise its
    code's sentence in the app's catalogue."""
    from consultdesk.domain.problems import ValidationFailed
    from consultdesk.ui import messages

    def sentence(code: object, params: object, default: str) -> str:
        source = messages._MESSAGES.get(code) if isinstance(code, str) else None
        if source is None or not _catalogue.words():
            return default
        text = translate("Messages", str(source))
        try:
            return text.format(**(params if isinstance(params, dict) else {}))
        except (KeyError, IndexError):
            return text

    if isinstance(error, ValidationFailed):
        return " ".join(
            sentence(p.code, p.params, p.default_message or p.code) for p in error.problems
        )
    return sentence(getattr(error, "code", None), getattr(error, "context", None), str(error))


def os_error_text(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        from consultdesk.storage.errors import DiskFull

        return core_text(DiskFull())
    where = f" {error.filename}" if error.filename else ""
    if isinstance(error, FileExistsError | NotADirectoryError):
        return translate(
            "Cli",
            "Cannot write{where}: a file of that name is in the way where a folder is needed. "
            "Choose another place with --out.",
        ).format(where=where)
    return translate("Cli", "Cannot write{where}: {reason}.").format(
        where=where, reason=error.strerror or error
    )


def _passphrase(confirm: bool = False) -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliError(
            translate("Cli", "Set {variable} or run in a terminal to type the passphrase.").format(
                variable=PASSPHRASE_ENV
            )
        )
    first = getpass.getpass(translate("Cli", "Passphrase: "))
    if confirm and getpass.getpass(translate("Cli", "Passphrase again: ")) != first:
        raise CliError(translate("Cli", "The two passphrases are not the same."))
    return first


def _cmd_demo(args: argparse.Namespace) -> int:
    import time

    from consultdesk.demo import MAX_RESIDENTS, MAX_SESSIONS, fill_demo
    from consultdesk.services.workspace import Profile, Workspace

    if not 0 <= args.residents <= MAX_RESIDENTS:
        raise CliError(
            translate("Cli", "--residents must be between 0 and {max}.").format(max=MAX_RESIDENTS)
        )
    if args.sessions is not None and not 0 <= args.sessions <= MAX_SESSIONS:
        raise CliError(
            translate("Cli", "--sessions must be between 0 and {max}.").format(max=MAX_SESSIONS)
        )
    if Workspace.exists(args.data_dir):
        raise CliError(
            translate(
                "Cli", "{folder} already holds a database; demo data goes into a new one."
            ).format(folder=args.data_dir)
        )
    passphrase = _passphrase(confirm=True)
    started = time.perf_counter()
    filled = []
    # Filled before the database gets its name: a demo killed half-way leaves nothing behind.
    ws = Workspace.create(
        args.data_dir,
        passphrase,
        passphrase,
        Profile("김약사 (예시)", "예시약국", "010-0000-1234"),
        fill=lambda new: filled.append(
            fill_demo(new, residents=args.residents, sessions=args.sessions)
        ),
    )
    ws.close()
    summary = filled[0]
    print(
        translate(
            "Cli",
            "Created {residents} fictional residents with {sessions} consultations ({medicines} "
            "medicines) in {folder} in {seconds} s",
        ).format(
            residents=summary.residents,
            sessions=summary.sessions,
            medicines=summary.medications,
            folder=args.data_dir,
            seconds=f"{time.perf_counter() - started:.1f}",
        )
    )
    return 0


# --- team sync ----------------------------------------------------------------------

TEAM_PASSPHRASE_ENV = "CONSULTDESK_TEAM_PASSPHRASE"


def _cmd_init(args: argparse.Namespace) -> int:
    """First-time set-up without a window (an installer, a script, a smoke test): the same
    checks as the set-up dialog, and the database is created atomically."""
    from consultdesk.domain.problems import ValidationFailed
    from consultdesk.services.workspace import Profile, Workspace

    if Workspace.exists(args.data_dir):
        raise CliError(
            translate("Cli", "{folder} already holds a database.").format(folder=args.data_dir)
        )
    passphrase = _passphrase(confirm=True)
    try:
        ws = Workspace.create(
            args.data_dir, passphrase, passphrase, Profile(args.name, args.pharmacy, args.phone)
        )
    except ValidationFailed as failed:
        raise CliError(core_text(failed)) from None
    ws.close()
    print(
        translate("Cli", "Created an encrypted database for {name} in {folder}.").format(
            name=args.name, folder=args.data_dir
        )
    )
    return 0


def _cmd_residents(args: argparse.Namespace) -> int:
    """Ids for the other commands (`export --resident ID`): id, name, birth year, centre."""
    from consultdesk.services.residents import search_residents

    ws = _open_workspace(args.data_dir)
    try:
        rows, total = search_residents(ws, args.find, limit=args.limit)
    finally:
        ws.close()
    for row in rows:
        born = str(row.birth_date.year) if row.birth_date else "-"
        print(f"{row.id}\t{row.name}\t{born}\t{row.centre_name or '-'}")
    if total > len(rows):
        print(
            translate("Cli", "… {count} more; narrow it with --find").format(
                count=total - len(rows)
            ),
            file=sys.stderr,
        )
    return 0


def _team_passphrase(confirm: bool = False) -> str:
    value = os.environ.get(TEAM_PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliError(
            translate(
                "Cli", "Set {variable} or run in a terminal to type the team passphrase."
            ).format(variable=TEAM_PASSPHRASE_ENV)
        )
    first = getpass.getpass(translate("Cli", "Team passphrase: "))
    if confirm and getpass.getpass(translate("Cli", "Team passphrase again: ")) != first:
        raise CliError(translate("Cli", "The two team passphrases are not the same."))
    return first


def _open_workspace(data_dir: Path):  # type: ignore[no-untyped-def]
    from consultdesk.services.workspace import Workspace

    if not Workspace.exists(data_dir):
        raise CliError(
            translate(
                "Cli", "{folder} holds no ConsultDesk database; start the app once first."
            ).format(folder=data_dir)
        )
    ws = Workspace.unlock(data_dir, _passphrase(), upgrading=_say_upgrading)
    process.release_collector()  # the command's modules are in (consultdesk/process.py)
    return ws


def _say_upgrading() -> None:
    print(
        translate(
            "Cli",
            "Updating the database for this version of ConsultDesk, after a backup: with many "
            "records this takes a few minutes.",
        ),
        file=sys.stderr,
        flush=True,
    )


def _cmd_team(args: argparse.Namespace) -> int:
    from consultdesk.services import sync, team_devices

    ws = _open_workspace(args.data_dir)
    try:
        if args.team_command == "create":
            team = sync.create_team(ws, args.folder, args.name, _team_passphrase(confirm=True))
            print(
                translate("Cli", "Created team {name} in {folder}").format(
                    name=repr(team.name), folder=team.folder
                )
            )
        elif args.team_command == "join":
            team = sync.join_team(ws, args.folder, _team_passphrase())
            print(
                translate(
                    "Cli", "Joined team {name} in {folder}; run 'consultdesk sync' next."
                ).format(name=repr(team.name), folder=team.folder)
            )
        elif args.team_command == "retire":
            device = team_devices.retire_device(ws, args.device)
            print(
                translate(
                    "Cli", "Retired computer {device}: its changes stay, nobody waits for it."
                ).format(device=device.device_id)
            )
        else:
            for member in team_devices.team_devices(ws):
                marks = [translate("Cli", "this computer")] if member.this_computer else []
                if member.retired is not None:
                    marks.append(
                        translate("Cli", "retired {day}").format(day=member.retired.retired_at[:10])
                    )
                print(
                    f"{member.device_id}\t{member.name or '-'}\t{member.imported_up_to}"
                    f"\t{', '.join(marks)}".rstrip()
                )
    finally:
        ws.close()
    return 0


def _cmd_sync(args: argparse.Namespace) -> int:
    from consultdesk.services import sync

    ws = _open_workspace(args.data_dir)
    try:
        if args.folder is not None:
            sync.move_team_folder(ws, args.folder)
        report = sync.sync_now(ws)
    finally:
        ws.close()
    summary = translate(
        "Cli",
        "Synced: sent {sent} changes in {written} bundles, read {read} bundles ({applied} "
        "changes applied), {conflicts} new conflicts, {skipped} files skipped.",
    ).format(
        sent=report.changes_sent,
        written=report.bundles_written,
        read=report.bundles_read,
        applied=report.changes_applied,
        conflicts=report.conflicts_raised,
        skipped=len(report.newly_skipped),  # the others were reported before
    )
    if report.export_error is not None:
        raise CliError(
            translate("Cli", "{summary} Nothing could be sent: {reason}").format(
                summary=summary, reason=core_text(report.export_error)
            )
        )
    print(summary)
    return 0


# --- documents ----------------------------------------------------------------------


def _cmd_export(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from consultdesk.domain.problems import ValidationFailed
    from consultdesk.services import documents, shared_referrals

    if args.reference is not None and args.kind != "referral":
        raise CliError(
            translate(
                "Cli", "--reference names a referral: use 'export referral --reference CODE'."
            )
        )
    if args.reference is None and args.resident is None:
        raise CliError(
            translate("Cli", "Give --resident ID (or, for a referral, --reference CODE).")
        )
    reason = _download_reason(args.reason)  # every document names the resident
    ws = _open_workspace(args.data_dir)
    try:
        if args.reference is not None:  # the same sheet again, on any laptop of the team
            request = shared_referrals.referral_by_reference(ws, args.reference, args.doc_lang)
        else:
            request = documents.DocumentRequest(
                documents.DocumentKind(args.kind),
                args.resident,
                consultation_id=args.consultation,
                lang=args.doc_lang,
            )
        try:
            prepared = documents.prepare_document(ws, request)
        except ValidationFailed as failed:
            # On the command line the id was typed, not picked: "deleted in the meantime",
            # the window's words for a resident gone while it was open, would mislead.
            codes = [problem.code for problem in failed.problems]
            if args.resident is not None and codes == ["resident_gone"]:
                raise CliError(
                    translate(
                        "Cli",
                        "No resident has the id {id}; 'consultdesk residents --find NAME' "
                        "lists the ids.",
                    ).format(id=args.resident)
                ) from None
            raise
        if (args.include_phone or args.include_district) and prepared.options is not None:
            # The ticks go on top of what the draft (or the observations' services) already holds.
            options = replace(
                prepared.options,
                include_phone=args.include_phone,
                include_district=args.include_district,
            )
            prepared = documents.prepare_document(ws, replace(prepared.request, options=options))
        result = documents.write_document(ws, prepared, args.out, reason=reason)
    finally:
        ws.close()
    print(
        translate("Cli", "Wrote {file} ({reference})").format(
            file=result.path, reference=result.reference
        )
    )
    return 0


def _download_reason(text: str | None) -> str:
    """--reason for a file that carries personal data, as the access log keeps it. The
    safety-measure standard asks for the reason of such a download, so it is required."""
    from consultdesk.domain.problems import ValidationFailed
    from consultdesk.services.access_log import parse_reason

    if text is None or not text.strip():
        raise CliError(
            translate(
                "Cli",
                "This file holds personal data: give the reason for the download with --reason "
                '(for example --reason "복지관 연계", "본인 제공", "처방의 전달" or your own '
                "words). It is kept in the access log.",
            )
        )
    try:
        return parse_reason(text)
    except ValidationFailed as failed:
        raise CliError(core_text(failed)) from None


# --- backups -----------------------------------------------------------------------


def _cmd_backup(args: argparse.Namespace) -> int:
    from consultdesk.services import backup

    ws = _open_workspace(args.data_dir)
    try:
        target = backup.backup_now(ws, args.to)
    finally:
        ws.close()
    print(translate("Cli", "Backed up to {file}").format(file=target))
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from consultdesk.services import backup

    if not args.file.is_file():
        raise CliError(translate("Cli", "{file} is not a file.").format(file=args.file))
    try:
        result = backup.restore(args.data_dir, args.file, _passphrase(), force=args.force)
    except (backup.BackupNewerDatabase, backup.PassphraseDiffers) as e:
        text = core_text(e)
        if _catalogue.words():  # the catalogue's sentence (the window's) says nothing of --force
            text += " " + translate(
                "Cli", "Restore with --force to replace it anyway (it is kept in backups/ first)."
            )
        raise CliError(text) from None
    if result.kept_current:
        text = translate(
            "Cli",
            "Restored {file}; the database it replaced is kept as {kept}. Run 'consultdesk "
            "sync' to get the team's changes.",
        )
    else:
        text = translate(
            "Cli", "Restored {file}. Run 'consultdesk sync' to get the team's changes."
        )
    print(text.format(file=result.restored_from, kept=result.kept_current))
    return 0


NEW_PASSPHRASE_ENV = "CONSULTDESK_NEW_PASSPHRASE"


def _cmd_change_passphrase(args: argparse.Namespace) -> int:
    from consultdesk.services.passphrase_change import change_passphrase

    current = _passphrase()
    new = os.environ.get(NEW_PASSPHRASE_ENV)
    again = new
    if not new:
        if not sys.stdin.isatty():
            raise CliError(
                translate("Cli", "Set {variable} or run in a terminal to type it.").format(
                    variable=NEW_PASSPHRASE_ENV
                )
            )
        new = getpass.getpass(translate("Cli", "New passphrase: "))
        again = getpass.getpass(translate("Cli", "New passphrase again: "))

    def rekeying(kept: Path) -> None:
        print(
            translate(
                "Cli", "Backed up to {file} (old passphrase). Changing the passphrase…"
            ).format(file=kept),
            flush=True,
        )

    change_passphrase(args.data_dir, current, new, again or "", rekeying)
    print(translate("Cli", "The passphrase is changed. Use the new one from now on."))
    return 0


# --- access log --------------------------------------------------------------------


def _date(text: str) -> date:
    """A date given on the command line, read as the windows read one (2026-12-01,
    2026. 12. 1., full-width digits; domain/dates.py)."""
    from consultdesk.domain.dates import parse_date

    found = parse_date(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            translate("Cli", "{text} is not a date like 2026-12-01").format(text=repr(text))
        )
    return found


def _cmd_access_log(args: argparse.Namespace) -> int:
    from consultdesk.domain.ids import short_device
    from consultdesk.services import access_log

    # The log names residents: its CSV is a download of personal data (the listing is a view).
    reason = _download_reason(args.reason) if args.csv is not None else ""
    # The team's rows come with the bundles; these narrow them to one laptop or pharmacist.
    device, person = args.device, args.pharmacist
    ws = _open_workspace(args.data_dir)
    try:
        if args.mark_checked:
            month = access_log.mark_checked(ws)
            print(
                translate("Cli", "Marked the access log of {month} as checked.").format(month=month)
            )
            return 0
        if args.csv is not None:
            count = access_log.export_csv(
                ws, args.csv, args.since, args.resident, reason, device=device, pharmacist=person
            )
            print(
                translate("Cli", "Wrote {count} rows to {file}").format(count=count, file=args.csv)
            )
            return 0
        rows = access_log.read_log(ws, args.since, args.resident, device=device, pharmacist=person)
        checked = access_log.checked_months(ws)
    finally:
        ws.close()
    lang = "ko" if _catalogue.words() else "en"
    for r in rows:
        who = f"{r.actor} ({short_device(r.device)})" if r.device else r.actor
        whom = f" {r.resident_name or r.resident_id}" if r.resident_id else ""
        action = access_log.ACTIONS.get(r.action, r.action)
        why = f"  [{access_log.reason_words(r.reason, lang)}]" if r.reason else ""
        print(f"{r.at}  {who}  {action}  {r.entity} {r.record_id}{whom}{why}")
    print(
        translate("Cli", "{count} rows. Months checked: {months}.").format(
            count=len(rows), months=", ".join(checked) or translate("Cli", "none")
        )
    )
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from consultdesk.domain.ids import short_device
    from consultdesk.services import access_log

    ws = _open_workspace(args.data_dir)
    try:
        report = access_log.verify_log(ws)
        integrity = ws.db.integrity_check()
    finally:
        ws.close()
    devices = ", ".join(
        translate("Cli", "{device}: {count} rows").format(device=short_device(d), count=n)
        for d, n in sorted(report.devices.items())
    )
    print(
        translate("Cli", "Access log: {devices}; {count} rows from before the chain.").format(
            devices=devices or translate("Cli", "no chained rows"), count=report.unchained
        )
    )
    problems = [
        translate("Cli", "device {device} row {row}: {reason}").format(
            device=short_device(b.device), row=b.seq, reason=_break_word(b.reason)
        )
        for b in report.breaks
    ]
    if integrity != ["ok"]:
        problems.append(
            translate("Cli", "database integrity check: {result}").format(
                result="; ".join(integrity[:3])
            )
        )
    if problems:
        raise CliError(
            translate("Cli", "The access log was changed after it was written: {problems}").format(
                problems="; ".join(problems)
            )
        )
    print(translate("Cli", "The access log chain and the database are intact."))
    return 0


def _break_word(reason: str) -> str:
    words = {
        "edited": translate("Cli", "edited"),
        "missing": translate("Cli", "missing"),
        "reordered": translate("Cli", "reordered"),
        "truncated": translate("Cli", "truncated (rows removed at the end)"),
    }
    return words.get(reason, reason)


# --- shared measures ---------------------------------------------------------------


def _cmd_report(args: argparse.Namespace) -> int:

    from consultdesk.services import measures, measures_files

    fmt = args.format or (args.out.suffix.lstrip(".").lower() if args.out else "")
    if fmt not in ("xlsx", "csv", "pdf", "json"):
        raise CliError(
            translate("Cli", "Choose --format xlsx, csv, pdf or json (or an --out file ending so).")
        )
    total = None
    if args.combine:
        try:
            report = measures_files.combine_files(list(args.combine))
        except measures_files.ReportFileError as e:
            raise CliError(translate("Cli", "Not combined: {reason}").format(reason=e)) from e
    else:
        if args.start is None or args.end is None:
            raise CliError(
                translate("Cli", "Give --from DATE and --to DATE (YYYY-MM-DD), or --combine FILES.")
            )
        try:
            start, end = _date(args.start), _date(args.end)
        except argparse.ArgumentTypeError as e:
            raise CliError(translate("Cli", "Write dates as YYYY-MM-DD.")) from e
        # A report with names and small counts is a download of personal data; a
        # de-identified one (JSON always is) needs no reason.
        reason = "" if args.deidentified or fmt == "json" else _download_reason(args.reason)
        ws = _open_workspace(args.data_dir)
        try:
            request = measures.ReportRequest(
                start, end, measures.GroupBy(args.by), centre_id=args.centre
            )
            total, report = measures.compute_reports(
                ws, request, (measures.GroupBy.ALL, request.by)
            )
            if args.deidentified or fmt == "json":
                # One table: a hidden group must not be the total minus the others.
                total, report = measures.deidentify_together([total, report])
            event = ws.audit("export", "measures", fmt, None)
            event.reason = reason
            plain = " deidentified" if report.deidentified else ""
            event.detail = f"{start}..{end} by {args.by}{plain}"
            with ws.db.session() as s:
                s.add(event)
        finally:
            ws.close()
    out = measures_files.write_report(report, args.out, fmt, args.doc_lang, total)
    print(translate("Cli", "Wrote {file}").format(file=out))
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    # First, so that the window's imports after PySide6 are not each read again by it.
    from consultdesk.ui import pyside_imports  # noqa: F401
    from consultdesk.ui.app import run_app

    return run_app(
        args.data_dir,
        lang=args.lang,
        bench_startup=args.bench_startup,
        bench_first_window=args.bench_first_window,
        bench_unlock=args.bench_unlock,
    )


class _Sentences(str):
    """A help text of several catalogue sentences, each translated when the help is shown."""

    parts: tuple[str, ...]

    def __new__(cls, *parts: str) -> _Sentences:
        made = super().__new__(cls, " ".join(parts))
        made.parts = parts
        return made


def _shown(text: str) -> str:
    parts = getattr(text, "parts", None)
    if parts:
        return " ".join(translate("Cli", part) for part in parts)
    return translate("Cli", text)


class _TranslatingFormatter(argparse.RawDescriptionHelpFormatter):
    """Translates the parser's texts (given in English, marked for the catalogue) when help is
    shown, not when the parser is built: opening the window builds it too, and translating
    there read the whole Korean catalogue on every start (8 ms, measured in-process)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help
        return _shown(text) if text and text != argparse.SUPPRESS else text

    def add_text(self, text: str | None) -> None:
        super().add_text(_shown(text) if text and text != argparse.SUPPRESS else text)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_shown(heading) if heading else heading)


def _translating(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``parser`` and its commands' parsers, at any depth, with the translating formatter."""
    parser.formatter_class = _TranslatingFormatter
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _translating(child)
    return parser


def _reason_help(after: str = "") -> str:
    reason = QT_TRANSLATE_NOOP(
        "Cli",
        "why this personal data is downloaded, kept in the access log: 복지관 연계 (welfare "
        "referral), 본인 제공 (resident), 처방의 전달 (prescriber), or your own words",
    )
    return _Sentences(reason, after) if after else reason


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="consultdesk",
        description=QT_TRANSLATE_NOOP(
            "Cli", "복약상담 데스크 ConsultDesk. Without a command it opens the app."
        ),
        formatter_class=_TranslatingFormatter,
        epilog=HELP_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"ConsultDesk {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=QT_TRANSLATE_NOOP(
            "Cli", "folder of the local database (default: the user data folder)"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=["ko", "en"],
        default=None,
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "language of the window and of what the commands say (default: the app's "
            "setting, else the system's)",
        ),
    )
    parser.add_argument("--bench-startup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bench-first-window", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bench-unlock", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")
    init = sub.add_parser(
        "init", help=QT_TRANSLATE_NOOP("Cli", "first-time set-up: a new encrypted database")
    )
    init.add_argument(
        "--name", required=True, help=QT_TRANSLATE_NOOP("Cli", "the pharmacist's name")
    )
    init.add_argument(
        "--pharmacy", default="", help=QT_TRANSLATE_NOOP("Cli", "pharmacy or organisation")
    )
    init.add_argument(
        "--phone", default="", help=QT_TRANSLATE_NOOP("Cli", "phone printed on the documents")
    )
    init.set_defaults(func=_cmd_init)
    residents_cmd = sub.add_parser(
        "residents", help=QT_TRANSLATE_NOOP("Cli", "list residents with their ids")
    )
    residents_cmd.add_argument(
        "--find", default="", help=QT_TRANSLATE_NOOP("Cli", "name, initials (ㄱㅁ) or phone digits")
    )
    residents_cmd.add_argument("--limit", type=int, default=50)
    residents_cmd.set_defaults(func=_cmd_residents)
    demo = sub.add_parser(
        "demo",
        help=QT_TRANSLATE_NOOP("Cli", "create a new database filled with fictional residents"),
    )
    demo.add_argument("--residents", type=int, default=200)
    demo.add_argument(
        "--sessions",
        type=int,
        default=None,
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "consultations in total (≤ 50,000, ≤ 8 per resident; default: 1 to 8 per resident)",
        ),
    )
    demo.set_defaults(func=_cmd_demo)
    team = sub.add_parser(
        "team",
        help=QT_TRANSLATE_NOOP("Cli", "create or join the team that syncs through a shared folder"),
    )
    team_sub = team.add_subparsers(dest="team_command", required=True)
    team_create = team_sub.add_parser(
        "create", help=QT_TRANSLATE_NOOP("Cli", "start a team in a shared folder")
    )
    team_create.add_argument(
        "--folder", type=Path, required=True, help=QT_TRANSLATE_NOOP("Cli", "the shared folder")
    )
    team_create.add_argument(
        "--name",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "the team's name, shown when joining"),
    )
    team_create.set_defaults(func=_cmd_team)
    team_join = team_sub.add_parser(
        "join", help=QT_TRANSLATE_NOOP("Cli", "join the team in a shared folder")
    )
    team_join.add_argument(
        "--folder",
        type=Path,
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "the shared or team folder"),
    )
    team_join.set_defaults(func=_cmd_team)
    team_devices = team_sub.add_parser(
        "devices",
        help=QT_TRANSLATE_NOOP(
            "Cli", "list the team's computers: id, pharmacist, last file, retired"
        ),
    )
    team_devices.set_defaults(func=_cmd_team)
    team_retire = team_sub.add_parser(
        "retire",
        help=QT_TRANSLATE_NOOP(
            "Cli", "take a lost or replaced computer out of the team (its changes stay)"
        ),
    )
    team_retire.add_argument(
        "device", help=QT_TRANSLATE_NOOP("Cli", "the computer's id, or its last 8 characters")
    )
    team_retire.set_defaults(func=_cmd_team)
    sync_cmd = sub.add_parser(
        "sync", help=QT_TRANSLATE_NOOP("Cli", "send this computer's changes and import the team's")
    )
    sync_cmd.add_argument(
        "--folder",
        type=Path,
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "where the team folder is now (if it moved)"),
    )
    sync_cmd.set_defaults(func=_cmd_sync)
    export = sub.add_parser(
        "export",
        help=QT_TRANSLATE_NOOP("Cli", "write a referral sheet, medication list or summary"),
    )
    export.add_argument("kind", choices=["referral", "medlist", "summary"])
    export.add_argument(
        "--resident", default=None, help=QT_TRANSLATE_NOOP("Cli", "the resident's id")
    )
    export.add_argument(
        "--reference",
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "a referral's reference code (reprints that sheet)"),
    )
    export.add_argument(
        "--consultation",
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "the consultation's id (default: the latest)"),
    )
    # The option's first name, still taken (scripts and notes written before --consultation).
    export.add_argument("--session", dest="consultation", default=None, help=argparse.SUPPRESS)
    export.add_argument(
        "--out", type=Path, required=True, help=QT_TRANSLATE_NOOP("Cli", "the PDF file to write")
    )
    export.add_argument(
        "--lang",
        dest="doc_lang",
        choices=["ko", "en"],
        default="ko",
        help=QT_TRANSLATE_NOOP("Cli", "document language"),
    )
    export.add_argument(
        "--include-phone",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "print the phone number"),
    )
    export.add_argument(
        "--include-district",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "print the district"),
    )
    export.add_argument("--reason", default=None, help=_reason_help())
    export.set_defaults(func=_cmd_export)
    backup_cmd = sub.add_parser(
        "backup", help=QT_TRANSLATE_NOOP("Cli", "an encrypted copy of the database")
    )
    backup_cmd.add_argument(
        "--to",
        type=Path,
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "folder for the copy (default: DATA_DIR/backups)"),
    )
    backup_cmd.set_defaults(func=_cmd_backup)
    restore_cmd = sub.add_parser(
        "restore", help=QT_TRANSLATE_NOOP("Cli", "replace the database with a backup")
    )
    restore_cmd.add_argument("file", type=Path, help=QT_TRANSLATE_NOOP("Cli", "the backup file"))
    restore_cmd.add_argument(
        "--force",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "even if the database here is newer than the backup"),
    )
    restore_cmd.set_defaults(func=_cmd_restore)
    report_cmd = sub.add_parser(
        "report",
        help=QT_TRANSLATE_NOOP(
            "Cli", "shared measures for a period (XLSX, CSV, PDF or de-identified JSON)"
        ),
    )
    report_cmd.add_argument(
        "--from", dest="start", default=None, help=QT_TRANSLATE_NOOP("Cli", "first day, YYYY-MM-DD")
    )
    report_cmd.add_argument(
        "--to", dest="end", default=None, help=QT_TRANSLATE_NOOP("Cli", "last day, YYYY-MM-DD")
    )
    report_cmd.add_argument(
        "--centre",
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "only this welfare centre's residents"),
    )
    report_cmd.add_argument(
        "--by",
        choices=["all", "month", "quarter", "year", "centre", "pharmacist", "age_band", "sex"],
        default="all",
    )
    report_cmd.add_argument("--format", choices=["xlsx", "csv", "pdf", "json"], default=None)
    report_cmd.add_argument(
        "--out", type=Path, required=True, help=QT_TRANSLATE_NOOP("Cli", "the file to write")
    )
    report_cmd.add_argument(
        "--deidentified",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "no names, small numbers suppressed"),
    )
    report_cmd.add_argument(
        "--combine",
        nargs="+",
        type=Path,
        default=None,
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "add several teams' de-identified JSON reports into one"),
    )
    report_cmd.add_argument(
        "--lang",
        dest="doc_lang",
        choices=["ko", "en"],
        default="ko",
        help=QT_TRANSLATE_NOOP("Cli", "report language"),
    )
    report_cmd.add_argument(
        "--reason",
        default=None,
        help=_reason_help(QT_TRANSLATE_NOOP("Cli", "(not for --deidentified or JSON)")),
    )
    report_cmd.set_defaults(func=_cmd_report)
    change = sub.add_parser(
        "change-passphrase",
        help=QT_TRANSLATE_NOOP(
            "Cli", "re-encrypt the database under a new passphrase (after a backup)"
        ),
    )
    change.set_defaults(func=_cmd_change_passphrase)
    log_cmd = sub.add_parser(
        "access-log", help=QT_TRANSLATE_NOOP("Cli", "who viewed, changed, printed or exported what")
    )
    log_cmd.add_argument(
        "--since",
        type=_date,
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "from this date (YYYY-MM-DD)"),
    )
    log_cmd.add_argument(
        "--resident", default=None, help=QT_TRANSLATE_NOOP("Cli", "only this resident's id")
    )
    log_cmd.add_argument(
        "--device",
        default=None,
        help=QT_TRANSLATE_NOOP(
            "Cli", "only this laptop's rows (its device id, or the 8 characters shown)"
        ),
    )
    log_cmd.add_argument(
        "--pharmacist",
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "only the rows of this pharmacist"),
    )
    log_cmd.add_argument(
        "--csv",
        type=Path,
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "write the rows to this CSV file"),
    )
    log_cmd.add_argument(
        "--reason", default=None, help=_reason_help(QT_TRANSLATE_NOOP("Cli", "(with --csv)"))
    )
    log_cmd.add_argument(
        "--mark-checked",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "record this month's inspection of the log"),
    )
    log_cmd.set_defaults(func=_cmd_access_log)
    verify = sub.add_parser(
        "verify", help=QT_TRANSLATE_NOOP("Cli", "check the access log's chain and the database")
    )
    verify.set_defaults(func=_cmd_verify)
    return _translating(parser)


def _language_of(argv: list[str] | None) -> str:
    """The language, known before the whole command line is read (so that what argparse
    reports from our checks, such as a malformed date, is in it too). Only the options before
    the command count: `export --lang` is the document's language."""
    tokens = iter(sys.argv[1:] if argv is None else argv)
    head: list[str] = []
    for token in tokens:
        if not token.startswith("-"):
            break
        head.append(token)
        if token in ("--lang", "--data-dir"):
            head.append(next(tokens, ""))
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", default=None)
    early.add_argument("--data-dir", type=Path, default=None)
    known, _ = early.parse_known_args(head)
    return choose_language(known.lang, known.data_dir or default_data_dir())


def run() -> NoReturn:
    """The `consultdesk` program: the console scripts, ``python -m consultdesk`` and the frozen
    build. ``main`` in a process of its own, started and ended as consultdesk/process.py says
    (the cyclic collector held while it starts; its objects not freed one by one at the end)."""
    process.hold_collector()
    try:
        code = main()
    except SystemExit as e:  # argparse's --help and its refusals
        code = _exit_status(e.code)
    window = sys.modules.get("consultdesk.ui.app")
    if window is not None:
        window.end_application()
    process.end(code)


def _exit_status(code: object) -> int:
    """What sys.exit makes of its argument: None is 0, a number itself, anything else is
    printed to stderr and gives 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    install_language(_language_of(argv))
    try:
        return _main(argv)
    finally:
        install_language("en")  # the source language again, for a caller in the same process


def _derive_key_ahead(data_dir: Path) -> None:
    """With the passphrase in the environment, derive the database key while the database
    layer is imported (storage/sqlcipher_key.py; about a quarter of a second each)."""
    from consultdesk.paths import DATABASE_FILE
    from consultdesk.storage import sqlcipher_key

    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        sqlcipher_key.derive_ahead(data_dir / DATABASE_FILE, passphrase)


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.data_dir is None:
        args.data_dir = default_data_dir()
    func = getattr(args, "func", _cmd_gui)
    if func is not _cmd_gui or getattr(args, "bench_startup", False):
        _derive_key_ahead(args.data_dir)  # (the start-up bench opens with the env passphrase)
    if func not in _RELEASE_WHEN_OPEN:
        process.release_collector()
    try:
        return int(func(args))
    except CliError as e:
        print(f"consultdesk: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # a file to write (--out, a backup): say which and why, no traceback
        print(f"consultdesk: {os_error_text(e)}", file=sys.stderr)
        return 1
    except Exception as e:  # storage and validation errors carry a message meant for people
        if type(e).__module__.startswith("consultdesk."):
            print(f"consultdesk: {core_text(e)}", file=sys.stderr)
            return 1
        raise


# The commands that open the database first thing: the collector stays held until it is open
# (_open_workspace), or, for the window, until the main window is painted. Every other command
# runs with it on (consultdesk/process.py).
_RELEASE_WHEN_OPEN = frozenset(
    (
        _cmd_gui,
        _cmd_export,
        _cmd_residents,
        _cmd_backup,
        _cmd_verify,
        _cmd_access_log,
        _cmd_sync,
        _cmd_team,
    )
)


if __name__ == "__main__":
    run()
