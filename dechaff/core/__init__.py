"""Values every layer shares: a document's lines, what a cleaner returns, names and settings shapes."""
