import sys

from consultdesk.cli import main

sys.exit(main())
