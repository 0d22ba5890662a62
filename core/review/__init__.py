"""Review operations without Qt: what an operation changed (``OpChanges``), each operation with
its inverse (``ops``), and the open report the GUI shows (``ReportSession``)."""
