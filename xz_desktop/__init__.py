"""xz-desktop: reporting the indicators of Xiuzhou District's talent development plan 2021–2025."""

__version__ = "0.1.0"
