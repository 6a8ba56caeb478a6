"""Submission packages and the district merge.

``package_file`` is the file format; ``submission`` makes a package in a unit's copy; ``merge``
reads packages into the district through ``engine``, which applies the merge rule of
``domain.merge_rule``; ``conflicts`` and ``corrections`` are the district's decisions.
"""
