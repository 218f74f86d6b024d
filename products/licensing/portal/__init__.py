"""The designer portal: a designer's own statements, running period and licences, read-only."""
