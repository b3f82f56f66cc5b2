//! What can be wrong with a data file, said so that an editor can fix it.

use std::fmt;

/// The kinds of problem validation finds; each test of the loader names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON at all.
    Syntax,
    /// JSON, but a field is missing, mistyped or unknown.
    Shape,
    BadId,
    DuplicateId,
    UnknownPlace,
    UnknownTheme,
    NotFinite,
    Negative,
    QualifierMismatch,
    ValueMismatch,
    LiteralNotInSentence,
    EmptyText,
    BadDate,
    AdcodeMismatch,
    CountyNotInBoundaries,
    CountyMissing,
    DuplicateMetric,
    /// A figure in a metric is not counted in the metric's unit.
    MetricUnit,
    /// 人次 (person-times) printed, but another unit given, or the reverse.
    PersonTimeUnit,
    /// The English translation of the sentence is missing.
    MissingTranslation,
    /// A derived figure whose parts do not exist, differ, or do not add up.
    DerivedParts,
    /// A number that is part of a name (八大产业链, “15分钟服务圈”), not a figure.
    NotAFigure,
}

/// One problem, naming the offending item and field.
#[derive(Clone, Debug, PartialEq)]
pub struct DataError {
    pub kind: ErrorKind,
    /// The id of the figure, place or theme at fault, when there is one.
    pub id: Option<String>,
    /// The field at fault, e.g. "figures[3].literal".
    pub field: String,
    pub detail: String,
}

impl DataError {
    pub fn new(kind: ErrorKind, id: Option<&str>, field: impl Into<String>, detail: impl Into<String>) -> Self {
        DataError { kind, id: id.map(str::to_owned), field: field.into(), detail: detail.into() }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "\"{id}\", field {}: {}", self.field, self.detail),
            None => write!(f, "field {}: {}", self.field, self.detail),
        }
    }
}

impl std::error::Error for DataError {}
