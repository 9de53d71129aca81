"""``python -m explainer``: the editors' and translators' command line."""

from explainer.cli import main

raise SystemExit(main())
