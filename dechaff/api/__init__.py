"""The Python API: clean one text or page, a batch, a pandas column or a `datasets` column, or run
a whole job, with the engine the command line uses (`dechaff.clean_text`, `dechaff.Cleaner`...)."""
