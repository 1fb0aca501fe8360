"""Tools for rule authors: suggestions, rule statistics, rule-file examples, scoring against gold."""
