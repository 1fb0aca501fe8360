"""Allow `python -m cleaner ...`."""

from __future__ import annotations

from cleaner.cli import main

raise SystemExit(main())
