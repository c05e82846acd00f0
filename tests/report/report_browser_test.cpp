// The sample account's HTML report in a real browser: Debian's Chromium, headless, at 1280 px.
// A copy of the report with a small check script (the report itself has none) is loaded with
// --dump-dom; the script writes what it measured into the page, which this test reads back.
// Chromium's console (--enable-logging=stderr) must stay silent: an invalid SVG attribute or a
// script error is logged there. A screenshot of the report as a person opens it is kept in the
// build folder (tests/report/browser/sample-report-1280.png), beside the report; so is one of the
// report with the WFM schedule and wfm-adherence's charts (wfm-report-1280.png).
//
// Chromium is found as $LEDA_CHROMIUM, else `chromium` on PATH (scripts/bootstrap installs it).
// Without it the test is skipped with a warning, except where CI=true: there it fails.
#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/files.hpp"
#include "support/run_leda.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

constexpr const char* kCheckScript = R"(<script>
(function () {
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function texts(root, selector) { return all(root, selector).map(function (e) { return e.textContent; }); }
  window.addEventListener('load', function () {
    var r = {errors: errors, viewport: window.innerWidth,
             height: document.documentElement.scrollHeight};
    r.charts = all(document, 'svg.chart').map(function (svg) {
      var title = svg.querySelector('.chart-title'), box = svg.getBoundingClientRect();
      return {title: title ? title.textContent : '', section: svg.closest('section').id,
              axes: texts(svg, '.axis-title'), categories: texts(svg, '.category'),
              values: texts(svg, '.value'), cells: all(svg, 'rect.cell').length,
              swatches: all(svg, 'rect.legend').length, legend: texts(svg, '.legend'),
              lines: all(svg, 'polyline').length, dashed: all(svg, 'polyline.dashed').length,
              right: box.right};
    });
    r.tables = all(document, 'table')
      .filter(function (t) { return t.closest('details:not([open])') === null; })
      .map(function (t) {
        var box = t.getBoundingClientRect(), section = t.closest('section');
        return {section: section ? section.id : '', cls: t.className, right: box.right,
                width: box.width, first: texts(t, 'tbody tr td:first-child')};
      });
    r.long_numbers = [];
    var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var n = walk.nextNode(); n; n = walk.nextNode())
      if (/\d\.\d{5,}/.test(n.nodeValue)) r.long_numbers.push(n.nodeValue);
    all(document, 'details').forEach(function (d) { d.open = true; });
    r.open_scroll_width = document.documentElement.scrollWidth;
    r.open_boxes = all(document, '.scroll').map(function (e) { return e.getBoundingClientRect().right; });
    var pre = document.createElement('pre');
    pre.id = 'leda-check';
    pre.textContent = encodeURIComponent(JSON.stringify(r));
    document.body.appendChild(pre);
  });
})();
</script>
)";

std::string find_chromium() {
  if (const char* env = std::getenv("LEDA_CHROMIUM"); env && *env) return env;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin");
  for (std::string dir; std::getline(dirs, dir, ':');)
    for (const char* name : {"chromium", "chromium-browser"})
      if (!dir.empty() && ::access((fs::path(dir) / name).c_str(), X_OK) == 0)
        return (fs::path(dir) / name).string();
  return {};
}

// The flags that make Chromium run headless here: as root, with a fresh profile, and without
// reaching for the network (which is closed).
std::vector<std::string> chromium_args(const std::string& bin, const std::string& profile) {
  return {bin,
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--hide-scrollbars",
          "--user-data-dir=" + profile};
}

std::string percent_decoded(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> strings(const rapidjson::Value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.GetArray())
    out.emplace_back(v.GetString());
  return out;
}

// The report `leda report ARGS --out NAME.html` (run from the source folder) loaded with the
// check script in headless Chromium at 1280 px: what the script measured, in `r`. False when
// Chromium is absent (the caller returns: the test is skipped, or failed under CI).
bool measure_in_chromium(const std::vector<std::string>& report_args, const std::string& name,
                         rapidjson::Document& r, std::string* chromium_bin = nullptr) {
  const std::string chromium = find_chromium();
  if (chromium.empty()) {
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true")
      FAIL("chromium is not installed, and CI must run this test (scripts/bootstrap installs it)");
    WARN("chromium not found: the browser test is skipped (scripts/bootstrap installs it)");
    return false;
  }
  if (chromium_bin) *chromium_bin = chromium;
  const fs::path out = LEDA_REPORT_OUT;
  fs::create_directories(out);
  const fs::path report = out / (name + ".html"), check = out / (name + "-check.html");

  leda::test::RunOptions from_source;
  from_source.cwd = LEDA_SOURCE_DIR;
  std::vector<std::string> args = {"report"};
  args.insert(args.end(), report_args.begin(), report_args.end());
  args.insert(args.end(), {"--out", report.string()});
  const auto made = leda::test::run_leda(args, from_source);
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  std::string page = leda::test::read_file(report);
  REQUIRE(page.find("<script") == std::string::npos);  // the report itself runs nothing
  page.insert(page.find("<head>\n") + 7, kCheckScript);
  leda::test::write_file(check, page);

  leda::test::TempDir profile("chromium");
  auto chrome = chromium_args(chromium, profile.path);
  chrome.insert(chrome.end(), {"--enable-logging=stderr", "--v=0", "--window-size=1280,900",
                               "--dump-dom", "file://" + check.string()});
  auto child = leda::test::spawn_command(chrome);
  const auto dumped = leda::test::wait_child(child, 60);
  INFO("chromium stderr:\n" << dumped.err);
  REQUIRE(dumped.exit_code == 0);

  // No console message at all: the page has no script of its own, and the check logs nothing.
  std::istringstream err(dumped.err);
  for (std::string line; std::getline(err, line);)
    CHECK_THAT(line, !Catch::Contains(":CONSOLE"));

  const std::string open = "<pre id=\"leda-check\">";
  const auto at = dumped.out.find(open);
  REQUIRE(at != std::string::npos);
  const auto end = dumped.out.find("</pre>", at);
  r.Parse(percent_decoded(dumped.out.substr(at + open.size(), end - at - open.size())).c_str());
  REQUIRE_FALSE(r.HasParseError());
  CHECK(r["errors"].Size() == 0);
  CHECK(r["viewport"].GetDouble() == 1280);
  return true;
}

// The section (KPI) of the chart titled `title`.
std::string section_of(const rapidjson::Document& r, const std::string& title) {
  for (const auto& c : r["charts"].GetArray())
    if (title == c["title"].GetString()) return c["section"].GetString();
  return {};
}

// Every chart titled, with an axis title that names its unit, inside the page.
std::vector<std::string> checked_chart_titles(const rapidjson::Document& r) {
  std::vector<std::string> titles;
  const std::regex with_unit(R"(.+ \((%|count|points|USD|hours|minutes|seconds)\))");
  for (const auto& c : r["charts"].GetArray()) {
    titles.emplace_back(c["title"].GetString());
    INFO("chart " << titles.back());
    // staffing's value axis counts agents: "agents" is its unit.
    const bool staffing = std::string(c["section"].GetString()) == "kpi-staffing";
    bool unit_axis = false;
    for (const auto& axis : strings(c["axes"]))
      unit_axis = unit_axis || std::regex_match(axis, with_unit) || (staffing && axis == "agents");
    CHECK(unit_axis);
    CHECK(c["right"].GetDouble() <= r["viewport"].GetDouble());
  }
  return titles;
}

// A screenshot of `report` as a person opens it, 1280 px wide and `height` px high (at most
// 20000), written to `png`.
void take_screenshot(const std::string& chromium, const fs::path& report, const fs::path& png_file,
                     int height) {
  fs::remove(png_file);
  leda::test::TempDir profile("chromium");
  auto shot_args = chromium_args(chromium, profile.path);
  shot_args.insert(shot_args.end(),
                   {"--window-size=1280," + std::to_string(std::min(20000, height)),
                    "--screenshot=" + png_file.string(), "file://" + report.string()});
  auto shot = leda::test::spawn_command(shot_args);
  const auto shot_done = leda::test::wait_child(shot, 60);
  INFO(shot_done.err);
  REQUIRE(shot_done.exit_code == 0);
  const std::string png = leda::test::read_file(png_file);
  REQUIRE(png.size() > 24);
  CHECK(png.substr(1, 3) == "PNG");
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(png[i]); };
  CHECK(((byte(16) << 24) | (byte(17) << 16) | (byte(18) << 8) | byte(19)) == 1280);
}

}  // namespace

TEST_CASE("the sample report in headless Chromium at 1280 px", "[report][browser]") {
  rapidjson::Document r;
  std::string chromium;
  if (!measure_in_chromium({"--data", "examples/sample-account/75555851", "--join",
                            "agents=examples/sample-account/agents.csv", "--join",
                            "membership=examples/sample-account/membership.csv", "--join",
                            "schedule=examples/sample-account/schedule.csv", "--join",
                            "activities=examples/sample-account/activities.csv", "--param",
                            "staffing.min_history_days=3"},
                           "sample-report", r, &chromium))
    return;
  const fs::path out = LEDA_REPORT_OUT;
  const fs::path report = out / "sample-report.html", screenshot = out / "sample-report-1280.png";
  const double viewport = r["viewport"].GetDouble();

  // Every chart is there, titled, with an axis title that names its unit, inside the page.
  const std::vector<std::string> expected_titles = {"Engaged time rate by region",
                                                    "Occupancy by region",
                                                    "Conversations by skill ID",
                                                    "Abandon rate by skill ID",
                                                    "CSAT by skill ID",
                                                    "NPS by skill ID",
                                                    "AOV by segment",
                                                    "Revenue by segment",
                                                    "Conversion rate by segment",
                                                    "Revenue per visit by segment"};
  // staffing and wfm-adherence draw their own charts, checked below.
  std::vector<std::string> titles, staffing_titles, wfm_titles;
  for (const std::string& title : checked_chart_titles(r)) {
    const std::string section = section_of(r, title);
    (section == "kpi-staffing"        ? staffing_titles
     : section == "kpi-wfm-adherence" ? wfm_titles
                                      : titles)
        .push_back(title);
  }
  CHECK(titles == expected_titles);
  // wfm-adherence by region (the report's default): its two bar charts, sorted lowest first.
  CHECK(wfm_titles == std::vector<std::string>{"Adherence by region, lowest first",
                                               "Conformance by region, lowest first"});

  // staffing: the 3 UTC days of the sample account, then 7 forecast days (min_history_days=3).
  // Observed days draw required, scheduled and Online agents in solid lines; forecast days
  // draw required and scheduled (nobody is Online in the future) dashed, and say so.
  std::vector<std::string> expected_staffing;
  for (const char* day : {"2026-10-31", "2026-11-01", "2026-11-02"})
    expected_staffing.push_back(std::string("Agents required, scheduled and Online, ") + day);
  for (int d = 3; d <= 9; ++d)
    expected_staffing.push_back("Forecast: agents required and scheduled, 2026-11-0" +
                                std::to_string(d));
  CHECK(staffing_titles == expected_staffing);
  for (const auto& c : r["charts"].GetArray()) {
    if (std::string(c["section"].GetString()) != "kpi-staffing") continue;
    const std::string title = c["title"].GetString();
    INFO("chart " << title);
    const auto legend = strings(c["legend"]);
    CHECK(c["lines"].GetInt() > 0);
    if (title.rfind("Forecast", 0) == 0) {
      CHECK(c["dashed"].GetInt() == c["lines"].GetInt());
      CHECK(legend == std::vector<std::string>{"required", "scheduled", "dashed: forecast"});
    } else {
      CHECK(c["dashed"].GetInt() == 0);
      CHECK(legend == std::vector<std::string>{"required", "scheduled", "Online"});
    }
  }

  // No visible table is wider than the page; opened, the full tables scroll inside their box.
  int data_tables = 0;
  for (const auto& t : r["tables"].GetArray()) {
    INFO("table in " << t["section"].GetString() << " of class " << t["cls"].GetString());
    CHECK(t["right"].GetDouble() <= viewport);
    data_tables += std::string(t["cls"].GetString()) == "data";
  }
  CHECK(data_tables == 7);  // one compact table per KPI; the full tables are folded
  CHECK(r["open_scroll_width"].GetDouble() <= viewport);
  for (const auto& right : r["open_boxes"].GetArray())
    CHECK(right.GetDouble() <= viewport);

  // Numbers are written for a person: nowhere five decimals or more (0.12570562161034626).
  for (const auto& text : r["long_numbers"].GetArray())
    FAIL_CHECK("a number with five decimals or more: " << text.GetString());

  // One order: each chart's bars follow its section's table, and the segments of aov-by-segment
  // and conversion are in the same order.
  std::map<std::string, std::vector<std::string>> table_keys;
  for (const auto& t : r["tables"].GetArray())
    if (std::string(t["cls"].GetString()) == "data")
      table_keys[t["section"].GetString()] = strings(t["first"]);
  for (const auto& c : r["charts"].GetArray()) {
    const std::string section = c["section"].GetString();
    if (section == "kpi-staffing") continue;  // lines, no bars
    INFO("chart " << c["title"].GetString());
    if (section == "kpi-wfm-adherence") {  // sorted by value, lowest first: the same regions
      auto bars = strings(c["categories"]), rows = table_keys[section];
      std::sort(bars.begin(), bars.end());
      std::sort(rows.begin(), rows.end());
      CHECK(bars == rows);
      continue;
    }
    CHECK(strings(c["categories"]) == table_keys[section]);
  }
  CHECK(table_keys["kpi-aov-by-segment"] == table_keys["kpi-conversion"]);
  CHECK(table_keys["kpi-conversion"] ==
        std::vector<std::string>{"Bronze", "Gold", "Silver", "UNMATCHED"});

  // The screenshot: the whole report as a person opens it, 1280 px wide.
  take_screenshot(chromium, report, screenshot, r["height"].GetInt());
}

TEST_CASE("the report's wfm-adherence charts in headless Chromium at 1280 px",
          "[report][browser][adherence]") {
  // The sample account with its WFM schedule, wfm-adherence by agent and 30-minute interval:
  // sorted bars per agent and a heatmap per day (2026-10-31 to 2026-11-03 in UTC).
  rapidjson::Document r;
  std::string chromium;
  if (!measure_in_chromium(
          {"--data", "examples/sample-account/75555851", "--join",
           "agents=examples/sample-account/agents.csv", "--join",
           "schedule=examples/sample-account/schedule.csv", "--join",
           "activities=examples/sample-account/activities.csv", "--param",
           "wfm-adherence.group_by=agent,interval", "--param", "wfm-adherence.interval=30m"},
          "wfm-report", r, &chromium))
    return;
  checked_chart_titles(r);  // titled, with units, inside the page
  std::vector<std::string> wfm_titles;
  for (const auto& c : r["charts"].GetArray())
    if (std::string(c["section"].GetString()) == "kpi-wfm-adherence")
      wfm_titles.emplace_back(c["title"].GetString());
  CHECK(wfm_titles == std::vector<std::string>{"Adherence by agent, lowest first",
                                               "Conformance by agent, lowest first",
                                               "Adherence by agent and interval, 2026-10-31",
                                               "Adherence by agent and interval, 2026-11-01",
                                               "Adherence by agent and interval, 2026-11-02",
                                               "Adherence by agent and interval, 2026-11-03"});
  for (const auto& t : r["tables"].GetArray()) {
    INFO("table in " << t["section"].GetString() << " of class " << t["cls"].GetString());
    CHECK(t["right"].GetDouble() <= r["viewport"].GetDouble());
  }
  for (const auto& text : r["long_numbers"].GetArray())
    FAIL_CHECK("a number with five decimals or more: " << text.GetString());

  // The 20 schedule agents the map links: bars sorted lowest first ("-" last), the heatmaps'
  // rows in the same order, each heatmap with its legend and a cell per agent and interval.
  const auto percent = [](const std::string& v) { return v == "-" ? 1e9 : std::stod(v); };
  std::vector<std::string> agents;
  for (const auto& c : r["charts"].GetArray()) {
    if (std::string(c["section"].GetString()) != "kpi-wfm-adherence") continue;
    INFO("chart " << c["title"].GetString());
    const auto categories = strings(c["categories"]);
    CHECK(categories.size() == 20);
    if (c["cells"].GetInt() == 0) {  // bars
      const auto values = strings(c["values"]);
      REQUIRE(values.size() == categories.size());
      for (std::size_t i = 1; i < values.size(); ++i)
        CHECK(percent(values[i - 1]) <= percent(values[i]));
      if (agents.empty()) agents = categories;  // the adherence bars come first
    } else {
      CHECK(categories == agents);
      CHECK(c["swatches"].GetInt() >= 10);
      CHECK(c["cells"].GetInt() % 20 == 0);
    }
  }
  // The absent agent (scheduled, never logged in) is all out: the lowest adherence.
  REQUIRE_FALSE(agents.empty());
  CHECK(agents.front() == "former.agent");

  const fs::path out = LEDA_REPORT_OUT;
  take_screenshot(chromium, out / "wfm-report.html", out / "wfm-report-1280.png",
                  r["height"].GetInt());
}
