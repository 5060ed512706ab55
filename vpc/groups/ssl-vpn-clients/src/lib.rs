//! Operations of group `SslVpnClients` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `ssl-vpn-clients`).
#![allow(deprecated)]

#[cfg(feature = "CreateSslVpnClientCert")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateSslVpnClientCert.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteSslVpnClientCert")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteSslVpnClientCert.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSslVpnClientCert")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeSslVpnClientCert.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSslVpnClientCerts")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeSslVpnClientCerts.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSslVpnClients")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeSslVpnClients.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySslVpnClientCert")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifySslVpnClientCert.json",
    runtime = ::acs_runtime
);
