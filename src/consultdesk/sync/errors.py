"""Sync errors a person can act on.

Each error has a stable ``code`` that the UI translates, an English default message, and the
values the message mentions (``context``) so a translation can show them too.
"""

from __future__ import annotations

from typing import ClassVar


class SyncError(Exception):
    code: ClassVar[str] = "sync_error"
    default_message: ClassVar[str] = "Sync failed: {detail}"

    def __init__(self, message: str | None = None, **context: object) -> None:
        context.setdefault("detail", "")
        self.context = context
        self.message = message or self.default_message.format_map(_Known(context))
        super().__init__(self.message)


class _Known(dict[str, object]):
    # A message must never fail to build because a caller left out one of its values.
    def __missing__(self, key: str) -> str:
        return "?"


class ShareUnavailable(SyncError):
    code = "share_unavailable"
    default_message = (
        "Cannot reach the shared folder {path} ({detail}). Nothing was changed on this computer; "
        "the next sync continues where this one stopped."
    )


# --- team set-up -------------------------------------------------------------------------------


class TeamFileInvalid(SyncError):
    code = "team_file_invalid"
    default_message = "The team file {path} is damaged or not a ConsultDesk team file ({detail})."


class UnsupportedTeamFormat(SyncError):
    code = "team_format_unsupported"
    default_message = (
        "The team folder was made by a newer ConsultDesk (team format {version}). "
        "Update ConsultDesk on this computer."
    )


class WrongTeamPassphrase(SyncError):
    code = "wrong_team_passphrase"
    default_message = "The team passphrase is wrong. Nothing was changed."


class TeamPassphraseTooShort(SyncError):
    code = "team_passphrase_too_short"
    default_message = "The team passphrase needs at least {minimum} characters."


class TeamMismatch(SyncError):
    code = "team_mismatch"
    default_message = (
        "The shared folder {path} now holds a different team ({detail}). Nothing was changed."
    )


# --- bundles -----------------------------------------------------------------------------------


class BundleError(SyncError):
    """A bundle that cannot be used. ``code`` is the reason shown in the sync report."""

    code = "bundle_invalid"
    default_message = "The bundle cannot be read ({detail})."


class BundleTruncated(BundleError):
    code = "truncated"
    default_message = "The bundle is incomplete; it may still be uploading ({detail})."


class BundleBadMagic(BundleError):
    code = "bad_magic"
    default_message = "The file is not a ConsultDesk bundle."


class BundleUnsupportedVersion(BundleError):
    code = "unsupported_version"
    default_message = (
        "The bundle was written by a newer ConsultDesk (bundle format {version}). "
        "Update ConsultDesk on this computer."
    )


class BundleOtherTeam(BundleError):
    code = "other_team"
    default_message = "The bundle belongs to another team ({detail})."


class BundleAuthenticationFailed(BundleError):
    code = "authentication_failed"
    default_message = (
        "The bundle was changed after it was written, or it was written with another team "
        "passphrase."
    )


class BundleMalformedPayload(BundleError):
    code = "malformed_payload"
    default_message = "The bundle's content is not a valid change list ({detail})."


class BundleMisplaced(BundleError):
    code = "misplaced"
    default_message = "The bundle's header does not match its file name or folder ({detail})."


class BundleChainBroken(BundleError):
    code = "chain_broken"
    default_message = (
        "The bundle does not follow the bundle before it from the same computer ({detail})."
    )


class BundleTooLarge(BundleError):
    code = "too_large"
    default_message = (
        "The file is larger than any change file ConsultDesk writes ({detail}); it was not read."
    )


class BundleUnreadable(BundleError):
    code = "unreadable"
    default_message = "The bundle could not be read from the shared folder ({detail})."


# --- writing -----------------------------------------------------------------------------------


class BundleExists(SyncError):
    code = "bundle_exists"
    default_message = (
        "A bundle named {path} already exists in this computer's folder. Bundles are never "
        "overwritten; was this computer's database restored from a backup?"
    )


class BundleWriteFailed(SyncError):
    code = "bundle_write_failed"
    default_message = "Could not write {path} to the shared folder ({detail})."
