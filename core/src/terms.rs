//! placeholder
/// ops
pub mod ops {
    use crate::error::{Code, Error, Result};
    /// placeholder
    pub fn due_date(_: serde_json::Value) -> Result<serde_json::Value> {
        Err(Error::new(Code::UnknownOperation, "not yet"))
    }
    /// placeholder
    pub fn check_terms(_: serde_json::Value) -> Result<serde_json::Value> {
        Err(Error::new(Code::UnknownOperation, "not yet"))
    }
}
