use swas::CreateInstances;

fn main() {
    // PlanId and Period are never set.
    let _request = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("e2c9c365024a44369c9b955a998a****")
        .build();
}
