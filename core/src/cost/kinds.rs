//! How each catalog kind is priced. Each function adds line items to the
//! context and returns whether the kind is free of AWS charges.

use std::borrow::Cow;
use std::sync::Arc;

use crate::catalog::KindSpec;
use crate::design::Component;

use super::usage::SECONDS_PER_MONTH;
use super::{Charge, Ctx, FreeKind, ScalingEstimate};

/// Prices one component. Returns `true` when AWS does not charge for it.
pub(super) fn price(ctx: &mut Ctx<'_>, spec: &KindSpec, c: &Component, s: &Arc<str>) -> bool {
    match spec.kind.as_str() {
        "users" => return true,
        "internet_gateway" | "acm" => return true,
        "k8s_workload" => {
            ctx.not_counted(Some(c), "pods run on the node group's instances, priced there");
            return true;
        }
        "prometheus" => {
            ctx.not_counted(Some(c), "self-hosted on the cluster's nodes, priced there");
            return true;
        }
        "external_saas" => {
            ctx.not_counted(Some(c), "billed by the provider, not AWS");
            return true;
        }
        "ci_pipeline" => {
            ctx.not_counted(Some(c), "billed by the CI provider");
            return true;
        }
        "ec2" => {
            let count = ctx.num(spec, c, "count");
            fleet(ctx, spec, c, s, count, count);
        }
        "asg" | "eks_node_group" => {
            let (baseline, peak) = scaled_counts(ctx, spec, c);
            fleet(ctx, spec, c, s, baseline, peak);
        }
        "compose_host" => {
            fleet(ctx, spec, c, s, 1.0, 1.0);
            if ctx.num(spec, c, "backup_interval_hours") > 0.0 {
                ctx.not_counted(Some(c), "EBS snapshot storage for backups");
            }
        }
        "self_managed_postgres" => {
            let copies = 1.0 + ctx.num(spec, c, "replicas");
            fleet(ctx, spec, c, s, copies, copies);
            if ctx.num(spec, c, "backup_interval_hours") > 0.0 {
                ctx.not_counted(Some(c), "EBS snapshot storage for backups");
            }
        }
        "ecs_fargate" => fargate(ctx, spec, c, s),
        "eks_cluster" => {
            let key = if ctx.flag(spec, c, "extended_support") { "eks.cluster.extended" } else { "eks.cluster" };
            let hours = ctx.hours();
            ctx.charge(Some(c), None, s, Charge::new("Control plane", hours, "hours", key));
        }
        "lambda" => lambda(ctx, spec, c, s),
        "step_functions" => {
            let per_run = ctx.num(spec, c, "transitions_per_execution");
            let (runs, derived) = requests(ctx, spec, c, "executions_per_month");
            let mut ch = Charge::new(
                format!("State transitions ({per_run} per execution)"),
                runs * per_run / 1_000.0,
                "1k transitions",
                "stepfunctions.transitions",
            );
            ch.derived = derived;
            ctx.charge(Some(c), None, s, ch);
        }
        "api_gateway" => api_gateway(ctx, spec, c, s),
        "cloudfront" => cloudfront(ctx, spec, c, s),
        "route53" => {
            let zones = ctx.num(spec, c, "hosted_zones");
            ctx.charge(Some(c), None, s, Charge::new("Hosted zones", zones, "zones", "route53.zone"));
            let queries = match ctx.usage(spec, c, "queries_per_month") {
                Some(q) => Charge::new("DNS queries", q / 1e6, "1M queries", "route53.queries"),
                None => {
                    let (per, text) = ctx.assumption("dns_requests_per_query", 10.0);
                    let q = ctx.flow.monthly(&c.id).max(total_requests(ctx)) / per.max(1.0);
                    Charge::new("DNS queries", q / 1e6, "1M queries", "route53.queries")
                        .derived(format!("workload requests; {text}"))
                }
            };
            ctx.charge(Some(c), None, s, queries);
        }
        "alb" => load_balancer(ctx, spec, c, s, "alb.hour", "alb.lcu", "lcu", "LCU"),
        "nlb" => load_balancer(ctx, spec, c, s, "nlb.hour", "nlb.nlcu", "nlcu", "NLCU"),
        "nat_gateway" => {
            let count = ctx.num(spec, c, "count");
            let hours = ctx.hours();
            ctx.charge(
                Some(c),
                None,
                s,
                Charge::new(format!("{count} gateway(s)"), count * hours, "hours", "nat.hour"),
            );
            let ch = match ctx.usage(spec, c, "gb_per_month") {
                Some(gb) => Charge::new("Data processed", gb, "GB", "nat.gb"),
                None => {
                    let gb = super::transfer::nat_processed_gb(ctx, c);
                    Charge::new("Data processed", gb, "GB", "nat.gb")
                        .derived("links from private subnets to outside the VPC, and links drawn through the gateway")
                }
            };
            ctx.charge(Some(c), None, s, ch);
        }
        "vpc_endpoint" => {
            if ctx.choice(spec, c, "endpoint_type") == "gateway" {
                return true;
            }
            let azs = ctx.num(spec, c, "azs");
            let hours = ctx.hours();
            ctx.charge(
                Some(c),
                None,
                s,
                Charge::new(
                    format!("Interface endpoint in {azs} AZ(s)"),
                    azs * hours,
                    "AZ-hours",
                    "vpce.interface.hour",
                ),
            );
            let gb = ctx.usage(spec, c, "gb_per_month").unwrap_or(0.0);
            ctx.charge(Some(c), None, s, Charge::new("Data processed", gb, "GB", "vpce.interface.gb"));
        }
        "waf" => {
            ctx.charge(Some(c), None, s, Charge::new("Web ACL", 1.0, "ACLs", "waf.acl"));
            let rules = ctx.num(spec, c, "rules");
            ctx.charge(Some(c), None, s, Charge::new("Rules", rules, "rules", "waf.rule"));
            let (req, derived) = requests(ctx, spec, c, "requests_per_month");
            let mut ch = Charge::new("Requests inspected", req / 1e6, "1M requests", "waf.requests");
            ch.derived = derived;
            ctx.charge(Some(c), None, s, ch);
        }
        "shield" => {
            if !ctx.flag(spec, c, "advanced") {
                return true;
            }
            ctx.charge(Some(c), None, s, Charge::new("Shield Advanced subscription", 1.0, "months", "shield.advanced"));
        }
        "secrets_manager" => {
            let n = ctx.num(spec, c, "secrets");
            ctx.charge(Some(c), None, s, Charge::new("Secrets stored", n, "secrets", "secrets.secret"));
            let calls = ctx.usage(spec, c, "api_calls_per_month").unwrap_or(0.0);
            ctx.charge(Some(c), None, s, Charge::new("API calls", calls / 1e4, "10k calls", "secrets.calls"));
        }
        "kms" => {
            let keys = ctx.num(spec, c, "keys");
            ctx.charge(Some(c), None, s, Charge::new("Customer-managed keys", keys, "keys", "kms.key"));
            let req = ctx.usage(spec, c, "requests_per_month").unwrap_or(0.0);
            ctx.charge(Some(c), None, s, Charge::new("Requests", req / 1e4, "10k requests", "kms.requests"));
        }
        "cognito" => {
            let (mau, derived) = match ctx.usage(spec, c, "monthly_active_users") {
                Some(m) => (m, None),
                None => (ctx.design.workload.users as f64, Some(Cow::Borrowed("the workload's users"))),
            };
            let free = ctx.book.free_tier.cognito_mau;
            let mut ch =
                Charge::new(format!("Monthly active users over {free}"), (mau - free).max(0.0), "MAU", "cognito.mau");
            ch.derived = derived;
            ctx.charge(Some(c), None, s, ch);
        }
        "sqs" => {
            let fifo = ctx.choice(spec, c, "queue_type") == "fifo";
            let chunks = (ctx.num(spec, c, "message_kb") / 64.0).ceil().max(1.0);
            let (requests, derived) = match ctx.usage(spec, c, "requests_per_month") {
                Some(r) => (r, None),
                None => (
                    ctx.flow.monthly(&c.id) * 3.0 * chunks,
                    Some(Cow::Owned(format!(
                        "each message is sent, received and deleted (3 requests) in {chunks} chunk(s) of 64 KB"
                    ))),
                ),
            };
            let key = if fifo { "sqs.fifo" } else { "sqs.standard" };
            let mut ch = Charge::new(
                if fifo { "FIFO requests" } else { "Standard requests" },
                requests / 1e6,
                "1M requests",
                key,
            );
            ch.derived = derived;
            ctx.charge(Some(c), None, s, ch);
            let free = ctx.take_free(FreeKind::SqsRequests, requests);
            ctx.credit(c, s, "Free tier: 1M requests", free / 1e6, "1M requests", key);
        }
        "sns" => {
            let (n, derived) = requests(ctx, spec, c, "publishes_per_month");
            let mut ch = Charge::new("Publishes", n / 1e6, "1M publishes", "sns.publishes");
            ch.derived = derived;
            ctx.charge(Some(c), None, s, ch);
            let free = ctx.take_free(FreeKind::SnsPublishes, n);
            ctx.credit(c, s, "Free tier: 1M publishes", free / 1e6, "1M publishes", "sns.publishes");
            ctx.not_counted(Some(c), "delivery charges (email, SMS, HTTP)");
        }
        "eventbridge" => {
            let (n, derived) = requests(ctx, spec, c, "events_per_month");
            let mut ch = Charge::new("Custom events", n / 1e6, "1M events", "eventbridge.events");
            ch.derived = derived;
            ctx.charge(Some(c), None, s, ch);
        }
        "msk" => {
            let t = ctx.choice(spec, c, "instance_type");
            let brokers = ctx.num(spec, c, "count");
            let hours = ctx.hours();
            let key = format!("msk.{t}");
            ctx.charge(
                Some(c),
                None,
                s,
                Charge::new(format!("{t}, {brokers} brokers"), brokers * hours, "broker-hours", &key),
            );
            let gb = ctx.num(spec, c, "storage_gb");
            ctx.charge(Some(c), None, s, Charge::new("Broker storage", brokers * gb, "GB-months", "msk.storage"));
        }
        "rds_postgres" => rds(ctx, spec, c, s),
        "aurora_postgres" => aurora(ctx, spec, c, s),
        "aurora_serverless_v2" => {
            let acu = ctx.num(spec, c, "avg_acu");
            let readers = ctx.num(spec, c, "replicas");
            let hours = ctx.hours();
            ctx.charge(
                Some(c),
                None,
                s,
                Charge::new(
                    format!("Writer + {readers} reader(s) at {acu} ACU average"),
                    (1.0 + readers) * acu * hours,
                    "ACU-hours",
                    "aurora.acu",
                ),
            );
            aurora_storage(ctx, spec, c, s);
        }
        "dynamodb" => {
            if ctx.choice(spec, c, "capacity_mode") == "provisioned" {
                ctx.not_counted(Some(c), "provisioned capacity is not in the price book; priced as on-demand requests");
            }
            let share = ctx.design.workload.read_share;
            let share = if share.is_finite() { share.clamp(0.0, 1.0) } else { 0.9 };
            let total = ctx.flow.monthly(&c.id);
            let (reads, rd) = match ctx.usage(spec, c, "read_units_per_month") {
                Some(v) => (v, None),
                None => (total * share, Some(ctx.read_share_text.clone())),
            };
            let (writes, wd) = match ctx.usage(spec, c, "write_units_per_month") {
                Some(v) => (v, None),
                None => (total * (1.0 - share), Some(ctx.read_share_text.clone())),
            };
            let mut w = Charge::new("Write request units", writes / 1e6, "1M WRU", "dynamodb.wru");
            w.derived = wd;
            ctx.charge(Some(c), None, s, w);
            let mut r = Charge::new("Read request units", reads / 1e6, "1M RRU", "dynamodb.rru");
            r.derived = rd;
            ctx.charge(Some(c), None, s, r);
            let gb = ctx.num(spec, c, "storage_gb");
            ctx.charge(Some(c), None, s, Charge::new("Storage", gb, "GB-months", "dynamodb.storage"));
            if ctx.flag(spec, c, "pitr") {
                ctx.charge(Some(c), None, s, Charge::new("Point-in-time recovery", gb, "GB-months", "dynamodb.pitr"));
            }
            if ctx.flag(spec, c, "global_table") {
                ctx.not_counted(Some(c), "replicated writes and storage in the other Region(s)");
            }
        }
        "opensearch" => {
            let t = ctx.choice(spec, c, "instance_type");
            let n = ctx.num(spec, c, "count");
            let hours = ctx.hours();
            let key = format!("opensearch.{t}");
            ctx.charge(Some(c), None, s, Charge::new(format!("{t}, {n} nodes"), n * hours, "instance-hours", &key));
            let gb = ctx.num(spec, c, "storage_gb");
            ctx.charge(Some(c), None, s, Charge::new("Storage", n * gb, "GB-months", "opensearch.storage"));
        }
        "rds_proxy" => {
            if ctx.choice(spec, c, "mode") == "pgbouncer" {
                ctx.not_counted(Some(c), "PgBouncer runs on existing compute");
                return true;
            }
            ctx.not_counted(Some(c), "RDS Proxy is charged per vCPU of the database; not in the price book");
        }
        "elasticache_redis" => {
            let t = ctx.choice(spec, c, "instance_type");
            let n = ctx.num(spec, c, "count");
            let hours = ctx.hours();
            let key = format!("elasticache.{t}");
            ctx.charge(Some(c), None, s, Charge::new(format!("{t}, {n} node(s)"), n * hours, "node-hours", &key));
            if t == "cache.t3.micro" {
                let free = ctx.take_free(FreeKind::CacheMicroHours, n * hours);
                ctx.credit(c, s, "Free tier: 750 h of cache.t3.micro", free, "node-hours", &key);
            }
        }
        "s3" => {
            let class = ctx.choice(spec, c, "storage_class");
            let gb = ctx.num(spec, c, "storage_gb");
            let key = format!("s3.{class}");
            ctx.charge(
                Some(c),
                None,
                s,
                Charge::new(format!("Storage ({})", class.replace('_', " ")), gb, "GB-months", &key),
            );
            let share = ctx.design.workload.read_share;
            let share = if share.is_finite() { share.clamp(0.0, 1.0) } else { 0.9 };
            let total = ctx.flow.monthly(&c.id);
            let (puts, pd) = match ctx.usage(spec, c, "put_requests_per_month") {
                Some(v) => (v, None),
                None => (total * (1.0 - share), Some(ctx.read_share_text.clone())),
            };
            let (gets, gd) = match ctx.usage(spec, c, "get_requests_per_month") {
                Some(v) => (v, None),
                None => (total * share, Some(ctx.read_share_text.clone())),
            };
            let mut p = Charge::new("PUT, COPY, POST, LIST requests", puts / 1e3, "1k requests", "s3.put");
            p.derived = pd;
            ctx.charge(Some(c), None, s, p);
            let mut g = Charge::new("GET requests", gets / 1e3, "1k requests", "s3.get");
            g.derived = gd;
            ctx.charge(Some(c), None, s, g);
            if ctx.flag(spec, c, "cross_region_replica") {
                ctx.charge(Some(c), None, s, Charge::new("Replica storage in a second Region", gb, "GB-months", &key));
                ctx.charge(
                    Some(c),
                    None,
                    s,
                    Charge::new("Replication transfer (first copy)", gb, "GB", "transfer.inter_region"),
                );
            }
            if ctx.flag(spec, c, "versioning") {
                ctx.not_counted(Some(c), "storage of older object versions");
            }
        }
        "efs" => {
            let gb = ctx.num(spec, c, "storage_gb");
            ctx.charge(Some(c), None, s, Charge::new("Standard storage", gb, "GB-months", "efs.standard"));
        }
        "ebs" => {
            let t = ctx.choice(spec, c, "volume_type");
            let gb = ctx.num(spec, c, "storage_gb");
            let key = format!("ebs.{t}");
            ctx.charge(Some(c), None, s, Charge::new(format!("{t} storage"), gb, "GB-months", &key));
            let iops = ctx.num(spec, c, "iops");
            match t {
                "gp3" if iops > 3000.0 => {
                    ctx.charge(
                        Some(c),
                        None,
                        s,
                        Charge::new("IOPS over 3,000", iops - 3000.0, "IOPS-months", "ebs.gp3.iops"),
                    );
                }
                "io1" => {
                    ctx.charge(Some(c), None, s, Charge::new("Provisioned IOPS", iops, "IOPS-months", "ebs.io1.iops"));
                }
                _ => {}
            }
            if ctx.num(spec, c, "snapshot_interval_hours") > 0.0 {
                ctx.not_counted(Some(c), "snapshot storage");
            }
        }
        "cloudwatch" => {
            let gb = ctx.num(spec, c, "log_gb_per_month");
            ctx.charge(Some(c), None, s, Charge::new("Logs ingested", gb, "GB", "cloudwatch.logs.ingest"));
            let (months, text) = ctx.assumption("log_retention_months", 1.0);
            ctx.charge(
                Some(c),
                None,
                s,
                Charge::new("Logs stored", gb * months, "GB-months", "cloudwatch.logs.storage")
                    .derived(text.to_owned()),
            );
            let m = ctx.num(spec, c, "custom_metrics");
            ctx.charge(Some(c), None, s, Charge::new("Custom metrics", m, "metrics", "cloudwatch.metric"));
            let a = ctx.num(spec, c, "alarms");
            ctx.charge(Some(c), None, s, Charge::new("Alarms", a, "alarms", "cloudwatch.alarm"));
        }
        "xray" => {
            let ch = match ctx.usage(spec, c, "traces_per_month") {
                Some(t) => Charge::new("Traces recorded", t / 1e6, "1M traces", "xray.traces"),
                None => {
                    let (rate, text) = ctx.assumption("xray_sampling", 0.05);
                    let t = total_requests(ctx) * rate;
                    Charge::new("Traces recorded", t / 1e6, "1M traces", "xray.traces")
                        .derived(format!("workload requests; {text}"))
                }
            };
            ctx.charge(Some(c), None, s, ch);
        }
        "ecr" => {
            let gb = ctx.num(spec, c, "storage_gb");
            ctx.charge(Some(c), None, s, Charge::new("Image storage", gb, "GB-months", "ecr.storage"));
        }
        _ => {
            ctx.not_counted(Some(c), &format!("{} is not priced yet", spec.name));
        }
    }
    false
}

/// Requests a month: the property when set, else what the workload sends here.
fn requests(ctx: &Ctx<'_>, spec: &KindSpec, c: &Component, key: &str) -> (f64, Option<Cow<'static, str>>) {
    match ctx.usage(spec, c, key) {
        Some(v) => (v, None),
        None => (ctx.flow.monthly(&c.id), Some(Cow::Borrowed(REACHING))),
    }
}

/// How request counts are derived when the design does not state them.
const REACHING: &str = "requests reaching it from the workload, along links";

/// The workload's requests a month at the front door.
fn total_requests(ctx: &Ctx<'_>) -> f64 {
    let rps = ctx.design.workload.requests_per_sec;
    if rps.is_finite() && rps > 0.0 {
        rps * SECONDS_PER_MONTH
    } else {
        0.0
    }
}

/// Baseline and peak copies of an autoscaled tier: desired within min..max, and
/// desired × the workload's peak multiplier, rounded up, capped at max.
fn scaled_counts(ctx: &Ctx<'_>, spec: &KindSpec, c: &Component) -> (f64, f64) {
    let min = ctx.num(spec, c, "min_count");
    let max = ctx.num(spec, c, "max_count").max(min);
    let desired = ctx.num(spec, c, "desired_count").clamp(min, max);
    let mult = ctx.design.workload.peak_multiplier;
    let mult = if mult.is_finite() && mult >= 1.0 { mult } else { 1.0 };
    let peak = (desired * mult).ceil().clamp(desired, max);
    (desired, peak)
}

/// Count-hours for the design's peak pattern, and the scaling record.
fn blended_hours(ctx: &mut Ctx<'_>, c: &Component, baseline: f64, peak: f64, per_copy_hourly: f64) -> f64 {
    let hours = ctx.hours();
    let per_day = ctx.design.cost.peak_hours_per_day;
    let peak_hours = if per_day.is_finite() { per_day.clamp(0.0, 24.0) / 24.0 * hours } else { 0.0 };
    let count_hours = baseline * (hours - peak_hours) + peak * peak_hours;
    if peak != baseline || per_day > 0.0 {
        ctx.scaling.push(ScalingEstimate {
            component: c.id.clone(),
            baseline_count: baseline,
            peak_count: peak,
            baseline_monthly: baseline * hours * per_copy_hourly,
            peak_monthly: peak * hours * per_copy_hourly,
            estimate_monthly: count_hours * per_copy_hourly,
        });
    }
    count_hours
}

fn count_text(baseline: f64, peak: f64, per_day: f64, what: &str) -> String {
    if peak != baseline && per_day > 0.0 {
        format!("{baseline} {what} ({peak} for {per_day} h a day)")
    } else {
        format!("{baseline} {what}")
    }
}

/// EC2 instances: instance-hours, EBS, public IPv4, purchase option, free tier.
fn fleet(ctx: &mut Ctx<'_>, spec: &KindSpec, c: &Component, s: &Arc<str>, baseline: f64, peak: f64) {
    let t = ctx.choice(spec, c, "instance_type");
    let key = format!("ec2.{t}");
    let option = ctx.choice(spec, c, "purchase_option");
    let (factor, label) = ctx.purchase(option);
    let hourly = ctx.price_of(&key);
    let count_hours = blended_hours(ctx, c, baseline, peak, hourly * factor);
    let per_day = ctx.design.cost.peak_hours_per_day;
    let how = label.as_deref().unwrap_or("on demand");
    let desc = format!("{t} {how}, {}", count_text(baseline, peak, per_day, "instance(s)"));
    let monthly =
        ctx.charge(Some(c), None, s, Charge::new(desc, count_hours, "instance-hours", &key).discounted(factor));
    if let Some(label) = label {
        ctx.saving(c, label, count_hours * hourly, monthly);
    } else if t == "t3.micro" {
        let free = ctx.take_free(FreeKind::Ec2MicroHours, count_hours);
        ctx.credit(c, s, "Free tier: 750 h of t2/t3.micro", free, "instance-hours", &key);
    }
    let gb = ctx.num(spec, c, "storage_gb");
    if gb > 0.0 {
        let copies = count_hours / ctx.hours();
        ctx.charge(
            Some(c),
            None,
            s,
            Charge::new(format!("EBS gp3, {gb} GB per instance"), gb * copies, "GB-months", "ebs.gp3"),
        );
        let free = ctx.take_free(FreeKind::EbsGb, gb * copies);
        ctx.credit(c, s, "Free tier: 30 GB of EBS", free, "GB-months", "ebs.gp3");
    }
    if ctx.flag(spec, c, "public_ipv4") {
        ctx.charge(
            Some(c),
            None,
            s,
            Charge::new("Public IPv4 addresses", count_hours, "address-hours", "ec2.public_ipv4"),
        );
        let free = ctx.take_free(FreeKind::PublicIpv4Hours, count_hours);
        ctx.credit(c, s, "Free tier: 750 h of public IPv4", free, "address-hours", "ec2.public_ipv4");
    }
}

fn fargate(ctx: &mut Ctx<'_>, spec: &KindSpec, c: &Component, s: &Arc<str>) {
    let (baseline, peak) = scaled_counts(ctx, spec, c);
    let arch = ctx.choice(spec, c, "architecture");
    let arch = if arch == "arm64" { "arm64" } else { "x86" };
    let (vcpu_key, gb_key) = (format!("fargate.{arch}.vcpu"), format!("fargate.{arch}.gb"));
    let vcpu = ctx.num(spec, c, "vcpu");
    let mem = ctx.num(spec, c, "memory_gb");
    let option = ctx.choice(spec, c, "purchase_option");
    let (factor, label) = ctx.purchase(option);
    let per_task = vcpu * ctx.price_of(&vcpu_key) + mem * ctx.price_of(&gb_key);
    let task_hours = blended_hours(ctx, c, baseline, peak, per_task * factor);
    let per_day = ctx.design.cost.peak_hours_per_day;
    let how = label.as_deref().unwrap_or("on demand");
    let tasks = count_text(baseline, peak, per_day, "task(s)");
    let a = ctx.charge(
        Some(c),
        None,
        s,
        Charge::new(format!("vCPU ({vcpu} per task, {tasks}, {how})"), task_hours * vcpu, "vCPU-hours", &vcpu_key)
            .discounted(factor),
    );
    let b = ctx.charge(
        Some(c),
        None,
        s,
        Charge::new(format!("Memory ({mem} GB per task, {how})"), task_hours * mem, "GB-hours", &gb_key)
            .discounted(factor),
    );
    if let Some(label) = label {
        ctx.saving(c, label, task_hours * per_task, a + b);
    }
}

fn lambda(ctx: &mut Ctx<'_>, spec: &KindSpec, c: &Component, s: &Arc<str>) {
    let (invocations, derived) = requests(ctx, spec, c, "requests_per_month");
    let mut ch = Charge::new("Requests", invocations / 1e6, "1M requests", "lambda.requests");
    ch.derived = derived.clone();
    ctx.charge(Some(c), None, s, ch);
    let arch = if ctx.choice(spec, c, "architecture") == "arm64" { "arm64" } else { "x86_64" };
    let key = format!("lambda.{arch}.gb_second");
    let mem_gb = ctx.num(spec, c, "memory_mb") / 1024.0;
    let secs = ctx.num(spec, c, "avg_duration_ms") / 1000.0;
    let gb_s = invocations * secs * mem_gb;
    let mut d = Charge::new(
        format!("Duration ({} ms at {} MB, {arch})", secs * 1000.0, mem_gb * 1024.0),
        gb_s,
        "GB-seconds",
        &key,
    );
    d.derived = derived;
    ctx.charge(Some(c), None, s, d);
    let free_req = ctx.take_free(FreeKind::LambdaRequests, invocations);
    ctx.credit(c, s, "Free tier: 1M requests", free_req / 1e6, "1M requests", "lambda.requests");
    let free_gbs = ctx.take_free(FreeKind::LambdaGbSeconds, gb_s);
    ctx.credit(c, s, "Free tier: 400,000 GB-seconds", free_gbs, "GB-seconds", &key);
}

fn api_gateway(ctx: &mut Ctx<'_>, spec: &KindSpec, c: &Component, s: &Arc<str>) {
    let (req, derived) = requests(ctx, spec, c, "requests_per_month");
    let m = req / 1e6;
    let api = ctx.choice(spec, c, "api_type");
    // Tiers in millions of requests: (upper bound, price key, description).
    let tiers: &[(f64, &str, &str)] = match api {
        "rest" => &[
            (333.0, "apigw.rest.t1", "REST requests, first 333M"),
            (1000.0, "apigw.rest.t2", "REST requests, next 667M"),
            (20_000.0, "apigw.rest.t3", "REST requests, next 19B"),
            (f64::INFINITY, "apigw.rest.t4", "REST requests over 20B"),
        ],
        "websocket" => &[(f64::INFINITY, "apigw.websocket.messages", "WebSocket messages")],
        _ => &[
            (300.0, "apigw.http.t1", "HTTP requests, first 300M"),
            (f64::INFINITY, "apigw.http.t2", "HTTP requests over 300M"),
        ],
    };
    let mut below = 0.0;
    for (i, &(upper, key, desc)) in tiers.iter().enumerate() {
        let q = (m.min(upper) - below).max(0.0);
        if q > 0.0 || i == 0 {
            let mut ch = Charge::new(desc, q, "1M requests", key);
            ch.derived = derived.clone();
            ctx.charge(Some(c), None, s, ch);
        }
        below = upper;
        if m <= upper {
            break;
        }
    }
    if api == "websocket" {
        ctx.not_counted(Some(c), "WebSocket connection minutes");
    }
}

fn cloudfront(ctx: &mut Ctx<'_>, spec: &KindSpec, c: &Component, s: &Arc<str>) {
    let (req, rd) = requests(ctx, spec, c, "requests_per_month");
    let gb = match ctx.usage(spec, c, "gb_per_month") {
        Some(g) => Charge::new("Data out to the internet (US)", g, "GB", "cloudfront.gb"),
        None => {
            let (kb, text) = ctx.assumption("avg_response_kb", 50.0);
            Charge::new("Data out to the internet (US)", req * kb / 1e6, "GB", "cloudfront.gb")
                .derived(format!("requests reaching it × {text}"))
        }
    };
    ctx.charge(Some(c), None, s, gb);
    let gb = ctx.lines.last().map_or(0.0, |l| l.quantity);
    let mut ch = Charge::new("HTTPS requests", req / 1e4, "10k requests", "cloudfront.https");
    ch.derived = rd;
    ctx.charge(Some(c), None, s, ch);
    let free = ctx.take_free(FreeKind::CloudFrontGb, gb);
    ctx.credit(c, s, "Free tier: 1 TB out a month", free, "GB", "cloudfront.gb");
    let free = ctx.take_free(FreeKind::CloudFrontRequests, req);
    ctx.credit(c, s, "Free tier: 10M requests a month", free / 1e4, "10k requests", "cloudfront.https");
}

#[allow(clippy::too_many_arguments)]
fn load_balancer(
    ctx: &mut Ctx<'_>,
    spec: &KindSpec,
    c: &Component,
    s: &Arc<str>,
    hour_key: &str,
    lcu_key: &str,
    lcu_prop: &str,
    lcu_name: &'static str,
) {
    let count = ctx.num(spec, c, "count");
    let hours = ctx.hours();
    ctx.charge(Some(c), None, s, Charge::new(format!("{count} load balancer(s)"), count * hours, "hours", hour_key));
    let unit = if lcu_name == "LCU" { "LCU-hours" } else { "NLCU-hours" };
    let ch = match ctx.usage(spec, c, lcu_prop) {
        Some(l) => Charge::new(format!("{lcu_name}s ({l} average)"), l * hours, unit, lcu_key),
        None => {
            // The largest of the four dimensions (rule evaluations: the first 10 rules are free).
            let rps = ctx.flow.rate(&c.id);
            let per_conn = ctx.book.assumption("requests_per_connection", 10.0);
            let conn_s = ctx.book.assumption("connection_seconds", 30.0);
            let kb = ctx.book.assumption("avg_response_kb", 50.0);
            let new_conns = rps / per_conn.max(1.0);
            let active = new_conns * conn_s;
            let gb_per_hour = rps * 3600.0 * kb / 1e6;
            let lcu = (new_conns / 25.0).max(active / 3000.0).max(gb_per_hour).max(0.0);
            let name = if lcu_name == "LCU" { "LCUs (largest dimension)" } else { "NLCUs (largest dimension)" };
            Charge::new(name, lcu * hours, unit, lcu_key).derived(ctx.lcu_text.clone())
        }
    };
    ctx.charge(Some(c), None, s, ch);
}

fn rds(ctx: &mut Ctx<'_>, spec: &KindSpec, c: &Component, s: &Arc<str>) {
    let t = ctx.choice(spec, c, "instance_type");
    let key = format!("rds.{t}");
    let multi = ctx.flag(spec, c, "multi_az");
    let copies = if multi { 2.0 } else { 1.0 };
    let hours = ctx.hours();
    let az = if multi { "Multi-AZ (primary + standby)" } else { "Single-AZ" };
    ctx.charge(Some(c), None, s, Charge::new(format!("{t} {az}"), copies * hours, "instance-hours", &key));
    let gb = ctx.num(spec, c, "storage_gb");
    ctx.charge(
        Some(c),
        None,
        s,
        Charge::new(
            format!("Storage, {gb} GB{}", if multi { " × 2" } else { "" }),
            copies * gb,
            "GB-months",
            "rds.storage",
        ),
    );
    if t == "db.t3.micro" && !multi {
        let free = ctx.take_free(FreeKind::RdsMicroHours, hours);
        ctx.credit(c, s, "Free tier: 750 h of db.t3.micro", free, "instance-hours", &key);
        let free_gb = ctx.take_free(FreeKind::RdsStorageGb, gb);
        ctx.credit(c, s, "Free tier: 20 GB of storage", free_gb, "GB-months", "rds.storage");
    }
    let replicas = ctx.num(spec, c, "replicas");
    if replicas > 0.0 {
        ctx.charge(
            Some(c),
            None,
            s,
            Charge::new(format!("{replicas} read replica(s), {t}"), replicas * hours, "instance-hours", &key),
        );
        ctx.charge(Some(c), None, s, Charge::new("Read replica storage", replicas * gb, "GB-months", "rds.storage"));
    }
    if ctx.flag(spec, c, "cross_region_replica") {
        ctx.charge(Some(c), None, s, Charge::new(format!("Cross-Region replica, {t}"), hours, "instance-hours", &key));
        ctx.charge(Some(c), None, s, Charge::new("Cross-Region replica storage", gb, "GB-months", "rds.storage"));
        ctx.not_counted(Some(c), "replication traffic to the other Region");
    }
    if ctx.num(spec, c, "backup_retention_days") > 0.0 {
        ctx.not_counted(Some(c), "backup storage beyond the database's size (that much is included)");
    }
}

fn aurora(ctx: &mut Ctx<'_>, spec: &KindSpec, c: &Component, s: &Arc<str>) {
    let t = ctx.choice(spec, c, "instance_type");
    let key = format!("aurora.{t}");
    let readers = ctx.num(spec, c, "replicas");
    let hours = ctx.hours();
    ctx.charge(
        Some(c),
        None,
        s,
        Charge::new(format!("{t}, writer + {readers} reader(s)"), (1.0 + readers) * hours, "instance-hours", &key),
    );
    aurora_storage(ctx, spec, c, s);
    if ctx.flag(spec, c, "global_database") {
        ctx.charge(
            Some(c),
            None,
            s,
            Charge::new(format!("Global Database: {t} in the secondary Region"), hours, "instance-hours", &key),
        );
        let gb = ctx.num(spec, c, "storage_gb");
        ctx.charge(
            Some(c),
            None,
            s,
            Charge::new("Global Database: storage in the secondary Region", gb, "GB-months", "aurora.storage"),
        );
        ctx.not_counted(Some(c), "replicated write I/O to the secondary Region");
    }
}

fn aurora_storage(ctx: &mut Ctx<'_>, spec: &KindSpec, c: &Component, s: &Arc<str>) {
    let gb = ctx.num(spec, c, "storage_gb");
    ctx.charge(Some(c), None, s, Charge::new("Storage", gb, "GB-months", "aurora.storage"));
    let io = match ctx.usage(spec, c, "io_millions_per_month") {
        Some(m) => Charge::new("I/O requests", m, "1M I/O", "aurora.io"),
        None => {
            let (per, text) = ctx.assumption("aurora_io_per_request", 2.0);
            Charge::new("I/O requests", ctx.flow.monthly(&c.id) * per / 1e6, "1M I/O", "aurora.io")
                .derived(format!("requests reaching it; {text}"))
        }
    };
    ctx.charge(Some(c), None, s, io);
    if ctx.num(spec, c, "backup_retention_days") > 0.0 {
        ctx.not_counted(Some(c), "backup storage beyond the cluster's size");
    }
}
