//! The lever registry.
