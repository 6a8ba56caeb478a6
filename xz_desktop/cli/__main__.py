"""``python -m xz_desktop.cli`` is the ``xz`` command."""

import sys

from .app import main

sys.exit(main())
