// host/param_binding.hpp — checks `--param` values against a plugin's ParamSpecs.
//
//   auto given = leda::host::parse_params({"tz=Europe/London", "conversations.group_by=skill"},
//                                         {"conversations", "surveys"});
//   leda::host::check_unprefixed(given, descriptions);          // `tz` must be someone's
//   leda::Params p = leda::host::bind_params(conversations_description, given);
//
// A `--param KPI.NAME=VALUE` applies to that KPI only; a `--param NAME=VALUE` applies to every
// KPI of the run that declares NAME (and is an error when none does). A prefixed value wins over
// an unprefixed one; a later value wins over an earlier one. Every error is a ParamArgError whose
// message names the plugin, the parameter and what it accepts.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "leda/plugin.hpp"

namespace leda::host {

/// A `--param` that cannot be used: a usage error.
class ParamArgError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// One `--param` as given.
struct ParamAssignment {
  std::string kpi;    ///< the KPI prefix; empty for a parameter meant for every KPI
  std::string name;   ///< the parameter name
  std::string value;  ///< the value as given
  std::string text;   ///< the whole argument, for messages
};

/// Splits each "KPI.NAME=VALUE" or "NAME=VALUE". The prefix is recognised as one of `kpis` (the
/// KPIs being run); a prefix naming no KPI of the run is a ParamArgError.
std::vector<ParamAssignment> parse_params(const std::vector<std::string>& args,
                                          const std::vector<std::string>& kpis);

/// Throws ParamArgError for an unprefixed assignment that no description declares.
void check_unprefixed(const std::vector<ParamAssignment>& given,
                      const std::vector<const Description*>& descriptions);

/// The checked, normalised value of `value` for `spec` ("YES" -> "true", " 30 " -> "30", a list
/// trimmed and deduplicated), or nullopt with `*why` saying what the parameter accepts.
std::optional<std::string> normalize_param(const ParamSpec& spec, std::string_view value,
                                           std::string* why);

/// What a parameter of this type accepts, for messages and `leda plugins` ("an integer",
/// "one of: a, b", ...).
std::string accepted_values(const ParamSpec& spec);

/// "string", "int", "number", "bool", "enum" or "list".
const char* param_type_name(ParamType type);

/// The parameters of `desc`: every declared one, with the user's value or the default.
/// Throws ParamArgError for an unknown parameter or a bad value meant for this plugin.
Params bind_params(const Description& desc, const std::vector<ParamAssignment>& given);

/// What is wrong with a plugin's parameter declarations (an empty or repeated name, an enum
/// without choices, a default its own spec rejects), or nullopt when nothing is.
std::optional<std::string> check_param_specs(const Description& desc);

}  // namespace leda::host
