"""``python -m xz_desktop`` opens the window."""

import sys

from .ui.main import main

sys.exit(main())
