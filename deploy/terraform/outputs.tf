output "url" {
  description = "Where Cloudwright is served."
  value       = local.use_domain ? "https://${var.domain_name}/" : "https://${aws_cloudfront_distribution.site.domain_name}/"
}

output "bucket_name" {
  description = "Pass to deploy.sh --bucket (or CLOUDWRIGHT_BUCKET)."
  value       = aws_s3_bucket.site.bucket
}

output "distribution_id" {
  description = "Pass to deploy.sh --distribution (or CLOUDWRIGHT_DISTRIBUTION)."
  value       = aws_cloudfront_distribution.site.id
}

output "deploy_role_arn" {
  description = "Role for the GitHub Actions deploy job (empty without github_repository)."
  value       = local.github_enabled ? aws_iam_role.deploy[0].arn : ""
}
