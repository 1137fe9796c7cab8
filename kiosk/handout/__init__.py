"""The self-care handout and the clinician summary: pure choice of what to print (builder), then ReportLab."""
