"""One module per screen. Screens emit signals; the shell decides where to go."""
