"""Loading and validating a library: the project file, clauses/, drafts/ and templates/."""

from resdraft.library.project import Library, find_project, open_library

__all__ = ["Library", "find_project", "open_library"]
