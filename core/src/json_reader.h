// Reads untrusted JSON text into a DOM without ever throwing: refuses text past
// the size limit, nesting past the depth limit, and an object that names the
// same key twice (a typo'd duplicate must not silently win). Keeps the source
// text of every non-integer number, so money is read from the digits the
// person wrote, not from a binary double.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace uie {

using json = nlohmann::json;

struct JsonReadError {
  std::string code;     // "invalid_json" or "invalid_request"
  std::string path;     // JSON Pointer of the offending value, "" for the whole text
  std::string message;  // plain Chinese
};

struct JsonDocument {
  json value;
  std::map<std::string, std::string> number_text;  // JSON Pointer -> source text
};

// Returns true and fills `out`, or false and fills `err`.
bool read_json(std::string_view text, std::size_t max_bytes, int max_depth, JsonDocument& out,
               JsonReadError& err);

// RFC 6901 escaping of one reference token.
std::string pointer_token(std::string_view key);

}  // namespace uie
