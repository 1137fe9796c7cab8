"""Everything that touches Qt. The pure layers (content, survey, handout) never import from here."""
