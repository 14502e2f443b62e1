"""Loading and validating a library: the project file, clauses/, drafts/ and templates/."""

from resdraft.library.project import Library, open_library, templates_for
from resdraft.projectfile import find_project

__all__ = ["Library", "find_project", "open_library", "templates_for"]
