// The README's usage example, kept compiling.
#![deny(warnings)]

use swas::{CreateInstances, CreateInstancesError, Error, SignatureVersion};

#[allow(dead_code)]
async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let client = swas::client()
        .region("cn-hangzhou")
        .signature_version(SignatureVersion::V3)
        .build()?;

    let request = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("e2c9c365024a44369c9b955a998a****")
        .plan_id("swas.s1.c1m1s40b3t05")
        .period(1)
        .amount(2)
        .build();

    match client.send(&request).await {
        Ok(created) => println!("{:?}", created.instance_ids),
        Err(Error::InvalidRequest(errors)) => {
            for v in errors.violations() {
                eprintln!("{v}");
            }
        }
        Err(Error::Service {
            error: CreateInstancesError::NotEnoughStock(meta),
            ..
        }) => {
            eprintln!("sold out (request {:?})", meta.request_id);
        }
        Err(other) => return Err(other.into()),
    }
    let _dry_run = client.prepare(&request)?;
    Ok(())
}

fn main() {}
