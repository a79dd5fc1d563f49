//! Exports for the tools the rest of a team uses: an SVG drawing, Mermaid
//! `architecture-beta`, draw.io (uncompressed mxGraph XML), an Excalidraw
//! scene, a Markdown design report and the cost CSV. Each is a pure function of the design (and, for the
//! report, the analyses' results), used by the app and `cloudwright export`.
//!
//! Labels come from users and may hold anything: every format escapes or
//! filters them for its own syntax, and nothing exported can carry script.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::cost::{format_usd, CostReport};
use crate::design::{Design, Rect, COMPONENT_SIZE};
use crate::diagnostic::Diagnostic;
use crate::id::ContainerId;
use crate::resilience::{span_text, Disruption, ResilienceReport, Verdict};

/// The export formats, by the key the CLI and the app use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Mermaid,
    Drawio,
    Excalidraw,
    Markdown,
    CostCsv,
}

impl Format {
    pub const ALL: [Format; 6] =
        [Format::Svg, Format::Mermaid, Format::Drawio, Format::Excalidraw, Format::Markdown, Format::CostCsv];
    pub fn key(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Mermaid => "mermaid",
            Format::Drawio => "drawio",
            Format::Excalidraw => "excalidraw",
            Format::Markdown => "markdown",
            Format::CostCsv => "cost-csv",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }
    /// The file name's ending, e.g. `.drawio`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => ".svg",
            Format::Mermaid => ".mmd",
            Format::Drawio => ".drawio",
            Format::Excalidraw => ".excalidraw",
            Format::Markdown => ".md",
            Format::CostCsv => ".cost.csv",
        }
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Svg => "image/svg+xml",
            Format::Mermaid => "text/plain",
            Format::Drawio => "application/xml",
            Format::Excalidraw => "application/json",
            Format::Markdown => "text/markdown",
            Format::CostCsv => "text/csv",
        }
    }
    /// A name for menus, e.g. "draw.io".
    pub fn name(self) -> &'static str {
        match self {
            Format::Svg => "SVG image",
            Format::Mermaid => "Mermaid diagram",
            Format::Drawio => "draw.io diagram",
            Format::Excalidraw => "Excalidraw scene",
            Format::Markdown => "Markdown report",
            Format::CostCsv => "Cost CSV",
        }
    }
}

/// `design` written in `format`; the report assesses resilience against `policy`.
pub fn write(format: Format, design: &Design, catalog: &Catalog, policy: &crate::resilience::Policy) -> String {
    let cost = || crate::cost::estimate(design, crate::cost::PriceBook::builtin());
    match format {
        Format::Svg => svg(design, catalog),
        Format::Mermaid => mermaid(design, catalog),
        Format::Drawio => drawio(design, catalog),
        Format::Excalidraw => excalidraw(design, catalog),
        Format::CostCsv => cost_csv(design, &cost()),
        Format::Markdown => markdown_report(
            design,
            catalog,
            &cost(),
            &crate::resilience::assess(design, policy),
            &crate::validate::validate(design, catalog),
        ),
    }
}

/// `s` cut to at most `max` characters, the last of them `…` when it is cut
/// (labels in drawings and tables).
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Text for XML and HTML: `& < > " '` escaped, control characters dropped.
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn kind_name(catalog: &Catalog, kind: &str) -> String {
    catalog.kind(kind).map_or_else(|| kind.to_owned(), |k| k.name.clone())
}

// ------------------------------------------------------------------ Excalidraw

/// An Excalidraw element, written field by field as Excalidraw's own files
/// have them (`null` and `[]` where it keeps them empty).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExElement<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    angle: u8,
    stroke_color: &'static str,
    background_color: String,
    fill_style: &'static str,
    stroke_width: u8,
    stroke_style: &'static str,
    roughness: u8,
    opacity: u8,
    group_ids: [u8; 0],
    frame_id: Option<()>,
    roundness: Option<ExRoundness>,
    /// Makes the hand-drawn look (unused at roughness 0) and the version
    /// nonce stable from one export to the next.
    seed: u32,
    version: u8,
    version_nonce: u32,
    is_deleted: bool,
    bound_elements: Vec<ExBound>,
    updated: u8,
    link: Option<()>,
    locked: bool,
    #[serde(flatten)]
    text: Option<ExText<'a>>,
    #[serde(flatten)]
    arrow: Option<ExArrow>,
}

#[derive(Serialize)]
struct ExRoundness {
    #[serde(rename = "type")]
    kind: u8,
}

#[derive(Serialize)]
struct ExBound {
    #[serde(rename = "type")]
    kind: &'static str,
    id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExText<'a> {
    text: String,
    original_text: String,
    font_size: f64,
    font_family: u8,
    text_align: &'static str,
    vertical_align: &'static str,
    container_id: Option<&'a str>,
    line_height: f64,
    auto_resize: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExArrow {
    points: [[f64; 2]; 2],
    last_committed_point: Option<()>,
    start_binding: ExBinding,
    end_binding: ExBinding,
    start_arrowhead: Option<()>,
    end_arrowhead: &'static str,
    elbowed: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExBinding {
    element_id: String,
    focus: u8,
    gap: u8,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExScene<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u8,
    source: &'static str,
    elements: Vec<ExElement<'a>>,
    app_state: ExAppState,
    files: ExFiles,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExAppState {
    view_background_color: &'static str,
    grid_size: u8,
}

#[derive(Serialize)]
struct ExFiles {}

impl<'a> ExElement<'a> {
    fn new(kind: &'static str, id: String, r: Rect, stroke: &'static str, background: String, seed: u32) -> Self {
        ExElement {
            id,
            kind,
            x: r.x,
            y: r.y,
            width: r.w,
            height: r.h,
            angle: 0,
            stroke_color: stroke,
            background_color: background,
            fill_style: "solid",
            stroke_width: 1,
            stroke_style: "solid",
            roughness: 0,
            opacity: 100,
            group_ids: [],
            frame_id: None,
            roundness: None,
            seed,
            version: 1,
            version_nonce: seed.wrapping_mul(2_654_435_761),
            is_deleted: false,
            bound_elements: Vec::new(),
            updated: 1,
            link: None,
            locked: false,
            text: None,
            arrow: None,
        }
    }

    /// A text element inside `container` (its id), centred; or free, top left.
    fn text(id: String, container: Option<&'a str>, r: Rect, text: &str, seed: u32) -> Self {
        // Excalidraw measures and wraps it again on load; control characters other than line breaks go.
        let text: String = text.chars().map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect();
        let mut e = ExElement::new("text", id, r, "#1e1e1e", "transparent".to_owned(), seed);
        e.text = Some(ExText {
            original_text: text.clone(),
            text,
            font_size: 14.0,
            font_family: 2,
            text_align: if container.is_some() { "center" } else { "left" },
            vertical_align: if container.is_some() { "middle" } else { "top" },
            container_id: container,
            line_height: 1.25,
            auto_resize: true,
        });
        e
    }
}

/// The design as an Excalidraw scene (`.excalidraw`): a rectangle per frame
/// with its name, a box per component holding its name and kind, and an arrow
/// per link bound to the two boxes, so they follow when a box moves.
pub fn excalidraw(design: &Design, catalog: &Catalog) -> String {
    let mut elements: Vec<ExElement<'_>> = Vec::new();
    let mut seed = 0u32;
    let mut next = || {
        seed += 1;
        seed
    };
    // Boxes by id, found once (a search per link end is quadratic).
    let boxes: HashMap<&str, &crate::design::Component> =
        design.components.iter().map(|c| (c.id.as_str(), c)).collect();
    let box_id = |id: &str| format!("box-{id}");
    // Which arrows start or end at each box, for its `boundElements`.
    let mut arrows_at: HashMap<&str, Vec<String>> = HashMap::new();
    for l in &design.links {
        if boxes.contains_key(l.from.as_str()) && boxes.contains_key(l.to.as_str()) {
            for end in [&l.from, &l.to] {
                arrows_at.entry(end.as_str()).or_default().push(format!("link-{}", l.id));
            }
        }
    }
    for g in design.containers_outermost_first() {
        let mut frame =
            ExElement::new("rectangle", format!("frame-{}", g.id), g.rect, "#8a94a6", "transparent".to_owned(), next());
        frame.stroke_style = "dashed";
        elements.push(frame);
        let label = Rect::new(g.rect.x + 8.0, g.rect.y + 6.0, (g.rect.w - 16.0).max(10.0), 18.0);
        elements.push(ExElement::text(format!("frame-{}-name", g.id), None, label, g.title(), next()));
    }
    // The boxes' ids outlive the loop: their texts point at them.
    let ids: Vec<String> = design.components.iter().map(|c| box_id(c.id.as_str())).collect();
    for (c, id) in design.components.iter().zip(&ids) {
        let text_id = format!("{id}-text");
        let mut bound = vec![ExBound { kind: "text", id: text_id.clone() }];
        for a in arrows_at.get(c.id.as_str()).into_iter().flatten() {
            bound.push(ExBound { kind: "arrow", id: a.clone() });
        }
        let colour = catalog.color_of(c.kind.as_str());
        let mut b = ExElement::new("rectangle", id.clone(), c.rect(), "#1e1e1e", format!("{colour}33"), next());
        b.roundness = Some(ExRoundness { kind: 3 });
        b.bound_elements = bound;
        elements.push(b);
        let text = format!("{}\n{}", c.label, kind_name(catalog, c.kind.as_str()));
        elements.push(ExElement::text(text_id, Some(id.as_str()), c.rect(), &text, next()));
    }
    for l in &design.links {
        let (Some(from), Some(to)) = (boxes.get(l.from.as_str()), boxes.get(l.to.as_str())) else { continue };
        let (a, b) = (from.rect(), to.rect());
        let (p, q) = a.line_to(&b);
        let r = Rect::new(p.x, p.y, (q.x - p.x).abs(), (q.y - p.y).abs());
        let mut arrow =
            ExElement::new("arrow", format!("link-{}", l.id), r, "#4b5563", "transparent".to_owned(), next());
        if l.mode == crate::design::LinkMode::Async {
            arrow.stroke_style = "dashed";
        }
        arrow.arrow = Some(ExArrow {
            points: [[0.0, 0.0], [q.x - p.x, q.y - p.y]],
            last_committed_point: None,
            start_binding: ExBinding { element_id: box_id(l.from.as_str()), focus: 0, gap: 1 },
            end_binding: ExBinding { element_id: box_id(l.to.as_str()), focus: 0, gap: 1 },
            start_arrowhead: None,
            end_arrowhead: "arrow",
            elbowed: false,
        });
        elements.push(arrow);
    }
    let scene = ExScene {
        kind: "excalidraw",
        version: 2,
        source: "cloudwright",
        elements,
        app_state: ExAppState { view_background_color: "#ffffff", grid_size: 20 },
        files: ExFiles {},
    };
    serde_json::to_string_pretty(&scene).unwrap_or_default()
}

// ------------------------------------------------------------------ SVG

/// The design drawn as a standalone SVG, as the canvas shows it: frames with
/// their headers, boxes with their category colour, names and kinds, and
/// arrows. A collapsed container is its header alone, saying how much it holds;
/// what is inside it is left out, and links to it end at that header. Text
/// only, no script, no external refs.
pub fn svg(design: &Design, catalog: &Catalog) -> String {
    const MARGIN: f64 = 20.0;
    let shown = design.shows();
    let frames: Vec<&crate::design::Container> =
        design.containers_outermost_first().into_iter().filter(|g| shown(g.parent.as_ref())).collect();
    let b = design.drawn_bounds().unwrap_or(Rect::new(0.0, 0.0, 200.0, 100.0));
    let (x0, y0, w, h) = (b.x - MARGIN, b.y - MARGIN, b.w + 2.0 * MARGIN, b.h + 2.0 * MARGIN);
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0} {y0} {w} {h}" width="{w}" height="{h}" font-family="system-ui, sans-serif">
<title>{}</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4b5563"/></marker></defs>
<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="#ffffff"/>
"##,
        xml_text(&design.name)
    );
    for g in &frames {
        let r = g.drawn_rect();
        let held = g.collapsed.then(|| design.descendants(&g.id).len());
        let mark = if g.collapsed { "▸ " } else { "" };
        let _ = writeln!(
            s,
            r##"<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="#f4f6f9" fill-opacity="0.6" stroke="#8a94a6"/><text x="{}" y="{}" font-size="12" font-weight="600" fill="#4b5563">{mark}{}</text>"##,
            r.x,
            r.y,
            r.w,
            r.h,
            r.x + 10.0,
            r.y + 17.0,
            xml_text(&g.heading(held))
        );
    }
    let boxes = design.drawn_boxes();
    for l in &design.links {
        let Some((p, q)) = l.drawn_line(&boxes) else { continue };
        let dash = if l.mode == crate::design::LinkMode::Async { r#" stroke-dasharray="6 4""# } else { "" };
        let _ = writeln!(
            s,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#4b5563" stroke-width="1.6"{dash} marker-end="url(#arrow)"/>"##,
            p.x, p.y, q.x, q.y
        );
    }
    let (cw, ch) = (COMPONENT_SIZE.w, COMPONENT_SIZE.h);
    for c in design.components.iter().filter(|c| shown(c.parent.as_ref())) {
        let (x, y) = (c.position.x, c.position.y);
        let _ = writeln!(
            s,
            r##"<g transform="translate({x} {y})"><rect width="{cw}" height="{ch}" rx="8" fill="#ffffff" stroke="#d8dde4"/><rect width="40" height="{ch}" rx="8" fill="{}"/><text x="49" y="26" font-size="13" font-weight="600" fill="#1d232b">{}</text><text x="49" y="44" font-size="11" fill="#5d6673">{}</text></g>"##,
            xml_text(catalog.color_of(c.kind.as_str())),
            xml_text(&c.label),
            xml_text(&kind_name(catalog, c.kind.as_str()))
        );
    }
    s.push_str("</svg>\n");
    s
}

/// A bar chart of the monthly cost by category, largest first, as a small SVG
/// (260 units wide, one 22-unit row per category) for the app's cost panel.
pub fn cost_chart_svg(report: &CostReport) -> String {
    const ROW: f64 = 22.0;
    const BAR: f64 = 110.0;
    let mut rows: Vec<(&str, f64)> = report.by_category.iter().map(|c| (&*c.category, c.monthly)).collect();
    crate::order::sort_by(&mut rows, |a, b| b.1.total_cmp(&a.1));
    let top = rows.first().map_or(0.0, |r| r.1).max(0.01);
    let height = ROW * rows.len() as f64;
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="cost-bars" viewBox="0 0 260 {height}" width="260" height="{height}" role="img" aria-label="Monthly cost by category">"#
    );
    for (i, (name, monthly)) in rows.into_iter().enumerate() {
        let y = i as f64 * ROW;
        let _ = write!(
            s,
            r#"<g data-testid="cost-category-{i}"><text class="cost-bar-name" x="0" y="{}">{}</text><rect class="cost-bar" x="92" y="{}" width="{:.1}" height="11" rx="2"/><text class="cost-bar-value" x="260" y="{}">{}</text></g>"#,
            y + 14.0,
            xml_text(name),
            y + 5.0,
            (BAR * monthly / top).max(1.0),
            y + 14.0,
            xml_text(&format_usd(monthly))
        );
    }
    s.push_str("</svg>");
    s
}

// ------------------------------------------------------------------ Mermaid

/// An id Mermaid accepts: letters, digits and underscores, starting with a letter.
fn mermaid_id(prefix: &str, id: &str) -> String {
    let clean: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    format!("{prefix}_{clean}")
}

/// A label Mermaid's architecture syntax reads inside `[…]`: letters, digits,
/// spaces and a few safe marks; anything else becomes a space.
fn mermaid_label(s: &str) -> String {
    let kept: String = s.chars().map(|c| if c.is_alphanumeric() || " .,-_/&+".contains(c) { c } else { ' ' }).collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    if words.is_empty() {
        "unnamed".to_owned()
    } else {
        words.join(" ")
    }
}

/// Mermaid's built-in architecture icon for a kind.
fn mermaid_icon(catalog: &Catalog, kind: &str) -> &'static str {
    use crate::catalog::Category as C;
    match (kind, catalog.kind(kind).map(|k| k.category)) {
        ("users" | "external_saas" | "route53" | "cloudfront" | "internet_gateway", _) => "internet",
        (_, Some(C::Storage)) => "disk",
        (_, Some(C::Data | C::Cache)) => "database",
        _ => "server",
    }
}

/// The design as a Mermaid `architecture-beta` diagram: one service per
/// component, one group per container (nested as drawn), one edge per link.
pub fn mermaid(design: &Design, catalog: &Catalog) -> String {
    let mut s = String::from("architecture-beta\n");
    for g in design.containers_outermost_first() {
        let label = g.title();
        let _ = write!(s, "    group {}(cloud)[{}]", mermaid_id("g", g.id.as_str()), mermaid_label(label));
        if let Some(p) = g.parent.as_ref().filter(|p| design.container(p).is_some()) {
            let _ = write!(s, " in {}", mermaid_id("g", p.as_str()));
        }
        s.push('\n');
    }
    for c in &design.components {
        let _ = write!(
            s,
            "    service {}({})[{}]",
            mermaid_id("c", c.id.as_str()),
            mermaid_icon(catalog, c.kind.as_str()),
            mermaid_label(&c.label)
        );
        if let Some(p) = c.parent.as_ref().filter(|p| design.container(p).is_some()) {
            let _ = write!(s, " in {}", mermaid_id("g", p.as_str()));
        }
        s.push('\n');
    }
    let rects: HashMap<&str, Rect> = design.components.iter().map(|c| (c.id.as_str(), c.rect())).collect();
    for l in &design.links {
        let (Some(a), Some(b)) = (rects.get(l.from.as_str()), rects.get(l.to.as_str())) else { continue };
        // Leave from the side facing the other end.
        let (dx, dy) = (b.center().x - a.center().x, b.center().y - a.center().y);
        let (out, into) = if dx.abs() >= dy.abs() {
            if dx >= 0.0 {
                ("R", "L")
            } else {
                ("L", "R")
            }
        } else if dy >= 0.0 {
            ("B", "T")
        } else {
            ("T", "B")
        };
        let _ =
            writeln!(s, "    {}:{out} --> {into}:{}", mermaid_id("c", l.from.as_str()), mermaid_id("c", l.to.as_str()));
    }
    s
}

// ------------------------------------------------------------------ draw.io

/// draw.io's AWS 2019+ shape for a kind: a resource icon by name.
fn drawio_icon(kind: &str) -> &'static str {
    match kind {
        "users" => "mxgraph.aws4.users",
        "route53" => "mxgraph.aws4.route_53",
        "cloudfront" => "mxgraph.aws4.cloudfront",
        "api_gateway" => "mxgraph.aws4.api_gateway",
        "alb" | "nlb" => "mxgraph.aws4.elastic_load_balancing",
        "nat_gateway" | "vpc_endpoint" | "internet_gateway" => "mxgraph.aws4.vpc",
        "waf" => "mxgraph.aws4.waf",
        "shield" => "mxgraph.aws4.shield",
        "secrets_manager" => "mxgraph.aws4.secrets_manager",
        "kms" => "mxgraph.aws4.key_management_service",
        "cognito" => "mxgraph.aws4.cognito",
        "acm" => "mxgraph.aws4.certificate_manager_3",
        "ec2" | "compose_host" | "self_managed_postgres" => "mxgraph.aws4.ec2",
        "asg" => "mxgraph.aws4.auto_scaling2",
        "ecs_fargate" => "mxgraph.aws4.fargate",
        "eks_cluster" | "eks_node_group" | "k8s_workload" => "mxgraph.aws4.eks",
        "lambda" => "mxgraph.aws4.lambda",
        "step_functions" => "mxgraph.aws4.step_functions",
        "sqs" => "mxgraph.aws4.sqs",
        "sns" => "mxgraph.aws4.sns",
        "eventbridge" => "mxgraph.aws4.eventbridge",
        "msk" => "mxgraph.aws4.managed_streaming_for_kafka",
        "rds_postgres" | "rds_proxy" => "mxgraph.aws4.rds",
        "aurora_postgres" | "aurora_serverless_v2" => "mxgraph.aws4.aurora",
        "dynamodb" => "mxgraph.aws4.dynamodb",
        "opensearch" => "mxgraph.aws4.elasticsearch_service",
        "elasticache_redis" => "mxgraph.aws4.elasticache",
        "s3" => "mxgraph.aws4.s3",
        "efs" => "mxgraph.aws4.elastic_file_system",
        "ebs" => "mxgraph.aws4.elastic_block_store",
        "cloudwatch" => "mxgraph.aws4.cloudwatch_2",
        "xray" => "mxgraph.aws4.xray",
        "prometheus" => "mxgraph.aws4.managed_service_for_prometheus",
        "ecr" => "mxgraph.aws4.ecr",
        "ci_pipeline" => "mxgraph.aws4.codepipeline",
        _ => "mxgraph.aws4.general",
    }
}

/// draw.io's AWS group shape for a container kind.
fn drawio_group(kind: crate::design::ContainerKind) -> (&'static str, &'static str) {
    use crate::design::ContainerKind as K;
    match kind {
        K::Region => ("mxgraph.aws4.group_region", "#147EBA"),
        K::Vpc => ("mxgraph.aws4.group_vpc2", "#8C4FFF"),
        K::AvailabilityZone => ("", "#147EBA"),
        K::PublicSubnet => ("mxgraph.aws4.group_security_group", "#7AA116"),
        K::PrivateSubnet | K::DataSubnet => ("mxgraph.aws4.group_security_group", "#00A4A6"),
        K::Namespace => ("", "#ED7100"),
    }
}

/// The design as a draw.io file: uncompressed mxGraph XML, AWS shapes for
/// components, containers as groups holding their contents (child geometry is
/// relative to the group, as draw.io keeps it), links as edges. A collapsed
/// container stays collapsed, with its contents kept inside it: draw.io hides
/// them and draws their edges to the group until it is expanded.
pub fn drawio(design: &Design, catalog: &Catalog) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<mxfile host=\"Cloudwright\" type=\"device\">\n<diagram id=\"cloudwright\" name=\"{}\">\n<mxGraphModel grid=\"1\" gridSize=\"20\" page=\"0\">\n<root>\n<mxCell id=\"0\"/>\n<mxCell id=\"1\" parent=\"0\"/>\n",
        xml_text(&design.name)
    );
    // Ids are prefixed so that no design id can clash with the two root cells.
    let cell = |prefix: &str, id: &str| format!("{prefix}-{}", xml_text(id));
    let origin = |parent: Option<&ContainerId>| {
        parent.and_then(|p| design.container(p)).map_or((0.0, 0.0), |g| (g.rect.x, g.rect.y))
    };
    let parent_cell = |parent: Option<&ContainerId>| {
        parent.filter(|p| design.container(p).is_some()).map_or("1".to_owned(), |p| cell("g", p.as_str()))
    };
    for g in design.containers_outermost_first() {
        let (ox, oy) = origin(g.parent.as_ref());
        let (icon, stroke) = drawio_group(g.kind);
        let label = g.title();
        let shape = if icon.is_empty() {
            format!("rounded=1;arcSize=2;dashed=1;fillColor=none;strokeColor={stroke};")
        } else {
            format!("points=[];shape=mxgraph.aws4.group;grIcon={icon};strokeColor={stroke};fillColor=none;")
        };
        let (x, y) = (g.rect.x - ox, g.rect.y - oy);
        // A collapsed container opens collapsed: its geometry is the header,
        // its frame the "alternate bounds" draw.io swaps in when it is expanded.
        // Only these get draw.io's fold button, which would sit on a group's icon.
        let (collapsible, collapsed, h, expanded) = if g.collapsed {
            let full = format!(
                "<mxRectangle x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" as=\"alternateBounds\"/>",
                g.rect.w, g.rect.h
            );
            (1, " collapsed=\"1\"", g.header().h, full)
        } else {
            (0, "", g.rect.h, String::new())
        };
        let _ = writeln!(
            s,
            "<mxCell id=\"{}\" value=\"{}\" style=\"{shape}verticalAlign=top;align=left;spacingLeft=30;fontColor={stroke};container=1;collapsible={collapsible};recursiveResize=0;html=0;\"{collapsed} vertex=\"1\" parent=\"{}\"><mxGeometry x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{h}\" as=\"geometry\">{expanded}</mxGeometry></mxCell>",
            cell("g", g.id.as_str()),
            xml_text(label),
            parent_cell(g.parent.as_ref()),
            g.rect.w,
        );
    }
    for c in &design.components {
        let (ox, oy) = origin(c.parent.as_ref());
        let fill = catalog.color_of(c.kind.as_str());
        let _ = writeln!(
            s,
            "<mxCell id=\"{}\" value=\"{}\" style=\"sketch=0;outlineConnect=0;fontColor=#232F3E;fillColor={};strokeColor=#ffffff;gradientColor=none;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=0;fontSize=12;aspect=fixed;shape=mxgraph.aws4.resourceIcon;resIcon={};\" vertex=\"1\" parent=\"{}\"><mxGeometry x=\"{}\" y=\"{}\" width=\"48\" height=\"48\" as=\"geometry\"/></mxCell>",
            cell("c", c.id.as_str()),
            xml_text(&c.label),
            xml_text(fill),
            drawio_icon(c.kind.as_str()),
            parent_cell(c.parent.as_ref()),
            c.position.x - ox + (COMPONENT_SIZE.w - 48.0) / 2.0,
            c.position.y - oy
        );
    }
    for l in &design.links {
        if design.component(&l.from).is_none() || design.component(&l.to).is_none() {
            continue;
        }
        let dash = if l.mode == crate::design::LinkMode::Async { "dashed=1;" } else { "" };
        let label = if l.protocol.is_empty() { l.label.clone() } else { l.protocol.clone() };
        let _ = writeln!(
            s,
            "<mxCell id=\"{}\" value=\"{}\" style=\"edgeStyle=orthogonalEdgeStyle;rounded=0;html=0;endArrow=block;{dash}\" edge=\"1\" parent=\"1\" source=\"{}\" target=\"{}\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>",
            cell("l", l.id.as_str()),
            xml_text(&label),
            cell("c", l.from.as_str()),
            cell("c", l.to.as_str())
        );
    }
    s.push_str("</root>\n</mxGraphModel>\n</diagram>\n</mxfile>\n");
    s
}

// ------------------------------------------------------------------ CSV and Markdown

/// One CSV field: quoted when it holds a comma, quote or line break, and
/// defused when a spreadsheet would read it as a formula (`=`, `+`, `-`, `@`).
pub fn csv_field(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{v}") } else { v.to_owned() };
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// What a cost line is for: its component's label, or its link's id.
pub fn line_label<'a>(d: &'a Design, l: &'a crate::cost::LineItem) -> &'a str {
    match (&l.component, &l.link) {
        (Some(id), _) => d.component(id).map_or(id.as_str(), |c| c.label.as_str()),
        (None, Some(id)) => id.as_str(),
        (None, None) => "",
    }
}

/// The cost report's line items as CSV, one row per line, for a budget sheet.
pub fn cost_csv(design: &Design, report: &CostReport) -> String {
    let mut s = String::from("component,service,description,region,quantity,unit,unit_price,monthly\n");
    for l in &report.lines {
        let row = [
            csv_field(line_label(design, l)),
            csv_field(&l.service),
            csv_field(&l.description),
            csv_field(&report.region),
            format!("{}", l.quantity),
            csv_field(l.unit),
            format!("{}", l.unit_price),
            format!("{:.2}", l.monthly),
        ];
        s.push_str(&row.join(","));
        s.push('\n');
    }
    s
}

/// Text for a Markdown table cell: no pipes, no line breaks, no HTML.
fn md(s: &str) -> String {
    s.replace('|', "/").replace(['\n', '\r'], " ").replace('<', "‹").replace('>', "›")
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "met",
        Verdict::Breached => "**breached**",
        Verdict::NotTargeted => "no target",
    }
}

/// A design report in Markdown: the diagram (Mermaid), the components, the
/// monthly cost by category and by component, recovery per disruption, and
/// the findings.
pub fn markdown_report(
    design: &Design,
    catalog: &Catalog,
    cost: &CostReport,
    resilience: &ResilienceReport,
    findings: &[Diagnostic],
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", md(&design.name));
    if !design.notes.trim().is_empty() {
        let _ = writeln!(s, "{}\n", md(&design.notes));
    }
    let _ = writeln!(
        s,
        "Region {} · {} components · {} links · about **{} per month** ({} per year), prices of {}.\n",
        md(&cost.region),
        design.components.len(),
        design.links.len(),
        format_usd(cost.total_monthly),
        format_usd(cost.total_yearly),
        md(&cost.prices_as_of)
    );
    let _ = writeln!(s, "## Diagram\n\n```mermaid\n{}```\n", mermaid(design, catalog));

    s.push_str("## Components\n\n| Component | Kind | In | Monthly |\n|---|---|---|---:|\n");
    let monthly: HashMap<&str, f64> = cost.by_component.iter().map(|c| (c.component.as_str(), c.monthly)).collect();
    for c in &design.components {
        let within = c.parent.as_ref().and_then(|p| design.container(p)).map_or_else(String::new, |g| md(&g.label));
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            md(&c.label),
            md(&kind_name(catalog, c.kind.as_str())),
            within,
            monthly.get(c.id.as_str()).map_or_else(|| "–".to_owned(), |v| format_usd(*v))
        );
    }

    s.push_str("\n## Cost by category\n\n| Category | Monthly |\n|---|---:|\n");
    for c in &cost.by_category {
        let _ = writeln!(s, "| {} | {} |", md(&c.category), format_usd(c.monthly));
    }
    let _ = writeln!(s, "| **Total** | **{}** |\n", format_usd(cost.total_monthly));

    let a = &resilience.availability;
    let _ = writeln!(
        s,
        "## Recovery\n\nAvailability {:.3} % ({:.1} nines), about {:.0} minutes of downtime a month. Policy: {}.\n",
        a.percent,
        a.nines,
        a.downtime_minutes_per_month,
        md(&resilience.policy.name)
    );
    s.push_str("| Disruption | RTO | RPO | RTO target | RPO target |\n|---|---|---|---|---|\n");
    for d in Disruption::ALL {
        let e = resilience.estimate(d);
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            d.name(),
            span_text(e.rto),
            span_text(e.rpo),
            verdict(e.rto_verdict),
            verdict(e.rpo_verdict)
        );
    }

    s.push_str("\n## Findings\n\n");
    if findings.is_empty() {
        s.push_str("None.\n");
    }
    for f in findings {
        let _ = writeln!(s, "- {} `{}`: {}", f.severity, f.code, md(&f.message));
    }
    s
}
