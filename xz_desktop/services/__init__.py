"""Operations on a database that the window and the ``xz`` command line share."""
