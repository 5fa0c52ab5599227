//! Sources: fetch Git revisions and archive them.
