variable "name" {
  description = "Prefix for every resource name."
  type        = string
  default     = "cloudwright"
}

variable "region" {
  description = "Region of the S3 bucket."
  type        = string
  default     = "us-east-1"
}

variable "bucket_name" {
  description = "Bucket name; empty picks <name>-site-<account id>."
  type        = string
  default     = ""
}

variable "domain_name" {
  description = "Optional custom domain (e.g. cloudwright.example.com); empty uses the cloudfront.net name."
  type        = string
  default     = ""
}

variable "hosted_zone_id" {
  description = "Route 53 hosted zone of domain_name (needed when domain_name is set)."
  type        = string
  default     = ""
}

variable "price_class" {
  description = "CloudFront price class: PriceClass_100 (North America, Europe), PriceClass_200 or PriceClass_All."
  type        = string
  default     = "PriceClass_100"
}

variable "github_repository" {
  description = "owner/name of the GitHub repository allowed to deploy with OIDC; empty creates no deploy role."
  type        = string
  default     = ""
}

variable "create_github_oidc_provider" {
  description = "Create the GitHub OIDC provider (once per account); false uses an existing one."
  type        = bool
  default     = false
}
