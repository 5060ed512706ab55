//! Success bodies deserialized into generated response types (the client's `serde_json::from_slice`
//! on 2xx): no input may panic, and what deserializes serializes again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(body: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<T>(body) {
        let again = serde_json::to_vec(&value).expect("a deserialized response serializes");
        serde_json::from_slice::<T>(&again).expect("a serialized response deserializes");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    match selector % 8 {
        0 => round_trip::<swas::CreateInstancesResponse>(body),
        1 => round_trip::<swas::list_instances::ListInstancesResponse>(body),
        2 => round_trip::<swas::list_plans::ListPlansResponse>(body),
        3 => round_trip::<swas::list_images::ListImagesResponse>(body),
        4 => round_trip::<swas::list_regions::ListRegionsResponse>(body),
        5 => round_trip::<swas::describe_monitor_data::DescribeMonitorDataResponse>(body),
        6 => round_trip::<swas::list_firewall_rules::ListFirewallRulesResponse>(body),
        _ => {
            round_trip::<swas::describe_database_instances::DescribeDatabaseInstancesResponse>(body)
        }
    }
});
