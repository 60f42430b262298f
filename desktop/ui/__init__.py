"""Every widget of Factdeck. Panes take (dataset, state) and listen to the state."""
