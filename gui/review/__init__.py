"""The review workflow on top of the review window : correcting, keyboard navigation,
undo/redo written through to the store, history, section edits and export from the window."""
