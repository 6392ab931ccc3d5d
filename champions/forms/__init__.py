"""The champions network's forms, one module per part."""
