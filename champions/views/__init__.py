"""The champions network's public pages, one module per part: apply, directory, me, relay, network."""
