// host/param_binding.cpp — see param_binding.hpp.
#include "host/param_binding.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "leda/joins.hpp"

namespace leda::host {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items)
    out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The spelling of `value` among `choices` (exact first, then case-insensitive), or nullopt.
std::optional<std::string> match_choice(const std::vector<std::string>& choices,
                                        std::string_view value) {
  for (const auto& c : choices)
    if (c == value) return c;
  for (const auto& c : choices)
    if (ascii_lower(c) == ascii_lower(value)) return c;
  return std::nullopt;
}

const ParamSpec* find_spec(const Description& desc, std::string_view name) {
  for (const auto& p : desc.params)
    if (p.name == name) return &p;
  return nullptr;
}

std::string param_names(const Description& desc) {
  std::vector<std::string> names;
  for (const auto& p : desc.params)
    names.push_back(p.name);
  return names.empty() ? "it takes none" : "its parameters: " + join(names);
}

}  // namespace

const char* param_type_name(ParamType type) {
  switch (type) {
    case ParamType::kString:
      return "string";
    case ParamType::kInt:
      return "int";
    case ParamType::kNumber:
      return "number";
    case ParamType::kBool:
      return "bool";
    case ParamType::kEnum:
      return "enum";
    case ParamType::kList:
      return "list";
  }
  return "?";
}

std::string accepted_values(const ParamSpec& spec) {
  switch (spec.type) {
    case ParamType::kString:
      return "any text";
    case ParamType::kInt:
      return "an integer";
    case ParamType::kNumber:
      return "a decimal number";
    case ParamType::kBool:
      return "true, false, yes, no, 1 or 0";
    case ParamType::kEnum:
      return "one of: " + join(spec.choices);
    case ParamType::kList:
      return "a comma-separated list of: " + join(spec.choices);
  }
  return "?";
}

std::optional<std::string> normalize_param(const ParamSpec& spec, std::string_view value,
                                           std::string* why) {
  const std::string_view v = trim(value);
  switch (spec.type) {
    case ParamType::kString:
      return std::string(value);
    case ParamType::kInt: {
      std::int64_t n = 0;
      std::string_view digits = v;
      if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (!digits.empty() && ec == std::errc() && end == digits.data() + digits.size())
        return std::to_string(n);
      break;
    }
    case ParamType::kNumber: {
      const std::string text(v);
      char* end = nullptr;
      const double d = text.empty() ? 0 : std::strtod(text.c_str(), &end);
      if (!text.empty() && end == text.c_str() + text.size() && std::isfinite(d)) return text;
      break;
    }
    case ParamType::kBool: {
      const std::string b = ascii_lower(v);
      if (b == "true" || b == "yes" || b == "1") return std::string("true");
      if (b == "false" || b == "no" || b == "0") return std::string("false");
      break;
    }
    case ParamType::kEnum:
      if (auto c = match_choice(spec.choices, v)) return c;
      break;
    case ParamType::kList: {
      std::vector<std::string> items;
      std::size_t start = 0;
      const std::string text(v);
      while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view item = trim(std::string_view(text).substr(start, end - start));
        start = end + 1;
        if (item.empty()) continue;
        auto c = match_choice(spec.choices, item);
        if (!c) {
          if (why)
            *why = "takes " + accepted_values(spec) + "; '" + std::string(item) +
                   "' is not one of them";
          return std::nullopt;
        }
        if (std::find(items.begin(), items.end(), *c) == items.end()) items.push_back(*c);
      }
      std::string out;
      for (const auto& i : items)
        out += (out.empty() ? "" : ",") + i;
      return out;
    }
  }
  if (why) *why = "takes " + accepted_values(spec) + ", not '" + std::string(value) + "'";
  return std::nullopt;
}

std::vector<ParamAssignment> parse_params(const std::vector<std::string>& args,
                                          const std::vector<std::string>& kpis) {
  std::vector<ParamAssignment> out;
  for (const auto& arg : args) {
    const std::size_t eq = arg.find('=');
    if (eq == std::string::npos || eq == 0)
      throw ParamArgError("--param " + arg + ": expected KPI.NAME=VALUE or NAME=VALUE");
    ParamAssignment a{{}, arg.substr(0, eq), arg.substr(eq + 1), arg};
    // The longest KPI of the run that prefixes the name wins (KPI names may hold dots).
    std::size_t best = 0;
    for (const auto& k : kpis)
      if (a.name.size() > k.size() + 1 && a.name.starts_with(k) && a.name[k.size()] == '.' &&
          k.size() > best) {
        best = k.size();
        a.kpi = k;
      }
    if (!a.kpi.empty()) {
      a.name = a.name.substr(best + 1);
    } else if (const std::size_t dot = a.name.find('.'); dot != std::string::npos) {
      throw ParamArgError("--param " + arg + ": '" + a.name.substr(0, dot) +
                          "' is not one of the KPIs being run (" + join(kpis) + ")");
    }
    out.push_back(std::move(a));
  }
  return out;
}

void check_unprefixed(const std::vector<ParamAssignment>& given,
                      const std::vector<const Description*>& descriptions) {
  for (const auto& a : given) {
    if (!a.kpi.empty()) continue;
    bool declared = false;
    std::vector<std::string> names;
    for (const auto* d : descriptions) {
      names.push_back(d->name);
      declared = declared || find_spec(*d, a.name);
    }
    if (!declared)
      throw ParamArgError("--param " + a.text + ": none of the KPIs being run (" + join(names) +
                          ") has a parameter '" + a.name + "'");
  }
}

Params bind_params(const Description& desc, const std::vector<ParamAssignment>& given) {
  std::map<std::string, std::string> values;
  for (const auto& spec : desc.params)
    values[spec.name] = normalize_param(spec, spec.default_value, nullptr).value_or("");
  // Unprefixed first, then prefixed, so a value meant for this KPI wins.
  for (const bool prefixed : {false, true}) {
    for (const auto& a : given) {
      if (prefixed ? a.kpi != desc.name : !a.kpi.empty()) continue;
      const ParamSpec* spec = find_spec(desc, a.name);
      if (!spec) {
        if (!prefixed) continue;  // meant for the KPIs that declare it
        throw ParamArgError("--param " + a.text + ": plugin '" + desc.name +
                            "' has no parameter '" + a.name + "' (" + param_names(desc) + ")");
      }
      std::string why;
      auto v = normalize_param(*spec, a.value, &why);
      if (!v)
        throw ParamArgError("--param " + a.text + ": plugin '" + desc.name + "', parameter '" +
                            a.name + "' " + why);
      values[a.name] = *v;
    }
  }
  return Params(std::move(values));
}

std::optional<std::string> check_param_specs(const Description& desc) {
  std::set<std::string> names;
  for (const auto& spec : desc.params) {
    if (spec.name.empty()) return "it declares a parameter without a name";
    if (spec.name.find_first_of("=.") != std::string::npos)
      return "its parameter '" + spec.name + "' has '=' or '.' in its name";
    if (!names.insert(spec.name).second) return "it declares parameter '" + spec.name + "' twice";
    if ((spec.type == ParamType::kEnum || spec.type == ParamType::kList) && spec.choices.empty())
      return "its parameter '" + spec.name + "' has no choices";
    std::string why;
    if (!normalize_param(spec, spec.default_value, &why))
      return "the default '" + spec.default_value + "' of its parameter '" + spec.name +
             "' is not valid: the parameter " + why;
  }
  return std::nullopt;
}

}  // namespace leda::host
