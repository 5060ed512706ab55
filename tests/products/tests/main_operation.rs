//! Each RPC product's main operation (the one its example previews) on the wire, one module per
//! product crate: signed (RPC v1, checked by an independent verifier), with the spec's Action,
//! Version and every required parameter, and a request breaking one of the spec's rules never
//! leaving the client. One test binary for all of them (one link instead of sixteen).

#[path = "main_operation/alb.rs"]
mod alb;
#[path = "main_operation/alidns.rs"]
mod alidns;
#[path = "main_operation/cdn.rs"]
mod cdn;
#[path = "main_operation/cms.rs"]
mod cms;
#[path = "main_operation/cr.rs"]
mod cr;
#[path = "main_operation/dds.rs"]
mod dds;
#[path = "main_operation/dysmsapi.rs"]
mod dysmsapi;
#[path = "main_operation/ess.rs"]
mod ess;
#[path = "main_operation/kms.rs"]
mod kms;
#[path = "main_operation/nlb.rs"]
mod nlb;
#[path = "main_operation/polardb.rs"]
mod polardb;
#[path = "main_operation/r_kvstore.rs"]
mod r_kvstore;
#[path = "main_operation/ram.rs"]
mod ram;
#[path = "main_operation/rds.rs"]
mod rds;
#[path = "main_operation/resourcemanager.rs"]
mod resourcemanager;
#[path = "main_operation/slb.rs"]
mod slb;
