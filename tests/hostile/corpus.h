// The malformed-input corpus of tests/malformed/cases.jsonl, decoded into the
// exact request bytes each case sends (see tests/malformed/README.md).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace uie_test {

struct Case {
  std::string name;
  std::string category;
  std::string bytes;       // the request, byte for byte
  nlohmann::json expect;   // {"code","path"} or {"ok":true, field: value...}
};

// Reads every case of a cases.jsonl file. On a malformed corpus line, returns
// what is wrong in `error` (and the cases read so far).
std::vector<Case> load_cases(const std::string& path, std::string& error);

// The decoders, exposed for their own tests.
bool base64_decode(const std::string& in, std::string& out);
bool expand_gen(const nlohmann::json& gen, std::string& out, std::string& error);

// The corpus file of the source tree.
std::string corpus_path();

}  // namespace uie_test
