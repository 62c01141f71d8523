"""``python -m checker`` is the ``claimcheck`` command."""

import sys

from checker.cli import main

sys.exit(main())
