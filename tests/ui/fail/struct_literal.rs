// The request is `#[non_exhaustive]`: it can only be made through the builder (or `from_wire`).
use swas::CreateInstances;

fn main() {
    let _request = CreateInstances {
        region_id: "cn-hangzhou".into(),
        image_id: "e2c9c365024a44369c9b955a998a****".into(),
        plan_id: "swas.s1.c1m1s40b3t05".into(),
        period: 1,
        auto_renew: None,
        auto_renew_period: None,
        data_disk_size: None,
        amount: None,
        charge_type: None,
        client_token: None,
    };
}
