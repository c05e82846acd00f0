// Parameters: `--param` values checked against ParamSpecs, defaults filled in, errors that name
// the plugin, the parameter and what it accepts.
#include <catch2/catch.hpp>

#include "host/param_binding.hpp"

using leda::Description;
using leda::ParamType;
using leda::host::ParamArgError;

namespace {

Description conversations_like() {
  Description d;
  d.name = "conv";
  d.params = {{"group_by", ParamType::kEnum, "none", "grouping", {"none", "skill", "agent"}},
              {"sl_threshold_s", ParamType::kInt, "30", "threshold", {}},
              {"ratio", ParamType::kNumber, "0.5", "a ratio", {}},
              {"strict", ParamType::kBool, "no", "a flag", {}},
              {"keys", ParamType::kList, "agent", "keys", {"agent", "day", "interval"}},
              {"tz", ParamType::kString, "UTC", "zone", {}}};
  return d;
}

Description surveys_like() {
  Description d;
  d.name = "surv";
  d.params = {{"tz", ParamType::kString, "UTC", "zone", {}}};
  return d;
}

leda::Params bind(const Description& d, const std::vector<std::string>& args,
                  const std::vector<std::string>& kpis = {"conv", "surv"}) {
  return leda::host::bind_params(d, leda::host::parse_params(args, kpis));
}

std::string error_of(const Description& d, const std::vector<std::string>& args) {
  try {
    bind(d, args);
  } catch (const ParamArgError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("defaults fill every declared parameter, normalised", "[params]") {
  const auto p = bind(conversations_like(), {});
  CHECK(p.get("group_by") == "none");
  CHECK(p.get_int("sl_threshold_s") == 30);
  CHECK(p.get("strict") == "false");  // "no" normalised
  CHECK(p.get_list("keys") == std::vector<std::string>{"agent"});
  CHECK(p.all().size() == 6);
}

TEST_CASE("values of each type are checked and normalised", "[params]") {
  const auto p = bind(conversations_like(),
                      {"conv.group_by=Skill", "conv.sl_threshold_s= +45 ", "conv.ratio=1e-3",
                       "conv.strict=YES", "conv.keys= day , agent,day,", "conv.tz=Europe/Paris"});
  CHECK(p.get("group_by") == "skill");  // the choice's own spelling
  CHECK(p.get("sl_threshold_s") == "45");
  CHECK(p.get_number("ratio") == 0.001);
  CHECK(p.get_bool("strict"));
  CHECK(p.get("keys") == "day,agent");  // trimmed, duplicates dropped, order kept
  CHECK(p.get("tz") == "Europe/Paris");
}

TEST_CASE("a bad value names the plugin, the parameter and what it accepts", "[params]") {
  const auto d = conversations_like();
  const auto e1 = error_of(d, {"conv.sl_threshold_s=abc"});
  CHECK_THAT(e1, Catch::Contains("plugin 'conv'") && Catch::Contains("'sl_threshold_s'") &&
                     Catch::Contains("an integer") && Catch::Contains("'abc'"));
  CHECK_THAT(error_of(d, {"conv.sl_threshold_s=1.5"}), Catch::Contains("an integer"));
  CHECK_THAT(error_of(d, {"conv.sl_threshold_s=99999999999999999999"}),
             Catch::Contains("an integer"));
  CHECK_THAT(error_of(d, {"conv.ratio=fast"}), Catch::Contains("a decimal number"));
  CHECK_THAT(error_of(d, {"conv.ratio=inf"}), Catch::Contains("a decimal number"));
  CHECK_THAT(error_of(d, {"conv.strict=maybe"}), Catch::Contains("true, false"));
  CHECK_THAT(error_of(d, {"conv.group_by=region"}),
             Catch::Contains("one of: none, skill, agent") && Catch::Contains("'region'"));
  CHECK_THAT(error_of(d, {"conv.keys=agent,week"}),
             Catch::Contains("list of: agent, day, interval") &&
                 Catch::Contains("'week' is not one of them"));
}

TEST_CASE("an unknown parameter names the plugin and lists its parameters", "[params]") {
  const auto e = error_of(conversations_like(), {"conv.groupby=skill"});
  CHECK_THAT(e, Catch::Contains("plugin 'conv' has no parameter 'groupby'") &&
                    Catch::Contains("group_by, sl_threshold_s"));
}

TEST_CASE("a prefix that is not a KPI of the run is an error", "[params]") {
  CHECK_THROWS_WITH(leda::host::parse_params({"other.tz=UTC"}, {"conv"}),
                    Catch::Contains("'other' is not one of the KPIs being run (conv)"));
  CHECK_THROWS_WITH(leda::host::parse_params({"novalue"}, {"conv"}),
                    Catch::Contains("expected KPI.NAME=VALUE"));
}

TEST_CASE("an unprefixed parameter applies to every KPI that declares it", "[params]") {
  const auto conv = conversations_like(), surv = surveys_like();
  const auto given = leda::host::parse_params({"tz=Europe/London"}, {"conv", "surv"});
  CHECK_NOTHROW(leda::host::check_unprefixed(given, {&conv, &surv}));
  CHECK(leda::host::bind_params(conv, given).get("tz") == "Europe/London");
  CHECK(leda::host::bind_params(surv, given).get("tz") == "Europe/London");

  // Declared by one KPI only: that one gets it, the other ignores it.
  const auto g2 = leda::host::parse_params({"group_by=skill"}, {"conv", "surv"});
  CHECK_NOTHROW(leda::host::check_unprefixed(g2, {&conv, &surv}));
  CHECK(leda::host::bind_params(conv, g2).get("group_by") == "skill");
  CHECK_NOTHROW(leda::host::bind_params(surv, g2));

  // Declared by none: an error naming the KPIs.
  const auto g3 = leda::host::parse_params({"colour=red"}, {"conv", "surv"});
  CHECK_THROWS_WITH(
      leda::host::check_unprefixed(g3, {&conv, &surv}),
      Catch::Contains("none of the KPIs being run (conv, surv)") && Catch::Contains("'colour'"));

  // An unprefixed value that is bad for a KPI that declares it names that KPI.
  const auto g4 = leda::host::parse_params({"sl_threshold_s=x"}, {"conv", "surv"});
  CHECK_THROWS_WITH(leda::host::bind_params(conv, g4), Catch::Contains("plugin 'conv'"));
}

TEST_CASE("a prefixed value wins over an unprefixed one, later over earlier", "[params]") {
  const auto p = bind(conversations_like(), {"conv.tz=Asia/Tokyo", "tz=UTC", "conv.group_by=agent",
                                             "conv.group_by=skill"});
  CHECK(p.get("tz") == "Asia/Tokyo");
  CHECK(p.get("group_by") == "skill");
}

TEST_CASE("KPI names with dots are recognised as prefixes", "[params]") {
  const auto given = leda::host::parse_params({"acme.v2.tz=UTC"}, {"acme", "acme.v2"});
  REQUIRE(given.size() == 1);
  CHECK(given[0].kpi == "acme.v2");
  CHECK(given[0].name == "tz");
}

TEST_CASE("bad parameter declarations are found", "[params]") {
  auto d = conversations_like();
  CHECK_FALSE(leda::host::check_param_specs(d));
  d.params[1].default_value = "thirty";
  CHECK_THAT(*leda::host::check_param_specs(d),
             Catch::Contains("default 'thirty'") && Catch::Contains("'sl_threshold_s'"));
  d = conversations_like();
  d.params.push_back(d.params[0]);
  CHECK_THAT(*leda::host::check_param_specs(d), Catch::Contains("'group_by' twice"));
  d = conversations_like();
  d.params[0].choices.clear();
  CHECK_THAT(*leda::host::check_param_specs(d), Catch::Contains("no choices"));
}
