"""The clerk's form: a unit's indicators for one period, typed, checked, explained and printed."""
