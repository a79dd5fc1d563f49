//! The price book: unit prices as dated, sourced data (`data/pricebook.json`).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

const PRICEBOOK_JSON: &str = include_str!("../../data/pricebook.json");

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
        BOOK.get_or_init(|| {
            // Checked by the test suite; failing here is a build defect.
            #[allow(clippy::expect_used)]
            PriceBook::parse(PRICEBOOK_JSON).expect("the built-in price book is valid")
        })
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
        all.sort_by(|a, b| a.key.cmp(&b.key));
        all
    }

    /// An assumption's value, or `fallback` if the book lacks it.
    pub fn assumption(&self, key: &str, fallback: f64) -> f64 {
        self.assumptions.get(key).map_or(fallback, |a| a.value)
    }
}
