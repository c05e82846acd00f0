// fetch/api_keys.hpp — reading a LiveEngage API key from a JSON file, guarded like ssh guards a
// private key.
//
//   // keys.json, mode 0600:
//   // {"consumer_key": "...", "consumer_secret": "...", "token": "...", "token_secret": "..."}
//   leda::fetch::OAuthCredentials c = leda::fetch::load_api_keys("keys.json");
//
// Error messages name the file and the field, never a value.
#pragma once

#include <stdexcept>
#include <string>

#include "fetch/oauth.hpp"

namespace leda::fetch {

/// The keys file is missing, unreadable, too open, or not the expected JSON.
class KeysError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads the four credentials from `path`. Throws KeysError when the file is accessible by
/// group or others (the message says which chmod fixes it), cannot be read, is not a JSON object
/// or lacks a non-empty string field.
OAuthCredentials load_api_keys(const std::string& path);

}  // namespace leda::fetch
