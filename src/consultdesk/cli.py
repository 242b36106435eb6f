"""Command line: `consultdesk` opens the app; subcommands do headless work.

Headless commands read the passphrase from CONSULTDESK_PASSPHRASE or ask on the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from consultdesk import __version__
from consultdesk.paths import default_data_dir

PASSPHRASE_ENV = "CONSULTDESK_PASSPHRASE"


class CliError(Exception):
    """A failure to report in one line, with exit status 1."""


def _passphrase(confirm: bool = False) -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"Set {PASSPHRASE_ENV} or run in a terminal to type the passphrase.")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise CliError("The two passphrases are not the same.")
    return first


def _cmd_demo(args: argparse.Namespace) -> int:
    from consultdesk.services.demo import MAX_RESIDENTS, fill_demo
    from consultdesk.services.workspace import Profile, Workspace

    if not 0 <= args.residents <= MAX_RESIDENTS:
        raise CliError(f"--residents must be between 0 and {MAX_RESIDENTS}.")
    if Workspace.exists(args.data_dir):
        raise CliError(f"{args.data_dir} already holds a database; demo data goes into a new one.")
    passphrase = _passphrase(confirm=True)
    ws = Workspace.create(
        args.data_dir, passphrase, passphrase, Profile("김약사 (예시)", "예시약국", "010-0000-1234")
    )
    try:
        fill_demo(ws, residents=args.residents)
    finally:
        ws.close()
    print(f"Created {args.residents} fictional residents in {args.data_dir}")
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    from consultdesk.ui.app import run_app

    return run_app(args.data_dir, lang=args.lang, bench_startup=args.bench_startup)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="consultdesk", description="복약상담 데스크 ConsultDesk")
    parser.add_argument("--version", action="version", version=f"ConsultDesk {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder of the local database (default: the user data folder)",
    )
    parser.add_argument("--lang", choices=["ko", "en"], default=None, help="language of the window")
    parser.add_argument("--bench-startup", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="create a new database filled with fictional residents")
    demo.add_argument("--residents", type=int, default=200)
    demo.set_defaults(func=_cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.data_dir is None:
        args.data_dir = default_data_dir()
    func = getattr(args, "func", _cmd_gui)
    try:
        return int(func(args))
    except CliError as e:
        print(f"consultdesk: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # storage and validation errors carry a message meant for people
        if type(e).__module__.startswith("consultdesk."):
            print(f"consultdesk: {e}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
