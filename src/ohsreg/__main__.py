"""``python -m ohsreg`` runs the command line."""

import sys

from ohsreg.cli import main

sys.exit(main())
