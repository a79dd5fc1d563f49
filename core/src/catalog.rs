//! The component catalog: every AWS kind the canvas offers, its category and
//! typed properties. The catalog is data (`data/catalog.json`), so adding a
//! service or a property is a data change; the app reads it compiled to statics
//! (`catalog/builtin.rs`), which `CLOUDWRIGHT_WRITE_BUILTINS=1 cargo test -p
//! cloudwright-core builtin` rewrites from the file.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::design::{Component, PropValue};

/// The catalog's source. The app uses the compiled form in `catalog/builtin.rs`,
/// which a test keeps equal to this file's parse.
#[cfg(test)]
const CATALOG_JSON: &str = include_str!("../data/catalog.json");

/// `data/catalog.json` as Rust statics, templates resolved: written by the test
/// `the_builtin_catalog_is_the_data_file`, so start-up reads no JSON.
#[rustfmt::skip]
mod builtin;

/// The family a kind belongs to; drives colour and grouping in the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Edge,
    Network,
    Compute,
    Containers,
    Serverless,
    Data,
    Cache,
    Messaging,
    Storage,
    Security,
    Observability,
    Delivery,
}

/// How a category is shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategorySpec {
    pub key: Category,
    pub name: String,
    /// CSS colour, e.g. `#ED7100`.
    pub color: String,
}

/// The type and valid values of a property.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PropType {
    Bool,
    Int { min: i64, max: i64 },
    Float { min: f64, max: f64 },
    Choice { options: Vec<String> },
}

/// One typed property of a kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PropertySpec {
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    pub ty: PropType,
    /// `None` for usage figures that are derived from the workload when unset.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_opt_value")]
    pub default: Option<PropValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

fn ser_opt_value<S: serde::Serializer>(v: &Option<PropValue>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        None => s.serialize_none(),
        Some(v) => prop_to_json(v).serialize(s),
    }
}

/// A property value as JSON (`true`, `3`, `2.5`, `"t3.micro"`).
pub fn prop_to_json(v: &PropValue) -> Value {
    match v {
        PropValue::Bool(b) => Value::Bool(*b),
        PropValue::Int(i) => Value::from(*i),
        PropValue::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        PropValue::Text(s) => Value::String(s.clone()),
    }
}

/// A JSON scalar as a property value; `None` for null, arrays and objects.
pub fn prop_from_json(v: &Value) -> Option<PropValue> {
    match v {
        Value::Bool(b) => Some(PropValue::Bool(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Some(PropValue::Int(i)),
            None => n.as_f64().filter(|f| f.is_finite()).map(PropValue::Float),
        },
        Value::String(s) => Some(PropValue::Text(s.clone())),
        _ => None,
    }
}

/// Why a property value was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum PropError {
    WrongType { expected: &'static str },
    OutOfRange { min: f64, max: f64 },
    NotAnOption { options: Vec<String> },
}

impl fmt::Display for PropError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PropError::WrongType { expected } => write!(f, "expects {expected}"),
            PropError::OutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            PropError::NotAnOption { options } => write!(f, "must be one of {}", options.join(", ")),
        }
    }
}

impl PropertySpec {
    /// Checks a value against the type and range, returning it in canonical form
    /// (a whole float for an int property becomes an int, an int for a float
    /// property becomes a float).
    pub fn check(&self, v: &PropValue) -> Result<PropValue, PropError> {
        match (&self.ty, v) {
            (PropType::Bool, PropValue::Bool(_)) => Ok(v.clone()),
            (PropType::Bool, _) => Err(PropError::WrongType { expected: "yes or no" }),
            (PropType::Int { min, max }, _) => {
                let i = match *v {
                    PropValue::Int(i) => i,
                    PropValue::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15 => f as i64,
                    _ => return Err(PropError::WrongType { expected: "a whole number" }),
                };
                if i < *min || i > *max {
                    return Err(PropError::OutOfRange { min: *min as f64, max: *max as f64 });
                }
                Ok(PropValue::Int(i))
            }
            (PropType::Float { min, max }, _) => {
                let Some(f) = v.as_f64().filter(|f| f.is_finite()) else {
                    return Err(PropError::WrongType { expected: "a number" });
                };
                if f < *min || f > *max {
                    return Err(PropError::OutOfRange { min: *min, max: *max });
                }
                Ok(PropValue::Float(f))
            }
            (PropType::Choice { options }, PropValue::Text(s)) if options.iter().any(|o| o == s) => Ok(v.clone()),
            (PropType::Choice { options }, _) => Err(PropError::NotAnOption { options: options.clone() }),
        }
    }

    /// Brings an out-of-range or mistyped value to the nearest valid one, for
    /// import repairs. `None` when nothing sensible is near (then use the default).
    pub fn clamp(&self, v: &PropValue) -> Option<PropValue> {
        match (&self.ty, v.as_f64().filter(|f| !f.is_nan())) {
            (PropType::Int { min, max }, Some(f)) => {
                Some(PropValue::Int(f.round().clamp(*min as f64, *max as f64) as i64))
            }
            (PropType::Float { min, max }, Some(f)) => Some(PropValue::Float(f.clamp(*min, *max))),
            _ => None,
        }
    }
}

/// One component kind: `rds_postgres`, `lambda`, …
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KindSpec {
    pub kind: String,
    pub name: String,
    pub category: Category,
    /// Key of the kind's icon in the site's icon set (`/icons/<icon>.svg`).
    pub icon: String,
    /// The official AWS Architecture Icon for the kind: its path in the npm
    /// package `aws-icons`, copied to `/icons/<icon>.svg` when the site is
    /// built. `None`: no official icon fits, and the glyph is drawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aws_icon: Option<String>,
    /// A short text shown when the icon is not available.
    pub glyph: String,
    pub aliases: Vec<String>,
    pub description: String,
    pub properties: Vec<PropertySpec>,
}

impl KindSpec {
    pub fn property(&self, key: &str) -> Option<&PropertySpec> {
        self.properties.iter().find(|p| p.key == key)
    }

    /// A choice property's text: what is set if it is one of the options, else the default.
    pub fn choice<'s>(&'s self, component: &'s Component, key: &str) -> &'s str {
        let Some(spec) = self.property(key) else { return "" };
        let PropType::Choice { options } = &spec.ty else { return "" };
        match component.props.get(key) {
            Some(PropValue::Text(t)) if options.iter().any(|o| o == t) => t,
            _ => spec.default.as_ref().and_then(PropValue::as_text).unwrap_or(""),
        }
    }

    /// The component's value for `key`: what is set if it is valid, else the default.
    pub fn value(&self, component: &Component, key: &str) -> Option<PropValue> {
        let spec = self.property(key)?;
        component.props.get(key).and_then(|v| spec.check(v).ok()).or_else(|| spec.default.clone())
    }
}

/// The whole catalog.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Catalog {
    pub version: u32,
    /// The date the catalog's facts were gathered.
    pub as_of: String,
    pub source: String,
    pub categories: Vec<CategorySpec>,
    pub kinds: Vec<KindSpec>,
    /// Position of each kind in `kinds`, by key.
    #[serde(skip)]
    index: FxHashMap<String, usize>,
}

/// The compiled form of the catalog (see [`Catalog::from_fixed`]).
#[derive(Debug)]
struct Fixed {
    version: u32,
    as_of: &'static str,
    source: &'static str,
    categories: &'static [(Category, &'static str, &'static str)],
    kinds: &'static [FixedKind],
}

#[derive(Debug)]
struct FixedKind {
    kind: &'static str,
    name: &'static str,
    category: Category,
    icon: &'static str,
    aws_icon: Option<&'static str>,
    glyph: &'static str,
    aliases: &'static [&'static str],
    description: &'static str,
    properties: &'static [&'static FixedProperty],
}

#[derive(Debug)]
struct FixedProperty {
    key: &'static str,
    label: &'static str,
    ty: FixedType,
    default: Option<FixedValue>,
    unit: Option<&'static str>,
    help: Option<&'static str>,
}

#[derive(Debug)]
enum FixedType {
    Bool,
    Int(i64, i64),
    Float(f64, f64),
    Choice(&'static [&'static str]),
}

#[derive(Debug)]
enum FixedValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(&'static str),
}

impl FixedProperty {
    fn spec(&self) -> PropertySpec {
        PropertySpec {
            key: self.key.to_owned(),
            label: self.label.to_owned(),
            ty: match self.ty {
                FixedType::Bool => PropType::Bool,
                FixedType::Int(min, max) => PropType::Int { min, max },
                FixedType::Float(min, max) => PropType::Float { min, max },
                FixedType::Choice(options) => {
                    PropType::Choice { options: options.iter().map(|o| (*o).to_owned()).collect() }
                }
            },
            default: self.default.as_ref().map(|v| match *v {
                FixedValue::Bool(b) => PropValue::Bool(b),
                FixedValue::Int(i) => PropValue::Int(i),
                FixedValue::Float(f) => PropValue::Float(f),
                FixedValue::Text(t) => PropValue::Text(t.to_owned()),
            }),
            unit: self.unit.map(str::to_owned),
            help: self.help.map(str::to_owned),
        }
    }
}

#[derive(Deserialize)]
struct RawCatalog {
    format: String,
    version: u32,
    as_of: String,
    source: String,
    categories: Vec<CategorySpec>,
    templates: BTreeMap<String, Value>,
    kinds: Vec<RawKind>,
}

#[derive(Deserialize)]
struct RawKind {
    kind: String,
    name: String,
    category: Category,
    icon: String,
    #[serde(default)]
    aws_icon: Option<String>,
    glyph: String,
    #[serde(default)]
    aliases: Vec<String>,
    description: String,
    properties: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProperty {
    key: String,
    label: String,
    #[serde(rename = "type")]
    ty: String,
    min: Option<f64>,
    max: Option<f64>,
    options: Option<Vec<String>>,
    default: Option<Value>,
    unit: Option<String>,
    help: Option<String>,
}

impl Catalog {
    /// The catalog built into this version of Cloudwright.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::from_fixed(&builtin::CATALOG))
    }

    /// A catalog from compiled data (checked by the test that writes it).
    fn from_fixed(f: &Fixed) -> Catalog {
        let text = |s: &&str| (*s).to_owned();
        let kinds: Vec<KindSpec> = f
            .kinds
            .iter()
            .map(|k| KindSpec {
                kind: k.kind.to_owned(),
                name: k.name.to_owned(),
                category: k.category,
                icon: k.icon.to_owned(),
                aws_icon: k.aws_icon.map(str::to_owned),
                glyph: k.glyph.to_owned(),
                aliases: k.aliases.iter().map(text).collect(),
                description: k.description.to_owned(),
                properties: k.properties.iter().map(|p| p.spec()).collect(),
            })
            .collect();
        let index = kinds.iter().enumerate().map(|(i, k)| (k.kind.clone(), i)).collect();
        Catalog {
            version: f.version,
            as_of: f.as_of.to_owned(),
            source: f.source.to_owned(),
            categories: f
                .categories
                .iter()
                .map(|&(key, name, color)| CategorySpec { key, name: name.to_owned(), color: color.to_owned() })
                .collect(),
            kinds,
            index,
        }
    }

    /// Parses a catalog file, resolving property templates.
    pub fn parse(text: &str) -> Result<Catalog, String> {
        let raw: RawCatalog = serde_json::from_str(text).map_err(|e| format!("catalog: {e}"))?;
        if raw.format != "cloudwright-catalog" {
            return Err(format!("catalog: unexpected format {:?}", raw.format));
        }
        let mut kinds = Vec::with_capacity(raw.kinds.len());
        for k in raw.kinds {
            if kinds.iter().any(|seen: &KindSpec| seen.kind == k.kind) {
                return Err(format!("catalog: kind {} is listed twice", k.kind));
            }
            let mut properties: Vec<PropertySpec> = Vec::with_capacity(k.properties.len());
            for p in &k.properties {
                let spec = resolve_property(p, &raw.templates).map_err(|e| format!("catalog: kind {}: {e}", k.kind))?;
                if properties.iter().any(|q| q.key == spec.key) {
                    return Err(format!("catalog: kind {}: property {} is listed twice", k.kind, spec.key));
                }
                properties.push(spec);
            }
            kinds.push(KindSpec {
                kind: k.kind,
                name: k.name,
                category: k.category,
                icon: k.icon,
                aws_icon: k.aws_icon,
                glyph: k.glyph,
                aliases: k.aliases,
                description: k.description,
                properties,
            });
        }
        let index = kinds.iter().enumerate().map(|(i, k)| (k.kind.clone(), i)).collect();
        Ok(Catalog {
            version: raw.version,
            as_of: raw.as_of,
            source: raw.source,
            categories: raw.categories,
            kinds,
            index,
        })
    }

    pub fn kind(&self, key: &str) -> Option<&KindSpec> {
        self.kind_index(key).map(|i| &self.kinds[i])
    }

    /// Where the kind `key` sits in [`Catalog::kinds`].
    pub fn kind_index(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    /// The colour a kind is drawn in: its category's, or a neutral grey for a kind the catalog lacks.
    pub fn color_of(&self, kind: &str) -> &str {
        self.kind(kind).and_then(|k| self.category(k.category)).map_or("#8A8F98", |c| c.color.as_str())
    }

    pub fn category(&self, key: Category) -> Option<&CategorySpec> {
        self.categories.iter().find(|c| c.key == key)
    }

    /// Kinds matching a free-text query (name, key, alias or category), best first.
    /// An empty query lists every kind in catalog order. Case is folded for
    /// ASCII letters only: the catalog's words are English, and Unicode's case
    /// tables would add about 10 kB to the page's download.
    pub fn search(&self, query: &str) -> Vec<&KindSpec> {
        let q = query.trim().to_ascii_lowercase();
        if q.is_empty() {
            return self.kinds.iter().collect();
        }
        let mut scored: Vec<(u32, usize, &KindSpec)> = self
            .kinds
            .iter()
            .enumerate()
            .filter_map(|(i, k)| {
                let name = k.name.to_ascii_lowercase();
                let score = if name == q || k.kind == q || k.glyph.to_ascii_lowercase() == q {
                    0
                } else if k.aliases.iter().any(|a| a == &q) {
                    1
                } else if name.starts_with(&q) || k.kind.starts_with(&q) {
                    2
                } else if name.contains(&q) || k.aliases.iter().any(|a| a.contains(&q)) {
                    3
                } else if k.description.to_ascii_lowercase().contains(&q)
                    || self.category(k.category).is_some_and(|c| c.name.to_ascii_lowercase().contains(&q))
                {
                    4
                } else {
                    return None;
                };
                Some((score, i, k))
            })
            .collect();
        crate::order::sort_by_key(&mut scored, |&(score, i, _)| (score, i));
        scored.into_iter().map(|(_, _, k)| k).collect()
    }
}

fn resolve_property(entry: &Value, templates: &BTreeMap<String, Value>) -> Result<PropertySpec, String> {
    let merged = match entry {
        Value::String(name) => templates.get(name).cloned().ok_or_else(|| format!("no template {name}"))?,
        Value::Object(fields) => match fields.get("use") {
            Some(Value::String(name)) => {
                let mut base = templates.get(name).cloned().ok_or_else(|| format!("no template {name}"))?;
                if let Value::Object(base_fields) = &mut base {
                    for (k, v) in fields.iter().filter(|(k, _)| k.as_str() != "use") {
                        base_fields.insert(k.clone(), v.clone());
                    }
                }
                base
            }
            _ => entry.clone(),
        },
        _ => return Err("a property must be a template name or an object".to_owned()),
    };
    let raw: RawProperty = serde_json::from_value(merged).map_err(|e| e.to_string())?;
    let ty = match raw.ty.as_str() {
        "bool" => PropType::Bool,
        "int" => {
            PropType::Int { min: raw.min.ok_or("int needs min")? as i64, max: raw.max.ok_or("int needs max")? as i64 }
        }
        "float" => PropType::Float { min: raw.min.ok_or("float needs min")?, max: raw.max.ok_or("float needs max")? },
        "choice" => PropType::Choice { options: raw.options.ok_or("choice needs options")? },
        other => return Err(format!("unknown property type {other}")),
    };
    let mut spec = PropertySpec { key: raw.key, label: raw.label, ty, default: None, unit: raw.unit, help: raw.help };
    if let Some(d) = raw.default {
        let v = prop_from_json(&d).ok_or_else(|| format!("{}: default must be a scalar", spec.key))?;
        spec.default = Some(spec.check(&v).map_err(|e| format!("{}: default {e}", spec.key))?);
    }
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    /// `catalog` as the Rust source of `catalog/builtin.rs`; each distinct property once.
    fn rust_source(c: &Catalog) -> String {
        let opt = |o: &Option<String>| o.as_ref().map_or("None".to_owned(), |s| format!("Some({s:?})"));
        let mut props: Vec<&PropertySpec> = Vec::new();
        for p in c.kinds.iter().flat_map(|k| &k.properties) {
            if !props.contains(&p) {
                props.push(p);
            }
        }
        let mut out = crate::builtins::header(
            "data/catalog.json",
            "Category, Fixed, FixedKind, FixedProperty as P, FixedType as T, FixedValue as V",
        );
        let _ = writeln!(out, "pub(super) static CATALOG: Fixed = Fixed {{");
        let _ = writeln!(out, "    version: {},\n    as_of: {:?},\n    source: {:?},", c.version, c.as_of, c.source);
        let _ = writeln!(out, "    categories: &[");
        for cat in &c.categories {
            let _ = writeln!(out, "        (Category::{:?}, {:?}, {:?}),", cat.key, cat.name, cat.color);
        }
        let _ = writeln!(out, "    ],\n    kinds: &[");
        for k in &c.kinds {
            let refs: Vec<String> = k
                .properties
                .iter()
                .map(|p| format!("&P{}", props.iter().position(|q| *q == p).unwrap_or_default()))
                .collect();
            let _ = writeln!(
                out,
                "        FixedKind {{\n            kind: {:?},\n            name: {:?},\n            category: Category::{:?},\n            icon: {:?},\n            aws_icon: {},\n            glyph: {:?},\n            aliases: &{:?},\n            description: {:?},\n            properties: &[{}],\n        }},",
                k.kind,
                k.name,
                k.category,
                k.icon,
                opt(&k.aws_icon),
                k.glyph,
                k.aliases,
                k.description,
                refs.join(", ")
            );
        }
        let _ = writeln!(out, "    ],\n}};");
        for (i, p) in props.iter().enumerate() {
            let ty = match &p.ty {
                PropType::Bool => "T::Bool".to_owned(),
                PropType::Int { min, max } => format!("T::Int({min}, {max})"),
                PropType::Float { min, max } => format!("T::Float({min:?}, {max:?})"),
                PropType::Choice { options } => format!("T::Choice(&{options:?})"),
            };
            let default = match &p.default {
                None => "None".to_owned(),
                Some(PropValue::Bool(b)) => format!("Some(V::Bool({b}))"),
                Some(PropValue::Int(v)) => format!("Some(V::Int({v}))"),
                Some(PropValue::Float(f)) => format!("Some(V::Float({f:?}))"),
                Some(PropValue::Text(t)) => format!("Some(V::Text({t:?}))"),
            };
            let _ = writeln!(
                out,
                "\nstatic P{i}: P = P {{\n    key: {:?},\n    label: {:?},\n    ty: {ty},\n    default: {default},\n    unit: {},\n    help: {},\n}};",
                p.key,
                p.label,
                opt(&p.unit),
                opt(&p.help)
            );
        }
        out
    }

    #[test]
    fn the_builtin_catalog_is_the_data_file() {
        let parsed = Catalog::parse(CATALOG_JSON).expect("the catalog file is valid");
        let source = rust_source(&parsed);
        if !crate::builtins::current("catalog/builtin.rs", &source, "data/catalog.json") {
            return;
        }
        assert_eq!(Catalog::builtin(), &parsed);
    }

    #[test]
    fn builtin_catalog_parses_and_covers_required_kinds() {
        let c = Catalog::builtin();
        assert!(c.kinds.len() >= 40, "{} kinds", c.kinds.len());
        for key in [
            "route53",
            "cloudfront",
            "waf",
            "shield",
            "api_gateway",
            "alb",
            "nlb",
            "nat_gateway",
            "vpc_endpoint",
            "ec2",
            "asg",
            "ecs_fargate",
            "eks_cluster",
            "eks_node_group",
            "k8s_workload",
            "lambda",
            "step_functions",
            "sqs",
            "sns",
            "eventbridge",
            "msk",
            "rds_postgres",
            "aurora_postgres",
            "aurora_serverless_v2",
            "dynamodb",
            "elasticache_redis",
            "opensearch",
            "s3",
            "efs",
            "ebs",
            "ecr",
            "secrets_manager",
            "kms",
            "cognito",
            "cloudwatch",
            "xray",
            "rds_proxy",
            "self_managed_postgres",
            "compose_host",
            "external_saas",
            "users",
        ] {
            assert!(c.kind(key).is_some(), "missing kind {key}");
        }
        for k in &c.kinds {
            assert!(c.category(k.category).is_some(), "{} has a category without a colour", k.kind);
        }
    }

    #[test]
    fn search_finds_by_alias() {
        let c = Catalog::builtin();
        assert_eq!(c.search("queue")[0].kind, "sqs");
        assert_eq!(c.search("k8s")[0].kind, "eks_cluster");
        assert_eq!(c.search("postgres")[0].kind, "rds_postgres");
        assert!(c.search("zzzz-nothing").is_empty());
    }

    #[test]
    fn check_coerces_and_refuses() {
        let spec = Catalog::builtin().kind("rds_postgres").and_then(|k| k.property("backup_retention_days")).cloned();
        let spec = spec.expect("rds has retention");
        assert_eq!(spec.check(&PropValue::Float(7.0)), Ok(PropValue::Int(7)));
        assert_eq!(spec.check(&PropValue::Int(36)), Err(PropError::OutOfRange { min: 0.0, max: 35.0 }));
        assert_eq!(spec.check(&PropValue::Text("x".into())), Err(PropError::WrongType { expected: "a whole number" }));
        assert_eq!(spec.clamp(&PropValue::Int(99)), Some(PropValue::Int(35)));
    }
}
