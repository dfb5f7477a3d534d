"""Run the command line: ``python -m cablelib``."""

from cablelib.cli import main

raise SystemExit(main())
