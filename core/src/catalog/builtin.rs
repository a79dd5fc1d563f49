//! Written by `CLOUDWRIGHT_WRITE_BUILTINS=1 cargo test -p cloudwright-core builtin` from
//! `data/catalog.json`; edit that file, not this one.

use super::{Category, Fixed, FixedKind, FixedProperty as P, FixedType as T, FixedValue as V};

pub(super) static CATALOG: Fixed = Fixed {
    version: 1,
    as_of: "2026-11-21",
    source: "AWS service documentation and product pages; instance types limited to those the price book (pricing.md, 2026-11-21) has figures for.",
    categories: &[
        (Category::Edge, "Edge", "#8C4FFF"),
        (Category::Network, "Network", "#6B3FD4"),
        (Category::Compute, "Compute", "#ED7100"),
        (Category::Containers, "Containers", "#D45B07"),
        (Category::Serverless, "Serverless", "#E08A00"),
        (Category::Data, "Databases", "#C925D1"),
        (Category::Cache, "Cache", "#A41BB0"),
        (Category::Messaging, "Messaging", "#E7157B"),
        (Category::Storage, "Storage", "#7AA116"),
        (Category::Security, "Security", "#DD344C"),
        (Category::Observability, "Observability", "#B0084D"),
        (Category::Delivery, "Delivery", "#2E73B8"),
    ],
    kinds: &[
        FixedKind {
            kind: "users",
            name: "Users / clients",
            category: Category::Edge,
            icon: "users",
            aws_icon: Some("resource/Users.svg"),
            glyph: "USR",
            aliases: &["clients", "browser", "mobile", "customers"],
            description: "People or devices calling the system; where user-facing paths begin.",
            properties: &[],
        },
        FixedKind {
            kind: "external_saas",
            name: "External SaaS",
            category: Category::Edge,
            icon: "external",
            aws_icon: Some("resource/GenericApplication.svg"),
            glyph: "EXT",
            aliases: &["third party", "payment provider", "stripe", "webhook", "saas"],
            description: "A service outside AWS, e.g. a payment provider that sends webhooks.",
            properties: &[&P0, &P1],
        },
        FixedKind {
            kind: "route53",
            name: "Route 53",
            category: Category::Edge,
            icon: "route53",
            aws_icon: Some("architecture-service/AmazonRoute53.svg"),
            glyph: "R53",
            aliases: &["dns", "domain"],
            description: "Managed DNS: hosted zones and health-checked routing.",
            properties: &[&P2, &P3],
        },
        FixedKind {
            kind: "cloudfront",
            name: "CloudFront",
            category: Category::Edge,
            icon: "cloudfront",
            aws_icon: Some("architecture-service/AmazonCloudFront.svg"),
            glyph: "CF",
            aliases: &["cdn", "edge cache", "distribution"],
            description: "Content delivery network in front of S3 or a load balancer.",
            properties: &[&P4, &P5, &P6],
        },
        FixedKind {
            kind: "api_gateway",
            name: "API Gateway",
            category: Category::Edge,
            icon: "api_gateway",
            aws_icon: Some("architecture-service/AmazonAPIGateway.svg"),
            glyph: "APIG",
            aliases: &["api", "rest api", "http api", "gateway"],
            description: "Managed API front door for Lambda or HTTP back ends.",
            properties: &[&P7, &P5],
        },
        FixedKind {
            kind: "alb",
            name: "Application Load Balancer",
            category: Category::Network,
            icon: "alb",
            aws_icon: Some("resource/ElasticLoadBalancingApplicationLoadBalancer.svg"),
            glyph: "ALB",
            aliases: &["load balancer", "elb", "lb", "ingress"],
            description: "Layer-7 load balancer across targets in several AZs.",
            properties: &[&P8, &P9, &P10],
        },
        FixedKind {
            kind: "nlb",
            name: "Network Load Balancer",
            category: Category::Network,
            icon: "nlb",
            aws_icon: Some("resource/ElasticLoadBalancingNetworkLoadBalancer.svg"),
            glyph: "NLB",
            aliases: &["load balancer", "tcp", "layer 4"],
            description: "Layer-4 load balancer for TCP/UDP traffic.",
            properties: &[&P8, &P9, &P11],
        },
        FixedKind {
            kind: "nat_gateway",
            name: "NAT gateway",
            category: Category::Network,
            icon: "nat_gateway",
            aws_icon: Some("resource/AmazonVPCNATGateway.svg"),
            glyph: "NAT",
            aliases: &["nat", "egress", "outbound"],
            description: "Outbound internet access for private subnets; one per AZ for AZ independence.",
            properties: &[&P12, &P13],
        },
        FixedKind {
            kind: "vpc_endpoint",
            name: "VPC endpoint",
            category: Category::Network,
            icon: "vpc_endpoint",
            aws_icon: Some("resource/AmazonVPCEndpoints.svg"),
            glyph: "VPCE",
            aliases: &["privatelink", "endpoint", "private link"],
            description: "Private connection to an AWS service without the internet or NAT.",
            properties: &[&P14, &P9, &P13],
        },
        FixedKind {
            kind: "internet_gateway",
            name: "Internet gateway",
            category: Category::Network,
            icon: "internet_gateway",
            aws_icon: Some("resource/AmazonVPCInternetGateway.svg"),
            glyph: "IGW",
            aliases: &["igw", "internet"],
            description: "The VPC's route to and from the internet for public subnets.",
            properties: &[],
        },
        FixedKind {
            kind: "waf",
            name: "AWS WAF",
            category: Category::Security,
            icon: "waf",
            aws_icon: Some("architecture-service/AWSWAF.svg"),
            glyph: "WAF",
            aliases: &["firewall", "web acl", "owasp"],
            description: "Web application firewall attached to CloudFront, ALB or API Gateway.",
            properties: &[&P15, &P5],
        },
        FixedKind {
            kind: "shield",
            name: "AWS Shield",
            category: Category::Security,
            icon: "shield",
            aws_icon: Some("architecture-service/AWSShield.svg"),
            glyph: "SHLD",
            aliases: &["ddos", "shield advanced"],
            description: "DDoS protection; Standard is included, Advanced is a subscription.",
            properties: &[&P16],
        },
        FixedKind {
            kind: "secrets_manager",
            name: "Secrets Manager",
            category: Category::Security,
            icon: "secrets_manager",
            aws_icon: Some("architecture-service/AWSSecretsManager.svg"),
            glyph: "SEC",
            aliases: &["secrets", "credentials", "vault"],
            description: "Stores and rotates database passwords and API keys.",
            properties: &[&P17, &P18],
        },
        FixedKind {
            kind: "kms",
            name: "KMS",
            category: Category::Security,
            icon: "kms",
            aws_icon: Some("architecture-service/AWSKeyManagementService.svg"),
            glyph: "KMS",
            aliases: &["encryption", "keys", "cmk"],
            description: "Customer-managed encryption keys.",
            properties: &[&P19, &P5],
        },
        FixedKind {
            kind: "cognito",
            name: "Cognito",
            category: Category::Security,
            icon: "cognito",
            aws_icon: Some("architecture-service/AmazonCognito.svg"),
            glyph: "COG",
            aliases: &["auth", "login", "identity", "user pool", "sso"],
            description: "User sign-up, sign-in and tokens.",
            properties: &[&P20],
        },
        FixedKind {
            kind: "acm",
            name: "Certificate Manager",
            category: Category::Security,
            icon: "acm",
            aws_icon: Some("architecture-service/AWSCertificateManager.svg"),
            glyph: "ACM",
            aliases: &["tls", "ssl", "certificate", "https"],
            description: "Public TLS certificates for CloudFront and load balancers.",
            properties: &[],
        },
        FixedKind {
            kind: "ec2",
            name: "EC2 instance",
            category: Category::Compute,
            icon: "ec2",
            aws_icon: Some("architecture-service/AmazonEC2.svg"),
            glyph: "EC2",
            aliases: &["vm", "server", "instance", "virtual machine"],
            description: "Virtual machines of one instance type.",
            properties: &[&P21, &P22, &P23, &P24, &P25, &P26],
        },
        FixedKind {
            kind: "asg",
            name: "Auto Scaling group",
            category: Category::Compute,
            icon: "asg",
            aws_icon: Some("architecture-service/AmazonEC2AutoScaling.svg"),
            glyph: "ASG",
            aliases: &["autoscaling", "scaling group", "fleet"],
            description: "EC2 instances kept between a minimum and a maximum, replaced when unhealthy.",
            properties: &[&P27, &P28, &P29, &P30, &P9, &P24, &P31],
        },
        FixedKind {
            kind: "compose_host",
            name: "Docker Compose host",
            category: Category::Compute,
            icon: "ec2",
            aws_icon: Some("architecture-service/AmazonEC2.svg"),
            glyph: "DKR",
            aliases: &["docker", "compose", "single server", "vps", "monolith"],
            description: "One EC2 instance running the whole app with Docker Compose (web, API, database in a volume).",
            properties: &[&P21, &P24, &P32, &P33, &P34, &P35],
        },
        FixedKind {
            kind: "ecs_fargate",
            name: "ECS service on Fargate",
            category: Category::Containers,
            icon: "fargate",
            aws_icon: Some("architecture-service/AWSFargate.svg"),
            glyph: "ECS",
            aliases: &["fargate", "ecs", "containers", "docker service", "task"],
            description: "Containers run as Fargate tasks behind a load balancer, scaled between a minimum and a maximum.",
            properties: &[&P36, &P37, &P28, &P29, &P38, &P9, &P39, &P40],
        },
        FixedKind {
            kind: "eks_cluster",
            name: "EKS cluster",
            category: Category::Containers,
            icon: "eks",
            aws_icon: Some("architecture-service/AmazonElasticKubernetesService.svg"),
            glyph: "EKS",
            aliases: &["kubernetes", "k8s", "control plane"],
            description: "Managed Kubernetes control plane; nodes come from node groups or Fargate.",
            properties: &[&P41],
        },
        FixedKind {
            kind: "eks_node_group",
            name: "EKS node group",
            category: Category::Containers,
            icon: "eks_nodes",
            aws_icon: None,
            glyph: "NG",
            aliases: &["nodes", "k8s nodes", "karpenter", "worker nodes", "kubernetes"],
            description: "EC2 worker nodes for an EKS cluster.",
            properties: &[&P42, &P43, &P44, &P45, &P46, &P24, &P47],
        },
        FixedKind {
            kind: "k8s_workload",
            name: "Kubernetes workload",
            category: Category::Containers,
            icon: "k8s_pod",
            aws_icon: None,
            glyph: "POD",
            aliases: &["deployment", "pods", "k8s", "kubernetes", "microservice", "service"],
            description: "A Deployment's pods, scheduled on the cluster's nodes.",
            properties: &[&P48, &P49, &P50, &P51, &P52],
        },
        FixedKind {
            kind: "lambda",
            name: "Lambda function",
            category: Category::Serverless,
            icon: "lambda",
            aws_icon: Some("architecture-service/AWSLambda.svg"),
            glyph: "λ",
            aliases: &["function", "serverless", "faas"],
            description: "Code run per request or event; 15-minute limit per invocation.",
            properties: &[&P53, &P54, &P55, &P40, &P56],
        },
        FixedKind {
            kind: "step_functions",
            name: "Step Functions",
            category: Category::Serverless,
            icon: "step_functions",
            aws_icon: Some("architecture-service/AWSStepFunctions.svg"),
            glyph: "SFN",
            aliases: &["workflow", "state machine", "orchestration", "saga"],
            description: "Workflows of steps with retries and error handling.",
            properties: &[&P57, &P58],
        },
        FixedKind {
            kind: "sqs",
            name: "SQS queue",
            category: Category::Messaging,
            icon: "sqs",
            aws_icon: Some("architecture-service/AmazonSimpleQueueService.svg"),
            glyph: "SQS",
            aliases: &["queue", "message queue", "buffer", "dlq"],
            description: "Durable queue; messages are kept until a consumer deletes them (up to 14 days).",
            properties: &[&P59, &P60, &P61, &P5],
        },
        FixedKind {
            kind: "sns",
            name: "SNS topic",
            category: Category::Messaging,
            icon: "sns",
            aws_icon: Some("architecture-service/AmazonSimpleNotificationService.svg"),
            glyph: "SNS",
            aliases: &["pub sub", "notification", "fan out", "topic", "email"],
            description: "Publish/subscribe fan-out to queues, functions, email or SMS.",
            properties: &[&P62],
        },
        FixedKind {
            kind: "eventbridge",
            name: "EventBridge",
            category: Category::Messaging,
            icon: "eventbridge",
            aws_icon: Some("architecture-service/AmazonEventBridge.svg"),
            glyph: "EVB",
            aliases: &["event bus", "events", "scheduler", "cron"],
            description: "Event bus with rules routing events to targets.",
            properties: &[&P63],
        },
        FixedKind {
            kind: "msk",
            name: "MSK (Kafka)",
            category: Category::Messaging,
            icon: "msk",
            aws_icon: Some("architecture-service/AmazonManagedStreamingforApacheKafka.svg"),
            glyph: "MSK",
            aliases: &["kafka", "streaming", "event stream"],
            description: "Managed Apache Kafka brokers spread over AZs.",
            properties: &[&P64, &P65, &P66],
        },
        FixedKind {
            kind: "rds_postgres",
            name: "RDS PostgreSQL",
            category: Category::Data,
            icon: "rds",
            aws_icon: Some("architecture-service/AmazonRDS.svg"),
            glyph: "RDS",
            aliases: &["postgres", "postgresql", "sql", "relational", "database", "db"],
            description: "Managed PostgreSQL instance, optionally with a synchronous Multi-AZ standby.",
            properties: &[&P67, &P68, &P69, &P70, &P71, &P72, &P73],
        },
        FixedKind {
            kind: "aurora_postgres",
            name: "Aurora PostgreSQL",
            category: Category::Data,
            icon: "aurora",
            aws_icon: Some("architecture-service/AmazonAurora.svg"),
            glyph: "AUR",
            aliases: &["aurora", "postgres", "postgresql", "sql", "relational", "database", "global database"],
            description: "Aurora cluster: a writer and readers over storage kept in six copies across three AZs.",
            properties: &[&P74, &P75, &P70, &P76, &P71, &P77],
        },
        FixedKind {
            kind: "aurora_serverless_v2",
            name: "Aurora Serverless v2",
            category: Category::Data,
            icon: "aurora",
            aws_icon: Some("architecture-service/AmazonAurora.svg"),
            glyph: "AUR",
            aliases: &["aurora", "serverless database", "postgres", "sql", "database"],
            description: "Aurora capacity that scales in ACUs between a minimum and a maximum.",
            properties: &[&P78, &P79, &P80, &P75, &P70, &P71],
        },
        FixedKind {
            kind: "dynamodb",
            name: "DynamoDB table",
            category: Category::Data,
            icon: "dynamodb",
            aws_icon: Some("architecture-service/AmazonDynamoDB.svg"),
            glyph: "DDB",
            aliases: &["nosql", "key value", "dynamo", "table", "global tables"],
            description: "Serverless key-value table replicated across three AZs.",
            properties: &[&P81, &P82, &P83, &P84, &P85, &P86],
        },
        FixedKind {
            kind: "opensearch",
            name: "OpenSearch",
            category: Category::Data,
            icon: "opensearch",
            aws_icon: Some("architecture-service/AmazonOpenSearchService.svg"),
            glyph: "OS",
            aliases: &["elasticsearch", "search", "full text", "logs"],
            description: "Search and analytics domain.",
            properties: &[&P87, &P88, &P89, &P68],
        },
        FixedKind {
            kind: "rds_proxy",
            name: "RDS Proxy / PgBouncer",
            category: Category::Data,
            icon: "rds_proxy",
            aws_icon: Some("resource/AmazonRDSProxyInstance.svg"),
            glyph: "PRX",
            aliases: &["connection pool", "pgbouncer", "proxy", "pooler"],
            description: "Connection pooling in front of a relational database.",
            properties: &[&P90],
        },
        FixedKind {
            kind: "self_managed_postgres",
            name: "Database on EC2",
            category: Category::Data,
            icon: "ec2_db",
            aws_icon: Some("resource/AmazonEC2DBInstance.svg"),
            glyph: "DB",
            aliases: &["self-managed", "postgres on ec2", "mysql", "database", "db"],
            description: "A database you run yourself on an EC2 instance: you own patching, replication and backups.",
            properties: &[&P27, &P91, &P33, &P92],
        },
        FixedKind {
            kind: "elasticache_redis",
            name: "ElastiCache Redis",
            category: Category::Cache,
            icon: "elasticache",
            aws_icon: Some("architecture-service/AmazonElastiCache.svg"),
            glyph: "RED",
            aliases: &["redis", "cache", "valkey", "sessions", "memcached"],
            description: "In-memory cache; with replicas in other AZs it fails over automatically.",
            properties: &[&P93, &P94, &P68],
        },
        FixedKind {
            kind: "s3",
            name: "S3 bucket",
            category: Category::Storage,
            icon: "s3",
            aws_icon: Some("architecture-service/AmazonSimpleStorageService.svg"),
            glyph: "S3",
            aliases: &["bucket", "object storage", "files", "static site", "blob"],
            description: "Object storage, durable across AZs.",
            properties: &[&P91, &P95, &P96, &P73, &P97, &P98, &P99],
        },
        FixedKind {
            kind: "efs",
            name: "EFS file system",
            category: Category::Storage,
            icon: "efs",
            aws_icon: Some("architecture-service/AmazonEFS.svg"),
            glyph: "EFS",
            aliases: &["nfs", "shared files", "file system"],
            description: "Shared NFS file system across AZs.",
            properties: &[&P91],
        },
        FixedKind {
            kind: "ebs",
            name: "EBS volume",
            category: Category::Storage,
            icon: "ebs",
            aws_icon: Some("architecture-service/AmazonElasticBlockStore.svg"),
            glyph: "EBS",
            aliases: &["disk", "volume", "block storage"],
            description: "Block storage attached to one instance in one AZ.",
            properties: &[&P100, &P101, &P102, &P103],
        },
        FixedKind {
            kind: "cloudwatch",
            name: "CloudWatch",
            category: Category::Observability,
            icon: "cloudwatch",
            aws_icon: Some("architecture-service/AmazonCloudWatch.svg"),
            glyph: "CW",
            aliases: &["logs", "metrics", "alarms", "monitoring", "dashboards"],
            description: "Logs, metrics and alarms.",
            properties: &[&P104, &P105, &P106],
        },
        FixedKind {
            kind: "xray",
            name: "X-Ray",
            category: Category::Observability,
            icon: "xray",
            aws_icon: Some("architecture-service/AWSXRay.svg"),
            glyph: "XR",
            aliases: &["tracing", "traces", "apm", "opentelemetry"],
            description: "Distributed tracing.",
            properties: &[&P107],
        },
        FixedKind {
            kind: "prometheus",
            name: "Prometheus + Grafana",
            category: Category::Observability,
            icon: "prometheus",
            aws_icon: Some("architecture-service/AmazonManagedServiceforPrometheus.svg"),
            glyph: "PRM",
            aliases: &["metrics", "grafana", "alertmanager", "kube-prometheus"],
            description: "Self-hosted metrics and dashboards running on the cluster's own nodes.",
            properties: &[],
        },
        FixedKind {
            kind: "ecr",
            name: "ECR registry",
            category: Category::Delivery,
            icon: "ecr",
            aws_icon: Some("architecture-service/AmazonElasticContainerRegistry.svg"),
            glyph: "ECR",
            aliases: &["container registry", "images", "docker registry"],
            description: "Private container image registry with image scanning.",
            properties: &[&P82],
        },
        FixedKind {
            kind: "ci_pipeline",
            name: "CI/CD pipeline",
            category: Category::Delivery,
            icon: "pipeline",
            aws_icon: Some("architecture-service/AWSCodePipeline.svg"),
            glyph: "CI",
            aliases: &["github actions", "codepipeline", "deploy", "build", "cicd", "gitops"],
            description: "Builds, tests and deploys on every change (e.g. GitHub Actions with OIDC).",
            properties: &[],
        },
    ],
};

static P0: P = P {
    key: "sends_webhooks",
    label: "Sends webhooks",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P1: P = P {
    key: "sla_percent",
    label: "Provider SLA",
    ty: T::Float(90.0, 100.0),
    default: Some(V::Float(99.9)),
    unit: Some("%"),
    help: None,
};

static P2: P = P {
    key: "hosted_zones",
    label: "Hosted zones",
    ty: T::Int(1, 500),
    default: Some(V::Int(1)),
    unit: Some("zones"),
    help: None,
};

static P3: P = P {
    key: "queries_per_month",
    label: "DNS queries",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("queries/month"),
    help: Some("Leave empty to derive it from the workload and links."),
};

static P4: P = P {
    key: "gb_per_month",
    label: "Data transferred",
    ty: T::Float(0.0, 1000000000.0),
    default: None,
    unit: Some("GB/month"),
    help: Some("Leave empty to derive it from the workload and links."),
};

static P5: P = P {
    key: "requests_per_month",
    label: "Requests",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("requests/month"),
    help: Some("Leave empty to derive it from the workload and links."),
};

static P6: P = P {
    key: "cache_hit_ratio",
    label: "Cache hit ratio",
    ty: T::Float(0.0, 1.0),
    default: Some(V::Float(0.8)),
    unit: None,
    help: None,
};

static P7: P = P {
    key: "api_type",
    label: "API type",
    ty: T::Choice(&["http", "rest", "websocket"]),
    default: Some(V::Text("http")),
    unit: None,
    help: None,
};

static P8: P = P {
    key: "count",
    label: "Load balancers",
    ty: T::Int(1, 1000),
    default: Some(V::Int(1)),
    unit: Some("load balancers"),
    help: None,
};

static P9: P = P {
    key: "azs",
    label: "Spread across AZs",
    ty: T::Int(1, 6),
    default: Some(V::Int(2)),
    unit: Some("AZs"),
    help: Some("How many Availability Zones the copies are spread over, when not drawn inside AZ frames."),
};

static P10: P = P {
    key: "lcu",
    label: "Average LCUs",
    ty: T::Float(0.0, 100000.0),
    default: None,
    unit: Some("LCU"),
    help: Some("Leave empty to derive it from the workload."),
};

static P11: P = P {
    key: "nlcu",
    label: "Average NLCUs",
    ty: T::Float(0.0, 100000.0),
    default: None,
    unit: Some("NLCU"),
    help: None,
};

static P12: P = P {
    key: "count",
    label: "Gateways",
    ty: T::Int(1, 1000),
    default: Some(V::Int(1)),
    unit: Some("gateways"),
    help: None,
};

static P13: P = P {
    key: "gb_per_month",
    label: "Data processed",
    ty: T::Float(0.0, 1000000000.0),
    default: None,
    unit: Some("GB/month"),
    help: Some("Leave empty to derive it from the workload and links."),
};

static P14: P = P {
    key: "endpoint_type",
    label: "Endpoint type",
    ty: T::Choice(&["interface", "gateway"]),
    default: Some(V::Text("interface")),
    unit: None,
    help: None,
};

static P15: P = P {
    key: "rules",
    label: "Rules",
    ty: T::Int(0, 1500),
    default: Some(V::Int(5)),
    unit: Some("rules"),
    help: None,
};

static P16: P = P {
    key: "advanced",
    label: "Shield Advanced",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P17: P = P {
    key: "secrets",
    label: "Secrets",
    ty: T::Int(0, 100000),
    default: Some(V::Int(5)),
    unit: Some("secrets"),
    help: None,
};

static P18: P = P {
    key: "api_calls_per_month",
    label: "API calls",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("calls/month"),
    help: Some("Leave empty to derive it from the workload and links."),
};

static P19: P = P {
    key: "keys",
    label: "Customer-managed keys",
    ty: T::Int(0, 10000),
    default: Some(V::Int(1)),
    unit: Some("keys"),
    help: None,
};

static P20: P = P {
    key: "monthly_active_users",
    label: "Monthly active users",
    ty: T::Int(0, 100000000),
    default: None,
    unit: Some("MAU"),
    help: Some("Leave empty to use the workload's users."),
};

static P21: P = P {
    key: "instance_type",
    label: "Instance type",
    ty: T::Choice(&["t3.micro", "t3.small", "t3.medium", "m6i.large", "m6i.2xlarge", "r6i.2xlarge", "c6i.4xlarge"]),
    default: Some(V::Text("t3.micro")),
    unit: None,
    help: None,
};

static P22: P = P {
    key: "count",
    label: "Instances",
    ty: T::Int(1, 1000),
    default: Some(V::Int(1)),
    unit: Some("instances"),
    help: None,
};

static P23: P = P {
    key: "azs",
    label: "Spread across AZs",
    ty: T::Int(1, 6),
    default: Some(V::Int(1)),
    unit: Some("AZs"),
    help: Some("How many Availability Zones the copies are spread over, when not drawn inside AZ frames."),
};

static P24: P = P {
    key: "purchase_option",
    label: "Purchase option",
    ty: T::Choice(&["on_demand", "spot", "savings_plan_1y", "savings_plan_3y", "reserved_1y", "reserved_3y"]),
    default: Some(V::Text("on_demand")),
    unit: None,
    help: None,
};

static P25: P = P {
    key: "storage_gb",
    label: "EBS root volume",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(8.0)),
    unit: Some("GB"),
    help: None,
};

static P26: P = P {
    key: "public_ipv4",
    label: "Public IPv4 address",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P27: P = P {
    key: "instance_type",
    label: "Instance type",
    ty: T::Choice(&["t3.micro", "t3.small", "t3.medium", "m6i.large", "m6i.2xlarge", "r6i.2xlarge", "c6i.4xlarge"]),
    default: Some(V::Text("t3.medium")),
    unit: None,
    help: None,
};

static P28: P = P {
    key: "min_count",
    label: "Minimum",
    ty: T::Int(0, 1000),
    default: Some(V::Int(2)),
    unit: Some("instances"),
    help: None,
};

static P29: P = P {
    key: "max_count",
    label: "Maximum",
    ty: T::Int(1, 1000),
    default: Some(V::Int(6)),
    unit: Some("instances"),
    help: None,
};

static P30: P = P {
    key: "desired_count",
    label: "Desired (baseline)",
    ty: T::Int(0, 1000),
    default: Some(V::Int(2)),
    unit: Some("instances"),
    help: None,
};

static P31: P = P {
    key: "storage_gb",
    label: "EBS volume per instance",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(8.0)),
    unit: Some("GB"),
    help: None,
};

static P32: P = P {
    key: "storage_gb",
    label: "EBS volume",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(30.0)),
    unit: Some("GB"),
    help: None,
};

static P33: P = P {
    key: "backup_interval_hours",
    label: "Backup every",
    ty: T::Int(0, 720),
    default: Some(V::Int(0)),
    unit: Some("hours"),
    help: Some("0 means no backups are taken."),
};

static P34: P = P {
    key: "runs_database",
    label: "Runs the database",
    ty: T::Bool,
    default: Some(V::Bool(true)),
    unit: None,
    help: None,
};

static P35: P = P {
    key: "public_ipv4",
    label: "Public IPv4 address",
    ty: T::Bool,
    default: Some(V::Bool(true)),
    unit: None,
    help: None,
};

static P36: P = P {
    key: "vcpu",
    label: "vCPU per task",
    ty: T::Float(0.25, 16.0),
    default: Some(V::Float(0.5)),
    unit: Some("vCPU"),
    help: None,
};

static P37: P = P {
    key: "memory_gb",
    label: "Memory per task",
    ty: T::Float(0.5, 120.0),
    default: Some(V::Float(1.0)),
    unit: Some("GB"),
    help: None,
};

static P38: P = P {
    key: "desired_count",
    label: "Desired tasks",
    ty: T::Int(0, 1000),
    default: Some(V::Int(2)),
    unit: Some("tasks"),
    help: None,
};

static P39: P = P {
    key: "purchase_option",
    label: "Purchase option",
    ty: T::Choice(&["on_demand", "spot", "savings_plan_1y", "savings_plan_3y"]),
    default: Some(V::Text("on_demand")),
    unit: None,
    help: None,
};

static P40: P = P {
    key: "architecture",
    label: "Architecture",
    ty: T::Choice(&["x86_64", "arm64"]),
    default: Some(V::Text("x86_64")),
    unit: None,
    help: None,
};

static P41: P = P {
    key: "extended_support",
    label: "Extended support version",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P42: P = P {
    key: "instance_type",
    label: "Instance type",
    ty: T::Choice(&["t3.micro", "t3.small", "t3.medium", "m6i.large", "m6i.2xlarge", "r6i.2xlarge", "c6i.4xlarge"]),
    default: Some(V::Text("m6i.large")),
    unit: None,
    help: None,
};

static P43: P = P {
    key: "min_count",
    label: "Minimum",
    ty: T::Int(0, 1000),
    default: Some(V::Int(2)),
    unit: Some("nodes"),
    help: None,
};

static P44: P = P {
    key: "max_count",
    label: "Maximum",
    ty: T::Int(1, 1000),
    default: Some(V::Int(6)),
    unit: Some("nodes"),
    help: None,
};

static P45: P = P {
    key: "desired_count",
    label: "Desired nodes",
    ty: T::Int(0, 1000),
    default: Some(V::Int(3)),
    unit: Some("nodes"),
    help: None,
};

static P46: P = P {
    key: "azs",
    label: "Spread across AZs",
    ty: T::Int(1, 6),
    default: Some(V::Int(3)),
    unit: Some("AZs"),
    help: Some("How many Availability Zones the copies are spread over, when not drawn inside AZ frames."),
};

static P47: P = P {
    key: "storage_gb",
    label: "EBS volume per node",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(20.0)),
    unit: Some("GB"),
    help: None,
};

static P48: P = P {
    key: "desired_count",
    label: "Replicas",
    ty: T::Int(0, 1000),
    default: Some(V::Int(2)),
    unit: Some("pods"),
    help: None,
};

static P49: P = P {
    key: "min_count",
    label: "Minimum",
    ty: T::Int(0, 1000),
    default: Some(V::Int(2)),
    unit: Some("pods"),
    help: None,
};

static P50: P = P {
    key: "max_count",
    label: "Maximum",
    ty: T::Int(1, 1000),
    default: Some(V::Int(6)),
    unit: Some("pods"),
    help: None,
};

static P51: P = P {
    key: "vcpu",
    label: "CPU request per pod",
    ty: T::Float(0.25, 16.0),
    default: Some(V::Float(0.5)),
    unit: Some("vCPU"),
    help: None,
};

static P52: P = P {
    key: "memory_gb",
    label: "Memory request per pod",
    ty: T::Float(0.5, 120.0),
    default: Some(V::Float(1.0)),
    unit: Some("GB"),
    help: None,
};

static P53: P = P {
    key: "memory_mb",
    label: "Memory",
    ty: T::Int(128, 10240),
    default: Some(V::Int(512)),
    unit: Some("MB"),
    help: None,
};

static P54: P = P {
    key: "avg_duration_ms",
    label: "Average duration",
    ty: T::Float(1.0, 900000.0),
    default: Some(V::Float(200.0)),
    unit: Some("ms"),
    help: None,
};

static P55: P = P {
    key: "timeout_s",
    label: "Timeout",
    ty: T::Int(1, 900),
    default: Some(V::Int(30)),
    unit: Some("s"),
    help: None,
};

static P56: P = P {
    key: "requests_per_month",
    label: "Invocations",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("invocations/month"),
    help: Some("Leave empty to derive it from the workload and links."),
};

static P57: P = P {
    key: "transitions_per_execution",
    label: "State transitions per run",
    ty: T::Int(1, 25000),
    default: Some(V::Int(10)),
    unit: None,
    help: None,
};

static P58: P = P {
    key: "executions_per_month",
    label: "Executions",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("executions/month"),
    help: Some("Leave empty to derive it from the workload and links."),
};

static P59: P = P {
    key: "queue_type",
    label: "Queue type",
    ty: T::Choice(&["standard", "fifo"]),
    default: Some(V::Text("standard")),
    unit: None,
    help: None,
};

static P60: P = P {
    key: "dead_letter_queue",
    label: "Dead-letter queue",
    ty: T::Bool,
    default: Some(V::Bool(true)),
    unit: None,
    help: None,
};

static P61: P = P {
    key: "message_kb",
    label: "Average message size",
    ty: T::Float(0.001, 1024.0),
    default: Some(V::Float(4.0)),
    unit: Some("KB"),
    help: None,
};

static P62: P = P {
    key: "publishes_per_month",
    label: "Publishes",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("publishes/month"),
    help: Some("Leave empty to derive it from the workload and links."),
};

static P63: P = P {
    key: "events_per_month",
    label: "Custom events",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("events/month"),
    help: Some("Leave empty to derive it from the workload and links."),
};

static P64: P = P {
    key: "instance_type",
    label: "Broker type",
    ty: T::Choice(&["kafka.m5.large", "kafka.m5.2xlarge"]),
    default: Some(V::Text("kafka.m5.large")),
    unit: None,
    help: None,
};

static P65: P = P {
    key: "count",
    label: "Brokers",
    ty: T::Int(1, 1000),
    default: Some(V::Int(3)),
    unit: Some("brokers"),
    help: None,
};

static P66: P = P {
    key: "storage_gb",
    label: "Storage per broker",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(100.0)),
    unit: Some("GB"),
    help: None,
};

static P67: P = P {
    key: "instance_type",
    label: "Instance class",
    ty: T::Choice(&["db.t3.micro", "db.t3.medium", "db.t3.large", "db.r6g.large"]),
    default: Some(V::Text("db.t3.medium")),
    unit: None,
    help: None,
};

static P68: P = P {
    key: "multi_az",
    label: "Multi-AZ",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P69: P = P {
    key: "replicas",
    label: "Read replicas",
    ty: T::Int(0, 15),
    default: Some(V::Int(0)),
    unit: Some("replicas"),
    help: None,
};

static P70: P = P {
    key: "storage_gb",
    label: "Storage",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(20.0)),
    unit: Some("GB"),
    help: None,
};

static P71: P = P {
    key: "backup_retention_days",
    label: "Backup retention",
    ty: T::Int(0, 35),
    default: Some(V::Int(7)),
    unit: Some("days"),
    help: None,
};

static P72: P = P {
    key: "pitr",
    label: "Point-in-time recovery",
    ty: T::Bool,
    default: Some(V::Bool(true)),
    unit: None,
    help: None,
};

static P73: P = P {
    key: "cross_region_replica",
    label: "Cross-Region replica",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P74: P = P {
    key: "instance_type",
    label: "Instance class",
    ty: T::Choice(&["db.t3.medium", "db.r6g.large", "db.r6g.2xlarge", "db.r6g.4xlarge"]),
    default: Some(V::Text("db.r6g.large")),
    unit: None,
    help: None,
};

static P75: P = P {
    key: "replicas",
    label: "Readers (failover targets)",
    ty: T::Int(0, 15),
    default: Some(V::Int(1)),
    unit: Some("replicas"),
    help: None,
};

static P76: P = P {
    key: "io_millions_per_month",
    label: "I/O requests",
    ty: T::Float(0.0, 1000000000.0),
    default: None,
    unit: Some("million/month"),
    help: Some("Leave empty to derive it from the workload."),
};

static P77: P = P {
    key: "global_database",
    label: "Global Database (second Region)",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P78: P = P {
    key: "min_acu",
    label: "Minimum capacity",
    ty: T::Float(0.0, 256.0),
    default: Some(V::Float(0.5)),
    unit: Some("ACU"),
    help: None,
};

static P79: P = P {
    key: "max_acu",
    label: "Maximum capacity",
    ty: T::Float(1.0, 256.0),
    default: Some(V::Float(8.0)),
    unit: Some("ACU"),
    help: None,
};

static P80: P = P {
    key: "avg_acu",
    label: "Average capacity",
    ty: T::Float(0.0, 256.0),
    default: Some(V::Float(2.0)),
    unit: Some("ACU"),
    help: None,
};

static P81: P = P {
    key: "capacity_mode",
    label: "Capacity mode",
    ty: T::Choice(&["on_demand", "provisioned"]),
    default: Some(V::Text("on_demand")),
    unit: None,
    help: None,
};

static P82: P = P {
    key: "storage_gb",
    label: "Storage",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(10.0)),
    unit: Some("GB"),
    help: None,
};

static P83: P = P {
    key: "pitr",
    label: "Point-in-time recovery",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P84: P = P {
    key: "global_table",
    label: "Global table (multi-Region)",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P85: P = P {
    key: "read_units_per_month",
    label: "Read request units",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("RRU/month"),
    help: Some("Leave empty to derive it from the workload."),
};

static P86: P = P {
    key: "write_units_per_month",
    label: "Write request units",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("WRU/month"),
    help: Some("Leave empty to derive it from the workload."),
};

static P87: P = P {
    key: "instance_type",
    label: "Instance type",
    ty: T::Choice(&["r6g.large.search"]),
    default: Some(V::Text("r6g.large.search")),
    unit: None,
    help: None,
};

static P88: P = P {
    key: "count",
    label: "Data nodes",
    ty: T::Int(1, 1000),
    default: Some(V::Int(2)),
    unit: Some("nodes"),
    help: None,
};

static P89: P = P {
    key: "storage_gb",
    label: "Storage per node",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(100.0)),
    unit: Some("GB"),
    help: None,
};

static P90: P = P {
    key: "mode",
    label: "Pooler",
    ty: T::Choice(&["rds_proxy", "pgbouncer"]),
    default: Some(V::Text("rds_proxy")),
    unit: None,
    help: None,
};

static P91: P = P {
    key: "storage_gb",
    label: "Storage",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(50.0)),
    unit: Some("GB"),
    help: None,
};

static P92: P = P {
    key: "replicas",
    label: "Streaming replicas",
    ty: T::Int(0, 15),
    default: Some(V::Int(0)),
    unit: Some("replicas"),
    help: None,
};

static P93: P = P {
    key: "instance_type",
    label: "Node type",
    ty: T::Choice(&["cache.t3.micro", "cache.r6g.large", "cache.r6g.xlarge"]),
    default: Some(V::Text("cache.t3.micro")),
    unit: None,
    help: None,
};

static P94: P = P {
    key: "count",
    label: "Nodes",
    ty: T::Int(1, 1000),
    default: Some(V::Int(1)),
    unit: Some("nodes"),
    help: None,
};

static P95: P = P {
    key: "storage_class",
    label: "Storage class",
    ty: T::Choice(&["standard", "intelligent_tiering", "glacier_flexible"]),
    default: Some(V::Text("standard")),
    unit: None,
    help: None,
};

static P96: P = P {
    key: "versioning",
    label: "Versioning",
    ty: T::Bool,
    default: Some(V::Bool(false)),
    unit: None,
    help: None,
};

static P97: P = P {
    key: "contents",
    label: "Holds",
    ty: T::Choice(&["data", "site"]),
    default: Some(V::Text("data")),
    unit: None,
    help: Some("site: a static site's files, rebuilt from CI — not a system of record."),
};

static P98: P = P {
    key: "put_requests_per_month",
    label: "PUT requests",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("requests/month"),
    help: Some("Leave empty to derive it from the workload."),
};

static P99: P = P {
    key: "get_requests_per_month",
    label: "GET requests",
    ty: T::Float(0.0, 10000000000000.0),
    default: None,
    unit: Some("requests/month"),
    help: Some("Leave empty to derive it from the workload."),
};

static P100: P = P {
    key: "storage_gb",
    label: "Storage",
    ty: T::Float(0.0, 1048576.0),
    default: Some(V::Float(100.0)),
    unit: Some("GB"),
    help: None,
};

static P101: P = P {
    key: "volume_type",
    label: "Volume type",
    ty: T::Choice(&["gp3", "gp2", "io1"]),
    default: Some(V::Text("gp3")),
    unit: None,
    help: None,
};

static P102: P = P {
    key: "iops",
    label: "Provisioned IOPS",
    ty: T::Int(0, 256000),
    default: Some(V::Int(3000)),
    unit: Some("IOPS"),
    help: None,
};

static P103: P = P {
    key: "snapshot_interval_hours",
    label: "Snapshot every",
    ty: T::Int(0, 720),
    default: Some(V::Int(0)),
    unit: Some("hours"),
    help: Some("0 means no snapshots."),
};

static P104: P = P {
    key: "log_gb_per_month",
    label: "Logs ingested",
    ty: T::Float(0.0, 10000000.0),
    default: Some(V::Float(5.0)),
    unit: Some("GB/month"),
    help: None,
};

static P105: P = P {
    key: "custom_metrics",
    label: "Custom metrics",
    ty: T::Int(0, 1000000),
    default: Some(V::Int(10)),
    unit: Some("metrics"),
    help: None,
};

static P106: P = P {
    key: "alarms",
    label: "Alarms",
    ty: T::Int(0, 1000000),
    default: Some(V::Int(10)),
    unit: Some("alarms"),
    help: None,
};

static P107: P = P {
    key: "traces_per_month",
    label: "Traces recorded",
    ty: T::Float(0.0, 1000000000000.0),
    default: None,
    unit: Some("traces/month"),
    help: Some("Leave empty to derive it from the workload (5 % sampling)."),
};
