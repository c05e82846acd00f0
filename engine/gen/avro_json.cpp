#include "gen/avro_json.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace leda::gen {

void AvroJson::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ > 0) {
    if (has_item_[depth_ - 1]) out_ += ',';
    has_item_[depth_ - 1] = true;
  }
}

void AvroJson::push() {
  if (depth_ == kMaxDepth) throw std::logic_error("AvroJson: nesting too deep");
  has_item_[depth_++] = false;
}

AvroJson& AvroJson::key(std::string_view name) {
  separate();
  out_ += '"';
  out_ += name;
  out_ += "\":";
  after_key_ = true;
  return *this;
}

void AvroJson::begin_object() {
  separate();
  out_ += '{';
  push();
}

void AvroJson::end_object() {
  --depth_;
  out_ += '}';
}

void AvroJson::begin_array() {
  separate();
  out_ += '[';
  push();
}

void AvroJson::end_array() {
  --depth_;
  out_ += ']';
}

void AvroJson::begin_named(std::string_view type) {
  separate();
  out_ += "{\"";
  out_ += kNamespace;
  out_ += type;
  out_ += "\":{";
  push();
}

void AvroJson::end_named() {
  --depth_;
  out_ += "}}";
}

void AvroJson::begin_union_array() {
  separate();
  out_ += "{\"array\":[";
  push();
}

void AvroJson::end_union_array() {
  --depth_;
  out_ += "]}";
}

void AvroJson::null() {
  separate();
  out_ += "null";
}

void AvroJson::number(std::int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void AvroJson::long_value(std::int64_t v) {
  separate();
  out_ += "{\"long\":";
  number(v);
  out_ += '}';
}

void AvroJson::int_value(std::int64_t v) {
  separate();
  out_ += "{\"int\":";
  number(v);
  out_ += '}';
}

void AvroJson::string_value(std::string_view s) {
  separate();
  out_ += "{\"string\":\"";
  escape(s);
  out_ += "\"}";
}

void AvroJson::bool_value(bool b) {
  separate();
  out_ += b ? "{\"boolean\":true}" : "{\"boolean\":false}";
}

void AvroJson::double_value(double d) {
  separate();
  out_ += "{\"double\":";
  if (std::isnan(d)) {
    out_ += "\"NaN\"}";
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, d);  // shortest round-trip form
  out_.append(buf, r.ptr);
  out_ += '}';
}

void AvroJson::money_value(std::int64_t cents) {
  // Written as Java writes a double: 12.5 for 1250 cents, 12.0 for 1200, -3.07 for -307.
  separate();
  out_ += "{\"double\":";
  if (cents < 0) {
    out_ += '-';
    cents = -cents;
  }
  number(cents / 100);
  const std::int64_t frac = cents % 100;
  out_ += '.';
  if (frac % 10 == 0) {
    out_ += static_cast<char>('0' + frac / 10);
  } else {
    out_ += static_cast<char>('0' + frac / 10);
    out_ += static_cast<char>('0' + frac % 10);
  }
  out_ += '}';
}

void AvroJson::enum_value(std::string_view type, std::string_view symbol) {
  separate();
  out_ += "{\"";
  out_ += kNamespace;
  out_ += type;
  out_ += "\":\"";
  out_ += symbol;
  out_ += "\"}";
}

void AvroJson::bare_string(std::string_view s) {
  separate();
  out_ += '"';
  escape(s);
  out_ += '"';
}

void AvroJson::bare_long(std::int64_t v) {
  separate();
  number(v);
}

void AvroJson::escape(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\r':
        out_ += "\\r";
        break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
    }
  }
  out_.append(s.data() + run, s.size() - run);
}

}  // namespace leda::gen
