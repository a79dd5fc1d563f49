//! The cost model: a monthly estimate as line items a reader can check by hand.
//!
//! `estimate(design, book)` prices every component from its properties, derives
//! the usage the design does not state from its workload and links, prices data
//! transfer by where each link's ends sit, applies purchase options and the free
//! tier, and lists what it does not count. It never fails: odd values yield
//! diagnostics and finite numbers.

mod kinds;
pub mod pricebook;
mod transfer;
pub mod usage;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::Serialize;

use crate::catalog::{Catalog, KindSpec};
use crate::design::{Component, Design};
use crate::diagnostic::Diagnostic;
use crate::id::{ComponentId, ItemRef, LinkId};
pub use pricebook::PriceBook;
use usage::Flow;

/// One priced quantity, Infracost style: quantity × unit price = monthly cost.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineItem {
    /// The component charged, if any (data transfer lines name a link instead).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component: Option<ComponentId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkId>,
    /// The AWS service, e.g. "EC2 instance", "Data transfer".
    pub service: Arc<str>,
    /// What is charged, e.g. "t3.medium on demand, 2 instances".
    pub description: Cow<'static, str>,
    /// In `unit`s, e.g. 1,460 hours, or 2.628 (million requests).
    pub quantity: f64,
    pub unit: &'static str,
    /// USD per `unit`, after Region factor, override and purchase option.
    pub unit_price: f64,
    /// `quantity × unit_price`, USD per month.
    pub monthly: f64,
    /// The price-book key the unit price comes from.
    pub price_key: String,
    /// Where the unit price comes from (a source, a Regional factor, an override).
    pub price_source: Arc<str>,
    /// Set when the design overrides this unit price.
    pub overridden: bool,
    /// Set when the quantity was derived from the workload: the assumption made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<Cow<'static, str>>,
}

/// A component's share of the total.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComponentCost {
    pub component: ComponentId,
    pub label: String,
    /// The kind's name, e.g. "RDS PostgreSQL".
    pub service: Arc<str>,
    pub category: Arc<str>,
    pub monthly: f64,
    /// True for kinds AWS does not charge for (e.g. an internet gateway).
    pub free: bool,
}

/// A category's share of the total (component categories, plus "Data transfer").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryCost {
    pub category: Arc<str>,
    pub monthly: f64,
}

/// What a purchase option or the free tier saves against on-demand.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Saving {
    pub component: ComponentId,
    pub option: String,
    pub on_demand_monthly: f64,
    pub monthly: f64,
    pub saving: f64,
}

/// An autoscaled tier at baseline and at peak.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScalingEstimate {
    pub component: ComponentId,
    pub baseline_count: f64,
    pub peak_count: f64,
    /// If it ran at baseline all month.
    pub baseline_monthly: f64,
    /// If it ran at peak all month.
    pub peak_monthly: f64,
    /// For the design's peak-hours pattern (what the line items use).
    pub estimate_monthly: f64,
}

/// Something the estimate leaves out, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NotCounted {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component: Option<ComponentId>,
    /// The whole sentence: the component's label in quotes, then the reason.
    pub what: String,
    /// The reason alone (the same as `what` without a component), which
    /// [`CostReport::not_counted_lines`] groups by.
    #[serde(skip)]
    pub reason: String,
}

/// The whole estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostReport {
    pub region: String,
    /// How the Region's prices were found: "list prices" or the factor's note.
    pub region_pricing: String,
    pub currency: String,
    /// The date of the price book.
    pub prices_as_of: String,
    pub lines: Vec<LineItem>,
    pub by_component: Vec<ComponentCost>,
    pub by_category: Vec<CategoryCost>,
    pub total_monthly: f64,
    pub total_yearly: f64,
    pub savings: Vec<Saving>,
    pub scaling: Vec<ScalingEstimate>,
    pub not_counted: Vec<NotCounted>,
    pub diagnostics: Vec<Diagnostic>,
}

impl CostReport {
    /// The line items of one component.
    pub fn lines_of<'a>(&'a self, id: &'a ComponentId) -> impl Iterator<Item = &'a LineItem> + 'a {
        self.lines.iter().filter(move |l| l.component.as_ref() == Some(id))
    }
    /// A component's monthly cost.
    pub fn component_monthly(&self, id: &ComponentId) -> f64 {
        self.by_component.iter().find(|c| &c.component == id).map_or(0.0, |c| c.monthly)
    }

    /// What the estimate leaves out, one line per reason in the order first met: a
    /// reason several components share is one line that counts them and names the
    /// first three (625 databases with backups make one line, not 625).
    pub fn not_counted_lines(&self, design: &Design) -> Vec<String> {
        const NAMED: usize = 3;
        // Reasons are a few fixed sentences and one per unpriced kind, so a linear
        // search finds the group; past `SEARCHED` groups (only a hostile file of
        // thousands of unknown kinds gets there) each note stands alone, which keeps
        // this linear in the notes.
        const SEARCHED: usize = 256;
        // Only notes about components group; one about the whole design stands alone.
        let mut groups: Vec<Vec<&NotCounted>> = Vec::new();
        for n in &self.not_counted {
            let same =
                |g: &Vec<&NotCounted>| n.component.is_some() && g[0].component.is_some() && g[0].reason == n.reason;
            match groups.iter_mut().take(SEARCHED).find(|g| same(g)) {
                Some(group) => group.push(n),
                None => groups.push(vec![n]),
            }
        }
        let mut lines = Vec::with_capacity(groups.len());
        for group in groups {
            if group.len() == 1 {
                lines.push(group[0].what.clone());
                continue;
            }
            let mut line = format!("{} components (", group.len());
            for (i, id) in group.iter().filter_map(|n| n.component.as_ref()).take(NAMED).enumerate() {
                line.push_str(if i == 0 { "\"" } else { ", \"" });
                line.push_str(&design.label_of(id));
                line.push('"');
            }
            if group.len() > NAMED {
                line.push_str(&format!(" and {} more", group.len() - NAMED));
            }
            line.push_str("): ");
            line.push_str(&group[0].reason);
            lines.push(line);
        }
        lines
    }
}

/// Remaining free-tier allowances, shared across components in document order.
struct FreePool {
    ec2_micro_hours: f64,
    ebs_gb: f64,
    transfer_out_gb: f64,
    cloudfront_gb: f64,
    cloudfront_requests: f64,
    public_ipv4_hours: f64,
    rds_micro_hours: f64,
    rds_storage_gb: f64,
    cache_micro_hours: f64,
    lambda_requests: f64,
    lambda_gb_seconds: f64,
    sqs_requests: f64,
    sns_publishes: f64,
}

/// What pricing one component needs to know.
pub(crate) struct Ctx<'a> {
    pub book: &'a PriceBook,
    pub design: &'a Design,
    pub factor: f64,
    pub region_note: String,
    pub flow: Flow<'a>,
    free: Option<FreePool>,
    /// Price sources with the Regional factor applied, made once per key.
    regional_sources: HashMap<String, Arc<str>>,
    override_source: Arc<str>,
    /// Assumption sentences that are the same for every component of the design.
    pub read_share_text: Cow<'static, str>,
    pub lcu_text: Cow<'static, str>,
    pub lines: Vec<LineItem>,
    pub savings: Vec<Saving>,
    pub scaling: Vec<ScalingEstimate>,
    pub not_counted: Vec<NotCounted>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A quantity to price: what it is, how much, and from which price.
pub(crate) struct Charge<'k> {
    pub description: Cow<'static, str>,
    pub quantity: f64,
    pub unit: &'static str,
    pub key: &'k str,
    /// Multiplies the unit price (purchase options); 1.0 for none.
    pub discount: f64,
    pub derived: Option<Cow<'static, str>>,
}

impl<'k> Charge<'k> {
    pub fn new(description: impl Into<Cow<'static, str>>, quantity: f64, unit: &'static str, key: &'k str) -> Self {
        Self { description: description.into(), quantity, unit, key, discount: 1.0, derived: None }
    }
    pub fn derived(mut self, assumption: impl Into<Cow<'static, str>>) -> Self {
        self.derived = Some(assumption.into());
        self
    }
    pub fn discounted(mut self, factor: f64) -> Self {
        self.discount = factor;
        self
    }
}

/// Keeps a figure finite and non-negative; reports it otherwise. `what` is
/// only called when there is something to report.
fn sane(v: f64, what: impl FnOnce() -> String, item: Option<ItemRef>, diags: &mut Vec<Diagnostic>) -> f64 {
    if v.is_finite() && v >= 0.0 {
        v
    } else {
        diags.push(Diagnostic::warning("cost-value", format!("{} was {v}; counted as 0", what()), item));
        0.0
    }
}

impl<'a> Ctx<'a> {
    /// The unit price of `key` in this design's Region, without looking up its source.
    pub fn price_of(&self, key: &str) -> f64 {
        if let Some(&p) = self.design.cost.price_overrides.get(key) {
            if p.is_finite() && p >= 0.0 {
                return p;
            }
        }
        self.book.price(key).map_or(0.0, |p| p.price * self.factor)
    }

    /// The unit price of `key` in this design's Region, and where it comes from.
    pub fn unit_price(&mut self, key: &str) -> Option<(f64, Arc<str>, bool)> {
        if let Some(&p) = self.design.cost.price_overrides.get(key) {
            if p.is_finite() && p >= 0.0 {
                return Some((p, self.override_source.clone(), true));
            }
        }
        let price = self.book.price(key)?;
        if self.factor == 1.0 {
            return Some((price.price, price.source.clone(), false));
        }
        let factor = self.factor;
        let source = self
            .regional_sources
            .entry(key.to_owned())
            .or_insert_with(|| format!("{} × Regional factor {factor} (estimate)", price.source).into())
            .clone();
        Some((price.price * factor, source, false))
    }

    /// Adds a line item for `component` (or a link), returning its monthly cost.
    pub fn charge(
        &mut self,
        component: Option<&Component>,
        link: Option<&LinkId>,
        service: &Arc<str>,
        c: Charge<'_>,
    ) -> f64 {
        let item =
            component.map(|c| ItemRef::Component(c.id.clone())).or_else(|| link.map(|l| ItemRef::Link(l.clone())));
        let Some((price, source, overridden)) = self.unit_price(c.key) else {
            self.diagnostics.push(Diagnostic::error(
                "cost-no-price",
                format!("no price for {} in the price book; {} not counted", c.key, c.description),
                item,
            ));
            return 0.0;
        };
        let quantity = sane(c.quantity, || format!("{service} {}", c.description), item.clone(), &mut self.diagnostics);
        let unit_price = price * c.discount;
        let monthly =
            sane(quantity * unit_price, || format!("{service} {} cost", c.description), item, &mut self.diagnostics);
        self.lines.push(LineItem {
            component: component.map(|c| c.id.clone()),
            link: link.cloned(),
            service: service.clone(),
            description: c.description,
            quantity,
            unit: c.unit,
            unit_price,
            monthly,
            price_key: c.key.to_owned(),
            price_source: source,
            overridden,
            derived: c.derived,
        });
        monthly
    }

    /// A free-tier credit line: `quantity` units of `key` at minus the unit price.
    pub fn credit(
        &mut self,
        component: &Component,
        service: &Arc<str>,
        description: &'static str,
        quantity: f64,
        unit: &'static str,
        key: &str,
    ) {
        self.credit_on(Some(component), None, service, description, quantity, unit, key);
    }

    /// A free-tier credit on a component or a link.
    #[allow(clippy::too_many_arguments)]
    pub fn credit_on(
        &mut self,
        component: Option<&Component>,
        link: Option<&LinkId>,
        service: &Arc<str>,
        description: &'static str,
        quantity: f64,
        unit: &'static str,
        key: &str,
    ) {
        if quantity <= 0.0 {
            return;
        }
        let Some((price, source, overridden)) = self.unit_price(key) else { return };
        self.lines.push(LineItem {
            component: component.map(|c| c.id.clone()),
            link: link.cloned(),
            service: service.clone(),
            description: Cow::Borrowed(description),
            quantity: -quantity,
            unit,
            unit_price: price,
            monthly: -quantity * price,
            price_key: key.to_owned(),
            price_source: source,
            overridden,
            derived: None,
        });
    }

    /// Notes something the estimate leaves out: `reason`, about `component` if given.
    pub fn not_counted(&mut self, component: Option<&Component>, reason: &str) {
        let what = component.map_or_else(|| reason.to_owned(), |c| format!("\"{}\": {reason}", c.label));
        self.not_counted.push(NotCounted {
            component: component.map(|c| c.id.clone()),
            what,
            reason: reason.to_owned(),
        });
    }

    /// A whole or decimal property, sanitised: the catalog default when unset or invalid.
    pub fn num(&self, spec: &KindSpec, c: &Component, key: &str) -> f64 {
        spec.value(c, key).and_then(|v| v.as_f64()).filter(|v| v.is_finite() && *v >= 0.0).unwrap_or(0.0)
    }
    /// A usage property: `Some` when the design sets it, `None` to derive it.
    pub fn usage(&self, spec: &KindSpec, c: &Component, key: &str) -> Option<f64> {
        let p = spec.property(key)?;
        let v = c.props.get(key)?;
        p.check(v).ok().and_then(|v| v.as_f64())
    }
    pub fn flag(&self, spec: &KindSpec, c: &Component, key: &str) -> bool {
        spec.value(c, key).and_then(|v| v.as_bool()).unwrap_or(false)
    }
    pub fn choice<'s>(&self, spec: &'s KindSpec, c: &'s Component, key: &str) -> &'s str {
        spec.choice(c, key)
    }
    pub fn hours(&self) -> f64 {
        self.book.hours_per_month
    }
    pub fn assumption(&self, key: &str, fallback: f64) -> (f64, &'a str) {
        match self.book.assumptions.get(key) {
            Some(a) => (a.value, a.text.as_str()),
            None => (fallback, "a default assumption"),
        }
    }

    /// Free-tier allowance left for `what`, taking up to `wanted` of it.
    pub fn take_free(&mut self, what: FreeKind, wanted: f64) -> f64 {
        let Some(pool) = &mut self.free else { return 0.0 };
        let slot = match what {
            FreeKind::Ec2MicroHours => &mut pool.ec2_micro_hours,
            FreeKind::EbsGb => &mut pool.ebs_gb,
            FreeKind::TransferOutGb => &mut pool.transfer_out_gb,
            FreeKind::CloudFrontGb => &mut pool.cloudfront_gb,
            FreeKind::CloudFrontRequests => &mut pool.cloudfront_requests,
            FreeKind::PublicIpv4Hours => &mut pool.public_ipv4_hours,
            FreeKind::RdsMicroHours => &mut pool.rds_micro_hours,
            FreeKind::RdsStorageGb => &mut pool.rds_storage_gb,
            FreeKind::CacheMicroHours => &mut pool.cache_micro_hours,
            FreeKind::LambdaRequests => &mut pool.lambda_requests,
            FreeKind::LambdaGbSeconds => &mut pool.lambda_gb_seconds,
            FreeKind::SqsRequests => &mut pool.sqs_requests,
            FreeKind::SnsPublishes => &mut pool.sns_publishes,
        };
        let taken = wanted.max(0.0).min(*slot);
        *slot -= taken;
        taken
    }

    /// The discount factor and label for a purchase option key.
    pub fn purchase(&self, option: &str) -> (f64, Option<String>) {
        match self.book.discounts.get(option) {
            Some(d) => (d.factor, Some(d.label.clone())),
            None => (1.0, None),
        }
    }

    pub fn saving(&mut self, component: &Component, option: String, on_demand: f64, monthly: f64) {
        self.savings.push(Saving {
            component: component.id.clone(),
            option,
            on_demand_monthly: on_demand,
            monthly,
            saving: on_demand - monthly,
        });
    }
}

/// Which free-tier allowance.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FreeKind {
    Ec2MicroHours,
    EbsGb,
    TransferOutGb,
    CloudFrontGb,
    CloudFrontRequests,
    PublicIpv4Hours,
    RdsMicroHours,
    RdsStorageGb,
    CacheMicroHours,
    LambdaRequests,
    LambdaGbSeconds,
    SqsRequests,
    SnsPublishes,
}

/// Prices `design` with `book`. Never fails; see the report's diagnostics.
pub fn estimate(design: &Design, book: &PriceBook) -> CostReport {
    estimate_with(design, book, Catalog::builtin())
}

/// [`estimate`] with an explicit catalog.
pub fn estimate_with(design: &Design, book: &PriceBook, catalog: &Catalog) -> CostReport {
    let mut diagnostics = Vec::new();
    let (region, factor, region_note) = match book.regions.get(&design.region) {
        Some(r) => (design.region.clone(), r.factor, r.note.clone()),
        None => {
            diagnostics.push(Diagnostic::warning(
                "cost-region",
                format!("no prices for Region \"{}\"; us-east-1 prices used", design.region),
                None,
            ));
            ("us-east-1".to_owned(), 1.0, "us-east-1 list prices (the design's Region has none)".to_owned())
        }
    };
    let rps = design.workload.requests_per_sec;
    if !rps.is_finite() || !(0.0..=usage::MAX_REQUESTS_PER_SEC).contains(&rps) {
        diagnostics.push(Diagnostic::warning(
            "cost-value",
            format!("the workload's {rps} requests/s is outside 0…{}; clamped", usage::MAX_REQUESTS_PER_SEC),
            None,
        ));
    }
    let ft = &book.free_tier;
    let free = design.cost.free_tier.then_some(FreePool {
        ec2_micro_hours: ft.ec2_micro_hours,
        ebs_gb: ft.ebs_gb,
        transfer_out_gb: ft.transfer_out_gb,
        cloudfront_gb: ft.cloudfront_gb,
        cloudfront_requests: ft.cloudfront_requests,
        public_ipv4_hours: ft.public_ipv4_hours,
        rds_micro_hours: ft.rds_micro_hours,
        rds_storage_gb: ft.rds_storage_gb,
        cache_micro_hours: ft.cache_micro_hours,
        lambda_requests: ft.lambda_requests,
        lambda_gb_seconds: ft.lambda_gb_seconds,
        sqs_requests: ft.sqs_requests,
        sns_publishes: ft.sns_publishes,
    });
    let share = design.workload.read_share;
    let share = if share.is_finite() { share.clamp(0.0, 1.0) } else { 0.9 };
    let read_share_text = Cow::Owned(format!(
        "the requests reaching it: {} % read, the rest write, one request unit each",
        (share * 100.0).round()
    ));
    let text = |key: &str| book.assumptions.get(key).map_or("a default assumption", |a| a.text.as_str());
    let lcu_text = Cow::Owned(format!(
        "the requests reaching it: largest of new connections/s ÷ 25, active connections ÷ 3,000, GB/h ÷ 1, rule evaluations/s ÷ 1,000; {}, {}, {}",
        text("requests_per_connection"),
        text("connection_seconds"),
        text("avg_response_kb")
    ));
    let mut ctx = Ctx {
        read_share_text,
        lcu_text,
        book,
        design,
        factor,
        region_note,
        flow: usage::derive(design),
        free,
        regional_sources: HashMap::new(),
        override_source: Arc::from("price override set on this design"),
        lines: Vec::with_capacity(design.components.len() * 3),
        savings: Vec::new(),
        scaling: Vec::new(),
        not_counted: Vec::new(),
        diagnostics,
    };
    let mut by_component = Vec::with_capacity(design.components.len());
    // One shared name per kind, not one string per line.
    let mut services: Vec<Option<Arc<str>>> = vec![None; catalog.kinds.len()];
    let mut category_names: BTreeMap<crate::catalog::Category, Arc<str>> = BTreeMap::new();
    for c in &design.components {
        let Some(k) = catalog.kind_index(c.kind.as_str()) else {
            ctx.not_counted(Some(c), &format!("kind \"{}\" is unknown, so it is not priced", c.kind));
            continue;
        };
        let spec = &catalog.kinds[k];
        let service = services[k].get_or_insert_with(|| Arc::from(spec.name.as_str())).clone();
        let start = ctx.lines.len();
        let free = kinds::price(&mut ctx, spec, c, &service);
        let monthly: f64 = ctx.lines[start..].iter().map(|l| l.monthly).sum();
        let category = category_names
            .entry(spec.category)
            .or_insert_with(|| {
                catalog
                    .category(spec.category)
                    .map_or_else(|| Arc::from(format!("{:?}", spec.category)), |c| Arc::from(c.name.as_str()))
            })
            .clone();
        by_component.push(ComponentCost {
            component: c.id.clone(),
            label: c.label.clone(),
            service,
            category,
            monthly,
            free,
        });
    }
    transfer::price_links(&mut ctx);
    ctx.not_counted(None, "Taxes, support plans, and data transfer not drawn as links");

    let mut categories: BTreeMap<Arc<str>, f64> = BTreeMap::new();
    for c in &by_component {
        *categories.entry(c.category.clone()).or_default() += c.monthly;
    }
    let transfer: f64 = ctx.lines.iter().filter(|l| l.component.is_none()).map(|l| l.monthly).sum();
    if transfer != 0.0 {
        *categories.entry(Arc::from("Data transfer")).or_default() += transfer;
    }
    let mut by_category: Vec<CategoryCost> =
        categories.into_iter().map(|(category, monthly)| CategoryCost { category, monthly }).collect();
    crate::order::sort_by(&mut by_category, |a, b| {
        b.monthly.total_cmp(&a.monthly).then_with(|| a.category.cmp(&b.category))
    });

    let total_monthly: f64 = ctx.lines.iter().map(|l| l.monthly).sum();
    let total_monthly = sane(total_monthly, || "the total".to_owned(), None, &mut ctx.diagnostics);
    let region_pricing = if factor == 1.0 && region == "us-east-1" {
        "us-east-1 list prices".to_owned()
    } else {
        ctx.region_note.clone()
    };
    CostReport {
        region,
        region_pricing,
        currency: book.currency.clone(),
        prices_as_of: book.as_of.clone(),
        lines: ctx.lines,
        by_component,
        by_category,
        total_monthly,
        total_yearly: total_monthly * 12.0,
        savings: ctx.savings,
        scaling: ctx.scaling,
        not_counted: ctx.not_counted,
        diagnostics: ctx.diagnostics,
    }
}

/// Money as people write it: `$1,234.56`, `-$0.40`.
pub fn format_usd(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_owned();
    }
    let cents = (v.abs() * 100.0).round() as u128;
    let digits = (cents / 100).to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{}${grouped}.{:02}", if v < 0.0 && cents > 0 { "-" } else { "" }, cents % 100)
}

/// Components by id, for the transfer pricing and tests.
pub(crate) fn components_by_id(design: &Design) -> HashMap<&ComponentId, &Component> {
    design.components.iter().map(|c| (&c.id, c)).collect()
}
