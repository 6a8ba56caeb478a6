"""The rules of the plan in plain Python: no Qt, no SQL.

Everything here is testable with nothing but the standard library.
"""
