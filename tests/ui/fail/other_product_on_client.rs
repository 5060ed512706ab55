// An ECS request (generated from the shipped ECS spec, as the `ecs` crate does) sent with a SWAS
// client: it does not compile, and the message says the client is another product's.
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeRegions.json",
    product = crate::EcsApi
);

/// The ECS marker, as `ecs-shapes` defines it.
pub enum EcsApi {}

async fn send(swas: &swas::Client) {
    let _ = swas.send(&DescribeRegions::builder().build()).await;
}

fn main() {
    let _ = send;
}
