"""One document end to end: the rule book, domain resolution, the compiled cascade, the time limit,
the engine."""
