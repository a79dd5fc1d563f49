//! The price book: unit prices as dated, sourced data (`data/pricebook.json`),
//! compiled in as statics (`pricebook/builtin.rs`, written from the file by a test).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::order;

/// The price book's source. The app uses the compiled form in `pricebook/builtin.rs`,
/// which a test keeps equal to this file's parse.
#[cfg(test)]
const PRICEBOOK_JSON: &str = include_str!("../../data/pricebook.json");

/// `data/pricebook.json` as Rust statics: written by the test
/// `the_builtin_price_book_is_the_data_file`, so start-up reads no JSON.
#[rustfmt::skip]
mod builtin;

/// The compiled form of the price book (see [`PriceBook::from_fixed`]).
#[derive(Debug)]
struct Fixed {
    version: u32,
    as_of: &'static str,
    currency: &'static str,
    hours_per_month: f64,
    sources: &'static [(&'static str, &'static str)],
    /// Key, name, factor, note.
    regions: &'static [(&'static str, &'static str, f64, &'static str)],
    /// Key, factor, label, source.
    discounts: &'static [(&'static str, f64, &'static str, &'static str)],
    free_tier: fn() -> FreeTier,
    /// Key, value, text.
    assumptions: &'static [(&'static str, f64, &'static str)],
    /// Each distinct source of a price, shared by the prices that cite it.
    price_sources: &'static [&'static str],
    /// Key, price, unit, index into `price_sources`.
    prices: &'static [(&'static str, f64, &'static str, usize)],
}

/// One unit price in us-east-1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Price {
    pub key: String,
    pub price: f64,
    /// What one unit is, e.g. `hour`, `GB-month`, `1M requests`.
    pub unit: String,
    pub source: Arc<str>,
}

/// How a Region's prices relate to us-east-1's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionPricing {
    pub name: String,
    /// Multiplies every us-east-1 price; 1.0 for us-east-1 itself.
    pub factor: f64,
    /// Where the factor comes from; says when it is an estimate.
    pub note: String,
}

/// A purchase option's price as a fraction of on-demand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discount {
    pub factor: f64,
    pub label: String,
    pub source: String,
}

/// A usage assumption used when the design does not state a figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assumption {
    pub value: f64,
    pub text: String,
}

/// Free-tier allowances per month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FreeTier {
    pub note: String,
    pub ec2_micro_hours: f64,
    pub ebs_gb: f64,
    pub transfer_out_gb: f64,
    pub cloudfront_gb: f64,
    pub cloudfront_requests: f64,
    pub public_ipv4_hours: f64,
    pub rds_micro_hours: f64,
    pub rds_storage_gb: f64,
    pub cache_micro_hours: f64,
    pub lambda_requests: f64,
    pub lambda_gb_seconds: f64,
    pub sqs_requests: f64,
    pub sns_publishes: f64,
    pub cognito_mau: f64,
}

#[derive(Deserialize)]
struct RawBook {
    format: String,
    version: u32,
    as_of: String,
    currency: String,
    hours_per_month: f64,
    sources: BTreeMap<String, String>,
    regions: BTreeMap<String, RegionPricing>,
    discounts: BTreeMap<String, Discount>,
    free_tier: FreeTier,
    assumptions: BTreeMap<String, Assumption>,
    prices: Vec<Price>,
}

/// Every unit price Cloudwright knows, with Regions, discounts and assumptions.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceBook {
    pub version: u32,
    /// The date the prices were gathered.
    pub as_of: String,
    pub currency: String,
    /// Hours in a billing month (730).
    pub hours_per_month: f64,
    /// What each source key (`IC`, `AWS`, …) stands for.
    pub sources: BTreeMap<String, String>,
    pub regions: BTreeMap<String, RegionPricing>,
    pub discounts: BTreeMap<String, Discount>,
    pub free_tier: FreeTier,
    pub assumptions: BTreeMap<String, Assumption>,
    prices: FxHashMap<String, Price>,
}

impl PriceBook {
    /// The price book built into this version of Cloudwright.
    pub fn builtin() -> &'static PriceBook {
        static BOOK: OnceLock<PriceBook> = OnceLock::new();
        BOOK.get_or_init(|| PriceBook::from_fixed(&builtin::BOOK))
    }

    /// A price book from compiled data (checked by the test that writes it).
    fn from_fixed(f: &Fixed) -> PriceBook {
        let sources: Vec<Arc<str>> = f.price_sources.iter().map(|s| Arc::from(*s)).collect();
        let mut prices = FxHashMap::default();
        prices.reserve(f.prices.len());
        for &(key, price, unit, source) in f.prices {
            let source = sources.get(source).cloned().unwrap_or_else(|| Arc::from(""));
            prices.insert(key.to_owned(), Price { key: key.to_owned(), price, unit: unit.to_owned(), source });
        }
        PriceBook {
            version: f.version,
            as_of: f.as_of.to_owned(),
            currency: f.currency.to_owned(),
            hours_per_month: f.hours_per_month,
            sources: order::map(f.sources.iter().map(|&(k, v)| (k.to_owned(), v.to_owned()))),
            regions: order::map(f.regions.iter().map(|&(k, name, factor, note)| {
                (k.to_owned(), RegionPricing { name: name.to_owned(), factor, note: note.to_owned() })
            })),
            discounts: order::map(f.discounts.iter().map(|&(k, factor, label, source)| {
                (k.to_owned(), Discount { factor, label: label.to_owned(), source: source.to_owned() })
            })),
            free_tier: (f.free_tier)(),
            assumptions: order::map(
                f.assumptions
                    .iter()
                    .map(|&(k, value, text)| (k.to_owned(), Assumption { value, text: text.to_owned() })),
            ),
            prices,
        }
    }

    pub fn parse(text: &str) -> Result<PriceBook, String> {
        let raw: RawBook = serde_json::from_str(text).map_err(|e| format!("price book: {e}"))?;
        if raw.format != "cloudwright-prices" {
            return Err(format!("price book: unexpected format {:?}", raw.format));
        }
        let mut prices = FxHashMap::default();
        prices.reserve(raw.prices.len());
        for p in raw.prices {
            if !p.price.is_finite() || p.price < 0.0 {
                return Err(format!("price book: {} has an invalid price", p.key));
            }
            if let Some(old) = prices.insert(p.key.clone(), p) {
                return Err(format!("price book: {} is listed twice", old.key));
            }
        }
        if !raw.regions.contains_key("us-east-1") {
            return Err("price book: us-east-1 is missing".to_owned());
        }
        Ok(PriceBook {
            version: raw.version,
            as_of: raw.as_of,
            currency: raw.currency,
            hours_per_month: raw.hours_per_month,
            sources: raw.sources,
            regions: raw.regions,
            discounts: raw.discounts,
            free_tier: raw.free_tier,
            assumptions: raw.assumptions,
            prices,
        })
    }

    pub fn price(&self, key: &str) -> Option<&Price> {
        self.prices.get(key)
    }

    /// Every price, sorted by key.
    pub fn prices(&self) -> Vec<&Price> {
        let mut all: Vec<&Price> = self.prices.values().collect();
        order::sort_by(&mut all, |a, b| a.key.cmp(&b.key));
        all
    }

    /// An assumption's value, or `fallback` if the book lacks it.
    pub fn assumption(&self, key: &str, fallback: f64) -> f64 {
        self.assumptions.get(key).map_or(fallback, |a| a.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    /// `book` as the Rust source of `pricebook/builtin.rs`.
    fn rust_source(b: &PriceBook) -> String {
        let mut out = crate::builtins::header("data/pricebook.json", "Fixed, FreeTier");
        let _ = writeln!(out, "pub(super) static BOOK: Fixed = Fixed {{");
        let _ = writeln!(
            out,
            "    version: {},\n    as_of: {:?},\n    currency: {:?},\n    hours_per_month: {:?},",
            b.version, b.as_of, b.currency, b.hours_per_month
        );
        let _ = writeln!(out, "    sources: &[");
        for (k, v) in &b.sources {
            let _ = writeln!(out, "        ({k:?}, {v:?}),");
        }
        let _ = writeln!(out, "    ],\n    regions: &[");
        for (k, r) in &b.regions {
            let _ = writeln!(out, "        ({k:?}, {:?}, {:?}, {:?}),", r.name, r.factor, r.note);
        }
        let _ = writeln!(out, "    ],\n    discounts: &[");
        for (k, d) in &b.discounts {
            let _ = writeln!(out, "        ({k:?}, {:?}, {:?}, {:?}),", d.factor, d.label, d.source);
        }
        let _ = writeln!(out, "    ],\n    free_tier,\n    assumptions: &[");
        for (k, a) in &b.assumptions {
            let _ = writeln!(out, "        ({k:?}, {:?}, {:?}),", a.value, a.text);
        }
        let prices = b.prices();
        let mut sources: Vec<&str> = Vec::new();
        for p in &prices {
            if !sources.contains(&&*p.source) {
                sources.push(&p.source);
            }
        }
        let _ = writeln!(out, "    ],\n    price_sources: &[");
        for s in &sources {
            let _ = writeln!(out, "        {s:?},");
        }
        let _ = writeln!(out, "    ],\n    prices: &[");
        for p in &prices {
            let source = sources.iter().position(|s| *s == &*p.source).unwrap_or_default();
            let _ = writeln!(out, "        ({:?}, {:?}, {:?}, {source}),", p.key, p.price, p.unit);
        }
        let t = &b.free_tier;
        let _ = writeln!(
            out,
            "    ],\n}};\n\nfn free_tier() -> FreeTier {{\n    FreeTier {{\n        note: {:?}.to_owned(),",
            t.note
        );
        for (name, v) in [
            ("ec2_micro_hours", t.ec2_micro_hours),
            ("ebs_gb", t.ebs_gb),
            ("transfer_out_gb", t.transfer_out_gb),
            ("cloudfront_gb", t.cloudfront_gb),
            ("cloudfront_requests", t.cloudfront_requests),
            ("public_ipv4_hours", t.public_ipv4_hours),
            ("rds_micro_hours", t.rds_micro_hours),
            ("rds_storage_gb", t.rds_storage_gb),
            ("cache_micro_hours", t.cache_micro_hours),
            ("lambda_requests", t.lambda_requests),
            ("lambda_gb_seconds", t.lambda_gb_seconds),
            ("sqs_requests", t.sqs_requests),
            ("sns_publishes", t.sns_publishes),
            ("cognito_mau", t.cognito_mau),
        ] {
            let _ = writeln!(out, "        {name}: {v:?},");
        }
        let _ = writeln!(out, "    }}\n}}");
        out
    }

    #[test]
    fn the_builtin_price_book_is_the_data_file() {
        let parsed = PriceBook::parse(PRICEBOOK_JSON).expect("the price book file is valid");
        let source = rust_source(&parsed);
        if !crate::builtins::current("cost/pricebook/builtin.rs", &source, "data/pricebook.json") {
            return;
        }
        assert_eq!(PriceBook::builtin(), &parsed);
    }
}
