//! `arrears`: the command-line tool. Files in, reports out; every rule lives in the `arrears`
//! core crate, this binary only reads files, calls the core and formats what it returns.

use arrears_cli::{
    agenda_cmd, fast, fec_cmd, files, import, interest_cmd, rate_files, render, sample_cmd, tables,
    terminal,
};

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use arrears::calendar::date::parse_date;
use arrears::dunning::agenda::AgendaSettings;
use arrears::interest::ledger::{LedgerInterestOptions, SettledPenalties};
use arrears::interest::Regime;
use arrears::ledger::{CustomerDefaults, DebtorStatus, Ledger};
use arrears::Error;
use files::{write_out, write_with};
use render::Format;

/// Receivables, late-payment penalties and dunning, from a ledger file.
#[derive(Parser, Debug)]
#[command(name = "arrears", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Rate series to add or replace (repeatable): a JSON series document, or an array of them, in
    /// the format of docs/rates.md, e.g. the Basiszinssatz of 1 January 2027 the day the
    /// Bundesbank publishes it, without waiting for a new release.
    #[arg(long, global = true, value_name = "FILE")]
    rates: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the main job on the bundled sample portfolio (a studio's 18 months of invoices).
    Demo {
        /// As-of date (default: the end of the sample period, 2026-06-30).
        #[arg(long, value_parser = date_arg)]
        as_of: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Report on a ledger: open invoices by customer, aging, days to pay, worst payers.
    Report(ReportArgs),
    /// Today's dunning actions: whom to contact, how, about which invoices, with what amounts.
    Agenda(AgendaArgs),
    /// Every KPI of docs/kpi.md over a period, per portfolio, customer, segment or sector (JSON).
    Kpis(KpisArgs),
    /// Risk score, grade, reasons, recommended terms and debtor kind per customer (JSON).
    Risk(RiskArgs),
    /// Scores customers with data up to a cut-off and measures against what happened after.
    Backtest(BacktestArgs),
    /// Reads a FEC (Fichier des Écritures Comptables) into a ledger document, with the report of
    /// what became of each line and the reconciliation of every customer's balance (docs/fec.md).
    Fec(FecArgs),
    /// A letter to a customer (reminder, formal notice, ...) in French, English or German.
    Letter(LetterArgs),
    /// Record in the journal a step already taken by hand (a reminder or a formal notice sent
    /// before arrears was used), so that the agenda continues from it.
    Record(RecordArgs),
    /// A payment plan (échéancier): instalments that sum exactly to the debt.
    Plan(PlanArgs),
    /// Statutory late-payment interest for one debt: JSON request in, JSON statement out.
    ///
    /// Either `--request FILE` (or `-` for standard input) with the request document of
    /// docs/interest.md, or the flags below.
    Interest(InterestArgs),
    /// The built-in rate series, their sources and known-until dates.
    Rates {
        /// A series id for its entries, sources and flags (all series when omitted).
        series: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RatesFormat::Table)]
        format: RatesFormat,
    },
    /// List every error code with its meaning (the catalogue in docs/errors.md).
    Errors {
        /// `markdown` (the docs page) or `json`.
        #[arg(long, value_enum, default_value_t = CatalogueFormat::Markdown)]
        format: CatalogueFormat,
    },
    /// Write the JSON Schemas of the documents (the published copies are in docs/schemas/).
    Schemas {
        /// Directory to write `ledger.schema.json`, `interest-request.schema.json`, ...
        #[arg(long, default_value = "docs/schemas")]
        out: PathBuf,
    },
    /// Write a synthetic portfolio of any size (deterministic), for benchmarks and tests.
    Generate(GenerateArgs),
    /// The penalty table of a whole ledger: one row per invoice (receivable) with its days late,
    /// aging bucket, outstanding amount, interest and fixed compensation.
    Penalties(PenaltiesArgs),
    /// Write the sample portfolio as a JSON ledger and as CSV files.
    Sample {
        /// Directory to write `sample-ledger.json`, `sample-invoices.csv`, `sample-payments.csv`.
        #[arg(long, default_value = "examples")]
        out: PathBuf,
        /// Write the sample's books as a FEC instead: `sample-fec.txt`, with the invoices' terms
        /// (`sample-fec-terms.json`) and the customers (`sample-fec-customers.json`) beside it.
        #[arg(long)]
        fec: bool,
    },
}

#[derive(clap::Args, Debug)]
struct ReportArgs {
    #[command(flatten)]
    input: LedgerInput,
    /// As-of date, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    /// The dunning policy of the day's agenda (HTML): a preset or a policy file.
    #[arg(long)]
    policy: Option<String>,
    /// The journal (JSON Lines): disputes, promises and steps already taken.
    #[arg(long)]
    journal: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Where a ledger comes from: a JSON document, or CSV files with the options other tools' exports
/// need, and what the export does not say about the customers.
#[derive(clap::Args, Debug)]
struct LedgerInput {
    /// The ledger: a JSON ledger document (`.json`) or an invoices CSV file.
    ledger: PathBuf,
    /// A payments CSV file to go with an invoices CSV.
    #[arg(long)]
    payments: Option<PathBuf>,
    /// A customers CSV file (id, name, country, address, email, sector, segment, debtor).
    #[arg(long)]
    customers: Option<PathBuf>,
    /// Column mapping of the invoices file: `FIELD=Header` (repeatable), e.g.
    /// `--map id="N° facture" --map issue_date="Date"`. `customer_address` may be mapped to several
    /// columns, one line each.
    #[arg(long = "map", value_name = "FIELD=HEADER")]
    map: Vec<String>,
    /// Column mapping of the payments file (`--payments-map amount="Montant"`).
    #[arg(long = "payments-map", value_name = "FIELD=HEADER")]
    payments_map: Vec<String>,
    /// Column mapping of the customers file (`--customers-map id="Code client"`).
    #[arg(long = "customers-map", value_name = "FIELD=HEADER")]
    customers_map: Vec<String>,
    /// An import profile (TOML): the options below saved once for your export, e.g.
    /// `delimiter = ";"`, `decimal_comma = true`, `date_format = "%d/%m/%Y"`, `country = "FR"`
    /// and a `[map]` table. Options given on the command line win.
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// CSV amounts use a decimal comma (`12,50`).
    #[arg(long)]
    decimal_comma: bool,
    /// CSV field delimiter (default `,`; `;` is common in French exports).
    #[arg(long)]
    delimiter: Option<char>,
    /// Date format of CSV dates, in strftime form (default `%Y-%m-%d`; e.g. `%d/%m/%Y`).
    #[arg(long)]
    date_format: Option<String>,
    /// Currency for CSV rows without a currency column.
    #[arg(long)]
    currency: Option<String>,
    /// Text encoding of the files: utf-8, windows-1252, iso-8859-15, utf-16 (default: UTF-8, or
    /// Windows-1252 detected for a file that is not UTF-8, with a note).
    #[arg(long)]
    encoding: Option<String>,
    /// Country (ISO 3166-1, e.g. FR) of customers whose data has none: it chooses the statutory
    /// penalties, the limitation period and the calendar.
    #[arg(long, value_parser = country_arg)]
    country: Option<String>,
    /// Kind of debtor of customers whose data does not say: business (the default), consumer or
    /// public_body.
    #[arg(long, value_parser = debtor_arg)]
    debtor: Option<DebtorStatus>,
    /// Interest regime of every customer, instead of the one its country and kind of debtor choose
    /// (fr_b2b, de_b2b, uk_late_payment, eu_directive, fr_public_procurement, ...).
    #[arg(long, value_parser = regime_arg)]
    regime: Option<Regime>,
    /// Penalties still owed on invoices paid late: `omit` (shown in the report, not claimed) or
    /// `claim` (claimed in the report, the agenda and the letters).
    #[arg(long, value_enum, default_value_t = SettledArg::Omit)]
    settled_penalties: SettledArg,
    /// LEDGER is a FEC (Fichier des Écritures Comptables, LPF art. A47 A-1): the customer accounts
    /// and their lettering become the ledger (docs/fec.md).
    #[arg(long)]
    fec: bool,
    /// Payment terms of a FEC's invoices: a short notation ("30 jours nets", "45 jours fin de
    /// mois", docs/terms.md) or a JSON file (terms, or {"default": ..., "customers": {...}}).
    /// Default: the statutory 30 days (C. com. L441-10 I).
    #[arg(long, requires = "fec")]
    terms: Option<String>,
    /// Prefixes of a FEC's customer accounts, comma-separated (default 411,416).
    #[arg(long, requires = "fec", value_name = "PREFIXES")]
    customer_accounts: Option<String>,
    /// How a FEC journal's customer lines are read, whatever the accounts: CODE=sales, bank,
    /// opening or ignore (repeatable).
    #[arg(long = "fec-journal", requires = "fec", value_name = "CODE=KIND")]
    fec_journal: Vec<String>,
    /// Disputes over a FEC's invoices (a JSON array of dispute records): a FEC does not hold them.
    #[arg(long, requires = "fec", value_name = "FILE")]
    disputes: Option<PathBuf>,
}

/// `--settled-penalties`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum SettledArg {
    Omit,
    Claim,
}

impl LedgerInput {
    /// The import options: the command line over the profile.
    fn import_options(&self) -> Result<import::Options, Error> {
        let p = match &self.profile {
            Some(path) => import::Profile::read(path)?,
            None => import::Profile::default(),
        };
        let merge = |cli: &[String], file: Vec<String>| {
            // Command-line mappings come after the profile's, so they win for the same field.
            let fields: Vec<&str> = cli
                .iter()
                .filter_map(|m| m.split_once('='))
                .map(|(f, _)| f.trim())
                .collect();
            let mut out: Vec<String> = file
                .into_iter()
                .filter(|m| {
                    m.split_once('=')
                        .is_none_or(|(f, _)| !fields.contains(&f.trim()))
                })
                .collect();
            out.extend(cli.iter().cloned());
            out
        };
        Ok(import::Options {
            ledger: self.ledger.clone(),
            payments: self.payments.clone(),
            customers: self.customers.clone(),
            map: merge(&self.map, p.map_args(&p.map)),
            payments_map: merge(&self.payments_map, p.map_args(&p.payments_map)),
            customers_map: merge(&self.customers_map, p.map_args(&p.customers_map)),
            decimal_comma: self.decimal_comma || p.decimal_comma.unwrap_or(false),
            delimiter: self.delimiter.or(p.delimiter).unwrap_or(','),
            date_format: self
                .date_format
                .clone()
                .or(p.date_format)
                .unwrap_or_else(|| "%Y-%m-%d".to_string()),
            currency: self.currency.clone().or(p.currency),
            encoding: self.encoding.clone().or(p.encoding),
            defaults: CustomerDefaults {
                country: self.country.clone().or(p.country),
                debtor: self.debtor.or(p.debtor),
            },
        })
    }

    /// Reads and checks the ledger; errors point at file lines for CSV input, notes (an encoding
    /// detected) go to standard error.
    fn load(&self) -> Result<Ledger, Error> {
        if self.fec {
            let import = self.read_fec()?;
            fec_cmd::summarise(&import);
            let mut doc = import.ledger;
            // --debtor for customers whose table does not say (the country went into the import).
            doc.apply_customer_defaults(&CustomerDefaults {
                country: None,
                debtor: self.debtor,
            });
            return Ledger::new(doc);
        }
        let opts = self.import_options()?;
        if tables::is_parquet(&opts.ledger) {
            // Parquet tables are read into columns with the ledger's checks, then handed to the
            // engines as the document they hold.
            let doc = tables::read_book(&opts)?.to_document()?;
            return Ledger::new(doc);
        }
        let loaded = import::load(&opts)?;
        for n in &loaded.notes {
            let _ = writeln!(std::io::stderr(), "note: {}", terminal::neutralise(n));
        }
        Ledger::new(loaded.doc)
            .map_err(|e| loaded.origins.locate(e, &self.ledger.display().to_string()))
    }

    /// Reads LEDGER as a FEC, with the customers table given beside it.
    fn read_fec(&self) -> Result<arrears::fec::FecImport, Error> {
        if self.payments.is_some() || !self.map.is_empty() {
            return Err(Error::new(
                arrears::Code::InvalidValue,
                "--payments and --map go with an invoices CSV; a FEC holds its own payments",
            ));
        }
        let opts = self.import_options()?;
        let customers = match &self.customers {
            Some(path) => fec_cmd::customers(&opts, path)?,
            None => Vec::new(),
        };
        fec_cmd::read(
            &self.ledger,
            &fec_cmd::FecArgs {
                terms: self.terms.clone(),
                customer_accounts: self.customer_accounts.clone(),
                journals: self.fec_journal.clone(),
                country: self.country.clone(),
                encoding: self.encoding.clone(),
                disputes: self.disputes.clone(),
            },
            customers,
        )
    }

    /// The regime choice and the claim of penalties on invoices paid late.
    fn interest(&self) -> LedgerInterestOptions {
        LedgerInterestOptions {
            regime: self.regime,
            settled_penalties: match self.settled_penalties {
                SettledArg::Omit => SettledPenalties::Omit,
                SettledArg::Claim => SettledPenalties::Claim,
            },
            ..LedgerInterestOptions::default()
        }
    }

    /// The agenda settings of a run: the policy, and the interest options of the input.
    fn settings(&self, policy: Option<&str>) -> Result<AgendaSettings, Error> {
        Ok(AgendaSettings {
            policy: agenda_cmd::policy_choice(policy)?,
            interest: self.interest(),
            ..Default::default()
        })
    }
}

#[derive(clap::Args, Debug)]
struct AgendaArgs {
    #[command(flatten)]
    input: LedgerInput,
    /// The day of the agenda, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    /// A preset (fr_standard, fr_gentle, fr_firm, en_standard, de_standard) or a policy file (.json, .toml).
    #[arg(long)]
    policy: Option<String>,
    /// The journal (JSON Lines): what was done, promised, disputed, agreed.
    #[arg(long)]
    journal: Option<PathBuf>,
    /// Append today's actions to the journal as done (needs --journal).
    #[arg(long, requires = "journal")]
    record: bool,
    /// Write each written action's letter (emails, letters, formal notices) into this directory.
    #[arg(long)]
    letters: Option<PathBuf>,
    /// Format of the letters written with --letters.
    #[arg(long, value_enum, default_value_t = LetterFormat::Text)]
    letter_format: LetterFormat,
    /// The creditor's details for the letters (JSON, as for `arrears letter --sender`).
    #[arg(long)]
    sender: Option<PathBuf>,
    /// Write penalty letters and formal notices even for invoices whose penalties could not be
    /// computed (no country or regime for the customer): they then claim the principal only.
    #[arg(long)]
    allow_missing_penalties: bool,
    /// Write drafts: each letter is marked "PROJET — NE PAS ENVOYER" (DRAFT, ENTWURF) in its subject
    /// and at its top; without --sender the sample creditor signs, and a formal notice lacking a
    /// postal address is written instead of refused.
    #[arg(long)]
    draft: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RatesFormat::Table)]
    format: RatesFormat,
}

#[derive(clap::Args, Debug)]
struct KpisArgs {
    #[command(flatten)]
    input: LedgerInput,
    /// As-of date (default: today).
    #[arg(long, value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    /// First day of the period (default: 364 days before --to).
    #[arg(long, value_parser = date_arg)]
    from: Option<NaiveDate>,
    /// Last day of the period (default: the as-of date).
    #[arg(long, value_parser = date_arg)]
    to: Option<NaiveDate>,
    /// Grouping: portfolio, customer, segment or sector.
    #[arg(long, default_value = "portfolio")]
    group_by: String,
    /// The journal, for reminder conversion.
    #[arg(long)]
    journal: Option<PathBuf>,
    /// Output format: `json` (the kpis document) or `csv` (tidy: one figure a row).
    #[arg(long, value_enum, default_value_t = KpisFormat::Json)]
    format: KpisFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct RiskArgs {
    #[command(flatten)]
    input: LedgerInput,
    /// As-of date (default: today).
    #[arg(long, value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    /// The journal (promises, disputes, reminders).
    #[arg(long)]
    journal: Option<PathBuf>,
    /// External inputs: a JSON object of customer id → `{date?, bureau_score?, new_customer?}`
    /// (docs/risk.md §Features).
    #[arg(long)]
    external: Option<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct FecArgs {
    /// The FEC (tab- or `|`-separated, UTF-8 or ISO-8859-15).
    file: PathBuf,
    /// Payment terms: a short notation ("30 jours nets", "45 jours fin de mois") or a JSON file
    /// (terms, or {"default": ..., "customers": {...}}). Default: the statutory 30 days.
    #[arg(long)]
    terms: Option<String>,
    /// Country (ISO 3166-1) of the customers (default none: no penalties).
    #[arg(long, value_parser = country_arg)]
    country: Option<String>,
    /// The customers (country, sector, debtor, address, email), merged by id: a JSON array of
    /// customer records or a CSV file.
    #[arg(long)]
    customers: Option<PathBuf>,
    /// Column mapping of the customers file (`--customers-map id="Code client"`).
    #[arg(long = "customers-map", value_name = "FIELD=HEADER")]
    customers_map: Vec<String>,
    /// Prefixes of the customer accounts, comma-separated (default 411,416).
    #[arg(long, value_name = "PREFIXES")]
    customer_accounts: Option<String>,
    /// How a journal's customer lines are read: CODE=sales, bank, opening or ignore (repeatable).
    #[arg(long = "fec-journal", value_name = "CODE=KIND")]
    fec_journal: Vec<String>,
    /// Disputes over the invoices (a JSON array of dispute records): a FEC does not hold them.
    #[arg(long, value_name = "FILE")]
    disputes: Option<PathBuf>,
    /// Text encoding (default: UTF-8, or ISO-8859-15 detected, with a note).
    #[arg(long)]
    encoding: Option<String>,
    /// Write the ledger document to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write the import's report (lines used and not, lettering, reconciliation) to this file.
    #[arg(long)]
    report: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct BacktestArgs {
    #[command(flatten)]
    input: LedgerInput,
    /// Score with data up to this date.
    #[arg(long, value_parser = date_arg)]
    cutoff: NaiveDate,
    /// Measure what happened in this many days after the cut-off (the data must cover them).
    #[arg(long, default_value_t = 180)]
    horizon_days: u32,
    /// The journal.
    #[arg(long)]
    journal: Option<PathBuf>,
    /// Days past due that make a customer late in the outcome.
    #[arg(long, default_value_t = 30)]
    late_after_days: u32,
    /// Leave out of the measures the customers already late at the cut-off.
    #[arg(long)]
    exclude_late_at_cutoff: bool,
    /// The day the books are complete to, when later than their last dated record.
    #[arg(long, value_parser = date_arg)]
    data_until: Option<NaiveDate>,
    /// Dated external inputs: a JSON object of customer id → `{date, bureau_score?,
    /// new_customer?}` or a list of them; the latest dated on or before the cut-off is used.
    #[arg(long)]
    external: Option<PathBuf>,
    /// Resamples of the bootstrap intervals (0: none).
    #[arg(long, default_value_t = 1000)]
    bootstrap_samples: u32,
    /// Seed of the bootstrap.
    #[arg(long, default_value_t = 1)]
    bootstrap_seed: u64,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct LetterArgs {
    #[command(flatten)]
    input: LedgerInput,
    /// The customer id.
    #[arg(long)]
    customer: String,
    /// A step of the policy (its template is used), or a template id such as `formal_notice`.
    #[arg(long)]
    step: String,
    /// Language (default: the policy's: French for fr_standard, German for a German customer's
    /// de_standard, English for a British customer's en_standard).
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LetterFormat::Text)]
    format: LetterFormat,
    /// Date of the letter (default: today).
    #[arg(long, value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    /// Policy (preset or file), to find the step and the formal-notice date.
    #[arg(long)]
    policy: Option<String>,
    /// The journal, for the date of an earlier formal notice.
    #[arg(long)]
    journal: Option<PathBuf>,
    /// The creditor's details (JSON: {"creditor": {"name", "address_lines", ...}, "place", "signatory"}).
    #[arg(long)]
    sender: Option<PathBuf>,
    /// The debtor's postal address, one line per flag (repeatable); replaces the ledger's.
    #[arg(long = "debtor-address", value_name = "LINE")]
    debtor_address: Vec<String>,
    /// The payment plan of a plan letter (`payment_plan_agreement`, `payment_plan_offer`): a plan
    /// document as `arrears plan --format json` writes it.
    #[arg(long, conflicts_with = "plan_instalments")]
    plan: Option<PathBuf>,
    /// Or build the plan here: the number of instalments of the amount the letter claims.
    #[arg(long, requires = "plan_first")]
    plan_instalments: Option<u32>,
    /// Date of the plan's first instalment, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    plan_first: Option<NaiveDate>,
    /// Period of the plan: `month`, `week` or a number of days.
    #[arg(long, default_value = "month")]
    plan_every: String,
    /// Deadline to pay (default: the letter's date + 8 days in French, 14 in English, 10 in German,
    /// for a formal notice).
    #[arg(long, value_parser = date_arg)]
    deadline: Option<NaiveDate>,
    /// Write a penalty letter or a formal notice even when the penalties could not be computed
    /// (no country or regime for the customer): it then claims the principal only.
    #[arg(long)]
    allow_missing_penalties: bool,
    /// Write drafts: each letter is marked "PROJET — NE PAS ENVOYER" (DRAFT, ENTWURF) in its subject
    /// and at its top; without --sender the sample creditor signs, and a formal notice lacking a
    /// postal address is written instead of refused.
    #[arg(long)]
    draft: bool,
    /// Write the letter to this file.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct RecordArgs {
    #[command(flatten)]
    input: LedgerInput,
    /// The journal to append to (created if missing).
    #[arg(long)]
    journal: PathBuf,
    /// The customer id.
    #[arg(long)]
    customer: String,
    /// The step taken, a step id of the policy (`d30_formal_notice`, `d15_letter`, ...).
    #[arg(long)]
    step: String,
    /// The day it was taken, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = date_arg)]
    date: Option<NaiveDate>,
    /// The invoices it was about (repeatable; default: every invoice of the customer overdue
    /// that day).
    #[arg(long = "invoice", value_name = "ID")]
    invoices: Vec<String>,
    /// The policy the step belongs to (a preset or a policy file; default fr_standard).
    #[arg(long)]
    policy: Option<String>,
}

#[derive(clap::Args, Debug)]
struct GenerateArgs {
    /// Number of invoices.
    #[arg(long)]
    invoices: usize,
    /// Number of customers (default: one per hundred invoices, at least ten).
    #[arg(long)]
    customers: Option<usize>,
    /// The seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The last day of the ledger (default 2026-06-30).
    #[arg(long, value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    /// Where the customers are: `europe` (six countries, two currencies, some public bodies and
    /// consumers) or `french-b2b` (French businesses only, the baselines' portfolio).
    #[arg(long, value_enum, default_value_t = MixArg::Europe)]
    mix: MixArg,
    /// `csv` (invoices.csv, payments.csv, customers.csv), `parquet` (the same three tables as
    /// Parquet) or `json` (ledger.json).
    #[arg(long, value_enum, default_value_t = GenerateFormat::Csv)]
    format: GenerateFormat,
    /// Directory to write into.
    #[arg(long)]
    out: PathBuf,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum MixArg {
    Europe,
    FrenchB2b,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum GenerateFormat {
    Csv,
    Json,
    Parquet,
}

#[derive(clap::Args, Debug)]
struct PenaltiesArgs {
    #[command(flatten)]
    input: LedgerInput,
    /// As-of date (default: today).
    #[arg(long, value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    /// `csv`, `json` or `parquet` (with `--out`; money as decimal columns, zstd).
    #[arg(long, value_enum, default_value_t = PenaltiesFormat::Csv)]
    format: PenaltiesFormat,
    /// One row per `invoice` (default) or per `customer` and currency (counts, outstanding by
    /// aging bucket, the oldest days late, interest, compensation and total due).
    #[arg(long, value_enum, default_value_t = PenaltiesBy::Invoice)]
    by: PenaltiesBy,
    /// The journal (JSON Lines): its formal notices start a consumer's interest (C. civ. 1231-6,
    /// § 286 (1) BGB).
    #[arg(long)]
    journal: Option<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum PenaltiesBy {
    Invoice,
    Customer,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum PenaltiesFormat {
    Csv,
    Json,
    Parquet,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Lang {
    Fr,
    En,
    De,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum LetterFormat {
    Text,
    Html,
}

#[derive(clap::Args, Debug)]
struct PlanArgs {
    /// The debt, e.g. 10000.00.
    #[arg(long, allow_hyphen_values = true)]
    amount: String,
    /// ISO 4217 currency code.
    #[arg(long)]
    currency: String,
    /// Number of instalments.
    #[arg(long, required_unless_present = "max_per_instalment")]
    instalments: Option<u32>,
    /// Or: the largest instalment the debtor can pay.
    #[arg(long, conflicts_with = "instalments")]
    max_per_instalment: Option<String>,
    /// Date of the first instalment, YYYY-MM-DD.
    #[arg(long)]
    first: String,
    /// `month`, `week`, or a number of days.
    #[arg(long, default_value = "month")]
    every: String,
    /// Day the plan is agreed (the first instalment should follow within 7 days).
    #[arg(long)]
    agreed_on: Option<String>,
    /// Annual interest rate on the declining balance, in percent.
    #[arg(long)]
    rate: Option<String>,
    /// Days of grace before an unpaid instalment defaults the plan.
    #[arg(long)]
    grace_days: Option<u32>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RatesFormat::Table)]
    format: RatesFormat,
}

#[derive(clap::Args, Debug)]
struct InterestArgs {
    /// The request document (JSON file, or `-` for standard input).
    #[arg(long, conflicts_with_all = ["regime", "principal", "currency", "due", "until"])]
    request: Option<String>,
    /// Regime id: fr_b2b, fr_b2b_contractual, fr_legal_professional, fr_legal_consumer,
    /// fr_public_procurement, de_b2b, de_consumer, uk_late_payment, eu_directive, contractual.
    #[arg(long, required_unless_present = "request")]
    regime: Option<String>,
    /// The amount that fell due, e.g. 1000.00.
    #[arg(long, required_unless_present = "request", allow_hyphen_values = true)]
    principal: Option<String>,
    /// ISO 4217 currency code.
    #[arg(long, required_unless_present = "request")]
    currency: Option<String>,
    /// Due date, YYYY-MM-DD.
    #[arg(long, required_unless_present = "request")]
    due: Option<String>,
    /// Last day of interest, YYYY-MM-DD.
    #[arg(long, required_unless_present = "request")]
    until: Option<String>,
    /// A payment, DATE=AMOUNT (repeatable).
    #[arg(long = "payment", value_name = "DATE=AMOUNT")]
    payments: Vec<String>,
    /// A credit note, DATE=AMOUNT (repeatable).
    #[arg(long = "credit", value_name = "DATE=AMOUNT")]
    credits: Vec<String>,
    /// An option of docs/interest.md, KEY=VALUE (repeatable), e.g. day_count=act_act.
    #[arg(long = "option", value_name = "KEY=VALUE")]
    options: Vec<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum RatesFormat {
    Table,
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum KpisFormat {
    Json,
    Csv,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum CatalogueFormat {
    Markdown,
    Json,
}

fn date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).map_err(|e| e.message().to_string())
}

fn country_arg(s: &str) -> Result<String, String> {
    arrears::portfolio::build::country_code(s)
        .map(|c| String::from_utf8_lossy(&c).into_owned())
        .map_err(|e| e.message().to_string())
}

fn debtor_arg(s: &str) -> Result<DebtorStatus, String> {
    s.parse().map_err(|e: Error| e.message().to_string())
}

fn regime_arg(s: &str) -> Result<Regime, String> {
    s.parse().map_err(|e: Error| e.message().to_string())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let journal = journal_of(&cli);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The core names a journal entry by its index (`journal[3]`); the user's file by line.
            let e = match &journal {
                Some(path) => files::locate_journal_entries(e, path),
                None => e,
            };
            let mut err = std::io::stderr().lock();
            for line in problem_lines(&e) {
                let _ = writeln!(err, "error: {}", terminal::neutralise(&line));
            }
            if e.problems().len() > 1 {
                let _ = writeln!(err, "{} problems; nothing was written.", e.problems().len());
            }
            ExitCode::FAILURE
        }
    }
}

/// The journal file a command reads, if any.
fn journal_of(cli: &Cli) -> Option<PathBuf> {
    match &cli.command {
        Command::Report(a) => a.journal.clone(),
        Command::Agenda(a) => a.journal.clone(),
        Command::Kpis(a) => a.journal.clone(),
        Command::Risk(a) => a.journal.clone(),
        Command::Backtest(a) => a.journal.clone(),
        Command::Letter(a) => a.journal.clone(),
        Command::Record(a) => Some(a.journal.clone()),
        _ => None,
    }
}

/// A command-line usage error (an unknown option, a bad value): clap's message with the code
/// `input.invalid_arguments`, exit status 2; `--help` and `--version` print as usual. For
/// `arrears interest`, whose errors are JSON documents on standard output (docs/cli.md), the
/// document too.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // As clap prints and exits for these (help on stdout, status 0; help for a missing
        // command on stderr, status 2).
        e.exit();
    }
    let code = arrears::Code::InvalidArguments;
    let text = e.render().to_string();
    let first = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_string();
    if std::env::args().nth(1).as_deref() == Some("interest") {
        let doc = serde_json::json!({"error": {"code": code.as_str(), "message": first}});
        let _ = writeln!(std::io::stdout(), "{doc}");
    }
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{}", terminal::neutralise(&text));
    let _ = writeln!(err, "[{}]", code.as_str());
    ExitCode::from(2)
}

/// One line per problem, except that the same problem on many rows of a file (the same code and
/// message in the same column) is one line listing the rows: `export.csv:2-16:Montant TTC: amount
/// is empty [import.invalid_cell] (15 rows)`.
fn problem_lines(e: &Error) -> Vec<String> {
    /// (file, column, code, message): what makes two problems the same.
    type Key = (String, String, String, String);
    let mut groups: Vec<(Key, Vec<u64>)> = Vec::new();
    let mut lines = Vec::new();
    for p in e.problems() {
        let code = p.code.as_str().to_string();
        let located = p.path.as_deref().and_then(split_row);
        match located {
            Some((file, row, column)) => {
                let key = (file, column, code, p.message.clone());
                match groups.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, rows)) => rows.push(row),
                    None => {
                        groups.push((key, vec![row]));
                        lines.push(None);
                    }
                }
            }
            None => lines.push(Some(match &p.path {
                Some(path) => format!("{path}: {} [{code}]", p.message),
                None => format!("{} [{code}]", p.message),
            })),
        }
    }
    let mut groups = groups.into_iter();
    lines
        .into_iter()
        .filter_map(|l| match l {
            Some(l) => Some(l),
            None => groups.next().map(|((file, column, code, message), rows)| {
                let column = if column.is_empty() {
                    String::new()
                } else {
                    format!(":{column}")
                };
                let count = if rows.len() > 1 {
                    format!(" ({} rows)", rows.len())
                } else {
                    String::new()
                };
                format!(
                    "{file}:{}{column}: {message} [{code}]{count}",
                    ranges(&rows)
                )
            }),
        })
        .collect()
}

/// `data.csv:12:Montant` → (`data.csv`, 12, `Montant`); `data.csv:12` → (`data.csv`, 12, ``).
fn split_row(path: &str) -> Option<(String, u64, String)> {
    let mut search = path;
    let mut offset = 0usize;
    while let Some(i) = search.find(':') {
        let at = offset.saturating_add(i);
        let rest = path.get(at.saturating_add(1)..)?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = rest.get(digits.len()..).unwrap_or("");
        if !digits.is_empty() && (after.is_empty() || after.starts_with(':')) {
            let row = digits.parse().ok()?;
            let file = path.get(..at)?.to_string();
            return Some((file, row, after.trim_start_matches(':').to_string()));
        }
        offset = at.saturating_add(1);
        search = path.get(offset..)?;
    }
    None
}

/// `[2, 3, 4, 9]` → `2-4,9`.
fn ranges(rows: &[u64]) -> String {
    let mut sorted = rows.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&start) = sorted.get(i) {
        let mut end = start;
        while sorted.get(i.saturating_add(1)) == Some(&end.saturating_add(1)) {
            end = end.saturating_add(1);
            i = i.saturating_add(1);
        }
        parts.push(if end > start {
            format!("{start}-{end}")
        } else {
            start.to_string()
        });
        i = i.saturating_add(1);
    }
    parts.join(",")
}

fn run(cli: Cli) -> Result<(), Error> {
    rate_files::load(&cli.rates)?;
    match cli.command {
        Command::Demo { as_of, format } => {
            let doc = arrears::sample::portfolio(arrears::sample::DEFAULT_SEED)?;
            let as_of = as_of.unwrap_or(arrears::sample::AS_OF);
            let ledger = Ledger::new(doc)?;
            let settings = AgendaSettings::default();
            let journal = demo_journal(&ledger, &settings, as_of)?;
            let title = "Demo: Studio Exemple's receivables (bundled sample portfolio)".to_string();
            let mut text = render::report(&ledger, as_of, format, &title, &settings, &journal)?;
            if format == Format::Table {
                text.push_str(&demo_agenda(&ledger, &settings, &journal, as_of)?);
            }
            write_out(None, &text)
        }
        Command::Report(args) => {
            let ledger = args.input.load()?;
            let as_of = args.as_of.unwrap_or_else(today);
            let settings = args.input.settings(args.policy.as_deref())?;
            let journal = agenda_cmd::read_journal(args.journal.as_deref())?;
            let name = args.input.ledger.file_name().map_or_else(
                || args.input.ledger.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let title = format!("Receivables report: {name}");
            let text = render::report(&ledger, as_of, args.format, &title, &settings, &journal)?;
            write_out(args.out.as_deref(), &text)
        }
        Command::Sample { out, fec } => {
            if fec {
                sample_cmd::write_sample_fec(&out)?;
                let _ = writeln!(
                    std::io::stderr(),
                    "wrote {0}/sample-fec.txt, with sample-fec-terms.json, sample-fec-customers.json and sample-fec-disputes.json: arrears report {0}/sample-fec.txt --fec --terms {0}/sample-fec-terms.json --customers {0}/sample-fec-customers.json --disputes {0}/sample-fec-disputes.json",
                    out.display()
                );
                Ok(())
            } else {
                sample_cmd::write_sample(&out)
            }
        }
        Command::Generate(a) => {
            let mut spec = arrears::synthetic::Spec::new(a.invoices, a.seed);
            if let Some(c) = a.customers {
                spec.customers = c;
            }
            if let Some(d) = a.as_of {
                spec.as_of = d;
            }
            spec.mix = match a.mix {
                MixArg::Europe => arrears::synthetic::Mix::Europe,
                MixArg::FrenchB2b => arrears::synthetic::Mix::FrenchB2b,
            };
            match a.format {
                GenerateFormat::Parquet => sample_cmd::write_synthetic_parquet(&spec, &a.out),
                f => sample_cmd::write_synthetic(&spec, f == GenerateFormat::Json, &a.out),
            }
        }
        Command::Penalties(a) => {
            let as_of = a.as_of.unwrap_or_else(today);
            let table = rate_files::table()?;
            let journal = agenda_cmd::read_journal(a.journal.as_deref())?;
            let options = a.input.settings(None)?.interest_options(&journal)?;
            if a.format == PenaltiesFormat::Parquet && a.out.is_none() {
                return Err(Error::new(
                    arrears::Code::InvalidValue,
                    "--format parquet writes a file: give --out FILE.parquet",
                ));
            }
            // Parquet tables, and CSV tables in the document's own shape, go straight into
            // columns; anything else (and any CSV problem, which the general import then reports
            // with its line) the general way.
            let opts = a.input.import_options()?;
            let book = if a.input.fec {
                None
            } else if tables::is_parquet(&opts.ledger) {
                Some(tables::read_book(&opts)?)
            } else if a.format != PenaltiesFormat::Json {
                fast::read_book(&opts)?
            } else {
                None
            };
            if a.by == PenaltiesBy::Customer {
                let totals = match book {
                    Some(book) => {
                        arrears::portfolio::customers::book_totals(&book, as_of, &options, &table)?
                    }
                    None => arrears::portfolio::customers::customer_table(
                        &a.input.load()?,
                        as_of,
                        &options,
                        &table,
                    )?,
                };
                return match a.format {
                    PenaltiesFormat::Csv => {
                        write_out(a.out.as_deref(), &render::customer_totals_csv(&totals)?)
                    }
                    PenaltiesFormat::Json => write_out(a.out.as_deref(), &to_json(&totals)?),
                    PenaltiesFormat::Parquet => {
                        let batch = arrears_arrow::customer_totals_batch(&totals)?;
                        let bytes = tables::parquet_bytes(&batch)?;
                        write_with(a.out.as_deref(), |w| w.write_all(&bytes))
                    }
                };
            }
            if let Some(book) = book {
                let penalties =
                    arrears::portfolio::batch::penalty_table(&book, as_of, &options, &table)?;
                if a.format != PenaltiesFormat::Json {
                    warn_without_penalties(&penalties.without_penalties(&book));
                }
                return match a.format {
                    PenaltiesFormat::Csv => write_with(a.out.as_deref(), |w| {
                        render::penalties_csv_columns(&book, &penalties, w)
                    }),
                    PenaltiesFormat::Parquet => {
                        let batch = arrears_arrow::penalty_batch(&book, &penalties)?;
                        let bytes = tables::parquet_bytes(&batch)?;
                        write_with(a.out.as_deref(), |w| w.write_all(&bytes))
                    }
                    PenaltiesFormat::Json => to_json(&penalties.rows(&book))
                        .and_then(|text| write_out(a.out.as_deref(), &text)),
                };
            }
            let ledger = a.input.load()?;
            let rows = arrears::portfolio::penalty_table(&ledger, as_of, &options, &table)?;
            if a.format != PenaltiesFormat::Json {
                warn_without_penalties(&arrears::portfolio::WithoutPenalties::of_rows(&rows));
            }
            match a.format {
                PenaltiesFormat::Json => write_out(a.out.as_deref(), &to_json(&rows)?),
                PenaltiesFormat::Csv => write_out(a.out.as_deref(), &render::penalties_csv(&rows)?),
                PenaltiesFormat::Parquet => {
                    let batch = arrears_arrow::penalty_rows_batch(&rows)?;
                    let bytes = tables::parquet_bytes(&batch)?;
                    write_with(a.out.as_deref(), |w| w.write_all(&bytes))
                }
            }
        }
        Command::Schemas { out } => write_schemas(&out),
        Command::Agenda(a) => {
            // With --record, the journal is opened for appending and locked before anything else:
            // an unwritable journal fails the run before a line is printed or a letter written,
            // and a second --record run waits, then sees what this one recorded.
            let mut journal_file = match &a.journal {
                Some(path) => Some(files::Journal::open(path, a.record)?),
                None => None,
            };
            // The letters' signatory is checked before anything is computed, printed or written.
            let sender = match &a.letters {
                Some(_) => Some(read_sender(a.sender.as_ref(), a.draft)?),
                None => None,
            };
            let ledger = a.input.load()?;
            let settings = a.input.settings(a.policy.as_deref())?;
            let journal = journal_file
                .as_ref()
                .map(|j| j.entries.clone())
                .unwrap_or_default();
            let as_of = a.as_of.unwrap_or_else(today);
            let table = rate_files::table()?;
            let agenda =
                arrears::dunning::agenda::agenda(&ledger, &journal, &settings, as_of, &table)?;
            let text = match a.format {
                RatesFormat::Json => to_json(&agenda)?,
                RatesFormat::Table => {
                    terminal::neutralise(&agenda_cmd::agenda_table(&agenda)).into_owned()
                }
            };
            if let (Some(dir), Some(sender)) = (&a.letters, &sender) {
                let policy = settings.policy.resolve()?;
                // One computation of the claims for all the day's letters.
                let state = ledger.state_as_of(as_of)?;
                let interest = settings.interest_options(&journal)?;
                let claims =
                    arrears::claim::Claims::for_contacts(&ledger, &state, &interest, &table)?;
                let setup = arrears::dunning::letter::LetterSetup {
                    sender,
                    policy: &policy,
                    journal: &journal,
                    interest: &interest,
                    table: &table,
                    allow_missing_penalties: a.allow_missing_penalties,
                    claims: Some(&claims),
                    draft: a.draft,
                };
                let format = match a.letter_format {
                    LetterFormat::Text => arrears::letters::Format::Text,
                    LetterFormat::Html => arrears::letters::Format::Html,
                };
                // Render every letter first, write only when all succeeded: no partial output.
                let mut letters = Vec::new();
                let mut problems = Vec::new();
                for action in agenda
                    .actions
                    .iter()
                    .filter(|x| x.channel != arrears::dunning::policy::Channel::Phone)
                {
                    let rendered = arrears::dunning::letter::context_for_action(
                        &ledger, action, as_of, &setup,
                    )
                    .and_then(|ctx| arrears::letters::render(&ctx, format));
                    let letter = match rendered {
                        Ok(l) => l,
                        Err(e) => {
                            problems.push(e.at(format!("letter to {}", action.customer)));
                            continue;
                        }
                    };
                    warn_all(&letter.warnings, &action.customer);
                    let ext = if format == arrears::letters::Format::Html {
                        "html"
                    } else {
                        "txt"
                    };
                    let name = files::letter_file_name(as_of, &action.customer, &action.step, ext);
                    let body = match format {
                        arrears::letters::Format::Html => letter.body,
                        _ => format!("Subject: {}\n\n{}\n", letter.subject, letter.body),
                    };
                    letters.push((name, body));
                }
                if let Some(e) = Error::from_many(problems) {
                    return Err(letter_hint(e));
                }
                files::write_letters(dir, &letters)?;
                let _ = writeln!(
                    std::io::stderr(),
                    "wrote {} letter(s) in {}",
                    letters.len(),
                    dir.display()
                );
            }
            write_out(None, &text)?;
            if a.record {
                if let Some(journal) = journal_file.as_mut() {
                    let stamp = chrono::Local::now().to_rfc3339();
                    let entries = agenda.to_journal(&stamp);
                    journal.append(&entries)?;
                    let _ = writeln!(
                        std::io::stderr(),
                        "recorded {} action(s) in {}",
                        entries.len(),
                        journal.path().display()
                    );
                }
            }
            Ok(())
        }
        Command::Kpis(a) => {
            let journal = agenda_cmd::read_journal(a.journal.as_deref())?;
            let as_of = a.as_of.unwrap_or_else(today);
            let to = a.to.unwrap_or(as_of);
            let from = match a.from {
                Some(f) => f,
                None => arrears::calendar::date::add_days(to, -364)?,
            };
            let group_by: arrears::kpi::GroupBy =
                arrears::ops::request(&serde_json::json!(a.group_by))?;
            let options = arrears::kpi::KpiOptions {
                per_currency: true,
                ..arrears::kpi::KpiOptions::default()
            };
            let period = arrears::kpi::KpiPeriod { as_of, from, to };
            // Parquet tables, and CSV tables in the document's own shape, go straight into
            // columns and the KPIs' history (no ledger document: a third of the time at a million
            // invoices); segments and sectors are not among the columns, so grouping by them, and
            // anything else, goes the general way.
            let opts = a.input.import_options()?;
            let book = if !group_by.in_columns() || a.input.fec {
                None
            } else if tables::is_parquet(&opts.ledger) {
                Some(tables::read_book(&opts)?)
            } else {
                fast::read_book(&opts)?
            };
            let (report, coverage) = match book {
                Some(book) => {
                    let coverage = arrears::kpi::Coverage::of_book(&book, as_of);
                    let request = arrears::kpi::ops::BookKpisRequest {
                        as_of,
                        from,
                        to,
                        group_by,
                        journal: Some(journal),
                        options,
                    };
                    (arrears::kpi::ops::kpis_of_book(&book, request)?, coverage)
                }
                None => {
                    let ledger = a.input.load()?;
                    let report =
                        arrears::kpi::kpis(&ledger, Some(&journal), period, group_by, &options)?;
                    let coverage = arrears::kpi::Coverage::of_document(ledger.document(), as_of);
                    (report, coverage)
                }
            };
            for w in coverage.warnings(&period) {
                let _ = writeln!(std::io::stderr(), "warning: {}", terminal::neutralise(&w));
            }
            let text = match a.format {
                KpisFormat::Json => to_json(&report)?,
                KpisFormat::Csv => render::kpis_csv(&report)?,
            };
            write_out(a.out.as_deref(), &text)
        }
        Command::Risk(a) => {
            let ledger = a.input.load()?;
            let journal = agenda_cmd::read_journal(a.journal.as_deref())?;
            let as_of = a.as_of.unwrap_or_else(today);
            let options = arrears::risk::RiskOptions {
                external: read_json_file(a.external.as_deref())?.unwrap_or_default(),
                ..Default::default()
            };
            let risk = arrears::risk::assess(&ledger, &journal, as_of, &options)?;
            write_out(
                a.out.as_deref(),
                &to_json(&serde_json::json!({"as_of": as_of.to_string(), "customers": risk}))?,
            )
        }
        Command::Fec(a) => {
            let opts = import::Options {
                ledger: a.file.clone(),
                payments: None,
                customers: a.customers.clone(),
                map: Vec::new(),
                payments_map: Vec::new(),
                customers_map: a.customers_map.clone(),
                decimal_comma: false,
                delimiter: ',',
                date_format: "%Y-%m-%d".to_string(),
                currency: None,
                encoding: a.encoding.clone(),
                defaults: arrears::ledger::CustomerDefaults::default(),
            };
            let customers = match &a.customers {
                Some(path) => fec_cmd::customers(&opts, path)?,
                None => Vec::new(),
            };
            let import = fec_cmd::read(
                &a.file,
                &fec_cmd::FecArgs {
                    terms: a.terms.clone(),
                    customer_accounts: a.customer_accounts.clone(),
                    journals: a.fec_journal.clone(),
                    country: a.country.clone(),
                    encoding: a.encoding.clone(),
                    disputes: a.disputes.clone(),
                },
                customers,
            )?;
            fec_cmd::summarise(&import);
            if let Some(path) = &a.report {
                let mut report = serde_json::to_value(&import)
                    .map_err(|e| Error::new(arrears::Code::Internal, e.to_string()))?;
                if let Some(o) = report.as_object_mut() {
                    o.remove("ledger");
                }
                write_out(Some(path), &to_json(&report)?)?;
            }
            write_out(a.out.as_deref(), &to_json(&import.ledger)?)
        }
        Command::Backtest(a) => {
            let ledger = a.input.load()?;
            let journal = agenda_cmd::read_journal(a.journal.as_deref())?;
            let result = arrears::risk::backtest(
                &ledger,
                &journal,
                a.cutoff,
                a.horizon_days,
                &arrears::risk::BacktestOptions {
                    late_after_days: a.late_after_days,
                    external: read_json_file(a.external.as_deref())?.unwrap_or_default(),
                    exclude_late_at_cutoff: a.exclude_late_at_cutoff,
                    data_until: a.data_until,
                    bootstrap: arrears::risk::backtest::BootstrapOptions {
                        samples: a.bootstrap_samples,
                        seed: a.bootstrap_seed,
                    },
                    ..Default::default()
                },
            )?;
            write_out(a.out.as_deref(), &to_json(&result)?)
        }
        Command::Letter(a) => {
            let text = letter(&a)?;
            write_out(a.out.as_deref(), &text)
        }
        Command::Record(a) => {
            // Locked for the run; it must read cleanly before a line is added to it.
            let mut journal = files::Journal::open(&a.journal, true)?;
            let ledger = a.input.load()?;
            let policy = agenda_cmd::policy_choice(a.policy.as_deref())?.resolve()?;
            let entry = arrears::dunning::journal::record_step(
                &ledger,
                &policy,
                &a.customer,
                &a.step,
                a.date.unwrap_or_else(today),
                &a.invoices,
                &chrono::Local::now().to_rfc3339(),
            )?;
            journal.append(std::slice::from_ref(&entry))?;
            let covered = match &entry.event {
                arrears::dunning::journal::JournalEvent::Action { items, .. } => items
                    .iter()
                    .map(|i| i.receivable.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => String::new(),
            };
            let _ = writeln!(
                std::io::stderr(),
                "recorded {} for {} ({covered}) on {} in {}",
                a.step,
                a.customer,
                entry.date,
                a.journal.display()
            );
            Ok(())
        }
        Command::Plan(a) => {
            let every = match a.every.parse::<u32>() {
                Ok(days) => serde_json::json!(days),
                Err(_) => serde_json::json!(a.every),
            };
            let mut req = serde_json::json!({
                "amount": a.amount, "currency": a.currency, "first_date": a.first, "every": every,
            });
            if let Some(obj) = req.as_object_mut() {
                if let Some(n) = a.instalments {
                    obj.insert("instalments".into(), n.into());
                }
                if let Some(m) = &a.max_per_instalment {
                    obj.insert("max_per_instalment".into(), m.clone().into());
                }
                if let Some(d) = &a.agreed_on {
                    obj.insert("agreed_on".into(), d.clone().into());
                }
                if let Some(r) = &a.rate {
                    obj.insert("annual_rate_percent".into(), r.clone().into());
                }
                if let Some(g) = a.grace_days {
                    obj.insert("grace_days".into(), g.into());
                }
            }
            let request: arrears::plans::PlanRequest = arrears::ops::request(&req)?;
            let plan = arrears::plans::build(&request)?;
            let text = match a.format {
                RatesFormat::Json => serde_json::to_string_pretty(&plan)
                    .map(|s| s + "\n")
                    .map_err(|e| Error::new(arrears::Code::InvalidDocument, e.to_string()))?,
                RatesFormat::Table => terminal::neutralise(&render::plan_table(&plan)).into_owned(),
            };
            write_out(None, &text)
        }
        Command::Interest(a) => {
            // docs/cli.md: every error of this command, reading its request included, is also
            // the JSON error document on standard output.
            let request = match &a.request {
                Some(path) => interest_cmd::read_request(path).map_err(json_error)?,
                None => interest_cmd::request_from_flags(&interest_cmd::FlagRequest {
                    regime: a.regime.clone().unwrap_or_default(),
                    principal: a.principal.clone().unwrap_or_default(),
                    currency: a.currency.clone().unwrap_or_default(),
                    due: a.due.clone().unwrap_or_default(),
                    until: a.until.clone().unwrap_or_default(),
                    payments: a.payments.clone(),
                    credits: a.credits.clone(),
                    options: a.options.clone(),
                })
                .map_err(json_error)?,
            };
            let text = interest_cmd::run_json("interest", &request).map_err(json_error)?;
            write_out(None, &text)
        }
        Command::Rates { series, format } => {
            let text = match format {
                RatesFormat::Json => {
                    let req = match &series {
                        Some(s) => serde_json::json!({"series": s}),
                        None => serde_json::json!({}),
                    };
                    interest_cmd::run_json("rates", &req)?
                }
                RatesFormat::Table => interest_cmd::rates_table(series.as_deref())?,
            };
            write_out(None, &text)
        }
        Command::Errors { format } => write_out(
            None,
            &render::error_catalogue(format == CatalogueFormat::Json),
        ),
    }
}

/// Commands whose output is a JSON document print their error as a JSON document too
/// (`{"error": {"code", "message", ...}}`) on standard output, where a script reads the result; the
/// human-readable lines still go to standard error.
fn json_error(e: Error) -> Error {
    let _ = writeln!(std::io::stdout(), "{}", e.to_json());
    e
}

/// The journal of a studio that has followed the agenda every morning for the 90 days before
/// `as_of` (simulated by the engine, recording each day's actions): what the demo's report and
/// agenda start from.
fn demo_journal(
    ledger: &Ledger,
    settings: &AgendaSettings,
    as_of: NaiveDate,
) -> Result<Vec<arrears::dunning::journal::JournalEntry>, Error> {
    let table = rate_files::table()?;
    let start = arrears::calendar::date::add_days(as_of, -90)?;
    let yesterday = arrears::calendar::date::add_days(as_of, -1)?;
    arrears::dunning::agenda::simulate(ledger, &[], settings, start, yesterday, &table, |d| {
        format!("{d}T09:00:00+02:00")
    })
}

/// The demo's second half: today's agenda after 90 days of following it, and the day's most
/// advanced letter.
fn demo_agenda(
    ledger: &Ledger,
    settings: &AgendaSettings,
    journal: &[arrears::dunning::journal::JournalEntry],
    as_of: NaiveDate,
) -> Result<String, Error> {
    let table = rate_files::table()?;
    let today = arrears::dunning::agenda::agenda(ledger, journal, settings, as_of, &table)?;
    let mut out = format!(
        "\n\n== Dunning (policy fr_standard, journal of the last 90 days: {} recorded actions) ==\n\n",
        journal.len()
    );
    out.push_str(&agenda_cmd::agenda_table(&today));
    out.push_str(&catch_up_summary(ledger, settings, as_of)?);
    // The letter of the most advanced written action of the day.
    let written = today
        .actions
        .iter()
        .filter(|a| !matches!(a.channel, arrears::dunning::policy::Channel::Phone))
        .max_by_key(|a| a.template == "formal_notice" || a.template == "penalty_letter");
    if let Some(action) = written {
        let policy = settings.policy.resolve()?;
        let sender = arrears::dunning::letter::Sender::sample();
        let interest = settings.interest_options(journal)?;
        let setup = arrears::dunning::letter::LetterSetup {
            sender: &sender,
            policy: &policy,
            journal,
            interest: &interest,
            table: &table,
            allow_missing_penalties: false,
            claims: None,
            // The demo's letter is signed by the sample creditor and is the sample's, not a draft.
            draft: false,
        };
        let ctx = arrears::dunning::letter::context_for_action(ledger, action, as_of, &setup)?;
        let letter = arrears::letters::render(&ctx, arrears::letters::Format::Text)?;
        out.push_str(&format!(
            "\n\n== Letter for {} ({}, template {}) ==\n\nSubject: {}\n\n{}\n",
            action.name.as_deref().unwrap_or(&action.customer),
            action.step,
            action.template,
            letter.subject,
            letter.body
        ));
    }
    Ok(out)
}

/// What the first day with this ledger would bring, with an empty journal: the catch-up rule
/// (docs/dunning.md rule 2) starts each late invoice at the latest step already past, so the demo
/// says how many first contacts of each step that is.
fn catch_up_summary(
    ledger: &Ledger,
    settings: &AgendaSettings,
    as_of: NaiveDate,
) -> Result<String, Error> {
    let table = rate_files::table()?;
    let first = arrears::dunning::agenda::agenda(ledger, &[], settings, as_of, &table)?;
    let mut by_step: Vec<(String, usize)> = Vec::new();
    for a in &first.actions {
        match by_step.iter_mut().find(|(s, _)| *s == a.step) {
            Some((_, n)) => *n = n.saturating_add(1),
            None => by_step.push((a.step.clone(), 1)),
        }
    }
    by_step.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let steps: Vec<String> = by_step.iter().map(|(s, n)| format!("{n} × {s}")).collect();
    Ok(format!(
        "\n\nOn a first day with this ledger (an empty journal), the agenda would catch up: {} contact(s), {}; \
         each late invoice starts at the latest step already past, never beyond the formal notice \
         (docs/dunning.md, rule 2).\n",
        first.actions.len(),
        if steps.is_empty() { "none".to_string() } else { steps.join(", ") }
    ))
}

/// Adds the command-line way out to a refused letter's error.
fn letter_hint(e: Error) -> Error {
    let problems = e.problems().iter().map(|p| {
        let message = if p.code == arrears::Code::PenaltiesUnavailable {
            format!(
                "{} (pass --country FR, or give the file a customer_country column; or --allow-missing-penalties to write it without them)",
                p.message
            )
        } else {
            p.message.clone()
        };
        let err = Error::new(p.code, message);
        match &p.path {
            Some(path) => err.at(path),
            None => err,
        }
    });
    Error::from_many(problems.collect::<Vec<_>>()).unwrap_or(e)
}

/// Prints a letter's warnings (what to check before sending) on standard error.
fn warn_all(warnings: &[String], customer: &str) {
    let mut err = std::io::stderr().lock();
    for w in warnings {
        let _ = writeln!(err, "warning: letter to {customer}: {w}");
    }
}

/// Says on stderr why late receivables of a CSV or Parquet penalty table have no penalties: those
/// formats have no column for it, and a row of zeros without a word would read as nothing owed.
fn warn_without_penalties(list: &[arrears::portfolio::WithoutPenalties]) {
    for w in list {
        let more = if w.receivables > w.examples.len() {
            ", ..."
        } else {
            ""
        };
        let line = format!(
            "warning: {} late receivable(s) without penalties in this table: {} ({}{more})",
            w.receivables,
            w.reason,
            w.examples.join(", ")
        );
        let _ = writeln!(std::io::stderr(), "{}", terminal::neutralise(&line));
    }
}

/// The creditor's details from a JSON file, or the sample creditor with a note.
fn read_sender(
    path: Option<&PathBuf>,
    draft: bool,
) -> Result<arrears::dunning::letter::Sender, Error> {
    match path {
        Some(path) => {
            let text = files::read_input_text(path)?;
            arrears::ops::from_json_str::<arrears::dunning::letter::Sender>(&text)
                .map_err(|e| e.at(path.display().to_string()))
        }
        None if draft => {
            let _ = writeln!(
                std::io::stderr(),
                "note: no --sender file: the sample creditor (Studio Exemple SARL) signs these drafts"
            );
            Ok(arrears::dunning::letter::Sender::sample())
        }
        None => Err(Error::new(
            arrears::Code::MissingFacts,
            "a letter is signed by its creditor: give --sender FILE with your name, address and \
             registration (examples/sender.json shows the fields), or --draft to write drafts",
        )),
    }
}

fn letter(a: &LetterArgs) -> Result<String, Error> {
    use arrears::dunning::letter::{context, LetterSetup, Selection};
    let ledger = a.input.load()?;
    let settings = a.input.settings(a.policy.as_deref())?;
    // Without --policy, the customer's country chooses it as in the agenda (`country_policies`:
    // a German customer's steps are de_standard's, docs/dunning.md §Country policies and calendars).
    let by_country = ledger
        .document()
        .customers
        .iter()
        .find(|c| c.id == a.customer)
        .and_then(|c| c.country.as_deref())
        .and_then(|c| settings.country_policies.get(&c.to_ascii_uppercase()))
        .filter(|_| a.policy.is_none());
    let policy = match by_country {
        Some(choice) => choice.resolve()?,
        None => settings.policy.resolve()?,
    };
    let template = match policy.steps.iter().find(|s| s.id == a.step) {
        Some(step) => step.template.clone(),
        None if arrears::dunning::policy::TEMPLATES.contains(&a.step.as_str()) => a.step.clone(),
        None => {
            let steps: Vec<&str> = policy.steps.iter().map(|s| s.id.as_str()).collect();
            return Err(Error::new(
                arrears::Code::InvalidValue,
                format!(
                    "--step {:?} is neither a step of {} ({}) nor a template ({})",
                    a.step,
                    policy.id,
                    steps.join(", "),
                    arrears::dunning::policy::TEMPLATES.join(", ")
                ),
            ));
        }
    };
    let sender = read_sender(a.sender.as_ref(), a.draft)?;
    let language = match a.lang {
        Some(Lang::Fr) => arrears::letters::Language::Fr,
        Some(Lang::En) => arrears::letters::Language::En,
        Some(Lang::De) => arrears::letters::Language::De,
        None => match policy.language.as_str() {
            "de" => arrears::letters::Language::De,
            "en" => arrears::letters::Language::En,
            _ => arrears::letters::Language::Fr,
        },
    };
    let journal = agenda_cmd::read_journal(a.journal.as_deref())?;
    let date = a.as_of.unwrap_or_else(today);
    let table = rate_files::table()?;
    let interest = settings.interest_options(&journal)?;
    let setup = LetterSetup {
        sender: &sender,
        policy: &policy,
        journal: &journal,
        interest: &interest,
        table: &table,
        allow_missing_penalties: a.allow_missing_penalties,
        draft: a.draft,
        claims: None,
    };
    let mut ctx = context(
        &ledger,
        &a.customer,
        &template,
        language,
        date,
        Selection::ForTemplate,
        &setup,
    )
    .map_err(letter_hint)?;
    if !a.debtor_address.is_empty() {
        ctx.debtor.address_lines = a.debtor_address.clone();
        ctx.warnings.retain(|w| !w.starts_with("no postal address"));
    }
    if a.deadline.is_some() {
        ctx.deadline = a.deadline;
    }
    let plan = match (&a.plan, a.plan_instalments) {
        (Some(path), _) => {
            let text = import::read_text(path, None, &mut Vec::new())?;
            Some(
                arrears::ops::from_json_str::<arrears::plans::PaymentPlan>(&text).map_err(|e| {
                    import::Origins::default().locate(e, &path.display().to_string())
                })?,
            )
        }
        (None, Some(n)) => {
            let every = match a.plan_every.parse::<u32>() {
                Ok(days) => serde_json::json!(days),
                Err(_) => serde_json::json!(a.plan_every),
            };
            let total = ctx.totals.as_ref().map(|t| t.total).unwrap_or_default();
            let request: arrears::plans::PlanRequest = arrears::ops::request(&serde_json::json!({
                "amount": total.to_string(), "currency": ctx.currency.code(),
                "instalments": n, "first_date": a.plan_first.map(|d| d.to_string()),
                "agreed_on": date.to_string(), "every": every,
            }))?;
            Some(arrears::plans::build(&request)?)
        }
        (None, None) => None,
    };
    if let Some(plan) = &plan {
        arrears::dunning::letter::attach_plan(&mut ctx, plan)?;
    }
    warn_all(&ctx.warnings, &a.customer);
    let format = match a.format {
        LetterFormat::Text => arrears::letters::Format::Text,
        LetterFormat::Html => arrears::letters::Format::Html,
    };
    let letter = arrears::letters::render(&ctx, format)?;
    Ok(match format {
        arrears::letters::Format::Html => letter.body,
        _ => format!("Subject: {}\n\n{}\n", letter.subject, letter.body),
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| {
            Error::new(
                arrears::Code::InvalidDocument,
                format!("cannot write JSON: {e}"),
            )
        })
}

/// Writes every schema of [`arrears::schema::documents`] into `dir`, pretty-printed, one file each.
fn write_schemas(dir: &std::path::Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::new(
            arrears::Code::Unreadable,
            format!("cannot create {}: {e}", dir.display()),
        )
    })?;
    for (name, schema) in arrears::schema::documents() {
        let json = serde_json::to_string_pretty(&schema).map_err(|e| {
            Error::new(
                arrears::Code::InvalidDocument,
                format!("cannot write JSON: {e}"),
            )
        })?;
        write_out(Some(&dir.join(name)), &format!("{json}\n"))?;
    }
    Ok(())
}

/// Today's civil date in the machine's local time zone: the CLI is the one place with a clock.
/// `ARREARS_TODAY=YYYY-MM-DD` replaces it, for scripts and tests that must give the same answer
/// every day (an explicit `--as-of` wins over both).
/// A JSON document read from a file given by an option (none when the option was not used);
/// errors name the file and the path inside it.
fn read_json_file<T: serde::de::DeserializeOwned>(
    path: Option<&std::path::Path>,
) -> Result<Option<T>, Error> {
    let Some(path) = path else { return Ok(None) };
    let text = files::read_input_text(path)?;
    arrears::document::from_json_str(&text)
        .map(Some)
        .map_err(|e| e.at(path.display().to_string()))
}

fn today() -> NaiveDate {
    std::env::var("ARREARS_TODAY")
        .ok()
        .and_then(|s| parse_date(s.trim()).ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}
