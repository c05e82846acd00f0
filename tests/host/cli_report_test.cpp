// `leda report`: every built-in KPI into one text or HTML report.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include "cli_support.hpp"

using leda::test::run_leda;

namespace {

// The built-in plugins' names: those the report runs without joins, or (`requiring`) those
// that require a join, which a report without joins leaves out.
std::vector<std::string> builtin_plugins(bool requiring = false) {
  auto r = run_leda({"plugins", "--format", "json"});
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  std::vector<std::string> names;
  if (!d.HasParseError())
    for (const auto& p : d["plugins"].GetArray()) {
      bool requires_join = false;
      for (const auto& j : p["joins"].GetArray())
        requires_join = requires_join || j["required"].GetBool();
      if (requires_join == requiring) names.push_back(p["name"].GetString());
    }
  return names;
}

}  // namespace

TEST_CASE("report: a header of facts and every built-in KPI", "[cli][report]") {
  leda::test::TempDir data("report-data");
  leda::test::write_engagement_files(data / "chats", leda::test::sample_chats(40), 20);
  std::filesystem::copy(std::string(LEDA_SPEC_EXAMPLES) + "/derived", data / "spec");
  const auto names = builtin_plugins();
  REQUIRE_FALSE(names.empty());

  auto text = run_leda({"report", "--data", data.path, "--max-rows", "3"});
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::StartsWith("leda report\n"));
  CHECK_THAT(text.out, Catch::Contains("Sessions:") &&
                           Catch::Contains("41 conversations"));  // 40 + the spec example
  CHECK_THAT(text.out, Catch::Contains("Time range:"));
  // Joins the KPIs read but that were not given are named, and the KPIs still ran.
  CHECK_THAT(text.out, Catch::Contains("no agents table (--join agents=FILE)"));
  CHECK_THAT(text.out, !Catch::Contains("FAILED"));
  for (const auto& n : names)
    CHECK_THAT(text.out, Catch::Contains("\n" + n + " "));
  // A KPI that requires joins (wfm-adherence) is left out, and the header says so.
  for (const auto& n : builtin_plugins(true)) {
    CHECK_THAT(text.out, Catch::Contains(n + " left out:"));
    CHECK_THAT(text.out, !Catch::Contains("\n" + n + " "));
  }

  leda::test::TempDir out("report-out");
  const std::string html_file = out / "report.html";
  auto html = run_leda({"report", "--data", data.path, "--format", "html", "--out", html_file});
  INFO(html.err);
  REQUIRE(html.exit_code == 0);
  const std::string page = leda::test::read_file(html_file);
  CHECK_THAT(page, Catch::StartsWith("<!DOCTYPE html>") && Catch::EndsWith("</html>\n"));
  CHECK_THAT(page, Catch::Contains("<svg"));
  // Self-contained: no scripts, nothing loaded from elsewhere.
  CHECK_THAT(page, !Catch::Contains("<script") && !Catch::Contains("src=") &&
                       !Catch::Contains("<link") && !Catch::Contains("url("));
  for (const auto& n : names)
    CHECK_THAT(page, Catch::Contains("<section id=\"kpi-" + n + "\">"));
  if (std::find(names.begin(), names.end(), "conversations") != names.end())
    CHECK_THAT(page, Catch::Contains("Conversations by skill ID"));
}

TEST_CASE("report usage errors", "[cli][report]") {
  CHECK(run_leda({"report"}).exit_code == 2);
  CHECK(run_leda({"report", "--data", ".", "--format", "pdf"}).exit_code == 2);
  auto help = run_leda({"report", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--format") && Catch::Contains("Exit codes"));
}
