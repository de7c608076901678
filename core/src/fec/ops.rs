//! Request and response documents of the `fec` operation.

use serde::{Deserialize, Serialize};

use super::{import, read_lines, FecImport, FecOptions};
use crate::error::Result;

/// `fec` request: the FEC's text (decoded: the caller reads the file in UTF-8 or ISO-8859-15)
/// and the options of [`FecOptions`], flattened.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FecRequest {
    /// The file's text.
    pub text: String,
    /// How to read it.
    #[serde(flatten)]
    pub options: FecOptions,
}

/// Runs `fec`: the ledger document and the report of the import.
///
/// # Errors
/// The errors of [`read_lines`] and [`import`].
///
/// ```
/// let text = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n\
///             VT\tVentes\t1\t20240115\t411000\tClients\tC001\tDupont SA\tF1\t20240115\tF1\t1200,00\t\t\t\t20240115\t\t\n\
///             VT\tVentes\t1\t20240115\t706000\tVentes\t\t\tF1\t20240115\tF1\t\t1200,00\t\t\t20240115\t\t\n";
/// let out = arrears::run("fec", &serde_json::json!({"text": text, "terms": {"default": "net 30"}, "country": "FR"}))?;
/// assert_eq!(out["ledger"]["invoices"][0]["terms"]["days"], 30);
/// assert_eq!(out["ledger"]["customers"][0]["country"], "FR");
/// assert_eq!(out["reconciled"], true);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn fec(req: FecRequest) -> Result<FecImport> {
    import(&read_lines(&req.text)?, &req.options)
}
