//! Screens and navigation.

pub fn mount() {}
