"""Before/after views of cleaned documents: in the terminal (`explain`) and as HTML (`report`)."""
