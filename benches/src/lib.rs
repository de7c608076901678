//! Inputs for the benchmarks: the bundled sample portfolio, scaled by copying it under new ids
//! (each copy keeps the sample's behaviours, so larger ledgers are realistic, not random).

use arrears::ledger::LedgerDocument;
use arrears::{sample, Result};

/// The sample portfolio repeated `copies` times (customer and invoice ids suffixed by the copy).
///
/// # Errors
/// None in practice; the sample generator's errors.
pub fn scaled_portfolio(copies: usize) -> Result<LedgerDocument> {
    let base = sample::portfolio(sample::DEFAULT_SEED)?;
    let mut doc = LedgerDocument::default();
    for k in 0..copies {
        let tag = |s: &str| format!("{s}-{k}");
        for c in &base.customers {
            let mut c = c.clone();
            c.id = tag(&c.id);
            doc.customers.push(c);
        }
        for i in &base.invoices {
            let mut i = i.clone();
            i.id = tag(&i.id);
            i.customer = tag(&i.customer);
            doc.invoices.push(i);
        }
        for p in &base.payments {
            let mut p = p.clone();
            p.id = p.id.as_deref().map(tag);
            p.customer = p.customer.as_deref().map(tag);
            p.invoice = p.invoice.as_deref().map(tag);
            doc.payments.push(p);
        }
        for n in &base.credit_notes {
            let mut n = n.clone();
            n.id = n.id.as_deref().map(tag);
            n.invoice = n.invoice.as_deref().map(tag);
            n.customer = n.customer.as_deref().map(tag);
            doc.credit_notes.push(n);
        }
        for w in &base.write_offs {
            let mut w = w.clone();
            w.id = w.id.as_deref().map(tag);
            w.invoice = tag(&w.invoice);
            doc.write_offs.push(w);
        }
        for d in &base.disputes {
            let mut d = d.clone();
            d.invoice = tag(&d.invoice);
            doc.disputes.push(d);
        }
    }
    Ok(doc)
}
