#!/usr/bin/env bash
# Regenerates every shipped product's specs and facade crate from the vendor metadata in
# specs/vendor-metadata/, the way the README's maintainer section describes for one product.
# One line per product below: metadata folder, facade crate (or - for none), default operations
# (used only when the facade crate does not exist yet), extra import options.
#
#   scripts/regenerate.sh               # write what changed
#   scripts/regenerate.sh --check-only  # write nothing; exit 1 when something would change
set -euo pipefail
cd "$(dirname "$0")/.."

products=(
  "swas-open-2020-06-01|swas|ListRegions,ListPlans,ListImages,CreateInstances,ListInstances|--overlay-dir specs/overlays"
  "ecs-2014-05-26|ecs|DescribeRegions,DescribeZones,DescribeImages,RunInstances,DescribeInstances|--overlay-dir specs/overlays/ecs-2014-05-26"
  "vpc-2016-04-28|vpc|DescribeRegions,DescribeVpcs,CreateVpc,DescribeVSwitches,CreateVSwitch|--overlay-dir specs/overlays/vpc-2016-04-28"
  "sts-2015-04-01|-||"
  "rds-2014-08-15|rds|DescribeRegions,DescribeDBInstances,CreateDBInstance,DescribeDBInstanceAttribute,CreateAccount|"
  "slb-2014-05-15|slb|DescribeRegions,CreateLoadBalancer,DescribeLoadBalancers,CreateLoadBalancerTCPListener,AddBackendServers|"
  "alb-2020-06-16|alb|CreateLoadBalancer,ListLoadBalancers,CreateListener,CreateServerGroup,AddServersToServerGroup|"
  "nlb-2022-04-30|nlb|CreateLoadBalancer,ListLoadBalancers,CreateListener,CreateServerGroup,AddServersToServerGroup|"
  "ram-2015-05-01|ram|CreateUser,ListUsers,CreateAccessKey,AttachPolicyToUser,ListPolicies|"
  "kms-2016-01-20|kms|CreateKey,ListKeys,Encrypt,Decrypt,GetSecretValue|"
  "alidns-2015-01-09|alidns|DescribeDomains,AddDomainRecord,DescribeDomainRecords,UpdateDomainRecord,DeleteDomainRecord|"
  "cdn-2018-05-10|cdn|AddCdnDomain,DescribeUserDomains,DescribeCdnDomainDetail,RefreshObjectCaches,PushObjectCache|"
  "cms-2019-01-01|cms|DescribeMetricList,DescribeMetricLast,DescribeMetricMetaList,PutResourceMetricRule,DescribeAlertHistoryList|"
  "dysmsapi-2017-05-25|dysmsapi|SendSms,SendBatchSms,QuerySendDetails,AddSmsTemplate,AddSmsSign|"
  "ess-2014-08-28|ess|CreateScalingGroup,DescribeScalingGroups,CreateScalingConfiguration,EnableScalingGroup,ExecuteScalingRule|"
  "r-kvstore-2015-01-01|r-kvstore|DescribeRegions,CreateInstance,DescribeInstances,DescribeInstanceAttribute,ModifyInstanceSpec|"
  "polardb-2017-08-01|polardb|DescribeRegions,CreateDBCluster,DescribeDBClusters,DescribeDBClusterAttribute,CreateAccount|"
  "cr-2018-12-01|cr|ListInstance,CreateNamespace,CreateRepository,ListRepository,GetAuthorizationToken|"
  "resourcemanager-2020-03-31|resourcemanager|CreateResourceGroup,ListResourceGroups,GetResourceGroup,ListResources,MoveResources|"
  "dds-2015-12-01|dds|DescribeRegions,CreateDBInstance,DescribeDBInstances,DescribeDBInstanceAttribute,CreateShardingDBInstance|"
  "cs-2015-12-15|cs|DescribeClusters,DescribeClustersV1,DescribeClusterDetail,CreateCluster,DeleteCluster|"
  "fc-2023-03-30|fc|ListFunctions,GetFunction,CreateFunction,InvokeFunction,DeleteFunction|"
)

cargo build -q -p acs-codegen --bin acs-codegen
codegen=target/debug/acs-codegen
status=0
for line in "${products[@]}"; do
  IFS='|' read -r folder facade defaults extra <<<"$line"
  args=(import "specs/vendor-metadata/$folder" --out "specs/$folder")
  if [ "$facade" != "-" ]; then
    args+=(--facade "$facade")
    [ -f "$facade/Cargo.toml" ] || args+=(--default-operations "$defaults")
  fi
  # shellcheck disable=SC2206
  [ -n "$extra" ] && args+=($extra)
  echo "== $folder"
  # The full report is long; its last line is the summary. Kept whole in target/regenerate/.
  mkdir -p target/regenerate
  if ! "$codegen" "${args[@]}" "$@" >"target/regenerate/$folder.log" 2>&1; then status=1; fi
  tail -n 1 "target/regenerate/$folder.log"
done
# The STS operations the runtime expands travel inside it (runtime/specs/): copies of the import's.
sts_copies=runtime/specs/sts-2015-04-01
for spec in "$sts_copies"/*.json; do
  source=specs/sts-2015-04-01/$(basename "$spec")
  if ! cmp -s "$source" "$spec"; then
    if [ "${1:-}" = "--check-only" ]; then
      echo "stale: $spec (differs from $source)"
      status=1
    else
      cp "$source" "$spec"
      echo "wrote: $spec"
    fi
  fi
done
exit $status
