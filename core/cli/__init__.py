"""Command-line subcommands (one module each); ``main.py`` parses, these run."""
