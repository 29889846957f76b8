//! Plan files: the versioned format, validation, migration, merge and readable exports.
