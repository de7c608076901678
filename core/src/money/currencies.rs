//! The ISO 4217 list (active codes with a minor unit), as published by the ISO 4217 maintenance
//! agency (SIX), List One, including the amendments up to 2025 (XCG replacing ANG, ZWG, SLE, VED).
//! Codes without a minor unit (XAU, XAG, XPD, XPT, XDR, XBA–XBD, XSU, XUA, XTS, XXX) are left
//! out: nothing can be invoiced in them. ANG and BGN are kept while amounts in them still circulate
//! in ledgers (ANG was replaced by XCG in 2025; Bulgaria joined the euro on 1 January 2026).

/// One row of the list.
#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Def {
    pub(crate) code: &'static str,
    pub(crate) minor_units: u8,
    pub(crate) name: &'static str,
}

pub(crate) const CHF: Def = Def {
    code: "CHF",
    minor_units: 2,
    name: "Swiss Franc",
};
pub(crate) const EUR: Def = Def {
    code: "EUR",
    minor_units: 2,
    name: "Euro",
};
pub(crate) const GBP: Def = Def {
    code: "GBP",
    minor_units: 2,
    name: "Pound Sterling",
};
pub(crate) const USD: Def = Def {
    code: "USD",
    minor_units: 2,
    name: "US Dollar",
};

/// Sorted by code, so lookups can binary-search.
pub(crate) static ALL: &[Def] = &[
    Def {
        code: "AED",
        minor_units: 2,
        name: "UAE Dirham",
    },
    Def {
        code: "AFN",
        minor_units: 2,
        name: "Afghani",
    },
    Def {
        code: "ALL",
        minor_units: 2,
        name: "Lek",
    },
    Def {
        code: "AMD",
        minor_units: 2,
        name: "Armenian Dram",
    },
    Def {
        code: "ANG",
        minor_units: 2,
        name: "Netherlands Antillean Guilder",
    },
    Def {
        code: "AOA",
        minor_units: 2,
        name: "Kwanza",
    },
    Def {
        code: "ARS",
        minor_units: 2,
        name: "Argentine Peso",
    },
    Def {
        code: "AUD",
        minor_units: 2,
        name: "Australian Dollar",
    },
    Def {
        code: "AWG",
        minor_units: 2,
        name: "Aruban Florin",
    },
    Def {
        code: "AZN",
        minor_units: 2,
        name: "Azerbaijan Manat",
    },
    Def {
        code: "BAM",
        minor_units: 2,
        name: "Convertible Mark",
    },
    Def {
        code: "BBD",
        minor_units: 2,
        name: "Barbados Dollar",
    },
    Def {
        code: "BDT",
        minor_units: 2,
        name: "Taka",
    },
    Def {
        code: "BGN",
        minor_units: 2,
        name: "Bulgarian Lev",
    },
    Def {
        code: "BHD",
        minor_units: 3,
        name: "Bahraini Dinar",
    },
    Def {
        code: "BIF",
        minor_units: 0,
        name: "Burundi Franc",
    },
    Def {
        code: "BMD",
        minor_units: 2,
        name: "Bermudian Dollar",
    },
    Def {
        code: "BND",
        minor_units: 2,
        name: "Brunei Dollar",
    },
    Def {
        code: "BOB",
        minor_units: 2,
        name: "Boliviano",
    },
    Def {
        code: "BOV",
        minor_units: 2,
        name: "Mvdol",
    },
    Def {
        code: "BRL",
        minor_units: 2,
        name: "Brazilian Real",
    },
    Def {
        code: "BSD",
        minor_units: 2,
        name: "Bahamian Dollar",
    },
    Def {
        code: "BTN",
        minor_units: 2,
        name: "Ngultrum",
    },
    Def {
        code: "BWP",
        minor_units: 2,
        name: "Pula",
    },
    Def {
        code: "BYN",
        minor_units: 2,
        name: "Belarusian Ruble",
    },
    Def {
        code: "BZD",
        minor_units: 2,
        name: "Belize Dollar",
    },
    Def {
        code: "CAD",
        minor_units: 2,
        name: "Canadian Dollar",
    },
    Def {
        code: "CDF",
        minor_units: 2,
        name: "Congolese Franc",
    },
    Def {
        code: "CHE",
        minor_units: 2,
        name: "WIR Euro",
    },
    Def {
        code: "CHF",
        minor_units: 2,
        name: "Swiss Franc",
    },
    Def {
        code: "CHW",
        minor_units: 2,
        name: "WIR Franc",
    },
    Def {
        code: "CLF",
        minor_units: 4,
        name: "Unidad de Fomento",
    },
    Def {
        code: "CLP",
        minor_units: 0,
        name: "Chilean Peso",
    },
    Def {
        code: "CNY",
        minor_units: 2,
        name: "Yuan Renminbi",
    },
    Def {
        code: "COP",
        minor_units: 2,
        name: "Colombian Peso",
    },
    Def {
        code: "COU",
        minor_units: 2,
        name: "Unidad de Valor Real",
    },
    Def {
        code: "CRC",
        minor_units: 2,
        name: "Costa Rican Colon",
    },
    Def {
        code: "CUP",
        minor_units: 2,
        name: "Cuban Peso",
    },
    Def {
        code: "CVE",
        minor_units: 2,
        name: "Cabo Verde Escudo",
    },
    Def {
        code: "CZK",
        minor_units: 2,
        name: "Czech Koruna",
    },
    Def {
        code: "DJF",
        minor_units: 0,
        name: "Djibouti Franc",
    },
    Def {
        code: "DKK",
        minor_units: 2,
        name: "Danish Krone",
    },
    Def {
        code: "DOP",
        minor_units: 2,
        name: "Dominican Peso",
    },
    Def {
        code: "DZD",
        minor_units: 2,
        name: "Algerian Dinar",
    },
    Def {
        code: "EGP",
        minor_units: 2,
        name: "Egyptian Pound",
    },
    Def {
        code: "ERN",
        minor_units: 2,
        name: "Nakfa",
    },
    Def {
        code: "ETB",
        minor_units: 2,
        name: "Ethiopian Birr",
    },
    Def {
        code: "EUR",
        minor_units: 2,
        name: "Euro",
    },
    Def {
        code: "FJD",
        minor_units: 2,
        name: "Fiji Dollar",
    },
    Def {
        code: "FKP",
        minor_units: 2,
        name: "Falkland Islands Pound",
    },
    Def {
        code: "GBP",
        minor_units: 2,
        name: "Pound Sterling",
    },
    Def {
        code: "GEL",
        minor_units: 2,
        name: "Lari",
    },
    Def {
        code: "GHS",
        minor_units: 2,
        name: "Ghana Cedi",
    },
    Def {
        code: "GIP",
        minor_units: 2,
        name: "Gibraltar Pound",
    },
    Def {
        code: "GMD",
        minor_units: 2,
        name: "Dalasi",
    },
    Def {
        code: "GNF",
        minor_units: 0,
        name: "Guinean Franc",
    },
    Def {
        code: "GTQ",
        minor_units: 2,
        name: "Quetzal",
    },
    Def {
        code: "GYD",
        minor_units: 2,
        name: "Guyana Dollar",
    },
    Def {
        code: "HKD",
        minor_units: 2,
        name: "Hong Kong Dollar",
    },
    Def {
        code: "HNL",
        minor_units: 2,
        name: "Lempira",
    },
    Def {
        code: "HTG",
        minor_units: 2,
        name: "Gourde",
    },
    Def {
        code: "HUF",
        minor_units: 2,
        name: "Forint",
    },
    Def {
        code: "IDR",
        minor_units: 2,
        name: "Rupiah",
    },
    Def {
        code: "ILS",
        minor_units: 2,
        name: "New Israeli Sheqel",
    },
    Def {
        code: "INR",
        minor_units: 2,
        name: "Indian Rupee",
    },
    Def {
        code: "IQD",
        minor_units: 3,
        name: "Iraqi Dinar",
    },
    Def {
        code: "IRR",
        minor_units: 2,
        name: "Iranian Rial",
    },
    Def {
        code: "ISK",
        minor_units: 0,
        name: "Iceland Krona",
    },
    Def {
        code: "JMD",
        minor_units: 2,
        name: "Jamaican Dollar",
    },
    Def {
        code: "JOD",
        minor_units: 3,
        name: "Jordanian Dinar",
    },
    Def {
        code: "JPY",
        minor_units: 0,
        name: "Yen",
    },
    Def {
        code: "KES",
        minor_units: 2,
        name: "Kenyan Shilling",
    },
    Def {
        code: "KGS",
        minor_units: 2,
        name: "Som",
    },
    Def {
        code: "KHR",
        minor_units: 2,
        name: "Riel",
    },
    Def {
        code: "KMF",
        minor_units: 0,
        name: "Comorian Franc",
    },
    Def {
        code: "KPW",
        minor_units: 2,
        name: "North Korean Won",
    },
    Def {
        code: "KRW",
        minor_units: 0,
        name: "Won",
    },
    Def {
        code: "KWD",
        minor_units: 3,
        name: "Kuwaiti Dinar",
    },
    Def {
        code: "KYD",
        minor_units: 2,
        name: "Cayman Islands Dollar",
    },
    Def {
        code: "KZT",
        minor_units: 2,
        name: "Tenge",
    },
    Def {
        code: "LAK",
        minor_units: 2,
        name: "Lao Kip",
    },
    Def {
        code: "LBP",
        minor_units: 2,
        name: "Lebanese Pound",
    },
    Def {
        code: "LKR",
        minor_units: 2,
        name: "Sri Lanka Rupee",
    },
    Def {
        code: "LRD",
        minor_units: 2,
        name: "Liberian Dollar",
    },
    Def {
        code: "LSL",
        minor_units: 2,
        name: "Loti",
    },
    Def {
        code: "LYD",
        minor_units: 3,
        name: "Libyan Dinar",
    },
    Def {
        code: "MAD",
        minor_units: 2,
        name: "Moroccan Dirham",
    },
    Def {
        code: "MDL",
        minor_units: 2,
        name: "Moldovan Leu",
    },
    Def {
        code: "MGA",
        minor_units: 2,
        name: "Malagasy Ariary",
    },
    Def {
        code: "MKD",
        minor_units: 2,
        name: "Denar",
    },
    Def {
        code: "MMK",
        minor_units: 2,
        name: "Kyat",
    },
    Def {
        code: "MNT",
        minor_units: 2,
        name: "Tugrik",
    },
    Def {
        code: "MOP",
        minor_units: 2,
        name: "Pataca",
    },
    Def {
        code: "MRU",
        minor_units: 2,
        name: "Ouguiya",
    },
    Def {
        code: "MUR",
        minor_units: 2,
        name: "Mauritius Rupee",
    },
    Def {
        code: "MVR",
        minor_units: 2,
        name: "Rufiyaa",
    },
    Def {
        code: "MWK",
        minor_units: 2,
        name: "Malawi Kwacha",
    },
    Def {
        code: "MXN",
        minor_units: 2,
        name: "Mexican Peso",
    },
    Def {
        code: "MXV",
        minor_units: 2,
        name: "Mexican Unidad de Inversion (UDI)",
    },
    Def {
        code: "MYR",
        minor_units: 2,
        name: "Malaysian Ringgit",
    },
    Def {
        code: "MZN",
        minor_units: 2,
        name: "Mozambique Metical",
    },
    Def {
        code: "NAD",
        minor_units: 2,
        name: "Namibia Dollar",
    },
    Def {
        code: "NGN",
        minor_units: 2,
        name: "Naira",
    },
    Def {
        code: "NIO",
        minor_units: 2,
        name: "Cordoba Oro",
    },
    Def {
        code: "NOK",
        minor_units: 2,
        name: "Norwegian Krone",
    },
    Def {
        code: "NPR",
        minor_units: 2,
        name: "Nepalese Rupee",
    },
    Def {
        code: "NZD",
        minor_units: 2,
        name: "New Zealand Dollar",
    },
    Def {
        code: "OMR",
        minor_units: 3,
        name: "Rial Omani",
    },
    Def {
        code: "PAB",
        minor_units: 2,
        name: "Balboa",
    },
    Def {
        code: "PEN",
        minor_units: 2,
        name: "Sol",
    },
    Def {
        code: "PGK",
        minor_units: 2,
        name: "Kina",
    },
    Def {
        code: "PHP",
        minor_units: 2,
        name: "Philippine Peso",
    },
    Def {
        code: "PKR",
        minor_units: 2,
        name: "Pakistan Rupee",
    },
    Def {
        code: "PLN",
        minor_units: 2,
        name: "Zloty",
    },
    Def {
        code: "PYG",
        minor_units: 0,
        name: "Guarani",
    },
    Def {
        code: "QAR",
        minor_units: 2,
        name: "Qatari Rial",
    },
    Def {
        code: "RON",
        minor_units: 2,
        name: "Romanian Leu",
    },
    Def {
        code: "RSD",
        minor_units: 2,
        name: "Serbian Dinar",
    },
    Def {
        code: "RUB",
        minor_units: 2,
        name: "Russian Ruble",
    },
    Def {
        code: "RWF",
        minor_units: 0,
        name: "Rwanda Franc",
    },
    Def {
        code: "SAR",
        minor_units: 2,
        name: "Saudi Riyal",
    },
    Def {
        code: "SBD",
        minor_units: 2,
        name: "Solomon Islands Dollar",
    },
    Def {
        code: "SCR",
        minor_units: 2,
        name: "Seychelles Rupee",
    },
    Def {
        code: "SDG",
        minor_units: 2,
        name: "Sudanese Pound",
    },
    Def {
        code: "SEK",
        minor_units: 2,
        name: "Swedish Krona",
    },
    Def {
        code: "SGD",
        minor_units: 2,
        name: "Singapore Dollar",
    },
    Def {
        code: "SHP",
        minor_units: 2,
        name: "Saint Helena Pound",
    },
    Def {
        code: "SLE",
        minor_units: 2,
        name: "Leone",
    },
    Def {
        code: "SOS",
        minor_units: 2,
        name: "Somali Shilling",
    },
    Def {
        code: "SRD",
        minor_units: 2,
        name: "Surinam Dollar",
    },
    Def {
        code: "SSP",
        minor_units: 2,
        name: "South Sudanese Pound",
    },
    Def {
        code: "STN",
        minor_units: 2,
        name: "Dobra",
    },
    Def {
        code: "SVC",
        minor_units: 2,
        name: "El Salvador Colon",
    },
    Def {
        code: "SYP",
        minor_units: 2,
        name: "Syrian Pound",
    },
    Def {
        code: "SZL",
        minor_units: 2,
        name: "Lilangeni",
    },
    Def {
        code: "THB",
        minor_units: 2,
        name: "Baht",
    },
    Def {
        code: "TJS",
        minor_units: 2,
        name: "Somoni",
    },
    Def {
        code: "TMT",
        minor_units: 2,
        name: "Turkmenistan New Manat",
    },
    Def {
        code: "TND",
        minor_units: 3,
        name: "Tunisian Dinar",
    },
    Def {
        code: "TOP",
        minor_units: 2,
        name: "Pa'anga",
    },
    Def {
        code: "TRY",
        minor_units: 2,
        name: "Turkish Lira",
    },
    Def {
        code: "TTD",
        minor_units: 2,
        name: "Trinidad and Tobago Dollar",
    },
    Def {
        code: "TWD",
        minor_units: 2,
        name: "New Taiwan Dollar",
    },
    Def {
        code: "TZS",
        minor_units: 2,
        name: "Tanzanian Shilling",
    },
    Def {
        code: "UAH",
        minor_units: 2,
        name: "Hryvnia",
    },
    Def {
        code: "UGX",
        minor_units: 0,
        name: "Uganda Shilling",
    },
    Def {
        code: "USD",
        minor_units: 2,
        name: "US Dollar",
    },
    Def {
        code: "USN",
        minor_units: 2,
        name: "US Dollar (Next day)",
    },
    Def {
        code: "UYI",
        minor_units: 0,
        name: "Uruguay Peso en Unidades Indexadas (UI)",
    },
    Def {
        code: "UYU",
        minor_units: 2,
        name: "Peso Uruguayo",
    },
    Def {
        code: "UYW",
        minor_units: 4,
        name: "Unidad Previsional",
    },
    Def {
        code: "UZS",
        minor_units: 2,
        name: "Uzbekistan Sum",
    },
    Def {
        code: "VED",
        minor_units: 2,
        name: "Bolivar Soberano",
    },
    Def {
        code: "VES",
        minor_units: 2,
        name: "Bolivar Soberano",
    },
    Def {
        code: "VND",
        minor_units: 0,
        name: "Dong",
    },
    Def {
        code: "VUV",
        minor_units: 0,
        name: "Vatu",
    },
    Def {
        code: "WST",
        minor_units: 2,
        name: "Tala",
    },
    Def {
        code: "XAF",
        minor_units: 0,
        name: "CFA Franc BEAC",
    },
    Def {
        code: "XCD",
        minor_units: 2,
        name: "East Caribbean Dollar",
    },
    Def {
        code: "XCG",
        minor_units: 2,
        name: "Caribbean Guilder",
    },
    Def {
        code: "XOF",
        minor_units: 0,
        name: "CFA Franc BCEAO",
    },
    Def {
        code: "XPF",
        minor_units: 0,
        name: "CFP Franc",
    },
    Def {
        code: "YER",
        minor_units: 2,
        name: "Yemeni Rial",
    },
    Def {
        code: "ZAR",
        minor_units: 2,
        name: "Rand",
    },
    Def {
        code: "ZMW",
        minor_units: 2,
        name: "Zambian Kwacha",
    },
    Def {
        code: "ZWG",
        minor_units: 2,
        name: "Zimbabwe Gold",
    },
];

/// Finds an exact (upper-case) code.
pub(crate) fn find(code: &str) -> Option<&'static Def> {
    ALL.binary_search_by(|d| d.code.cmp(code))
        .ok()
        .and_then(|i| ALL.get(i))
}
