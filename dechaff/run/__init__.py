"""A whole run: inputs to output folder, with progress, the site survey pre-pass and the summary."""
