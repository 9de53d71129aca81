"""``python -m explainer``: the editors' and translators' command line."""

from .cli import main

raise SystemExit(main())
