"""The program around the pages: first run, help, the demo, the self-test, live data, dropped files."""
