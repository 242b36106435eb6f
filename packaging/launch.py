"""The frozen build's entry point: the same `consultdesk` command as the wheel's script."""

from consultdesk.cli import run

if __name__ == "__main__":
    run()
