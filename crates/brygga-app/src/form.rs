//! What the screens type, as the commands read it: an optional text field the merchant left empty
//! or filled with spaces counts as not given, so nothing stores or sends an empty note.

/// The field's text without surrounding spaces, or `None` when nothing is in it.
pub(crate) fn filled(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}
