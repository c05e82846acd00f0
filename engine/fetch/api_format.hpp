// fetch/api_format.hpp — reading the Data Access API's responses: the base resource, file
// listings (whose `file` may be an array, one object, or absent) and error bodies (XML or JSON).
//
//   leda::fetch::BaseResource base = leda::fetch::parse_base_resource(body);
//   std::string listing_url = base.links.at("agentActivity");
//   leda::fetch::Listing l = leda::fetch::parse_listing(body);
//   leda::fetch::describe_http_error(401, xml);   // "401 Unauthorized request (internalCode 10)"
//
// Pure functions, no I/O; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace leda::fetch {

/// A response did not have the documented shape.
class ApiFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The base resource: the account and its links by relation (self, agentActivity, ...).
struct BaseResource {
  std::string account_id;
  std::map<std::string, std::string> links;  ///< @rel -> @href
};

/// Parses `{"le": {"@accountId": ..., "link": [ {"@href", "@rel"}, ... ]}}`; `link` may also be
/// a single object. Throws ApiFormatError when the body is not that.
BaseResource parse_base_resource(std::string_view body);

/// One file of a listing.
struct ListedFile {
  std::string name;  ///< @name as listed
  std::string href;  ///< @href, used verbatim for the download
  std::int64_t scope_start_ms =
      0;                          ///< @scopeStartDate (or the name's start) in epoch ms; 0 unknown
  std::int64_t scope_end_ms = 0;  ///< @scopeEndDate (or the name's end) in epoch ms; 0 unknown
};

/// A parsed listing: the usable files, and one message per entry that could not be used.
struct Listing {
  std::vector<ListedFile> files;
  std::vector<std::string> problems;  ///< e.g. "file[3]: no @href"
};

/// Parses `{"dataAccessFiles": {..., "file": [...] | {...} | absent}}`. Throws ApiFormatError
/// when the body is not JSON or has no `dataAccessFiles` object.
Listing parse_listing(std::string_view body);

/// True when `body` is the service's "No Available Files" answer (an empty listing).
bool says_no_available_files(std::string_view body);

/// What an error body says: `<message>`/`<internalCode>` of an XML body, or `message` and
/// `internalCode` (or `code`) of a JSON body, possibly under an `error` object.
struct ServerError {
  std::string message;
  std::string internal_code;
};
ServerError parse_error_body(std::string_view body);

/// One line for a non-200 response: "<status> <message> (internalCode <n>)" when the body says,
/// otherwise "<status> <reason phrase>: <start of the body>".
std::string describe_http_error(long status, std::string_view body);

/// The standard reason phrase of an HTTP status ("" when unknown).
std::string_view reason_phrase(long status);

}  // namespace leda::fetch
