#pragma once

#include "model/io/terraform/tfinput.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace faultline::terraform {

// The Terraform files Faultline reads, told apart by their content (never by extension).
enum class FileKind {
    NotTerraform,
    RawState, // `terraform state pull`, .tfstate: {"version": 4, "resources": [...]}
    ShowState, // `terraform show -json` of a state: {"format_version", "values"}
    ShowPlan, // `terraform show -json PLAN`: {"format_version", "planned_values", ...}
};

// Looks at the top-level keys only (cheap enough to ask of any JSON object).
FileKind detect(const QJsonObject &top);

// Reads a parsed Terraform file. Throws FormatError "SOURCE: ENTRY: what is wrong" for a state
// older than version 4 (saying to run `terraform state pull` with a newer Terraform), an unknown
// format version, a plan without `configuration`, a malformed address or a configuration
// reference to a resource the configuration does not declare.
Input read(const QJsonObject &top, FileKind kind, const QString &source);

// The pieces read() is made of (tfstatereader.cpp, tfshowreader.cpp, tfconfiguration.cpp).
void readRawState(const QJsonObject &top, Input &input);
void readShowJson(const QJsonObject &top, bool plan, Input &input);
// Adds the references of a plan's `configuration` to the instances it configures.
void addConfigurationReferences(const QJsonObject &configuration, Input &input);

// Shared by the readers: "SOURCE: ENTRY: message" as a FormatError.
[[noreturn]] void fail(const Input &input, const QString &entry, const QString &message);
// The provider's short name from `provider["registry.terraform.io/hashicorp/aws"]`,
// `provider.aws.west`, `registry.terraform.io/hashicorp/aws` or `aws`.
QString providerName(const QString &text);
// Parses an instance or resource address of the file; a malformed one fails naming `entry`.
struct Address;
Address parseOrFail(const Input &input, const QString &entry, const QString &text);

} // namespace faultline::terraform
