"""Demo data: clearly fictional residents, consultations and referrals for demonstrations,
screenshots and benchmarks (`consultdesk demo`, tools/). A client of the services like the
command line; its tables are data files in resources/demo/.
"""

from consultdesk.demo.fill import (
    MAX_RESIDENTS,
    MAX_SESSIONS,
    SHOWCASE_KEY,
    DemoSummary,
    fill_demo,
    showcase_resident,
)

__all__ = [
    "MAX_RESIDENTS",
    "MAX_SESSIONS",
    "SHOWCASE_KEY",
    "DemoSummary",
    "fill_demo",
    "showcase_resident",
]
