"""Allow `python -m dechaff ...`."""

from __future__ import annotations

from dechaff.cli import main

raise SystemExit(main())
