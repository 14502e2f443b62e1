"""resdraft: resolution drafting from a clause library, session drafts and house-style templates."""

__version__ = "0.1.0"
