//! placeholder
/// ops
pub mod ops {
    use crate::error::{Code, Error, Result};
    /// placeholder
    pub fn allocate(_: serde_json::Value) -> Result<serde_json::Value> {
        Err(Error::new(Code::UnknownOperation, "not yet"))
    }
    /// placeholder
    pub fn ledger_state(_: serde_json::Value) -> Result<serde_json::Value> {
        Err(Error::new(Code::UnknownOperation, "not yet"))
    }
}
