from consultdesk.cli import run

run()
