"""Getting documents to the front-desk printer."""
