"""Printed documents, drawn with Qt: the window prints and previews them, ``xz print`` writes them as PDF.

This package sits beside ``ui/`` (both it and ``cli/`` may import it) and below it: it never
imports ``ui/``. It needs a Qt GUI application to draw, and makes an offscreen one when there is
none (the command line has no window).
"""
