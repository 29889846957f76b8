//! Persistence behind one small async trait.
