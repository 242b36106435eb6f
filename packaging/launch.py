"""The frozen build's entry point: the same `consultdesk` command as the wheel's script."""

import sys

from consultdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
