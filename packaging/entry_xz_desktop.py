"""Entry point of the frozen ``xz-desktop`` (windowed) program."""

import sys

from xz_desktop.ui.main import main

if __name__ == "__main__":
    sys.exit(main())
