"""Two real Syncthing instances on loopback, each with its own copy of one shared folder.

Each instance has its own home (``syncthing generate``), its GUI/REST API on 127.0.0.1 with an
API key, and listens only on tcp://127.0.0.1:<port>. Everything that would reach beyond this
machine is off before the first start: global and local discovery, relays, NAT traversal, usage
reporting, crash reporting and upgrades. The two devices and the folder are then configured
through the REST API (``/rest/config/...``, X-API-Key), as a team's IT helper would do in the
GUI. Every wait is bounded; ``stop`` ends the process it started, by its PID.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

SYNCTHING = shutil.which("syncthing")
FOLDER_ID = "consultdesk-team"
# Syncthing's own bookkeeping in a folder copy, never part of what the two copies must agree on,
# and the name it gives a file while it arrives (never sent to the other side either).
_OWN_FILES = (".stfolder", ".stversions", ".stignore")
_TEMPORARY = re.compile(r"^\.syncthing\..*\.tmp$")


class Timeout(AssertionError):
    pass


def wait_for(condition: Callable[[], Any], what: str, timeout: float = 30.0) -> Any:
    """Poll ``condition`` until it returns something true, at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise Timeout(f"gave up after {timeout:.0f} s waiting for {what}")
        time.sleep(0.2)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Syncthing:
    """One laptop's Syncthing: its home, its REST API, its copy of the team's shared folder."""

    def __init__(self, root: Path, name: str) -> None:
        assert SYNCTHING is not None
        self.name = name
        self.home = root / f"{name}-syncthing"
        self.folder = root / f"{name}-share"  # what this laptop sees as the shared folder
        self.folder.mkdir(parents=True)
        self.gui_port = free_port()
        self.listen_port = free_port()
        self.api_key = secrets.token_hex(16)
        self.process: subprocess.Popen[bytes] | None = None
        self.log = root / f"{name}-syncthing.log"
        subprocess.run(
            [SYNCTHING, "generate", "--home", str(self.home), "--no-default-folder",
             "--skip-port-probing"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        self._close_to_the_outside()
        self.device_id = ""

    def _close_to_the_outside(self) -> None:
        # Written into config.xml before the first start, so not even the first seconds of a run
        # announce, relay, map ports or report anything.
        path = self.home / "config.xml"
        tree = ET.parse(path)
        config = tree.getroot()
        gui = config.find("gui")
        assert gui is not None
        gui.set("tls", "false")
        _text(gui, "address", f"127.0.0.1:{self.gui_port}")
        _text(gui, "apikey", self.api_key)
        options = config.find("options")
        assert options is not None
        for name, value in {
            "listenAddress": f"tcp://127.0.0.1:{self.listen_port}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "crashReportingEnabled": "false",
            "startBrowser": "false",
            "autoUpgradeIntervalH": "0",
            "announceLANAddresses": "false",
        }.items():
            _text(options, name, value)
        tree.write(path)

    # --- the process -----------------------------------------------------------------------

    def start(self) -> None:
        assert self.process is None or self.process.poll() is not None
        env = {**os.environ, "STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1", "STNORESTART": "1"}
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [SYNCTHING, "serve", "--home", str(self.home), "--no-browser", "--no-restart",
                 "--no-upgrade"],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
            )  # fmt: skip
        wait_for(self._answers, f"{self.name}'s Syncthing REST API", timeout=30)
        self.device_id = self.get("/rest/system/status")["myID"]

    def _answers(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"{self.name}'s Syncthing exited: {self.log.read_text()[-2000:]}")
        try:
            return self.get("/rest/system/ping").get("ping") == "pong"
        except (OSError, urllib.error.URLError):
            return False

    def stop(self) -> None:
        """Shut down through the API; if it does not end in time, end it by its PID."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(OSError, urllib.error.URLError):
            self.post("/rest/system/shutdown")
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()  # this PID only: the process this object started
            process.wait(timeout=10)

    # --- the REST API ----------------------------------------------------------------------

    def request(self, method: str, path: str, body: object = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            data=data,
            method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
        return json.loads(raw) if raw.strip() else None

    def get(self, path: str) -> Any:
        return self.request("GET", path)

    def post(self, path: str, body: object = None) -> Any:
        return self.request("POST", path, body)

    def patch(self, path: str, body: object) -> Any:
        return self.request("PATCH", path, body)

    # --- configuration ---------------------------------------------------------------------

    def add_peer(self, other: Syncthing) -> None:
        self.post(
            "/rest/config/devices",
            {
                "deviceID": other.device_id,
                "name": other.name,
                "addresses": [f"tcp://127.0.0.1:{other.listen_port}"],
                "autoAcceptFolders": False,
            },
        )

    def share_folder(self, other: Syncthing) -> None:
        self.post(
            "/rest/config/folders",
            {
                "id": FOLDER_ID,
                "label": "ConsultDesk team",
                "path": str(self.folder),
                "type": "sendreceive",
                "devices": [{"deviceID": self.device_id}, {"deviceID": other.device_id}],
                "fsWatcherEnabled": True,
                "fsWatcherDelayS": 1,
                "rescanIntervalS": 3600,
            },
        )

    def set_paused(self, paused: bool) -> None:
        self.patch(f"/rest/config/folders/{FOLDER_ID}", {"paused": paused})

    def limit_receiving(self, kib_per_s: int) -> None:
        """Slow down what this instance receives (0: no limit), loopback included."""
        self.patch(
            "/rest/config/options",
            {"maxRecvKbps": kib_per_s, "limitBandwidthInLan": kib_per_s > 0},
        )

    def scan(self) -> None:
        self.post(f"/rest/db/scan?folder={FOLDER_ID}")

    def connected_to(self, other: Syncthing) -> bool:
        connections = self.get("/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))

    def idle(self) -> bool:
        status = self.get(f"/rest/db/status?folder={FOLDER_ID}")
        return status["state"] == "idle" and status["needTotalItems"] == 0

    def files(self) -> dict[str, int]:
        """Relative path → size of every file in this laptop's copy (Syncthing's own left out)."""
        found = {}
        for path in self.folder.rglob("*"):
            relative = path.relative_to(self.folder)
            if relative.parts[0] in _OWN_FILES or _TEMPORARY.match(path.name):
                continue
            if not path.is_file():
                continue
            found[relative.as_posix()] = path.stat().st_size
        return found


def _text(parent: ET.Element, tag: str, value: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = value


def in_step(a: Syncthing, b: Syncthing, timeout: float = 60.0) -> dict[str, int]:
    """Wait until both copies hold the same files and both instances are idle."""

    def same() -> dict[str, int] | None:
        a.scan()
        b.scan()
        if not (a.idle() and b.idle()):
            return None
        files = a.files()
        return files if files == b.files() else None

    try:
        return wait_for(same, "both copies of the team folder to agree", timeout=timeout)
    except Timeout as error:
        in_a, in_b = a.files().items(), b.files().items()
        only_a, only_b = in_a - in_b, in_b - in_a
        raise Timeout(f"{error}: only in A {sorted(only_a)}, only in B {sorted(only_b)}") from None
