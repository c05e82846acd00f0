// The neutral schedule: RFC 3339 text, the layering-preserving sort, `--from csv`.
#include <catch2/catch.hpp>

#include "../host/cli_support.hpp"
#include "wfm/importers.hpp"
#include "wfm/rfc3339.hpp"
#include "wfm_support.hpp"

using Catch::Contains;
using leda::wfm::NeutralRow;
using wfmtest::fixture;
using wfmtest::utc;

namespace {

NeutralRow row(std::string agent, std::string code, leda::TimeMs start, leda::TimeMs end) {
  NeutralRow n;
  n.row.wfm_agent_id = std::move(agent);
  n.row.activity_code = std::move(code);
  n.row.schedule_date = leda::util::days_from_civil(2026, 10, 31);
  n.row.start = start;
  n.row.end = end;
  return n;
}

std::string codes(const std::vector<NeutralRow>& rows) {
  std::string out;
  for (const auto& n : rows)
    out += n.row.wfm_agent_id + ":" + n.row.activity_code + " ";
  return out;
}

}  // namespace

TEST_CASE("RFC 3339 times are read with their offset and written back", "[wfm]") {
  using leda::wfm::format_rfc3339;
  using leda::wfm::parse_rfc3339;
  const auto t = parse_rfc3339("2026-11-01T01:30:00-05:00");
  REQUIRE(t);
  CHECK(t->ms == utc(2026, 11, 1, 6, 30));
  CHECK(t->offset_min == -300);
  CHECK(format_rfc3339(t->ms, t->offset_min) == "2026-11-01T01:30:00-05:00");
  // India is 5:30 ahead: 10:00+05:30 is 04:30Z. Fractions keep milliseconds.
  const auto india = parse_rfc3339("2026-10-31t10:00:00.25+05:30");
  REQUIRE(india);
  CHECK(india->ms == utc(2026, 10, 31, 4, 30) + 250);
  CHECK(format_rfc3339(india->ms, india->offset_min) == "2026-10-31T10:00:00.250+05:30");
  CHECK(parse_rfc3339("2026-10-31T10:00z")->ms == utc(2026, 10, 31, 10));  // seconds left out
  CHECK(format_rfc3339(utc(2026, 10, 31, 10), 0) == "2026-10-31T10:00:00+00:00");
  std::string why;
  CHECK_FALSE(parse_rfc3339("2026-10-31T10:00:00", &why));
  CHECK(why == "no UTC offset (add Z or +HH:MM)");
  CHECK_FALSE(parse_rfc3339("2026-10-31T24:00:00Z", &why));
  CHECK_FALSE(parse_rfc3339("2026-10-31T10:00:00+0500", &why));
  CHECK_FALSE(parse_rfc3339("2026-10-32T10:00:00Z", &why));
  CHECK(why == "not a real date");
  CHECK_FALSE(parse_rfc3339("10/31/2026 10:00", &why));
}

TEST_CASE("sorting keeps a base row before an overlay that starts with it", "[wfm]") {
  constexpr leda::TimeMs H = 3600000;
  leda::wfm::ImportResult r;
  r.rows = {row("b", "WORK", 8 * H, 16 * H), row("a", "WORK", 9 * H, 17 * H),
            row("b", "MEETING", 8 * H, 9 * H), row("a", "BREAK", 11 * H, 12 * H),
            row("a", "TRAINING", 7 * H, 8 * H)};
  leda::wfm::finish_import(r);
  CHECK(codes(r.rows) == "a:TRAINING a:WORK a:BREAK b:WORK b:MEETING ");
  CHECK(r.flattened.empty());
}

TEST_CASE("an overlay written after its base but starting before it keeps winning", "[wfm]") {
  constexpr leda::TimeMs H = 3600000;
  leda::wfm::ImportResult r;
  // x: the meeting 07:30-08:30 is written after the shift 08:00-16:00, so it wins 08:00-08:30.
  // Sorted by start it would come first and lose: x's rows are written as their layers.
  r.rows = {row("x", "WORK", 8 * H, 16 * H), row("x", "MEETING", 7 * H + H / 2, 8 * H + H / 2),
            row("y", "WORK", 8 * H, 16 * H), row("y", "BREAK", 10 * H, 11 * H)};
  r.rows[0].start_offset_min = r.rows[0].end_offset_min = -240;
  r.rows[1].start_offset_min = r.rows[1].end_offset_min = -300;
  leda::wfm::finish_import(r);
  CHECK(r.flattened == std::vector<std::string>{"x"});
  REQUIRE(r.rows.size() == 4);
  CHECK(codes(r.rows) == "x:MEETING x:WORK y:WORK y:BREAK ");
  CHECK(r.rows[0].row.start == 7 * H + H / 2);
  CHECK(r.rows[0].row.end == 8 * H + H / 2);
  CHECK(r.rows[1].row.start == 8 * H + H / 2);  // the shift now starts where the meeting ends
  CHECK(r.rows[1].row.end == 16 * H);
  CHECK(r.rows[1].start_offset_min == -300);  // the offset that instant was written with
  CHECK(r.rows[1].end_offset_min == -240);
  CHECK(r.rows[3].row.start == 10 * H);  // y is untouched: a layered break
}

TEST_CASE("neutral CSV input is checked, offsets kept, sorted, stable on a second pass", "[wfm]") {
  const auto r = leda::wfm::import_csv({fixture("schedule.csv")});
  CHECK(r.errors.empty());
  CHECK(r.records == 4);
  REQUIRE(r.ignored_columns.size() == 1);
  CHECK_THAT(r.ignored_columns[0], Contains("schedule.csv: note"));
  const std::string text = leda::wfm::neutral_csv(r.rows);
  CHECK(text ==
        "wfm_agent_id,schedule_date,activity_code,start,end,paid\n"
        "A-1,2026-10-31,WORK,2026-10-31T08:00:00-04:00,2026-10-31T16:30:00-04:00,true\n"
        "A-1,2026-10-31,BREAK,2026-10-31T10:00:00-04:00,2026-10-31T10:15:00-04:00,true\n"
        "A-1,2026-10-31,MEAL,2026-10-31T16:00:00+00:00,2026-10-31T16:30:00+00:00,false\n"
        "\"B,2\",2026-10-31,WORK,2026-10-31T22:00:00-04:00,2026-11-01T06:00:00-05:00,true\n");

  leda::test::TempDir dir("wfm-csv");
  leda::test::write_file(dir / "once.csv", text);
  const auto again = leda::wfm::import_csv({dir / "once.csv"});
  CHECK(leda::wfm::neutral_csv(again.rows) == text);
  CHECK(again.ignored_columns.empty());

  leda::test::write_file(dir / "bad.csv", "wfm_agent_id,activity_code,start,end\n");
  const auto bad = leda::wfm::import_csv({dir / "bad.csv"});
  REQUIRE(bad.file_errors.size() == 1);
  CHECK_THAT(bad.file_errors[0].text(), Contains("bad.csv: no column 'schedule_date'"));
}
