"""Everything a person sees or types: the Textual app and the command line."""
