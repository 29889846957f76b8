//! The coaching model: plans, goals, SMART rules, progress, schedules. No I/O.

pub mod document;
