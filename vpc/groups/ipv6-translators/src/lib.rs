//! Operations of group `Ipv6Translators` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `ipv6-translators`).
#![allow(deprecated)]

#[cfg(feature = "AddIPv6TranslatorAclListEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AddIPv6TranslatorAclListEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateIPv6Translator")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateIPv6Translator.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateIPv6TranslatorAclList")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateIPv6TranslatorAclList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateIPv6TranslatorEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateIPv6TranslatorEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteIPv6Translator")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteIPv6Translator.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteIPv6TranslatorAclList")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteIPv6TranslatorAclList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteIPv6TranslatorEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteIPv6TranslatorEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeIPv6TranslatorAclListAttributes")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeIPv6TranslatorAclListAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeIPv6TranslatorAclLists")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeIPv6TranslatorAclLists.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeIPv6TranslatorEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeIPv6TranslatorEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeIPv6Translators")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeIPv6Translators.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyIPv6TranslatorAclAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyIPv6TranslatorAclAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyIPv6TranslatorAclListEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyIPv6TranslatorAclListEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyIPv6TranslatorAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyIPv6TranslatorAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyIPv6TranslatorBandwidth")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyIPv6TranslatorBandwidth.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyIPv6TranslatorEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyIPv6TranslatorEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RemoveIPv6TranslatorAclListEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/RemoveIPv6TranslatorAclListEntry.json",
    runtime = ::acs_runtime
);
