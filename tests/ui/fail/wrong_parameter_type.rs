use swas::CreateInstances;

fn main() {
    let _request = CreateInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("e2c9c365024a44369c9b955a998a****")
        .plan_id("swas.s1.c1m1s40b3t05")
        .period("1")
        .build();
}
